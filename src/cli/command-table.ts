/**
 * Every `gazette` command: its usage lines, its own options, and how to load it. A command's
 * module is imported only when that command runs (`load`), so `gazette list` never loads the
 * search engine, the import pipeline, exports or backups, and `--help` loads none of them.
 *
 * To add a command: one entry here, and a module exporting `(context: CommandContext) =>
 * Promise<number>` (see commands.ts for what a command gets).
 */
import type { CommandRun } from './commands';

/** An option of one or more commands, as `node:util`'s `parseArgs` takes it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
}

export interface CommandSpec {
  /** The command's lines in the usage: its synopsis, then what it does (indented). */
  usage: string;
  /** Its own options (every command also takes --data, --json and --help). */
  options?: Readonly<Record<string, OptionSpec>>;
  load: () => Promise<CommandRun>;
}

const text: OptionSpec = { type: 'string' };
const flag: OptionSpec = { type: 'boolean' };
const repeated: OptionSpec = { type: 'string', multiple: true };

export const COMMANDS = {
  import: {
    usage: `import <file-or-folder>...   Import article files (folders are walked recursively)`,
    load: () => import('./import-command').then((module) => module.importCommand),
  },
  list: {
    usage: `list                         List the library (--json adds highlight and note counts and tags)`,
    load: () => import('./list-command').then((module) => module.listCommand),
  },
  show: {
    usage: `show <id>...                 Print articles as they read (an id may be shortened if unique)`,
    load: () => import('./show-command').then((module) => module.showCommand),
  },
  progress: {
    usage: `progress <id> --set FRACTION | --finished | --unread
                             Set the reading progress of an article: --set takes the fraction
                             read, from 0 to 1 (0.98 and more is finished, 0 is unread)`,
    options: { set: text, finished: flag, unread: flag },
    load: () => import('./progress-command').then((module) => module.progressCommand),
  },
  highlight: {
    usage: `highlight <id> --text "exact words" [--occurrence N] [--color C] [--note "..."]
                             Highlight words of an article (the Nth time they occur, default 1);
                             colours: yellow (default), green, blue, pink, purple`,
    options: { text, occurrence: text, color: text, note: text },
    load: () => import('./annotation-commands').then((module) => module.highlightCommand),
  },
  note: {
    usage: `note <id> --text "..."       Add a personal note to an article (light Markdown)`,
    options: { text },
    load: () => import('./annotation-commands').then((module) => module.noteCommand),
  },
  annotations: {
    usage: `annotations <id>             List an article's highlights and notes; positions count characters
                             of the text as "show" gives it, paragraphs joined by a blank line`,
    load: () => import('./annotation-commands').then((module) => module.annotationsCommand),
  },
  export: {
    usage: `export [<id>] [--format markdown|json|w3c] [--out DIR]
                             Export the highlights and notes of one article or of the whole
                             library (Markdown by default; w3c is Web Annotation JSON-LD), to
                             the screen, or as files in DIR`,
    options: { format: text, out: text },
    load: () => import('./export-command').then((module) => module.exportCommand),
  },
  backup: {
    usage: `backup --out FILE            Write a full backup of the library (articles, progress, settings,
                             highlights and notes) to one JSON file`,
    options: { out: text },
    load: () => import('./backup-commands').then((module) => module.backupCommand),
  },
  restore: {
    usage: `restore FILE                 Merge a backup into the library; restoring it again changes nothing`,
    load: () => import('./backup-commands').then((module) => module.restoreCommand),
  },
  search: {
    usage: `search "<query>" [--section S] [--tag T]... [--state S] [--annotated] [--limit N]
                             Search titles, text, highlights and notes (accents, case and
                             plurals folded; word starts and small typos match), best first;
                             matched words are shown between « and »; --state takes unread,
                             reading or finished, --annotated keeps articles with highlights
                             or notes`,
    options: { section: text, tag: repeated, state: text, annotated: flag, limit: text },
    load: () => import('./search-commands').then((module) => module.searchCommand),
  },
  tag: {
    usage: `tag <id> [--add T]... [--remove T]...
                             Add or remove tags of an article and print its tags`,
    options: { add: repeated, remove: repeated },
    load: () => import('./search-commands').then((module) => module.tagCommand),
  },
  review: {
    usage: `review                       List today's highlights and notes to review (spaced repetition)
                             review grade <id> again|hard|good|easy:
                             Grade one (an id may be shortened if unique)`,
    load: () => import('./review-command').then((module) => module.reviewCommand),
  },
  reclean: {
    usage: `reclean [<id>]               Clean an article (or the whole library) again with the current
                             rules, keeping the reader's choices; highlights follow their words`,
    load: () => import('./reclean-command').then((module) => module.recleanCommand),
  },
  repair: {
    usage: `repair                       Rebuild a missing library.json from the article bodies (bodies/)`,
    load: () => import('./repair-command').then((module) => module.repairCommand),
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** Whether `name` is a command. */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/**
 * Every command's option by name, with the commands that take it. An option name means the same
 * thing (type, repeatable) for every command that takes it: the parser reads all of them at once.
 * @throws Error if two commands disagree on an option (a mistake in this table).
 */
export function commandOptions(): Map<string, { spec: OptionSpec; owners: CommandName[] }> {
  const options = new Map<string, { spec: OptionSpec; owners: CommandName[] }>();
  for (const [name, command] of Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>) {
    for (const [option, spec] of Object.entries(command.options ?? {})) {
      const known = options.get(option);
      if (!known) options.set(option, { spec, owners: [name] });
      else if (known.spec.type !== spec.type || Boolean(known.spec.multiple) !== Boolean(spec.multiple))
        throw new Error(`--${option} is declared differently by "${known.owners[0]}" and "${name}".`);
      else known.owners.push(name);
    }
  }
  return options;
}
