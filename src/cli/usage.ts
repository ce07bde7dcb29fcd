/**
 * The usage of `gazette` and of each command, made from the command table (no command module is
 * loaded to print it).
 */
import { COMMANDS, type CommandName } from './command-table';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const GLOBAL_OPTIONS = `Options (every command):
  --data DIR    The library's data folder (default: $GAZETTE_DATA_DIR, else the app's own)
  --json        Print machine-readable JSON
  -h, --help    Show this help (gazette <command> --help: that command's only)
  --version     Print the version of gazette`;

const EXIT_CODES = 'Exit codes: 0 success, 1 some work failed, 2 usage error.';

/** Indents every line of a command's usage by two spaces. */
const indent = (lines: string): string => lines.replace(/^/gm, '  ');

export const USAGE = `Usage: gazette <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((command) => indent(command.usage))
  .join('\n')}

${GLOBAL_OPTIONS}

${EXIT_CODES}`;

/** The help of one command: its usage lines and the options every command takes. */
export function commandUsage(name: CommandName): string {
  return `Usage: gazette ${indent(COMMANDS[name].usage).trimStart()}\n\n${GLOBAL_OPTIONS}\n\n${EXIT_CODES}`;
}
