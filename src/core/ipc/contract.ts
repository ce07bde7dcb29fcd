/**
 * The one typed contract between the renderer and the main process.
 *
 * Each method has a channel name, a zod schema for its input (every payload from the
 * renderer is validated against it before it reaches a service) and a result type.
 * The preload exposes exactly these methods; the renderer's `window.gazette` type and the
 * main process's handlers are both derived from `GazetteApi`, so a change here is checked
 * in all three places by the compiler.
 */
import { z } from 'zod';
import {
  annotationIdSchema,
  highlightColorSchema,
  highlightSchema,
  noteSchema,
  noteTextSchema,
} from '../annotations/annotation-schemas';
import type { ArticleAnnotations, Highlight, NotebookEntry, Note } from '../annotations/model';
import type { Article } from '../article';
import { articleIdSchema } from '../article-id';
import {
  EXPORT_FORMATS,
  type BackupSummary,
  type ExportedFile,
  type RestoreReport,
  type SavedExport,
} from '../export';
import type { ImportProgress, ImportReport } from '../import-report';
import type { LibraryStatus } from '../library-status';
import { READING_STATES, type LibraryEntry, type ReadingProgress } from '../reading';
import type { RelatedArticle, SavedView, SearchIndexProgress, SearchResult } from '../search/model';
import type { QueryError } from '../search/query/ast';
import { tagSchema } from '../tag-schema';
import type { TagCount } from '../tags';
import type { Settings } from '../settings';
import { settingsPatchSchema } from '../settings-schema';
import type { GazetteMethodName, MenuCommand, WindowMethodName } from './channels';
import type { ReviewFrequency, ReviewRecord, ReviewSession } from '../review/model';
import { reviewFrequencySchema, reviewRatingSchema } from '../review/review-schemas';
import {
  MAX_SENTENCE_LENGTH,
  MAX_SPEECH_RATE,
  MIN_SPEECH_RATE,
  type SynthesizedSentence,
} from '../speech/voice';

/** The article id rule lives in core/article-id.ts; re-exported for callers of the contract. */
export { articleIdSchema };

/** A path, for the services' own callers only (see `HOST_ONLY_METHODS`): never from a window. */
const importPathSchema = z.string().min(1).max(4096);

/**
 * A one-time token the main process gave for one file dropped on the window (see
 * `DROP_GRANT_CHANNEL`): a random UUID, so a window cannot make one up.
 */
export const dropTokenSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a drop token');

const articleIdsSchema = z.array(articleIdSchema).min(1).max(100_000);

export const readingPositionSchema = z
  .object({
    blockIndex: z.number().int().min(0),
    blockOffset: z.number().min(0).max(1),
    fraction: z.number().min(0).max(1),
  })
  .strict();

const exportFormatSchema = z.enum(EXPORT_FORMATS);

const sectionSchema = z.string().min(1).max(500);
const tagsSchema = z.array(tagSchema).max(50);

/** The filters a list, a search or a saved view combines (core/library-filters.ts applies them). */
const libraryFilters = {
  section: sectionSchema.optional(),
  state: z.enum(READING_STATES).optional(),
  /** Articles carrying every one of these tags. */
  tags: tagsSchema.optional(),
  /** Only articles with (true) or without (false) highlights or notes. */
  hasAnnotations: z.boolean().optional(),
};

