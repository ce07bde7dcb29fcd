/**
 * The reader's annotations: highlights on an article's text, and personal notes kept where the
 * site's comment form was. Plain data (no schema library, no Node, no DOM), so the renderer can
 * import the types and constants without bundling zod; the schemas are in annotation-schemas.ts.
 *
 * A highlight is stored as W3C Web Annotation selectors on the article's body text (see
 * article-text.ts): a quote with its context, and a position. Those describe the words the reader
 * chose, as they were chosen, and are never rewritten; `anchor` says where those words are in the
 * article's CURRENT text, recomputed whenever the text changes (anchor.ts).
 */

/** The highlight colours, in the order a toolbar offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/**
 * The longest note, on a highlight or at the end of an article, in UTF-16 code units: some
 * 3,000 words, far more than a note needs, and a bound on what one save writes.
 */
export const NOTE_MAX_LENGTH = 20_000;

/** Characters of context kept on each side of a quote (Hypothesis keeps 32 too): enough to tell
 * apart repeated phrases, short enough that an edit near the quote rarely touches it. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** The quoted words with the text just before and after them (W3C TextQuoteSelector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the words were, as offsets in the article's body text (W3C TextPositionSelector). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Both selectors, as made when the reader highlighted the words. */
export type HighlightSelectors = [TextQuoteSelector, TextPositionSelector];

/**
 * `anchored`: the words are where they were highlighted; `moved`: found elsewhere (or found with
 * small edits) in the current text; `detached`: the words are gone. A detached highlight is kept,
 * with its quote and note, until the reader deletes it.
 */
export const ANCHOR_STATUSES = ['anchored', 'moved', 'detached'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** Where a highlight is in the article's current text: offsets `start`–`end`, or nowhere. */
export type Anchor = { status: 'anchored' | 'moved'; start: number; end: number } | { status: 'detached' };

/**
 * A version of a highlight's note or a note's text that differed from the reader's own and was
 * kept beside it rather than replace it (Gazette never lets a restore overwrite the reader's
 * words, whatever the dates say). The reader resolves it: keeps one, merges them, or dismisses it.
 */
export interface AnnotationConflict {
  /** The other text, as it was there. */
  text: string;
  /** Where it came from: a restored backup. */
  from: 'backup';
  /** ISO 8601 time it was set aside here. */
  at: string;
  /** ISO 8601 time the other version was last edited (its `updatedAt` there). */
  updatedAt: string;
}

export interface Highlight {
  id: string;
  articleId: string;
  color: HighlightColor;
  /** The reader's note on the highlight, light Markdown (note-markdown.ts); '' for none. */
  note: string;
  /** ISO 8601 times. `updatedAt` changes with the reader's edits only, not with re-anchoring. */
  createdAt: string;
  updatedAt: string;
  selectors: HighlightSelectors;
  anchor: Anchor;
  /** Other versions of `note` kept beside it (see AnnotationConflict); absent when none. */
  conflicts?: AnnotationConflict[];
}

/** A personal note at the end of an article. */
export interface Note {
  id: string;
  articleId: string;
  /** Light Markdown (note-markdown.ts). */
  text: string;
  createdAt: string;
  updatedAt: string;
  /** Other versions of `text` kept beside it (see AnnotationConflict); absent when none. */
  conflicts?: AnnotationConflict[];
}

/** An article's highlights (in reading order) and notes (oldest first). */
export interface ArticleAnnotations {
  articleId: string;
  highlights: Highlight[];
  notes: Note[];
}

/** What the library list shows of an article's annotations. */
export interface AnnotationCounts {
  highlights: number;
  notes: number;
}

/** The article an entry of the notebook belongs to. */
export interface NotebookArticle {
  id: string;
  title: string;
  section: string;
  language: string;
}

/** One line of the notebook: every highlight and note across the library, newest first. */
export type NotebookEntry =
  | { kind: 'highlight'; article: NotebookArticle; highlight: Highlight; quote: string }
  | { kind: 'note'; article: NotebookArticle; note: Note };

/** The words a highlight covers now, or the quote it was made on if they are gone. */
export function currentQuote(highlight: Highlight, text: string): string {
  const { anchor } = highlight;
  return anchor.status === 'detached' ? highlight.selectors[0].exact : text.slice(anchor.start, anchor.end);
}

/**
 * Highlights in reading order: by where they are now, then by when they were made; detached ones
 * (which are nowhere) last, oldest first.
 */
export function inReadingOrder(highlights: readonly Highlight[]): Highlight[] {
  const place = (highlight: Highlight): number =>
    highlight.anchor.status === 'detached' ? Number.POSITIVE_INFINITY : highlight.anchor.start;
  return [...highlights].sort(
    (a, b) =>
      place(a) - place(b) ||
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
