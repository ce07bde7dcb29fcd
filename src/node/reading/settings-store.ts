/**
 * The reader's settings, in `<dataDir>/user/settings.json`:
 * `{ "schemaVersion": 1, "settings": { "theme": "sepia", "textSize": 21, … } }`.
 *
 * A missing file, or a missing field, means the default (`DEFAULT_SETTINGS`), so a setting added
 * later needs no migration. A field this version does not know, or a value out of its bounds, makes
 * the file damaged: `open` throws `StoreCorruptError` naming the file and the field, and the file
 * is kept as it is (never overwritten), because it may come from a newer Gazette or from a hand
 * edit worth fixing. The app does not stop for that: `getSettings` and `updateSettings` reject with
 * that error (code `StoreCorruptError`), which the renderer shows while reading with
 * `DEFAULT_SETTINGS`, and every later call reads the file again, so fixing it, or moving it away,
 * takes effect without a restart (see `gazette-handlers.ts`).
 */
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../core/settings';
import { settingsPatchSchema, settingsSchema } from '../../core/settings-schema';
import { describeIssues, isErrnoException, syncDir } from '../store/durable-json-file';
import { StoreReadOnlyError, userFilePath, type LibraryStore } from '../store';

/** The user file's name: `user/settings.json`. */
export const SETTINGS_FILE_NAME = 'settings';
export const SETTINGS_SCHEMA_VERSION = 1;

export const settingsFileSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    // Every field optional (the default fills in), none unknown (strict).
    settings: settingsPatchSchema,
  })
  .strict();
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** An update with an unknown setting or a value out of bounds; nothing was saved. */
export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
}

/** The settings, held in memory and saved durably on every update. */
export class SettingsStore {
  readonly #db: Low<SettingsFile>;

  private constructor(db: Low<SettingsFile>) {
    this.#db = db;
  }

  /**
   * Reads `user/settings.json` of `store`'s data folder. Read-only when the store is.
   * @throws StoreCorruptError / StoreVersionError if the file is damaged or from a newer Gazette;
   *   the file is left as it is.
   */
  static async open(store: LibraryStore): Promise<SettingsStore> {
    const db = await store.openUserFile<SettingsFile>(SETTINGS_FILE_NAME, settingsFileSchema, {
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      settings: {},
    });
    return new SettingsStore(db);
  }

  /**
   * Moves `user/settings.json` aside as `settings.damaged-<time>.json` in the same folder (never
   * deleted: it may hold choices worth copying back, or come from a newer Gazette), so the next
   * `open` starts from the defaults. A rename within one folder is atomic; the folder is fsync'ed.
   * Returns the name the file was kept under, or `null` when there was no file.
   * @throws StoreReadOnlyError when the store is read-only; the rename's error (nothing moved).
   */
  static async setAside(store: LibraryStore, now: Date = new Date()): Promise<string | null> {
    if (store.readOnly)
      throw new StoreReadOnlyError(
        'Gazette cannot set the settings file aside: the library is open read-only.',
      );
    const file = userFilePath(store.dataDir, SETTINGS_FILE_NAME);
    const dir = path.dirname(file);
    // 2026-11-28T13-55-07Z: sortable, and valid in a file name on every system.
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '-');
    let keptAs = `${SETTINGS_FILE_NAME}.damaged-${stamp}.json`;
    for (let n = 2; await exists(path.join(dir, keptAs)); n += 1) {
      keptAs = `${SETTINGS_FILE_NAME}.damaged-${stamp}-${n}.json`;
    }
    try {
      await rename(file, path.join(dir, keptAs));
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return null;
      throw error;
    }
    await syncDir(dir);
    return keptAs;
  }

  /**
   * Back to the defaults: every setting the reader set is dropped, and the file written.
   * @throws the file's write error (the change stays in memory, as with `update`).
   */
  async reset(): Promise<Settings> {
    this.#db.data.settings = {};
    await this.#db.write();
    return this.get();
  }

  /** The settings: the file's, with the default for any it does not set. */
  get(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.#db.data.settings };
  }

  /** The settings the reader has set, without the defaults (empty if they never changed any). */
  saved(): SettingsPatch {
    return { ...this.#db.data.settings };
  }

  /**
   * Merges `patch` into the settings and writes them all, atomically and durably. Returns the new
   * settings once they are on disk. If the write fails, it rejects and the change, still in memory,
   * is written with the next update.
   * @throws InvalidSettingsError for an unknown setting or a value out of bounds (nothing changes);
   *   the file's write error (e.g. StoreCorruptError when the file on disk is damaged).
   */
  async update(patch: SettingsPatch): Promise<Settings> {
    const checkedPatch = settingsPatchSchema.safeParse(patch);
    if (!checkedPatch.success) {
      throw new InvalidSettingsError(
        `Gazette did not save the settings: ${describeIssues(checkedPatch.error)}.`,
      );
    }
    // A field given as `undefined` keeps its value rather than erasing it.
    const given = Object.entries(checkedPatch.data).filter(([, value]) => value !== undefined);
    // Each field was checked above, so the merge is valid; checked whole all the same, as the file
    // will be when it is read.
    const next = settingsSchema.parse({ ...this.get(), ...Object.fromEntries(given) });
    this.#db.data.settings = next;
    await this.#db.write();
    return { ...next };
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return false;
    throw error;
  }
}
