/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: gazette <command> [options]

Commands:
  import <file-or-folder>...   Import article files (folders are walked recursively)
  list                         List the library
  show <id>...                 Print articles as they read (an id may be shortened if unique)
  progress <id> --set FRACTION | --finished | --unread
                               Set the reading progress of an article: --set takes the fraction
                               read, from 0 to 1 (0.98 and more is finished, 0 is unread)

Options (every command):
  --data DIR    The library's data folder (default: $GAZETTE_DATA_DIR, else the app's own)
  --json        Print machine-readable JSON
  -h, --help    Show this help

Exit codes: 0 success, 1 some work failed, 2 usage error.`;
