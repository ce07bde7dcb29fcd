/**
 * The shape of the cleaner's per-language data. A language is a `LanguageRules` value in its own
 * file (`en.ts`, `fr.ts`...); the cleaner applies every language to every article, since a French
 * site may show an English cookie banner.
 *
 * Safe by construction (issue 9): every pattern is anchored at the start (`^`), has no nested
 * quantifier over overlapping alternatives and no unbounded `.*`; lengths are bounded by
 * `maxChars` in code rather than by `.{0,600}` in the pattern; rows of links are scanned item by
 * item in code (`rows`), never by one repeated group. `redos.test.ts` runs `recheck` over all of it.
 */

/** Why a block was taken out of the article; stored as `RemovedBlock.reason`. */
export type RemovalReason =
  | 'comment-form'
  | 'cookie-banner'
  | 'newsletter'
  | 'paywall'
  | 'share'
  | 'follow'
  | 'related'
  | 'copyright'
  | 'legal'
  | 'ad-label'
  | 'image-credit'
  | 'print-email'
  | 'navigation'
  | 'page-info'
  /** A web or e-mail address alone on its line. */
  | 'link'
  /** A form field's label such as `Name *`. */
  | 'form-field'
  /** A date line, a byline or a `Tags:` line: its content went to the article's metadata. */
  | 'metadata'
  /** A line found at the edges of many files of the same folder (see `template-lines.ts`). */
  | 'template'
  /** The reader said this block is site text (see `reader-choices.ts`). */
  | 'reader';

/** The reasons a language's rules may give (the others come from shapes, metadata or the reader). */
export type BoilerplateRuleId = Exclude<
  RemovalReason,
  'link' | 'form-field' | 'metadata' | 'template' | 'reader'
>;

/** One kind of site text and the patterns that recognise a whole trimmed line of it. */
export interface BoilerplateRule {
  id: BoilerplateRuleId;
  /**
   * Start-anchored patterns tested against the trimmed line. End them with `$` when the line
   * must stop there; leave the end open (and set `maxChars`) for a prompt that goes on.
   */
  patterns: readonly RegExp[];
  /**
   * When set, the line must also contain this, or each of these (a cookie banner's "accept"
   * or "experience", and a word addressing the reader: "you", "vous"): what sets site text
   * apart from a news sentence that starts the same way ("The site uses cookies without
   * consent, the regulator said" speaks of the site, not to the reader).
   */
  alsoHas?: RegExp | readonly RegExp[];
  /** The longest line this rule may match, in characters; 200 when not set. */
  maxChars?: number;
}

/**
 * A row of links or buttons: items from a closed list, separated by white space or any of
 * `| · • , / – - & +`, by counters (`Tweet 0 Share 0`) or by "and"/"et"/"und"/"y". Scanned in
 * code, one item at a time, so a row of any length costs linear time.
 */
export interface RowRule {
  id: BoilerplateRuleId;
  /**
   * One item, as an alternation of literal labels, longest first where one is the prefix of
   * another (`contact us|contact`): the scan takes the first alternative that fits.
   */
  items: RegExp;
}

/** Words that turn a line into the article's metadata (see `metadata-lines.ts`). */
export interface MetadataWords {
  /** Start of a byline, e.g. `^(?:by|written by)\s+`. */
  byline: RegExp;
  /** Start of a date line giving the publication date, e.g. `^published(?: on)?[\s:]+`. */
  published: RegExp;
  /** Start of a date line giving the last update, e.g. `^(?:last )?updated(?: on)?[\s:]+`. */
  updated: RegExp;
  /** Start of a tags line, e.g. `^tags?\s*:\s*`. */
  tags: RegExp;
  /** Month names and their abbreviations (lower case, no final point), to the month's number. */
  months: Readonly<Record<string, number>>;
  /**
   * Small words a date line may hold besides the date: weekdays, "at", "à", "um", time-zone
   * names (lower case).
   */
  dateWords: readonly string[];
  /** Words joining two authors' names (`and`, `et`). */
  nameJoiners: readonly string[];
  /** Lower-case words that may stand inside a name (`de`, `van`, `von`). */
  nameParticles: readonly string[];
}

/** The rules of one language. */
export interface LanguageRules {
  /** Site text, recognised line by line: a strong signal at the edges of the body. */
  remove: readonly BoilerplateRule[];
  /** Rows of links or buttons (share rows, footer links). */
  rows?: readonly RowRule[];
  /**
   * Credit lines such as `(Avec AFP)`, kept as `attribution` blocks. A pattern with a named
   * group `agencies` matches only when every name in the group (split on `,`, `/`, `&`, "and",
   * "et", "und", "y") is an agency (`agency`).
   */
  attribution: readonly RegExp[];
  /** One agency's name, whole, for the `agencies` group of the credit patterns. */
  agency?: RegExp;
  /** Grammar words, lower case, for the stop-word share of a line. */
  stopWords?: readonly string[];
  /** Date lines, bylines and tags lines. */
  metadata?: MetadataWords;
}

/** Rules keyed by language (`en`, `fr`...). All languages apply to every article. */
export type BoilerplateRules = Readonly<Record<string, LanguageRules>>;
