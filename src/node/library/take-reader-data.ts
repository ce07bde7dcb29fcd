/**
 * Takes in the reader's own data that came with articles from another reader's export (Omnivore,
 * Wallabag): reading state into the progress store, labels into the tag store, highlights into
 * the annotation store. Given to `importIntoLibrary` as `onReaderData` by the app.
 *
 * Idempotent, so re-importing an export changes nothing:
 * - a highlight's id is derived from the article and its quote, and the annotation store merges
 *   by id: the same quote is never added twice (its note fills an empty one, or is kept beside a
 *   different one as a conflict, as for a backup);
 * - tags already on the article (compared without case) are not added again;
 * - progress only moves forward: an export never marks unread what the reader read here.
 *
 * Highlights from exports have no position: each is anchored by its quote with the annotation
 * code's own quote search (exact, then approximate); a quote not found is saved as detached,
 * never dropped, so the reader sees it in the article's detached list.
 */
import { createHash } from 'node:crypto';
import { articleText } from '../../core/annotations/article-text';
import { selectorsFor } from '../../core/annotations/anchor';
import { matchQuote } from '../../core/annotations/match-quote';
import {
  DEFAULT_HIGHLIGHT_COLOR,
  NOTE_MAX_LENGTH,
  type Highlight,
  type HighlightSelectors,
} from '../../core/annotations/model';
import type { Block } from '../../core/article';
import type { ReadingProgress } from '../../core/reading';
import type { CarriedHighlight } from '../import/outcome';
import type { CarriedReaderData } from './import-into-library';

/** The parts of the stores this needs (the real stores in the app and in tests). */
export interface ReaderDataStores {
  annotations: {
    merge(id: string, incoming: { highlights: readonly Highlight[]; notes: readonly [] }): Promise<unknown>;
  };
  progress: {
    get(id: string): ReadingProgress | null;
    setFinished(id: string, finished: boolean): Promise<ReadingProgress>;
    setFraction(id: string, fraction: number): Promise<ReadingProgress>;
  };
  tags: {
    get(id: string): string[];
    setTags(id: string, add: readonly string[], remove: readonly string[]): Promise<string[]>;
  };
}

/**
 * Where an export's quote is in an article's body text (the annotations' text: blocks joined by
 * a blank line), or null when it is not there even approximately: the one rule the import's
 * report and the saved highlights share, so "detached" means the same in both.
 */
export function locateQuote(bodyText: string, quote: string): { start: number; end: number } | null {
  const words = quote.trim();
  if (!words) return null;
  const found = matchQuote(bodyText, words);
  return found ? { start: found.start, end: found.end } : null;
}

/** The body text highlights anchor on, from an article's blocks. */
export function bodyTextOf(blocks: readonly Pick<Block, 'text'>[]): string {
  return articleText(blocks).text;
}

/**
 * The id of the highlight an export's quote becomes in article `articleId`: the same on every
 * re-import, so merging by id never adds it twice. `imp-` and 40 hex digits fit the annotation id
 * rule (a word-like id up to 64 characters).
 */
export function importedHighlightId(articleId: string, quote: string): string {
  const digest = createHash('sha256').update(`${articleId}\0${quote.trim()}`).digest('hex');
  return `imp-${digest.slice(0, 40)}`;
}

/** A time the annotation schema takes (ISO 8601 with offset), or `fallback`. */
function isoOr(time: string | undefined, fallback: string): string {
  if (!time) return fallback;
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? fallback : new Date(parsed).toISOString();
}

/**
 * The highlight an export's quote becomes. A found quote gets its real selectors (so later
 * re-anchoring works as for the reader's own highlights); a quote not found keeps its words as
 * the quote selector, with a position that only says its length, and is detached.
 */
export function highlightFromExport(
  articleId: string,
  bodyText: string,
  carried: CarriedHighlight,
  now: string,
): Highlight {
  const quote = carried.quote.trim();
  const place = locateQuote(bodyText, quote);
  const selectors: HighlightSelectors = place
    ? selectorsFor(bodyText, place.start, place.end)
    : [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: quote.length },
      ];
  const createdAt = isoOr(carried.createdAt, now);
  return {
    id: importedHighlightId(articleId, quote),
    articleId,
    color: DEFAULT_HIGHLIGHT_COLOR,
    // A note longer than the store takes is cut, not refused: the highlight itself matters more.
    note: (carried.note ?? '').slice(0, NOTE_MAX_LENGTH),
    createdAt,
    updatedAt: createdAt,
    selectors,
    anchor: place ? { status: 'anchored', ...place } : { status: 'detached' },
  };
}

/**
 * Saves the reader data of freshly committed articles into the stores (see the module comment).
 * Throws the first store error (a full disk, a damaged file): the articles are committed by then,
 * and importing the export again finishes the job without duplicating what was saved.
 */
export async function takeReaderData(
  entries: readonly CarriedReaderData[],
  stores: ReaderDataStores,
  now: () => Date = () => new Date(),
): Promise<void> {
  for (const { id, article, readerData } of entries) {
    const body = bodyTextOf(article.blocks);
    const time = now().toISOString();
    const highlights = readerData.highlights
      .filter((highlight) => highlight.quote.trim().length > 0)
      .map((highlight) => highlightFromExport(id, body, highlight, time));
    if (highlights.length > 0) await stores.annotations.merge(id, { highlights, notes: [] });

    const have = new Set(stores.tags.get(id).map((tag) => tag.toLocaleLowerCase()));
    const newTags = [...new Set(readerData.tags.map((tag) => tag.trim()).filter(Boolean))].filter(
      (tag) => !have.has(tag.toLocaleLowerCase()),
    );
    if (newTags.length > 0) await stores.tags.setTags(id, newTags, []);

    const current = stores.progress.get(id);
    if (readerData.state === 'finished') {
      if (!current?.finished) await stores.progress.setFinished(id, true);
    } else if (readerData.progress !== undefined && readerData.progress > 0) {
      if (!current || (!current.finished && current.fraction < readerData.progress)) {
        await stores.progress.setFraction(id, readerData.progress);
      }
    }
  }
}
