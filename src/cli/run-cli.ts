/**
 * `gazette`: the command line, on the same application layer as the app (no Electron).
 * `runCli` takes its output streams as arguments so tests run it in-process. It reads the
 * arguments, then imports the one command module asked for (see command-table.ts).
 */
import { parseArgs } from 'node:util';
import { ArticleReferenceError } from '../node/app/errors';
import { resolveDataDir } from '../node/store/data-dir';
import { COMMANDS, commandOptions, isCommandName, type CommandName } from './command-table';
import type { CommandContext, CommandOptions, CommandOutput } from './commands';
import { commandUsage, USAGE, UsageError } from './usage';
import { gazetteVersion } from './version';

/** The streams and environment `runCli` works with. */
export interface CliIo extends CommandOutput {
  env: NodeJS.ProcessEnv;
}

/** Runs `gazette <argv>`; resolves to the exit code (0 done, 1 some work failed, 2 usage error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = false;
  let command: CommandName | undefined;
  try {
    const owned = commandOptions();
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        ...Object.fromEntries([...owned].map(([name, { spec }]) => [name, spec])),
      },
    });
    json = values.json === true;
    // The command options come from the table, so the parser's type does not name them.
    const given = values as Record<string, string | boolean | string[] | undefined>;
    const [name, ...args] = positionals;
    if (values.version === true) {
      io.out(
        json ? JSON.stringify({ version: await gazetteVersion() }) : `gazette ${await gazetteVersion()}`,
      );
      return 0;
    }
    if (name === 'help') {
      // `gazette help <command>` is `gazette <command> --help`.
      const [topic] = args;
      io.out(topic !== undefined && isCommandName(topic) ? commandUsage(topic) : USAGE);
      return 0;
    }
    if (!name) {
      if (values.help === true) {
        io.out(USAGE);
        return 0;
      }
      throw new UsageError('No command given.');
    }
    if (!isCommandName(name)) throw new UsageError(`Unknown command "${name}".`);
    command = name;
    if (values.help === true) {
      io.out(commandUsage(command));
      return 0;
    }
    const options: Record<string, string | boolean | string[] | undefined> = {};
    for (const [option, { owners }] of owned) {
      const value = given[option];
      const present =
        typeof value === 'boolean' ? value : Array.isArray(value) ? value.length > 0 : value !== undefined;
      if (!present) continue;
      if (!owners.includes(command)) {
        const names = owners.map((owner) => `"${owner}"`).join(' and ');
        throw new UsageError(`--${option} is an option of ${names} only, not of "${command}".`);
      }
      options[option] = value;
    }
    const context: CommandContext = {
      dataDir: resolveDataDir({ flag: values.data as string | undefined, env: io.env }),
      json,
      args,
      out: io.out,
      err: io.err,
      terminal: io.terminal,
      progress: {
        set: options['set'] as string | undefined,
        finished: options['finished'] === true,
        unread: options['unread'] === true,
      },
      options: options as CommandOptions,
    };
    const run = await COMMANDS[command].load();
    return await run(context);
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      error instanceof ArticleReferenceError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.err(JSON.stringify({ error: message }));
    else if (usage) io.err(`gazette: ${message}\n\n${command ? commandUsage(command) : USAGE}`);
    else io.err(`gazette: ${message}`);
    return usage ? 2 : 1;
  }
}
