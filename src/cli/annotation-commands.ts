/**
 * `gazette highlight`, `note` and `annotations`: the reader's highlights and notes from the
 * command line, through the app's use-cases. Positions count characters of the article's body
 * text as `gazette show` gives it: its blocks joined by a blank line.
 */
import { HIGHLIGHT_COLORS, NOTE_MAX_LENGTH, type HighlightColor } from '../core/annotations/model';
import { highlightRecord, noteRecord } from '../node/export/json-export';
import type { HighlightWords } from '../node/app';
import { resolveArticleId, withApp, type CommandContext } from './commands';
import { UsageError } from './usage';

/** Checks the options of `highlight` before the library is opened: a usage error takes no lock. */
function highlightOptions(context: CommandContext): HighlightWords {
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
  const request = highlightOptions(context);
  const { id, record } = await withApp(context, 'write', async (app) => {
    const id = resolveArticleId(app, context.args[0] ?? '');
    const { highlight, text } = await app.highlightWords(id, request);
    return { id, record: highlightRecord(highlight, text) };
  });
  if (context.json) context.out(JSON.stringify(record, null, 2));
  else
    context.out(
      `Highlighted "${record.quote}" in ${id} (${record.color}, ${record.start}–${record.end}): ${record.id}`,
    );
  return 0;
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
  const { id, note } = await withApp(context, 'write', async (app) => {
    const id = resolveArticleId(app, context.args[0] ?? '');
    return { id, note: await app.addNote(id, text) };
  });
  if (context.json) context.out(JSON.stringify(noteRecord(note), null, 2));
  else context.out(`Added note ${note.id} to ${id}.`);
  return 0;
}

/** `gazette annotations <id> [--json]`: the article's highlights (reading order) and notes. */
export async function annotationsCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(`annotations takes one article id (got ${context.args.length}).`);
  }
  // Read-only, so it works while the app runs; highlights of a changed text are anchored in memory.
  const { id, text, annotations } = await withApp(context, 'read', async (app) => {
    const id = resolveArticleId(app, context.args[0] ?? '');
    return { id, ...(await app.annotationsWithText(id)) };
  });
  const { highlights, notes } = annotations;
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
}
