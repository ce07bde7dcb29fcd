import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../core/settings';
import { LibraryStore, StoreCorruptError, StoreReadOnlyError } from '../store';
import { InvalidSettingsError, SettingsStore } from './settings-store';

let dataDir: string;
const opened: LibraryStore[] = [];
const settingsFile = (): string => path.join(dataDir, 'user', 'settings.json');

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-settings-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openSettings(options: { readOnly?: boolean } = {}): Promise<SettingsStore> {
  for (const store of opened.splice(0)) await store.close();
  const store = await LibraryStore.open(dataDir, options);
  opened.push(store);
  return SettingsStore.open(store);
}

describe('SettingsStore', () => {
  it('starts from the defaults without writing a file', async () => {
    const settings = await openSettings();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    await expect(stat(settingsFile())).rejects.toThrow(/ENOENT/);
  });

  it('merges an update, writes it durably and reads it back after a reopen', async () => {
    const settings = await openSettings();
    const updated = await settings.update({ theme: 'sepia', textSize: 22 });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', textSize: 22 });
    expect(await settings.update({ lineHeight: 1.8 })).toEqual({ ...updated, lineHeight: 1.8 });
    // A field given as undefined keeps its value.
    expect((await settings.update({ textSize: undefined })).textSize).toBe(22);

    const again = await openSettings();
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', textSize: 22, lineHeight: 1.8 });
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({
      schemaVersion: 1,
      settings: { ...DEFAULT_SETTINGS, theme: 'sepia', textSize: 22, lineHeight: 1.8 },
    });
  });

  it.each([
    [{ textSize: 31 }, /at textSize: Too big: expected number to be <=30/],
    [{ textSize: 13 }, /at textSize: Too small: expected number to be >=14/],
    [{ textSize: 18.5 }, /at textSize: Invalid input: expected int/],
    [{ theme: 'purple' }, /at theme:/],
    [{ fontSize: 20 }, /Unrecognized key: "fontSize"/],
  ])('refuses %j with a clear error and changes nothing', async (patch, message) => {
    const settings = await openSettings();
    await settings.update({ theme: 'dark' });
    const before = await readFile(settingsFile(), 'utf8');
    const update = settings.update(patch as SettingsPatch);
    await expect(update).rejects.toBeInstanceOf(InvalidSettingsError);
    await expect(settings.update(patch as SettingsPatch)).rejects.toThrow(
      /^Gazette did not save the settings: /,
    );
    await expect(settings.update(patch as SettingsPatch)).rejects.toThrow(message);
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await readFile(settingsFile(), 'utf8')).toBe(before);
  });

  it('fills the defaults in for settings the file does not have', async () => {
    await mkdir(path.dirname(settingsFile()), { recursive: true });
    await writeFile(settingsFile(), '{ "schemaVersion": 1, "settings": { "theme": "dark" } }');
    const settings = await openSettings();
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it.each([
    ['an unknown setting', { theme: 'dark', hyphenate: true }, /Unrecognized key: "hyphenate"/],
    ['a value out of bounds', { textSize: 90 }, /at settings\.textSize/],
  ])('reports a file with %s as damaged and keeps it', async (_name, stored, message) => {
    await mkdir(path.dirname(settingsFile()), { recursive: true });
    const text = JSON.stringify({ schemaVersion: 1, settings: stored });
    await writeFile(settingsFile(), text);
    await expect(openSettings()).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(openSettings()).rejects.toThrow(message);
    await expect(openSettings()).rejects.toThrow(
      /settings file .*settings\.json is damaged .* left as it is/,
    );
    expect(await readFile(settingsFile(), 'utf8')).toBe(text);
  });

  it('refuses to write when the library is read-only', async () => {
    const settings = await openSettings({ readOnly: true });
    await expect(settings.update({ theme: 'dark' })).rejects.toBeInstanceOf(StoreReadOnlyError);
  });

  describe('recovering from a damaged file', () => {
    const damaged = '{ "schemaVersion": 1, "settings": { "theme": "dark", "textSize": 21 ';

    async function storeOnly(options: { readOnly?: boolean } = {}): Promise<LibraryStore> {
      for (const store of opened.splice(0)) await store.close();
      const store = await LibraryStore.open(dataDir, options);
      opened.push(store);
      return store;
    }

    it('sets the damaged file aside, byte for byte, and opens with the defaults', async () => {
      await mkdir(path.dirname(settingsFile()), { recursive: true });
      await writeFile(settingsFile(), damaged);
      const store = await storeOnly();
      await expect(SettingsStore.open(store)).rejects.toBeInstanceOf(StoreCorruptError);

      const keptAs = await SettingsStore.setAside(store, new Date('2026-11-28T13:55:07.123Z'));
      expect(keptAs).toBe('settings.damaged-2026-11-28T13-55-07Z.json');
      expect(await readFile(path.join(dataDir, 'user', keptAs ?? ''), 'utf8')).toBe(damaged);
      await expect(stat(settingsFile())).rejects.toThrow(/ENOENT/);

      const settings = await SettingsStore.open(store);
      expect(settings.get()).toEqual(DEFAULT_SETTINGS);
      expect((await settings.update({ theme: 'sepia' })).theme).toBe('sepia');
    });

    it('never overwrites a file already set aside at the same second', async () => {
      const when = new Date('2026-11-28T13:55:07Z');
      const store = await storeOnly();
      await mkdir(path.dirname(settingsFile()), { recursive: true });
      await writeFile(settingsFile(), 'first');
      const first = await SettingsStore.setAside(store, when);
      await writeFile(settingsFile(), 'second');
      const second = await SettingsStore.setAside(store, when);
      expect(second).toBe('settings.damaged-2026-11-28T13-55-07Z-2.json');
      expect(first).not.toBe(second);
      const names = (await readdir(path.join(dataDir, 'user'))).sort();
      expect(names).toEqual([first, second].sort());
      expect(await readFile(path.join(dataDir, 'user', second ?? ''), 'utf8')).toBe('second');
    });

    it('says so when there is no file to set aside', async () => {
      expect(await SettingsStore.setAside(await storeOnly())).toBeNull();
    });

    it('moves nothing when the library is read-only', async () => {
      await mkdir(path.dirname(settingsFile()), { recursive: true });
      await writeFile(settingsFile(), damaged);
      await storeOnly(); // creates the library, then reopen read-only
      const readOnly = await storeOnly({ readOnly: true });
      await expect(SettingsStore.setAside(readOnly)).rejects.toBeInstanceOf(StoreReadOnlyError);
      expect(await readFile(settingsFile(), 'utf8')).toBe(damaged);
    });

    it('resets a healthy file to the defaults, durably', async () => {
      const settings = await openSettings();
      await settings.update({ theme: 'dark', textSize: 24 });
      expect(await settings.reset()).toEqual(DEFAULT_SETTINGS);
      expect((await openSettings()).get()).toEqual(DEFAULT_SETTINGS);
    });
  });
});
