import type { z } from 'zod';
import { StoreCorruptError, StoreVersionError } from './errors';
import { compileFastCheck, type FastCheck } from './fast-check';

/**
 * The versioned codec of a Gazette JSON file: text ⇄ checked data. Every such file is an object
 * with a top-level `schemaVersion`. Reading one:
 * - from THIS version: checked against the schema;
 * - from an OLDER version: taken through the `migrations` steps one version at a time (1 → 2 → …),
 *   then checked; the caller learns `fromVersion`, so it can keep the old file before writing;
 * - from a NEWER version: refused with a `StoreVersionError`, unless `readNewer` is set and the
 *   document still passes this version's schema (a newer Gazette that only added fields): then the
 *   data is given with `newer` set, and the caller must treat the file as read-only.
 * Knows nothing of disks: `durable-write.ts` puts the bytes there.
 */

/** Turns a document of version N into one of version N + 1 (a plain JSON object, not checked yet). */
export type MigrationStep = (document: Record<string, unknown>) => Record<string, unknown>;

export interface JsonCodecOptions<T> {
  /** What the file must hold, at `version`. */
  schema: z.ZodType<T>;
  /** The schema version this code reads and writes. */
  version: number;
  /** What the file is, for messages: `library file`, `settings file`. */
  label?: string;
  /** `migrations[n]` upgrades a version-n document to version n + 1; a missing step makes the file unreadable. */
  migrations?: Readonly<Record<number, MigrationStep>>;
  /** Read a newer file read-only when it still passes this version's schema (see above). */
  readNewer?: boolean;
}

/** A decoded file: its data at the current version, and the version it was written in. */
export interface Decoded<T> {
  data: T;
  /** The file's own `schemaVersion` (below the current one when migrated). */
  fromVersion: number;
  /** The file comes from a newer Gazette: read it, never write it. */
  newer?: StoreVersionError;
}

export class JsonCodec<T> {
  readonly label: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  readonly #options: JsonCodecOptions<T>;
  /** The schema compiled to plain checks (fast-check.ts), on first decode; `null` if it cannot be. */
  #fastCheck: FastCheck | null | undefined;

  constructor(options: JsonCodecOptions<T>) {
    this.label = options.label ?? 'Gazette file';
    this.version = options.version;
    this.schema = options.schema;
    this.#options = options;
  }

  /**
   * The data in `text` (the content of `file`, named in messages).
   * @throws StoreCorruptError for text that is not JSON, lacks a migration step or fails the schema;
   *   StoreVersionError for a newer file that cannot be read (see the module comment).
   */
  decode(text: string, file: string): Decoded<T> {
    let json: unknown;
    try {
      // A UTF-8 byte order mark would make JSON.parse fail; an editor may have added one.
      json = parseJson(text);
    } catch (error) {
      const reason = text.trim() === '' ? 'the file is empty' : describeJsonError(errorMessage(error), text);
      throw new StoreCorruptError(file, reason, this.label, { cause: error });
    }
    const found = isRecord(json) ? json.schemaVersion : undefined;
    const fromVersion = typeof found === 'number' && Number.isInteger(found) ? found : this.version;
    if (fromVersion > this.version) {
      const newer = new StoreVersionError(file, fromVersion, this.version, this.label);
      if (!this.#options.readNewer || !isRecord(json)) throw newer;
      const lenient = this.schema.safeParse({ ...json, schemaVersion: this.version });
      if (!lenient.success) throw newer;
      return { data: lenient.data, fromVersion, newer };
    }
    let document = json;
    if (fromVersion < this.version && isRecord(document)) {
      for (let version = fromVersion; version < this.version; version += 1) {
        const step = this.#options.migrations?.[version];
        if (!step) {
          throw new StoreCorruptError(
            file,
            `it is in schema version ${fromVersion}, which this version of Gazette cannot upgrade`,
            this.label,
          );
        }
        document = { ...step(document as Record<string, unknown>), schemaVersion: version + 1 };
      }
    }
    // The compiled check answers yes only for what the schema accepts unchanged; anything else
    // (a damaged file, an unknown key to strip) goes to zod, the judge, which writes the message.
    if (this.#fastCheck === undefined) this.#fastCheck = compileFastCheck(this.schema);
    if (this.#fastCheck?.(document) === true) return { data: document as T, fromVersion };
    const result = this.schema.safeParse(document);
    if (!result.success) {
      throw new StoreCorruptError(file, describeIssues(result.error), this.label);
    }
    return { data: result.data, fromVersion };
  }

  /** The file's text for `data`: JSON with `indent` spaces (0: compact) and a final newline. */
  encode(data: T, indent = 0): string {
    return JSON.stringify(data, null, indent) + '\n';
  }

  /** Why `data` does not fit the schema, or undefined when it does. */
  problem(data: T): string | undefined {
    const result = this.schema.safeParse(data);
    return result.success ? undefined : describeIssues(result.error);
  }
}

/**
 * JSON.parse, without a leading byte order mark (an editor may add one), refusing any object key
 * `__proto__`: zod drops such a key without a word, so a file holding one would lose it silently
 * on the next write, and code indexing a plain object by it would reach Object.prototype.
 * @throws SyntaxError for text that is not JSON or holds such a key.
 */
export function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The reviver costs a pass over the data: only run it when the key can be there at all.
  if (!body.includes('"__proto__"')) return JSON.parse(body);
  let found = false;
  const value: unknown = JSON.parse(body, function (this: unknown, key: string, inner: unknown) {
    if (key === '__proto__') found = true;
    return inner;
  });
  if (found) throw new SyntaxError('it holds the key "__proto__", which no Gazette file may hold');
  return value;
}

/**
 * A JSON.parse message for people: `position N` becomes a line and column, and the control
 * characters of V8's quoted snippet (newlines, NULs) are escaped so the message stays on one line.
 */
function describeJsonError(message: string, text: string): string {
  let described = message;
  const match = / at position (\d+)/.exec(message);
  if (match && !/\bline \d+/.test(message)) {
    const position = Number(match[1]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    described = message.replace(match[0], ` at line ${line}, column ${column}`);
  }
  // eslint-disable-next-line no-control-regex
  return described.replace(/[\u0000-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1));
}

/** The first schema issue, with its path, on one line. */
export function describeIssues(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'it does not match the expected shape';
  const where = first.path.length > 0 ? `at ${first.path.map(String).join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}${first.message}${more}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
