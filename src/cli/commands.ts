/**
 * The `gazette` commands. Each one opens the store, does its work through the same services
 * as the app, and returns an exit code; printing goes through `out`/`err` so tests can read it.
 */
import type { Article } from '../core/article';
import { readingState, type LibraryEntry, type ReadingProgress } from '../core/reading';
import { AnnotationStore, reanchorOnImport } from '../node/annotations';
import { importIntoLibrary } from '../node/library/import-into-library';
import { ProgressStore, toLibraryEntry } from '../node/reading';
import { LibraryStore } from '../node/store';
import { TagStore } from '../node/tags';
import { terminalProgress } from './progress-bar';
import { renderArticle } from './render-article';
import { UsageError } from './usage';

export interface CommandContext {
  dataDir: string;
  json: boolean;
  args: string[];
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is a terminal: styled text and a progress bar. */
  terminal: boolean;
  /** The options of `progress` (the argument parser is strict, so every command may be given them). */
  progress: ProgressOptions;
  /** The options of the annotation, export and backup commands, as typed (run-cli.ts says whose). */
  options: CommandOptions;
}

export interface CommandOptions {
  text?: string | undefined;
  occurrence?: string | undefined;
  color?: string | undefined;
  note?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  /** `search`: `--section`, `--tag` (repeatable), `--limit`; `tag`: `--add`, `--remove` (repeatable). */
  section?: string | undefined;
  tag?: string[] | undefined;
  limit?: string | undefined;
  add?: string[] | undefined;
  remove?: string[] | undefined;
}

export interface ProgressOptions {
  /** `--set`: the fraction read, as typed. */
  set?: string | undefined;
  finished: boolean;
  unread: boolean;
}

