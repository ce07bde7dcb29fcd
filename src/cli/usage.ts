/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: gazette <command> [options]

Commands:
  import <file-or-folder>...   Import article files (folders are walked recursively)
  list                         List the library (--json adds highlight and note counts and tags)
  show <id>...                 Print articles as they read (an id may be shortened if unique)
  progress <id> --set FRACTION | --finished | --unread
                               Set the reading progress of an article: --set takes the fraction
                               read, from 0 to 1 (0.98 and more is finished, 0 is unread)
  highlight <id> --text "exact words" [--occurrence N] [--color C] [--note "..."]
                               Highlight words of an article (the Nth time they occur, default 1);
                               colours: yellow (default), green, blue, pink, purple
  note <id> --text "..."       Add a personal note to an article (light Markdown)
  annotations <id>             List an article's highlights and notes; positions count characters
                               of the text as "show" gives it, paragraphs joined by a blank line
  export [<id>] [--format markdown|json|w3c] [--out DIR]
                               Export the highlights and notes of one article or of the whole
                               library (Markdown by default; w3c is Web Annotation JSON-LD), to
                               the screen, or as files in DIR
  backup --out FILE            Write a full backup of the library (articles, progress, settings,
                               highlights and notes) to one JSON file
  restore FILE                 Merge a backup into the library; restoring it again changes nothing
  search "<query>" [--section S] [--tag T]... [--limit N]
                               Search titles, text, highlights and notes (accents, case and
                               plurals folded; word starts and small typos match), best first;
                               matched words are shown between « and »
  tag <id> [--add T]... [--remove T]...
                               Add or remove tags of an article and print its tags
  review                       List today's highlights and notes to review (spaced repetition)
  review grade <id> again|hard|good|easy
                               Grade one of them (an id may be shortened if unique)

Options (every command):
  --data DIR    The library's data folder (default: $GAZETTE_DATA_DIR, else the app's own)
  --json        Print machine-readable JSON
  -h, --help    Show this help

Exit codes: 0 success, 1 some work failed, 2 usage error.`;
