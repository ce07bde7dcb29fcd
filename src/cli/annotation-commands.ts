/**
 * `gazette highlight`, `note`, `annotations` and `export`: the reader's highlights and notes from
 * the command line, through the same annotation service as the app. Positions count characters of
 * the article's body text as `gazette show` gives it: its blocks joined by a blank line.
 */
import path from 'node:path';
import { articleText } from '../core/annotations/article-text';
import { exactOccurrences } from '../core/annotations/match-quote';
import { HIGHLIGHT_COLORS, NOTE_MAX_LENGTH, type HighlightColor } from '../core/annotations/model';
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat } from '../core/export';
import { AnnotationStore } from '../node/annotations';
import {
  exportArticle,
  exportLibrary,
  highlightRecord,
  noteRecord,
  writeExportedFiles,
} from '../node/export';
import { LibraryStore } from '../node/store';
import { resolveArticleId, type CommandContext } from './commands';
import { UsageError } from './usage';
import { TagStore } from '../node/tags';

/** Checks the options of `highlight` before the store is opened: a usage error takes no lock. */
function highlightOptions(context: CommandContext): {
  words: string;
  occurrence: number;
  color: HighlightColor | undefined;
  note: string | undefined;
} {
  const { text, occurrence, color, note } = context.options;
  if (context.args.length !== 1)
    throw new UsageError(`highlight takes one article id (got ${context.args.length}).`);
  if (text === undefined || text.trim() === '') {
    throw new UsageError('highlight needs --text "the exact words" to highlight.');
  }
  const index = occurrence === undefined ? 1 : Number(occurrence);
  if (!Number.isInteger(index) || index < 1) {
    throw new UsageError(`--occurrence takes a whole number from 1 (got "${occurrence}").`);
  }
  if (color !== undefined && !(HIGHLIGHT_COLORS as readonly string[]).includes(color)) {
    throw new UsageError(`--color takes one of ${HIGHLIGHT_COLORS.join(', ')} (got "${color}").`);
  }
  if (note !== undefined && note.length > NOTE_MAX_LENGTH) {
    throw new UsageError(`--note holds at most ${NOTE_MAX_LENGTH} characters (got ${note.length}).`);
  }
  return { words: text, occurrence: index, color: color as HighlightColor | undefined, note };
}

/** `gazette highlight <id> --text "exact words" [--occurrence N] [--color C] [--note "..."]`. */
export async function highlightCommand(context: CommandContext): Promise<number> {
  const { words, occurrence, color, note } = highlightOptions(context);
  const store = await LibraryStore.open(context.dataDir);
  try {
    const id = resolveArticleId(store, context.args[0]!);
    const text = articleText((await store.readArticle(id)).blocks).text;
    const found = exactOccurrences(text, words);
    if (found.length === 0) {
      throw new Error(
        `The words "${words}" are not in article ${id}, as "gazette show ${id}" gives it (paragraphs are separated by a blank line).`,
      );
    }
    const start = found[occurrence - 1];
    if (start === undefined) {
      throw new Error(
        `"${words}" occurs ${found.length} time${found.length === 1 ? '' : 's'} in article ${id}; --occurrence ${occurrence} is past the last.`,
      );
    }
    const annotations = await AnnotationStore.open(store);
    const highlight = await annotations.addHighlight(id, { start, end: start + words.length, color, note });
    const record = highlightRecord(highlight, text);
    if (context.json) context.out(JSON.stringify(record, null, 2));
    else
      context.out(
        `Highlighted "${record.quote}" in ${id} (${record.color}, ${record.start}–${record.end}): ${record.id}`,
      );
    return 0;
  } finally {
    await store.close();
  }
}

/** `gazette note <id> --text "..."`: adds a personal note at the end of the article. */
export async function noteCommand(context: CommandContext): Promise<number> {
  const { text } = context.options;
  if (context.args.length !== 1)
    throw new UsageError(`note takes one article id (got ${context.args.length}).`);
  if (text === undefined || text.trim() === '') throw new UsageError('note needs --text "the note".');
  if (text.length > NOTE_MAX_LENGTH) {
    throw new UsageError(`--text holds at most ${NOTE_MAX_LENGTH} characters (got ${text.length}).`);
  }
  const store = await LibraryStore.open(context.dataDir);
  try {
    const id = resolveArticleId(store, context.args[0]!);
    const note = await (await AnnotationStore.open(store)).addNote(id, text);
    if (context.json) context.out(JSON.stringify(noteRecord(note), null, 2));
    else context.out(`Added note ${note.id} to ${id}.`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `gazette annotations <id> [--json]`: the article's highlights (reading order) and notes. */
export async function annotationsCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(`annotations takes one article id (got ${context.args.length}).`);
  }
  // Read-only, so it works while the app runs; highlights of a changed text are anchored in memory.
  const store = await LibraryStore.open(context.dataDir, { readOnly: true });
  try {
    const id = resolveArticleId(store, context.args[0]!);
    const text = articleText((await store.readArticle(id)).blocks).text;
    const { highlights, notes } = await (await AnnotationStore.open(store)).list(id);
    const records = {
      highlights: highlights.map((highlight) => highlightRecord(highlight, text)),
      notes: notes.map(noteRecord),
    };
    if (context.json) {
      context.out(JSON.stringify(records, null, 2));
      return 0;
    }
    if (highlights.length === 0 && notes.length === 0) {
      context.out(`Article ${id} has no highlights or notes yet.`);
      return 0;
    }
    for (const record of records.highlights) {
      const where =
        record.status === 'detached'
          ? 'detached'
          : `${record.start}–${record.end}${record.status === 'moved' ? ', moved' : ''}`;
      context.out(`${record.id}  ${record.color.padEnd(6)}  "${record.quote}" (${where})`);
      if (record.note) context.out(`    note: ${record.note}`);
    }
    for (const note of records.notes)
      context.out(`${note.id}  note  ${note.createdAt}\n    ${note.text.replace(/\n/g, '\n    ')}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `gazette export [<id>] --format markdown|json|w3c [--out DIR]`: to stdout, or files in DIR. */
export async function exportCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 1)
    throw new UsageError(`export takes at most one article id (got ${context.args.length}).`);
  const format = (context.options.format ?? 'markdown') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format takes one of ${EXPORT_FORMATS.join(', ')} (got "${context.options.format}").`,
    );
  }
  if (context.options.out !== undefined && context.options.out.trim() === '') {
    throw new UsageError('--out takes a folder.');
  }
  const store = await LibraryStore.open(context.dataDir, { readOnly: true });
  let files: ExportedFile[];
  try {
    const annotations = await AnnotationStore.open(store);
    const options = { tags: (await TagStore.open(store)).all() };
    const idArg = context.args[0];
    files =
      idArg === undefined
        ? await exportLibrary(store, annotations, format, options)
        : [await exportArticle(store, annotations, resolveArticleId(store, idArg), format, options)];
  } finally {
    await store.close();
  }
  if (context.options.out === undefined) {
    if (files.length === 0) context.err('There are no highlights or notes to export.');
    else context.out(files.map((file) => file.content.replace(/\n$/, '')).join('\n\n'));
    return 0;
  }
  const written = await writeExportedFiles(files, path.resolve(context.options.out));
  if (context.json) context.out(JSON.stringify(written, null, 2));
  else if (written.length === 0) context.out('There are no highlights or notes to export.');
  else for (const { file } of written) context.out(`wrote ${file}`);
  return 0;
}
