/**
 * What every `gazette` command shares: the context it runs in, and opening the application layer
 * for it. A command is a thin adapter: it checks its arguments (a `UsageError` before anything is
 * opened, so a usage error takes no lock), calls the app's use-case, and prints; it returns an
 * exit code. Printing goes through `out`/`err` so tests read it.
 */
import {
  GazetteApp,
  openGazetteApp,
  resolveArticleId as resolveIdIn,
  type GazetteAppOptions,
  type LibraryAccess,
} from '../node/app';
import type { LibraryStore } from '../node/store';
import { ArticleReferenceError } from '../node/app/errors';
import { UsageError } from './usage';

/** Where a command prints. */
export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is a terminal: styled text and a progress bar. */
  terminal: boolean;
}

export interface CommandContext extends CommandOutput {
  dataDir: string;
  json: boolean;
  /** The positional arguments after the command's name. */
  args: string[];
  /** The options of `progress` (kept apart for the commands written against it). */
  progress: ProgressOptions;
  /** The command's own options as typed (command-table.ts says whose); absent when not given. */
  options: CommandOptions;
}

/** A command: runs with its context, resolves to the exit code. */
export type CommandRun = (context: CommandContext) => Promise<number>;

/** The options of the commands, by name; the named ones are the current commands'. */
export interface CommandOptions {
  readonly [option: string]: string | boolean | string[] | undefined;
  text?: string | undefined;
  occurrence?: string | undefined;
  color?: string | undefined;
  note?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  /** `search`: `--section`, `--tag` (repeatable), `--state`, `--annotated`, `--limit`. */
  section?: string | undefined;
  tag?: string[] | undefined;
  state?: string | undefined;
  annotated?: boolean | undefined;
  limit?: string | undefined;
  /** `tag`: `--add`, `--remove` (repeatable). */
  add?: string[] | undefined;
  remove?: string[] | undefined;
}

export interface ProgressOptions {
  /** `--set`: the fraction read, as typed. */
  set?: string | undefined;
  finished: boolean;
  unread: boolean;
}

/**
 * Opens the app on the command's data folder, runs `use` and closes it (writing what is pending,
 * such as the search index), even when `use` throws.
 */
export async function withApp<T>(
  context: Pick<CommandContext, 'dataDir'>,
  access: LibraryAccess,
  use: (app: GazetteApp) => Promise<T>,
  options: GazetteAppOptions = {},
): Promise<T> {
  const app = await openGazetteApp({ ...options, dataDir: context.dataDir, access });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

/**
 * The id of the article `idOrPrefix` names (an id, or a unique prefix of 4 characters or more),
 * in the app's library or in a library store. @throws UsageError when it names none or several
 */
export function resolveArticleId(library: GazetteApp | LibraryStore, idOrPrefix: string): string {
  try {
    return resolveIdIn(library instanceof GazetteApp ? library.store : library, idOrPrefix);
  } catch (error) {
    if (error instanceof ArticleReferenceError) throw new UsageError(error.message);
    throw error;
  }
}