export const inputSchemas = {
  /**
   * The library, newest imports first; `limit` asks for only the first entries (a first screen),
   * the filters for only the articles matching them all.
   */
  listArticles: z
    .object({ limit: z.number().int().min(1).max(1_000_000).optional(), ...libraryFilters })
    .strict(),
  getArticle: z.object({ id: articleIdSchema }).strict(),
  /** Imports files and folders by path: for the command line and tests, never from a window. */
  importPaths: z.object({ paths: z.array(importPathSchema).min(1).max(10_000) }).strict(),
  /**
   * Imports the files dropped on the window, named by the one-time tokens `dropTokens` gave for
   * them; an unknown, used or expired token refuses the whole drop, with nothing imported.
   */
  importDropped: z.object({ tokens: z.array(dropTokenSchema).min(1).max(10_000) }).strict(),
  chooseAndImport: z.object({ pick: z.enum(['files', 'folder']) }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  /**
   * Back to the default settings. A damaged settings file is first kept aside in its folder
   * (`settings.damaged-<time>.json`), never deleted.
   */
  resetSettings: z.object({}).strict(),
  /** Shows the settings file in the system's file manager (where the app can). */
  revealSettingsFile: z.object({}).strict(),
  libraryStatus: z.object({}).strict(),
  getProgress: z.object({ id: articleIdSchema }).strict(),
  saveProgress: z.object({ id: articleIdSchema, position: readingPositionSchema }).strict(),
  setFinished: z.object({ id: articleIdSchema, finished: z.boolean() }).strict(),
  /** Takes articles out of the library; their user data stays until `forgetArticles`. */
  removeArticles: z.object({ ids: articleIdsSchema }).strict(),
  /** Undoes `removeArticles`. */
  restoreArticles: z.object({ ids: articleIdsSchema }).strict(),
  /** Deletes the user data of removed articles (progress, highlights, notes), once the reader has confirmed. */
  forgetArticles: z.object({ ids: articleIdsSchema }).strict(),

  /** An article's highlights (reading order, anchored on its current text) and notes (oldest first). */
  listAnnotations: z.object({ id: articleIdSchema }).strict(),
  /**
   * Highlights `start`–`end` of the article's body text: its blocks' text joined by "\n\n"
   * (core/annotations/article-text.ts maps block offsets to these). White space at either end is
   * left out; the service makes the selectors from the text.
   */
  addHighlight: z
    .object({
      id: articleIdSchema,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      color: highlightColorSchema.optional(),
      note: noteTextSchema.optional(),
    })
    .strict()
    .refine((input) => input.start < input.end, { message: 'end must be after start', path: ['end'] }),
  updateHighlight: z
    .object({
      id: articleIdSchema,
      highlightId: annotationIdSchema,
      color: highlightColorSchema.optional(),
      note: noteTextSchema.optional(),
    })
    .strict()
    .refine((input) => input.color !== undefined || input.note !== undefined, {
      message: 'give a color or a note to change',
    }),
  /** Resolves to the deleted highlight: give it to `restoreHighlight` to undo. */
  deleteHighlight: z.object({ id: articleIdSchema, highlightId: annotationIdSchema }).strict(),
  /** Puts back a deleted highlight with its id (undo), anchored on the current text. */
  restoreHighlight: z.object({ id: articleIdSchema, highlight: highlightSchema }).strict(),
  addNote: z.object({ id: articleIdSchema, text: noteTextSchema }).strict(),
  /** Replaces a note's text; the renderer calls it as the reader types (debounced). */
  updateNote: z.object({ id: articleIdSchema, noteId: annotationIdSchema, text: noteTextSchema }).strict(),
  /** Resolves to the deleted note: give it to `restoreNote` to undo. */
  deleteNote: z.object({ id: articleIdSchema, noteId: annotationIdSchema }).strict(),
  restoreNote: z.object({ id: articleIdSchema, note: noteSchema }).strict(),
  /**
   * Every highlight and note across the library, newest first; `color` keeps the highlights of
   * that colour only (no notes), `section` the annotations of that section's articles.
   */
  listNotebook: z
    .object({ color: highlightColorSchema.optional(), section: z.string().min(1).max(500).optional() })
    .strict(),
  /** One article's highlights and notes as a file's text (Markdown, JSON or W3C JSON-LD). */
  exportArticle: z.object({ id: articleIdSchema, format: exportFormatSchema }).strict(),
  /** Every annotated article: one Markdown file each, or one JSON / JSON-LD file for them all. */
  exportLibrary: z.object({ format: exportFormatSchema }).strict(),
  /**
   * Saves highlights and notes to files the reader chooses in a system dialog: one article's (with
   * `id`), or the whole library's (one Markdown file per article into a chosen folder; one JSON or
   * JSON-LD file). Paths never come from the renderer: the main process asks the reader.
   */
  saveExport: z.object({ id: articleIdSchema.optional(), format: exportFormatSchema }).strict(),
  /**
   * Writes a full backup (articles as imported, progress, settings, annotations, tags) to one JSON
   * file the reader chooses in a system dialog. Never replaces a file that is not a Gazette backup.
   */
  backupLibrary: z.object({}).strict(),
  /** Merges a backup file the reader chooses into the library; a bad file is refused whole, with nothing changed. */
  restoreLibrary: z.object({}).strict(),

  /**
   * Full-text search over titles, article text, highlights and notes (accents and case folded,
   * plurals stemmed, prefixes and small typos matched), combined with the filters; best first.
   */
  search: z
    .object({
      query: z.string().max(1000),
      ...libraryFilters,
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  /**
   * A query of the search language (src/core/search/query/README.md): words, `"phrases"`, `-not`,
   * `OR`, parentheses and field terms (`tag:x is:unread published:>2024-01`); best first, `limit`
   * results after `offset`. What is not understood is returned in `errors`, never thrown.
   */
  searchQuery: z
    .object({
      query: z.string().max(1000),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
    })
    .strict(),
  /** Every article a query of the search language finds, best first ("select all results"). */
  queryIds: z.object({ query: z.string().max(1000) }).strict(),
  /** The five articles closest to article `id` ("More on this" on the reading page). */
  relatedArticles: z.object({ id: articleIdSchema }).strict(),
  /** Adds and removes tags of an article; resolves to its tags. */
  setTags: z
    .object({ id: articleIdSchema, add: tagsSchema.optional(), remove: tagsSchema.optional() })
    .strict(),
  /** Renames a tag on every article and saved view (merging into `to` where both are there). */
  renameTag: z.object({ from: tagSchema, to: tagSchema }).strict(),
  deleteTag: z.object({ tag: tagSchema }).strict(),
  /** Every tag with its number of articles, by name. */
  listTags: z.object({}).strict(),
  listViews: z.object({}).strict(),
  /** Saves a named query and filters (replacing a view of that name); resolves to every view. */
  saveView: z
    .object({ name: z.string().trim().min(1).max(200), query: z.string().max(1000), ...libraryFilters })
    .strict(),
  deleteView: z.object({ name: z.string().min(1).max(200) }).strict(),

  /**
   * Loads the shipped voice on its thread now (the reading page asks as it opens), so play speaks
   * at once; resolves once it is loaded.
   */
  prepareSpeech: z.object({}).strict(),
  /**
   * Speaks one sentence with the shipped voice: `language` is the article's language tag (it picks
   * the voice), `rate` the speed (0.5× to 3×). Resolves to a WAV and its words' times.
   */
  synthesizeSentence: z
    .object({
      text: z.string().trim().min(1).max(MAX_SENTENCE_LENGTH),
      language: z.string().max(35),
      rate: z.number().min(MIN_SPEECH_RATE).max(MAX_SPEECH_RATE),
    })
    .strict(),
  /** Today's review: the highlights and notes to grade now (a few a day, by spaced repetition). */
  reviewSession: z.object({}).strict(),
  /** Grades a highlight or note of the review; resolves to its record (when it comes back). */
  gradeReview: z.object({ annotationId: annotationIdSchema, rating: reviewRatingSchema }).strict(),
  /** Takes a highlight or note out of the review for good (`retired` false brings it back). */
  retireReview: z.object({ annotationId: annotationIdSchema, retired: z.boolean() }).strict(),
  /** How often an article's (or a tag's) highlights come back; `normal` clears the setting. */
  setReviewFrequency: z
    .object({
      articleId: articleIdSchema.optional(),
      tag: tagSchema.optional(),
      frequency: reviewFrequencySchema,
    })
    .strict()
    .refine((input) => (input.articleId === undefined) !== (input.tag === undefined), {
      message: 'give an article id or a tag, not both',
    }),
  /**
   * The reader's choice on one block of an article: `keep` puts a removed block (site text) back,
   * `remove` marks a kept block as site text. Kept across re-imports and re-cleans; the article
   * is cleaned again and its highlights follow their words.
   */
  setBlockCleaning: z
    .object({ id: articleIdSchema, text: z.string().min(1).max(100_000), choice: z.enum(['keep', 'remove']) })
    .strict(),
  /** Cleans one article (or, without `id`, the library) again with the current rules and the reader's choices. */
  recleanArticles: z.object({ id: articleIdSchema.optional() }).strict(),
} as const satisfies Record<GazetteMethodName, z.ZodType>;

export type GazetteMethod = keyof typeof inputSchemas;
export type MethodInput<M extends GazetteMethod> = z.input<(typeof inputSchemas)[M]>;

/** What each method resolves to. */
export interface MethodResults {
  listArticles: LibraryEntry[];
  getArticle: Article;
  importPaths: ImportReport;
  importDropped: ImportReport;
  /** `null` when the reader closed the dialog without choosing. */
  chooseAndImport: ImportReport | null;
  getSettings: Settings;
  updateSettings: Settings;
  /** The settings now, and the name (not the path) the damaged file was kept under, if one was. */
  resetSettings: { settings: Settings; keptAs: string | null };
  /** `false` where no file manager can be asked (the test bridge); the file's path either way. */
  revealSettingsFile: { shown: boolean; file: string };
  /** Damage found (each file kept, the rest working), read-only state, migration: codes with values. */
  libraryStatus: LibraryStatus;
  /** `null` for an article never opened. */
  getProgress: ReadingProgress | null;
  saveProgress: ReadingProgress;
  setFinished: ReadingProgress;
  removeArticles: { removed: string[] };
  restoreArticles: { restored: string[] };
  forgetArticles: { forgotten: string[] };
  listAnnotations: ArticleAnnotations;
  addHighlight: Highlight;
  updateHighlight: Highlight;
  deleteHighlight: Highlight;
  restoreHighlight: Highlight;
  addNote: Note;
  updateNote: Note;
  deleteNote: Note;
  restoreNote: Note;
  listNotebook: NotebookEntry[];
  exportArticle: ExportedFile;
  exportLibrary: ExportedFile[];
  /** `null` when the reader closed the dialog; no files when there was nothing to export. */
  saveExport: SavedExport | null;
  /** `null` when the reader closed the dialog without choosing. */
  backupLibrary: BackupSummary | null;
  restoreLibrary: RestoreReport | null;
  search: SearchResult[];
  searchQuery: { results: SearchResult[]; errors: QueryError[]; more: boolean };
  queryIds: { ids: string[]; errors: QueryError[] };
  relatedArticles: RelatedArticle[];
  setTags: { id: string; tags: string[] };
  renameTag: { changed: number };
  deleteTag: { changed: number };
  listTags: TagCount[];
  listViews: SavedView[];
  saveView: SavedView[];
  deleteView: SavedView[];
  prepareSpeech: { ready: true };
  synthesizeSentence: SynthesizedSentence;
  reviewSession: ReviewSession;
  gradeReview: { annotationId: string; record: ReviewRecord };
  retireReview: { annotationId: string; record: ReviewRecord };
  setReviewFrequency: { frequency: ReviewFrequency };
  setBlockCleaning: Article;
  recleanArticles: RecleanReport;
}

/** What a re-clean did: the articles whose text changed, those left as they were, and failures. */
export interface RecleanReport {
  recleaned: string[];
  unchanged: number;
  /** Articles left as they were (e.g. they would have had no paragraph left), with the reason. */
  failed: Array<{ id: string; error: string }>;
}

/** The API the preload exposes as `window.gazette`: the methods a window may call. */
export type GazetteApi = {
  [M in WindowMethodName]: (input: MethodInput<M>) => Promise<MethodResults[M]>;
} & GazetteEvents & {
    /**
     * One-time tokens for files dropped on the window, to give `importDropped`. The preload reads
     * each file's path (Electron's webUtils) and hands it to the main process, which keeps it and
     * answers with a token: the page never sees or names a path. Files that do not come from the
     * system (made by a script) get no token; resolves to `[]` if none does.
     */
    dropTokens(files: readonly Blob[]): Promise<string[]>;
  };

/** Events pushed from the main process; each subscription returns its unsubscribe function. */
export interface GazetteEvents {
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Loading or rebuilding of the search index (rebuilt when its file is missing or damaged). */
  onSearchIndexProgress(listener: (progress: SearchIndexProgress) => void): () => void;
}

/** The handlers a host (the Electron main process, or the test bridge) provides. */
export type GazetteHandlers = {
  [M in GazetteMethod]: (input: z.output<(typeof inputSchemas)[M]>) => Promise<MethodResults[M]>;
};
