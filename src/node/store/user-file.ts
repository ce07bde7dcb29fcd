import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { DurableJsonFile } from './durable-json-file';
import type { MigrationStep } from './json-codec';

/** The folder of the user's own data (settings, reading progress, later highlights and notes). */
export const USER_DIR = 'user';

const USER_FILE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `<dataDir>/user/<name>.json`. */
export function userFilePath(dataDir: string, name: string): string {
  if (!USER_FILE_NAME.test(name)) {
    throw new Error(`"${name}" is not a user file name: use lower-case letters, digits and hyphens.`);
  }
  return path.join(path.resolve(dataDir), USER_DIR, `${name}.json`);
}

export interface UserFileOptions {
  /** Refuse writes (for the command line while the app may be running). */
  readOnly?: boolean;
  /**
   * Steps from older schema versions (`migrations[n]` turns version n into n + 1); the first
   * write keeps the old file beside it (see `DurableJsonFile`).
   */
  migrations?: Readonly<Record<number, MigrationStep>>;
}

/**
 * Opens `<dataDir>/user/<name>.json` as a lowdb database on a `DurableJsonFile` and reads it.
 * A missing file gives a copy of `defaults`; the file's `schemaVersion` must not be greater than
 * `defaults.schemaVersion`. User files are small and separate from the library, so saving one never
 * rewrites `library.json`; they are written pretty-printed, so a person can read them.
 *
 * Write only while holding the library's lock (open the `LibraryStore` first, or use its
 * `openUserFile`), so the app and the command line never write the same file at once.
 *
 * @throws StoreCorruptError if the file cannot be read, is not JSON or fails `schema`;
 *   StoreVersionError if a newer Gazette wrote it. The file is then left untouched.
 */
export async function openUserFile<T extends { schemaVersion: number }>(
  dataDir: string,
  name: string,
  schema: z.ZodType<T>,
  defaults: T,
  options: UserFileOptions = {},
): Promise<Low<T>> {
  const adapter = new DurableJsonFile<T>(userFilePath(dataDir, name), {
    schema,
    schemaVersion: defaults.schemaVersion,
    label: `${name} file`,
    readOnly: options.readOnly ?? false,
    indent: 2,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const db = new Low<T>(adapter, structuredClone(defaults));
  await db.read();
  return db;
}
