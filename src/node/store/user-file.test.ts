import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreCorruptError, StoreReadOnlyError, StoreVersionError } from './errors';
import { LibraryStore } from './library-store';
import { makeArticle } from './testing/articles';
import { openUserFile, userFilePath } from './user-file';

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  settings: z.object({ theme: z.enum(['light', 'dark']), fontSize: z.number() }),
});
type Settings = z.infer<typeof settingsSchema>;
const defaults: Settings = { schemaVersion: 1, settings: { theme: 'light', fontSize: 18 } };

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-user-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openUserFile', () => {
  it('starts from a copy of the defaults, and saves pretty JSON under user/', async () => {
    const db = await openUserFile(dataDir, 'settings', settingsSchema, defaults);
    expect(db.data).toEqual(defaults);
    db.data.settings.theme = 'dark';
    expect(defaults.settings.theme).toBe('light');
    await db.write();
    const file = path.join(dataDir, 'user', 'settings.json');
    expect(userFilePath(dataDir, 'settings')).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(
      '{\n  "schemaVersion": 1,\n  "settings": {\n    "theme": "dark",\n    "fontSize": 18\n  }\n}\n',
    );
    const again = await openUserFile(dataDir, 'settings', settingsSchema, defaults);
    expect(again.data.settings.theme).toBe('dark');
  });

  it('never rewrites the library when saving user data', async () => {
    const store = await LibraryStore.open(dataDir);
    try {
      await store.commit({ added: [makeArticle(1)], updated: [] });
      const library = path.join(dataDir, 'library.json');
      const before = await stat(library);
      const bytes = await readFile(library);
      const db = await store.openUserFile('settings', settingsSchema, defaults);
      await db.update((data) => (data.settings.fontSize = 20));
      const after = await stat(library);
      expect(after.ino).toBe(before.ino);
      expect(after.mtimeMs).toBe(before.mtimeMs);
      expect(await readFile(library)).toEqual(bytes);
    } finally {
      await store.close();
    }
  });

  it('reports a damaged or newer file and never overwrites it', async () => {
    const file = path.join(dataDir, 'user', 'settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"schemaVersion":1,"settings":{"theme":"purple","fontSize":18}}');
    await expect(openUserFile(dataDir, 'settings', settingsSchema, defaults)).rejects.toThrow(
      /The settings file .*settings\.json is damaged \(at settings\.theme: .*\) and was left as it is/,
    );
    await expect(openUserFile(dataDir, 'settings', settingsSchema, defaults)).rejects.toBeInstanceOf(
      StoreCorruptError,
    );
    await writeFile(file, '{"schemaVersion":2}');
    await expect(openUserFile(dataDir, 'settings', settingsSchema, defaults)).rejects.toBeInstanceOf(
      StoreVersionError,
    );
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":2}');
  });

  it('refuses writes when read-only, and odd names', async () => {
    const db = await openUserFile(dataDir, 'progress', settingsSchema, defaults, { readOnly: true });
    await expect(db.write()).rejects.toBeInstanceOf(StoreReadOnlyError);
    await expect(openUserFile(dataDir, '../library', settingsSchema, defaults)).rejects.toThrow(
      /not a user file name/,
    );
  });
});
