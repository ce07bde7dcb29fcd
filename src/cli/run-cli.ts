/**
 * `gazette`: the command line, on the same services as the app (no Electron).
 * `runCli` takes its output streams as arguments so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../node/store';
import { importCommand, listCommand, progressCommand, showCommand, type CommandContext } from './commands';
import { USAGE, UsageError } from './usage';

const COMMANDS = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  progress: progressCommand,
} as const;

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
        // progress only (checked below: the parser knows no per-command options)
        set: { type: 'string' },
        finished: { type: 'boolean', default: false },
        unread: { type: 'boolean', default: false },
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
    if (name !== 'progress') {
      const stray = (['set', 'finished', 'unread'] as const).find((option) =>
        option === 'set' ? values.set !== undefined : values[option],
      );
      if (stray) throw new UsageError(`--${stray} is an option of "progress" only, not of "${name}".`);
    }
    const context: CommandContext = {
      dataDir: resolveDataDir({ flag: values.data, env: io.env }),
      json,
      args,
      out: io.out,
      err: io.err,
      terminal: io.terminal,
      progress: { set: values.set, finished: values.finished, unread: values.unread },
    };
    return await COMMANDS[name as keyof typeof COMMANDS](context);
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.err(JSON.stringify({ error: message }));
    else io.err(usage ? `gazette: ${message}\n\n${USAGE}` : `gazette: ${message}`);
    return usage ? 2 : 1;
  }
}