export async function importCommand(context: CommandContext): Promise<number> {
  if (context.args.length === 0) throw new UsageError('import needs at least one file or folder.');
  const store = await LibraryStore.open(context.dataDir);
  try {
    const progress = context.json ? undefined : terminalProgress();
    let annotations: Promise<AnnotationStore> | undefined;
    const report = await importIntoLibrary(store, context.args, {
      onProgress: progress?.update,
      // Highlights follow their words into an updated article's new text.
      onArticlesUpdated: reanchorOnImport(
        () => (annotations ??= AnnotationStore.open(store)),
        ({ id, error }) => context.err(`  warning    highlights of ${id} not re-anchored yet (${error})`),
      ),
    });
    progress?.finish();
    if (context.json) {
      context.out(JSON.stringify(report, null, 2));
    } else {
      context.out(
        `Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
          `duplicates ${report.duplicates.length}, skipped ${report.skipped.length}, failed ${report.failed.length}.`,
      );
      for (const { path, of } of report.duplicates) context.out(`  duplicate  ${path} (same text as ${of})`);
      for (const { path, reason } of report.skipped) context.out(`  skipped    ${path}: ${reason}`);
      for (const { path, error } of report.failed) context.err(`  failed     ${path}: ${error}`);
    }
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/**
 * The fields `list --json` prints for each article: `progress` is 0–1, `state` unread/reading/finished,
 * `highlights` and `notes` the reader's counts, `tags` the reader's tags.
 */
export function listEntry(entry: LibraryEntry) {
  const { id, title, language, section, source, wordCount, readingMinutes, importedAt, progress, state } =
    entry;
  const { highlights, notes } = entry;
  return {
    id,
    title,
    language,
    section,
    source,
    wordCount,
    readingMinutes,
    importedAt,
    progress,
    state,
    highlights,
    notes,
    tags: entry.tags,
  };
}

/** The reading state in four columns: blank for unread, `42%` while reading, `✓` once finished. */
export function stateMark(entry: Pick<LibraryEntry, 'progress' | 'state'>): string {
  if (entry.state === 'finished') return '   ✓';
  if (entry.state === 'unread') return '    ';
  // At least 1 %: "reading" never shows as 0 %.
  return `${Math.max(1, Math.floor(entry.progress * 100))}%`.padStart(4);
}

export async function listCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 0) throw new UsageError(`list takes no arguments (got "${context.args[0]}").`);
  const store = await LibraryStore.open(context.dataDir, { readOnly: true });
  try {
    const progress = (await ProgressStore.open(store)).all();
    const annotations = await AnnotationStore.open(store);
    const tags = (await TagStore.open(store)).all();
    const entries = store
      .list()
      .map((meta) => toLibraryEntry(meta, progress.get(meta.id), annotations.counts(meta.id), tags[meta.id]));
    if (context.json) {
      context.out(JSON.stringify(entries.map(listEntry), null, 2));
    } else if (entries.length === 0) {
      context.out('The library is empty. Import articles with: gazette import <file-or-folder>');
    } else {
      for (const entry of entries) {
        context.out(
          `${entry.id} ${stateMark(entry)}  ${entry.section.padEnd(10)} ${String(entry.readingMinutes).padStart(3)} min  ${entry.title}${countsMark(entry)}`,
        );
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** `  · 2 highlights, 1 note` after a title, or nothing for an article without annotations. */
export function countsMark(entry: Pick<LibraryEntry, 'highlights' | 'notes'>): string {
  const parts: string[] = [];
  if (entry.highlights > 0) parts.push(`${entry.highlights} highlight${entry.highlights === 1 ? '' : 's'}`);
  if (entry.notes > 0) parts.push(`${entry.notes} note${entry.notes === 1 ? '' : 's'}`);
  return parts.length > 0 ? `  · ${parts.join(', ')}` : '';
}

/** Reads `--set`, `--finished` and `--unread`: exactly one of them, `--set` a number from 0 to 1. */
function progressChange(options: ProgressOptions): { fraction: number } | { finished: boolean } {
  const given = [options.set !== undefined, options.finished, options.unread].filter(Boolean).length;
  if (given !== 1) {
    throw new UsageError(
      `progress needs exactly one of --set <0-1>, --finished or --unread (got ${given === 0 ? 'none' : given}).`,
    );
  }
  if (options.finished) return { finished: true };
  if (options.unread) return { finished: false };
  const text = (options.set ?? '').trim();
  const fraction = Number(text);
  if (text === '' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new UsageError(
      `--set takes the fraction read, a number from 0 to 1 such as 0.4 (got "${options.set}").`,
    );
  }
  return { fraction };
}

/** `gazette progress <id> --set 0.4 | --finished | --unread`: sets the reading progress of one article. */
export async function progressCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(`progress takes one article id (got ${context.args.length}).`);
  }
  // Checked before the store is opened: a usage error takes no lock.
  const change = progressChange(context.progress);
  const store = await LibraryStore.open(context.dataDir);
  try {
    const id = resolveArticleId(store, context.args[0]!);
    const progressStore = await ProgressStore.open(store);
    const progress: ReadingProgress =
      'fraction' in change
        ? await progressStore.setFraction(id, change.fraction)
        : await progressStore.setFinished(id, change.finished);
    const entry = { id, progress: progress.fraction, state: readingState(progress) };
    if (context.json) {
      context.out(JSON.stringify(entry, null, 2));
    } else {
      const shown = entry.state === 'reading' ? `${stateMark(entry).trim()} read` : entry.state;
      context.out(`${id}  ${shown}  ${store.get(id)?.title ?? ''}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The fields `show --json` prints for each article. */
export function showEntry(article: Article) {
  const { id, title, language, section, source, encoding, blocks } = article;
  const removed = article.removed.map(({ text, reason }) => ({ text, reason }));
  return { id, title, language, section, source, encoding, blocks, removed };
}

/** Finds an article by its id or by a prefix of it that names one article only. */
export function resolveArticleId(store: LibraryStore, idOrPrefix: string): string {
  if (store.get(idOrPrefix)) return idOrPrefix;
  const matches = idOrPrefix.length >= 4 ? store.list().filter((meta) => meta.id.startsWith(idOrPrefix)) : [];
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1)
    throw new UsageError(`"${idOrPrefix}" names ${matches.length} articles; give more of the id.`);
  throw new UsageError(`No article has the id "${idOrPrefix}"; "gazette list" shows the ids.`);
}

export async function showCommand(context: CommandContext): Promise<number> {
  if (context.args.length === 0) throw new UsageError('show needs at least one article id.');
  const store = await LibraryStore.open(context.dataDir, { readOnly: true });
  try {
    const ids = context.args.map((arg) => resolveArticleId(store, arg));
    const articles = await Promise.all(ids.map((id) => store.readArticle(id)));
    if (context.json) {
      context.out(JSON.stringify(articles.map(showEntry), null, 2));
    } else {
      const width = process.stdout.columns ?? 80;
      const rendered = articles.map((article) => renderArticle(article, { width, styled: context.terminal }));
      context.out(rendered.join('\n\n\n'));
    }
    return 0;
  } finally {
    await store.close();
  }
}
