import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readingState } from '../../core/reading';
import { LibraryStore, StoreCorruptError, StoreReadOnlyError } from '../store';
import { makeArticle } from '../store/testing/articles';
import { toLibraryEntry } from './library-entry';
import { ProgressStore } from './progress-store';

let dataDir: string;
const opened: LibraryStore[] = [];
const progressFile = (): string => path.join(dataDir, 'user', 'progress.json');
const clock = () => new Date('2024-06-01T12:00:00.000Z');
const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-progress-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openProgress(options: { readOnly?: boolean } = {}): Promise<ProgressStore> {
  const store = await LibraryStore.open(dataDir, options);
  opened.push(store);
  return ProgressStore.open(store, { now: clock });
}

async function reopen(): Promise<ProgressStore> {
  for (const store of opened.splice(0)) await store.close();
  return openProgress();
}

describe('ProgressStore', () => {
  it('saves where the reader is and gives it back after a reopen', async () => {
    const progress = await openProgress();
    expect(progress.get(A)).toBeNull();
    const saved = await progress.save(A, { blockIndex: 3, blockOffset: 0.25, fraction: 0.4 });
    expect(saved).toEqual({
      position: { blockIndex: 3, blockOffset: 0.25, fraction: 0.4 },
      fraction: 0.4,
      finished: false,
      updatedAt: '2024-06-01T12:00:00.000Z',
    });
    expect(readingState(saved)).toBe('reading');

    const again = await reopen();
    expect(again.get(A)).toEqual(saved);
    expect(again.get(B)).toBeNull();
    expect([...again.all().keys()]).toEqual([A]);
    const onDisk = JSON.parse(await readFile(progressFile(), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 1, progress: { [A]: saved } });
  });

  it('keeps the fraction where the reader is, so scrolling back lowers it', async () => {
    const progress = await openProgress();
    await progress.save(A, { blockIndex: 9, blockOffset: 0.5, fraction: 0.7 });
    const back = await progress.save(A, { blockIndex: 2, blockOffset: 0, fraction: 0.2 });
    expect(back.fraction).toBe(0.2);
    expect(back.position?.blockIndex).toBe(2);
  });

  it('rounds fractions to four decimals, and hands out copies', async () => {
    const progress = await openProgress();
    const saved = await progress.save(A, { blockIndex: 1, blockOffset: 1 / 3, fraction: 0.123456789 });
    expect(saved.position).toEqual({ blockIndex: 1, blockOffset: 0.3333, fraction: 0.1235 });
    expect(saved.fraction).toBe(0.1235);
    saved.fraction = 0.9;
    progress.get(A)!.fraction = 0.9;
    expect(progress.get(A)?.fraction).toBe(0.1235);
  });

  it('marks an article finished from the threshold on, and keeps it finished when the reader scrolls back', async () => {
    const progress = await openProgress();
    const nearly = await progress.save(A, { blockIndex: 20, blockOffset: 0.5, fraction: 0.979 });
    expect(nearly.finished).toBe(false);
    expect(readingState(nearly)).toBe('reading');

    const finished = await progress.save(A, { blockIndex: 21, blockOffset: 0.9, fraction: 0.98 });
    expect(finished).toMatchObject({ finished: true, fraction: 1 });
    expect(finished.position?.fraction).toBe(0.98);
    expect(readingState(finished)).toBe('finished');

    const reread = await progress.save(A, { blockIndex: 0, blockOffset: 0.1, fraction: 0.05 });
    expect(reread).toMatchObject({ finished: true, fraction: 1 });
    expect(reread.position).toEqual({ blockIndex: 0, blockOffset: 0.1, fraction: 0.05 });
    expect((await reopen()).get(A)?.finished).toBe(true);
  });

  it('marks finished by hand (keeping the position), and unread (clearing everything)', async () => {
    const progress = await openProgress();
    await progress.save(A, { blockIndex: 4, blockOffset: 0.5, fraction: 0.3 });
    const finished = await progress.setFinished(A, true);
    expect(finished).toEqual({
      position: { blockIndex: 4, blockOffset: 0.5, fraction: 0.3 },
      fraction: 1,
      finished: true,
      updatedAt: '2024-06-01T12:00:00.000Z',
    });
    expect((await progress.setFinished(B, true)).position).toBeNull();

    const unread = await progress.setFinished(A, false);
    expect(unread).toEqual({
      position: null,
      fraction: 0,
      finished: false,
      updatedAt: clock().toISOString(),
    });
    expect(readingState(unread)).toBe('unread');
    expect(progress.get(A)).toBeNull();
    // Unread again: a save below the threshold no longer counts as finished.
    expect((await progress.save(A, { blockIndex: 1, blockOffset: 0, fraction: 0.1 })).finished).toBe(false);
    await progress.setFinished(A, false);
    expect([...(await reopen()).all().keys()]).toEqual([B]);
  });

  it('sets a fraction by hand: reading, finished from the threshold, unread at 0', async () => {
    const progress = await openProgress();
    await progress.save(A, { blockIndex: 4, blockOffset: 0.5, fraction: 0.9 });
    await progress.setFinished(A, true);
    expect(await progress.setFraction(A, 0.4)).toMatchObject({
      position: null,
      fraction: 0.4,
      finished: false,
    });
    expect(await progress.setFraction(A, 0.99)).toMatchObject({ fraction: 1, finished: true });
    expect(readingState(await progress.setFraction(A, 0))).toBe('unread');
    expect(progress.get(A)).toBeNull();
    await expect(progress.setFraction(A, 1.5)).rejects.toThrow(/number from 0 to 1 \(got 1\.5\)/);
    await expect(progress.setFraction(A, Number.NaN)).rejects.toThrow(/from 0 to 1/);
  });

  it('refuses a position out of bounds and writes nothing', async () => {
    const progress = await openProgress();
    await expect(progress.save(A, { blockIndex: -1, blockOffset: 0, fraction: 0.5 })).rejects.toThrow(
      /refused to save the reading position of aaaaaaaaaaaa: at blockIndex/,
    );
    await expect(progress.save(A, { blockIndex: 0, blockOffset: 0, fraction: 2 })).rejects.toThrow(
      /at fraction/,
    );
    expect(progress.get(A)).toBeNull();
    await expect(stat(progressFile())).rejects.toThrow(/ENOENT/);
  });

  it('forgets the progress of articles in one write', async () => {
    const progress = await openProgress();
    await progress.save(A, { blockIndex: 1, blockOffset: 0, fraction: 0.2 });
    await progress.save(B, { blockIndex: 1, blockOffset: 0, fraction: 0.3 });
    expect(await progress.forget([A, 'cccccccccccc', A])).toEqual([A]);
    expect(await progress.forget(['cccccccccccc'])).toEqual([]);
    expect([...(await reopen()).all().keys()]).toEqual([B]);
  });

  it('saves many quick changes and ends with the last one on disk', async () => {
    const progress = await openProgress();
    const saves = Array.from({ length: 50 }, (_, n) =>
      progress.save(A, { blockIndex: n, blockOffset: 0, fraction: n / 100 }),
    );
    await Promise.all(saves);
    expect((await reopen()).get(A)?.position?.blockIndex).toBe(49);
  });

  it('writes about 240 bytes per article read', async () => {
    const progress = await openProgress();
    for (let n = 0; n < 100; n += 1) {
      const id = n.toString(16).padStart(12, '0');
      await progress.save(id, { blockIndex: 12, blockOffset: 0.123456, fraction: 0.654321 });
    }
    const { size } = await stat(progressFile());
    expect(size / 100).toBeGreaterThan(150);
    expect(size / 100).toBeLessThan(260);
  });

  it('refuses writes when the library is read-only', async () => {
    const progress = await openProgress({ readOnly: true });
    await expect(progress.save(A, { blockIndex: 0, blockOffset: 0, fraction: 0.5 })).rejects.toBeInstanceOf(
      StoreReadOnlyError,
    );
  });

  it('reports a damaged file and keeps it', async () => {
    await (await LibraryStore.open(dataDir)).close(); // the library the file belongs to
    await mkdir(path.dirname(progressFile()), { recursive: true });
    const damaged = JSON.stringify({ schemaVersion: 1, progress: { [A]: { fraction: 3 } } });
    await writeFile(progressFile(), damaged);
    // The open goes on, so the library still lists; the damage is named, and kept.
    const progress = await openProgress();
    expect(progress.damage).toBeInstanceOf(StoreCorruptError);
    expect(progress.damage?.message).toMatch(
      /progress file .*progress\.json is damaged \(at progress\.aaaaaaaaaaaa/,
    );
    expect(progress.all()).toEqual(new Map());
    expect(() => progress.get(A)).toThrow(StoreCorruptError);
    await expect(progress.save(A, { blockIndex: 0, blockOffset: 0, fraction: 0.5 })).rejects.toBeInstanceOf(
      StoreCorruptError,
    );
    expect(await readFile(progressFile(), 'utf8')).toBe(damaged);
    // Mended by the reader: the next change reads it again and goes through.
    await writeFile(progressFile(), JSON.stringify({ schemaVersion: 1, progress: {} }));
    expect((await progress.save(A, { blockIndex: 0, blockOffset: 0, fraction: 0.5 })).fraction).toBe(0.5);
    expect(progress.damage).toBeUndefined();
  });

  it('a file keyed by ids that are not article ids (toString, __proto__) is damaged, kept, and harmless', async () => {
    await (await LibraryStore.open(dataDir)).close(); // the library the file belongs to
    await mkdir(path.dirname(progressFile()), { recursive: true });
    const entry = { position: null, fraction: 0.5, finished: false, updatedAt: '2024-06-01T12:00:00.000Z' };
    for (const [hostile, reason] of [
      [`{"schemaVersion":1,"progress":{"toString":${JSON.stringify(entry)}}}`, /at progress\.toString/],
      [`{"schemaVersion":1,"progress":{"__proto__":${JSON.stringify(entry)}}}`, /holds the key "__proto__"/],
    ] as const) {
      await writeFile(progressFile(), hostile);
      const progress = await reopen();
      expect(progress.damage?.message).toMatch(/progress file .* is damaged/);
      expect(progress.damage?.message).toMatch(reason);
      expect(progress.all().size).toBe(0);
      expect(toLibraryEntry(makeArticle(1), progress.all().get(makeArticle(1).id)).state).toBe('unread');
      expect(await readFile(progressFile(), 'utf8')).toBe(hostile);
    }
  });
});

describe('toLibraryEntry', () => {
  it('derives the progress and state shown in the library', () => {
    const meta = makeArticle(1);
    const time = '2024-06-01T12:00:00.000Z';
    expect(toLibraryEntry(meta, null)).toMatchObject({ id: meta.id, progress: 0, state: 'unread' });
    const position = { blockIndex: 0, blockOffset: 0, fraction: 0 };
    expect(toLibraryEntry(meta, { position, fraction: 0, finished: false, updatedAt: time })).toMatchObject({
      progress: 0,
      state: 'unread',
    });
    expect(
      toLibraryEntry(meta, { position: null, fraction: 0.42, finished: false, updatedAt: time }),
    ).toMatchObject({ progress: 0.42, state: 'reading' });
    expect(
      toLibraryEntry(meta, { position: null, fraction: 1, finished: true, updatedAt: time }),
    ).toMatchObject({
      progress: 1,
      state: 'finished',
    });
  });
});
