import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store';
import { importSeedsOnFirstRun } from './first-run';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');

describe('importSeedsOnFirstRun', () => {
  it('imports the bundled seeds once, and not again after the reader removed them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gazette-first-run-'));
    let store = await LibraryStore.open(dataDir);
    const report = await importSeedsOnFirstRun(store, SEEDS);
    expect(report?.imported).toBe(1);
    const [seed] = store.list();
    expect(seed?.title).toBe('Alep : vers un accord militaire entre les États-Unis et la Russie');
    await store.remove([seed?.id ?? '']);
    await store.close();

    store = await LibraryStore.open(dataDir);
    expect(await importSeedsOnFirstRun(store, SEEDS)).toBeNull();
    expect(store.list()).toHaveLength(0);
    await store.close();
  });

  it('does nothing when the seeds folder is missing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gazette-first-run-'));
    const store = await LibraryStore.open(dataDir);
    expect(await importSeedsOnFirstRun(store, join(dataDir, 'no-seeds'))).toBeNull();
    expect(store.list()).toHaveLength(0);
    await store.close();
  });
});
