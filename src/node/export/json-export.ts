/**
 * Annotations as JSON: the records `gazette annotations --json` prints, and Gazette's own export
 * format built from them.
 */
import { currentQuote, type Highlight, type Note } from '../../core/annotations/model';
import type { ReviewRecord } from '../../core/review/model';
import type { AnnotatedArticle } from './annotated-article';

/** The JSON export's `format` and version, so another program (or a later Gazette) can tell it. */
export const JSON_EXPORT_FORMAT = 'gazette-annotations';
export const JSON_EXPORT_VERSION = 1;

/**
 * A highlight as the command line prints it: `quote` is the words it covers in the current text
 * (its selectors' quote if detached); `start`/`end` count characters of that text, null if
 * detached; `selectors` are those made when the reader highlighted the words.
 */
export function highlightRecord(highlight: Highlight, text: string) {
  const { anchor } = highlight;
  const [quote, position] = highlight.selectors;
  return {
    id: highlight.id,
    quote: currentQuote(highlight, text),
    color: highlight.color,
    note: highlight.note,
    status: anchor.status,
    start: anchor.status === 'detached' ? null : anchor.start,
    end: anchor.status === 'detached' ? null : anchor.end,
    selectors: [
      { type: quote.type, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: position.type, start: position.start, end: position.end },
    ],
    // Other versions of the note kept beside it by a restore (model.ts), only when there are some.
    ...(highlight.conflicts?.length ? { conflicts: highlight.conflicts } : {}),
  };
}

export function noteRecord(note: Note) {
  return {
    id: note.id,
    text: note.text,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    ...(note.conflicts?.length ? { conflicts: note.conflicts } : {}),
  };
}

/**
 * A highlight's or note's daily-review state as exported: when it comes back, how often it was
 * graded and forgotten, every grade, and when it was retired (if it was).
 */
export function reviewExportRecord(record: ReviewRecord) {
  return {
    due: record.card.due,
    state: record.card.state,
    reps: record.card.reps,
    lapses: record.card.lapses,
    history: record.history,
    ...(record.retiredAt !== undefined ? { retiredAt: record.retiredAt } : {}),
  };
}

/**
 * The JSON export of `articles`, as text. `review` (the review records by annotation id) adds a
 * `review` field to each highlight and note that has one (version 1 readers ignore it).
 */
export function annotationsToJson(
  articles: readonly AnnotatedArticle[],
  exportedAt: string,
  review: Readonly<Record<string, ReviewRecord>> = {},
): string {
  const reviewOf = (id: string) => {
    const record = Object.hasOwn(review, id) ? review[id] : undefined;
    return record ? { review: reviewExportRecord(record) } : {};
  };
  const document = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt,
    articles: articles.map(({ meta, text, highlights, notes, tags = [] }) => ({
      id: meta.id,
      title: meta.title,
      source: meta.source,
      section: meta.section,
      language: meta.language,
      importedAt: meta.importedAt,
      updatedAt: meta.updatedAt,
      tags,
      highlights: highlights.map((highlight) => ({
        ...highlightRecord(highlight, text),
        createdAt: highlight.createdAt,
        updatedAt: highlight.updatedAt,
        ...reviewOf(highlight.id),
      })),
      notes: notes.map((note) => ({ ...noteRecord(note), ...reviewOf(note.id) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
