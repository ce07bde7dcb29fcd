/**
 * `gazette`: the command line, on the same services as the app (no Electron).
 * `runCli` takes its output streams as arguments so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../node/store';
import { annotationsCommand, exportCommand, highlightCommand, noteCommand } from './annotation-commands';
import { backupCommand, restoreCommand } from './backup-commands';
import { importCommand, listCommand, progressCommand, showCommand, type CommandContext } from './commands';
import { reviewCommand } from './review-command';
import { searchCommand, tagCommand } from './search-commands';
import { USAGE, UsageError } from './usage';

const COMMANDS = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  progress: progressCommand,
  highlight: highlightCommand,
  note: noteCommand,
  annotations: annotationsCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  search: searchCommand,
  tag: tagCommand,
  review: reviewCommand,
} as const;
type CommandName = keyof typeof COMMANDS;

/** The options only some commands take (the parser knows no per-command options, so this does). */
const COMMAND_OPTIONS = {
  set: ['progress'],
  finished: ['progress'],
  unread: ['progress'],
  text: ['highlight', 'note'],
  occurrence: ['highlight'],
  color: ['highlight'],
  note: ['highlight'],
  format: ['export'],
  out: ['export', 'backup'],
  section: ['search'],
  tag: ['search'],
  limit: ['search'],
  add: ['tag'],
  remove: ['tag'],
} as const satisfies Record<string, readonly CommandName[]>;

export async function runCli(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void; env: NodeJS.ProcessEnv; terminal: boolean },
): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        set: { type: 'string' },
        finished: { type: 'boolean', default: false },
        unread: { type: 'boolean', default: false },
        text: { type: 'string' },
        occurrence: { type: 'string' },
        color: { type: 'string' },
        note: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        section: { type: 'string' },
        tag: { type: 'string', multiple: true },
        limit: { type: 'string' },
        add: { type: 'string', multiple: true },
        remove: { type: 'string', multiple: true },
      },
    });
    json = values.json;
    const [name, ...args] = positionals;
    if (values.help || name === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (!name) throw new UsageError('No command given.');
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command "${name}".`);
    const command = name as CommandName;
    for (const [option, owners] of Object.entries(COMMAND_OPTIONS) as Array<
      [keyof typeof COMMAND_OPTIONS, readonly CommandName[]]
    >) {
      const value = values[option];
      const given =
        typeof value === 'boolean' ? value : Array.isArray(value) ? value.length > 0 : value !== undefined;
      if (given && !owners.includes(command)) {
        const names = owners.map((owner) => `"${owner}"`).join(' and ');
        throw new UsageError(`--${option} is an option of ${names} only, not of "${command}".`);
      }
    }
    const context: CommandContext = {
      dataDir: resolveDataDir({ flag: values.data, env: io.env }),
      json,
      args,
      out: io.out,
      err: io.err,
      terminal: io.terminal,
      progress: { set: values.set, finished: values.finished, unread: values.unread },
      options: {
        text: values.text,
        occurrence: values.occurrence,
        color: values.color,
        note: values.note,
        format: values.format,
        out: values.out,
        section: values.section,
        tag: values.tag,
        limit: values.limit,
        add: values.add,
        remove: values.remove,
      },
    };
    return await COMMANDS[command](context);
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.err(JSON.stringify({ error: message }));
    else io.err(usage ? `gazette: ${message}\n\n${USAGE}` : `gazette: ${message}`);
    return usage ? 2 : 1;
  }
}
