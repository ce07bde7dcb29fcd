/**
 * One-time tokens for files dropped on the window: the only way, besides the main process's own
 * dialogs, that a path reaches the services from the window (issue 9 §2).
 *
 * The preload reads a dropped file's path with Electron's `webUtils.getPathForFile` (a page cannot
 * give a file a path: a `File` made by a script has none) and hands it to the main process over
 * its own channel; `grant` keeps the path and answers with a random token; the page gives the
 * tokens to `importDropped`, whose handler `redeem`s them. A token works once, for a minute.
 *
 * Plain Node (no Electron import): the end-to-end test bridge uses the same class.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';

/** A drop was refused: a bad path from the preload, or an unknown, used or expired token. */
export class DropRefusedError extends Error {
  override name = 'DropRefused';
}

export interface DropGrantOptions {
  /** How long a token stays valid (ms). The page redeems it at once; a minute is generous. */
  ttlMs?: number;
  /** Tokens outstanding at most; the oldest are forgotten first (a page cannot fill memory). */
  maxOutstanding?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/** As many files as one import accepts (the contract's limit for `importDropped`). */
const MAX_PATHS_PER_DROP = 10_000;
/** As long as a path the importer accepts. */
const MAX_PATH_LENGTH = 4096;

export class DropGrants {
  readonly #grants = new Map<string, { path: string; expires: number }>();
  readonly #ttlMs: number;
  readonly #maxOutstanding: number;
  readonly #now: () => number;

  constructor(options: DropGrantOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#maxOutstanding = options.maxOutstanding ?? 4 * MAX_PATHS_PER_DROP;
    this.#now = options.now ?? Date.now;
  }

  /**
   * One token per path, in order. Throws `DropRefusedError`, granting nothing, unless `paths` is a
   * non-empty array of absolute paths (as the system gives them) of at most 4,096 characters,
   * without NUL characters, and at most 10,000 of them.
   */
  grant(paths: unknown): string[] {
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS_PER_DROP) {
      throw new DropRefusedError(`A drop gives between 1 and ${MAX_PATHS_PER_DROP} files.`);
    }
    for (const path of paths) {
      if (
        typeof path !== 'string' ||
        path.length === 0 ||
        path.length > MAX_PATH_LENGTH ||
        path.includes('\0') ||
        !isAbsolute(path)
      ) {
        throw new DropRefusedError('A dropped file must come with the absolute path the system gave it.');
      }
    }
    this.#forgetExpired();
    const expires = this.#now() + this.#ttlMs;
    const tokens = (paths as string[]).map((path) => {
      const token = randomUUID();
      this.#grants.set(token, { path, expires });
      return token;
    });
    // A Map iterates in insertion order: the first keys are the oldest grants.
    for (const token of this.#grants.keys()) {
      if (this.#grants.size <= this.#maxOutstanding) break;
      this.#grants.delete(token);
    }
    return tokens;
  }

  /**
   * The paths of `tokens`, in order; each token is spent. Throws `DropRefusedError`, spending
   * none, if any token is unknown, already used or expired: the whole drop is refused.
   */
  redeem(tokens: readonly string[]): string[] {
    this.#forgetExpired();
    const paths = tokens.map((token) => this.#grants.get(token)?.path);
    if (paths.some((path) => path === undefined) || new Set(tokens).size !== tokens.length) {
      throw new DropRefusedError(
        'These dropped files are not known to Gazette, or were already imported: drop them on the window again.',
      );
    }
    for (const token of tokens) this.#grants.delete(token);
    return paths as string[];
  }

  /** Tokens outstanding (for tests). */
  get size(): number {
    return this.#grants.size;
  }

  #forgetExpired(): void {
    const now = this.#now();
    for (const [token, grant] of this.#grants) if (grant.expires <= now) this.#grants.delete(token);
  }
}
