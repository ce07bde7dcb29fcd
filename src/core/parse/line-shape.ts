/**
 * The shape of one line of text, as a reader judges it at a glance: how many words, whether it
 * ends like a sentence, how much of it is grammar words, whether it is a form label, a counter,
 * a link alone. These are the weak signals of the cleaner (see `boilerplate.ts`); none of them
 * removes a line by itself. All of it is hand-written scanning or start-anchored patterns, so
 * its cost is linear in the line's length whatever the line holds.
 */

/**
 * Lines longer than this are never tested against a site-text pattern: site text is short
 * (the longest cookie banners run to about 600 characters), and a bound before any regex
 * keeps even a careless pattern from running long on a 5 MiB line.
 */
export const MAX_SITE_TEXT_CHARS = 1_000;

/**
 * A line with this many words or more is article text whatever its ending: site text that
 * long is a sentence (a cookie banner, a newsletter pitch) and only a rule can take it out.
 */
export const LONG_LINE_WORDS = 25;

/**
 * A sentence of at least this many words ending in `.`, `!`, `?`, `…` or a closing quote is
 * a real paragraph: it is never removed on a weak signal. Ten words is below nearly every
 * paragraph of the BBC corpus and above the short sentences of site text ("Be the first to
 * comment.", "Your email address will not be published.").
 */
export const REAL_PARAGRAPH_WORDS = 10;

/** Characters that may close a sentence after its final punctuation: quotes, guillemets. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›']);
/** Final punctuation of a sentence (and of a label or lead-in, for `:` and `;`). */
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLAUSE_END = new Set([':', ';']);

/**
 * The last character of `text` that is neither white space nor a closing quote, or '' when
 * there is none. A backward scan: linear, where a `[closers]+$` regex is quadratic on a run of
 * closers (issue 9: 2 MB of `" " "` took over a minute).
 */
function lastMeaningfulChar(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i]!;
    if (!CLOSERS.has(char) && char.trim() !== '') return char;
  }
  return '';
}

/** Whether the text ends with `.`, `!`, `?`, `…`, `:` or `;`, closing quotes allowed after it. */
export function endsClause(text: string): boolean {
  const last = lastMeaningfulChar(text);
  return SENTENCE_END.has(last) || CLAUSE_END.has(last);
}

/** Whether the text ends like a full sentence: `.`, `!`, `?` or `…`, closers allowed after it. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.has(lastMeaningfulChar(text));
}

/**
 * Words as the cleaner counts them: runs of characters between white space that hold at least
 * one letter or digit (so `|` and `–` in a share row are not words). Cheaper and rougher than
 * `countWords` in `metrics.ts`, which is the reader-facing count.
 */
export function lineWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || text.charCodeAt(i) <= 32 || text[i]!.trim() === '';
    if (blank) {
      if (start >= 0) {
        const word = text.slice(start, i);
        if (HAS_LETTER_OR_DIGIT.test(word)) words.push(word);
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return words;
}
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters only, lower case: `L'article,` gives `l'article`; used to look words up in lists. */
export function bareWord(word: string): string {
  // Trimmed by hand: a `[^\p{L}]+$` regex would be quadratic on a long run of punctuation.
  let start = 0;
  let end = word.length;
  while (start < end && !IS_LETTER_OR_DIGIT.test(word[start]!)) start++;
  while (end > start && !IS_LETTER_OR_DIGIT.test(word[end - 1]!)) end--;
  return word.slice(start, end).toLowerCase();
}
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]/u;

/**
 * Share of the words that are grammar words of any of the given lists (jusText's
 * "stop-word density": running text has 30 to 50 %, menus and labels almost none).
 */
export function stopWordShare(words: readonly string[], stopWords: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  let count = 0;
  for (const word of words) {
    const bare = bareWord(word);
    // French elisions (`l'article`, `d’un`) count as the grammar word they start with.
    const apostrophe = bare.search(APOSTROPHE);
    if (stopWords.has(bare) || (apostrophe > 0 && stopWords.has(bare.slice(0, apostrophe + 1)))) count++;
  }
  return count / words.length;
}
const APOSTROPHE = /['’]/u;

/** A form field's label: one to three words then a required-field star, e.g. `Name *`, `E-mail *`. */
export function isFieldLabel(text: string): boolean {
  return FIELD_LABEL.test(text);
}
const FIELD_LABEL = /^[\p{L}][\p{L}\p{N}'’ -]{0,30}\s?\*$/u;

/** A web address or an e-mail address alone on its line (`www.example.com`, `news@example.com`). */
export function isLinkAlone(text: string): boolean {
  if (text.length > 300 || text.includes(' ')) return false;
  return URL_START.test(text) || EMAIL.test(text);
}
const URL_START = /^(?:https?:\/\/|www\.)[^\s]/iu;
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,}$/u;

/** A bare number or a number with a unit sign: `0`, `12`, `1.2k`, a like or share counter. */
export function isCounter(text: string): boolean {
  return COUNTER.test(text);
}
const COUNTER = /^[+(]?\d{1,7}(?:[.,]\d{1,3})?[kKmM]?\)?$/u;

/**
 * A trail of site sections: three or more short segments between ` › `, ` > `, ` » `, ` / ` or ` | `
 * (`Home › News › Politics`). Scanned by hand: segments and separators are counted in one pass.
 */
export function isBreadcrumb(text: string): boolean {
  if (text.length > 160) return false;
  const segments = text.split(BREADCRUMB_SEPARATOR);
  if (segments.length < 3) return false;
  // The last segment may be the page's own title, and longer.
  return segments.every((segment, index) => {
    const words = lineWords(segment);
    const most = index === segments.length - 1 ? 15 : 4;
    return words.length >= 1 && words.length <= most && STARTS_WITH_LETTER.test(segment.trim());
  });
}
/** Spaces around the separator: `6/8` in a score is not a trail. */
const BREADCRUMB_SEPARATOR = /\s[›>»/|]\s/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** The cheap facts about one line that the edge decision weighs. */
export interface LineShape {
  words: number;
  /** Ends with `.`, `!`, `?` or `…` (closing quotes allowed). */
  sentenceEnd: boolean;
  /** A long sentence, or any long line: never removed on a weak signal. */
  realParagraph: boolean;
  /** Short and not a real paragraph: may be site text when a strong signal stands beside it. */
  weak: boolean;
}

/** Measures one trimmed line. */
export function lineShape(text: string): LineShape {
  // Anything this long is article text; not even scanned (issue 9: lines of megabytes).
  if (text.length >= 200)
    return { words: LONG_LINE_WORDS, sentenceEnd: endsSentence(text), realParagraph: true, weak: false };
  const words = lineWords(text).length;
  const sentenceEnd = endsSentence(text);
  const realParagraph =
    words >= LONG_LINE_WORDS || text.length >= 200 || (sentenceEnd && words >= REAL_PARAGRAPH_WORDS);
  return { words, sentenceEnd, realParagraph, weak: !realParagraph };
}
