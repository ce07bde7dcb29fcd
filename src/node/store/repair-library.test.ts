import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StoreMissingLibraryError } from './errors';
import { LibraryStore } from './library-store';
import { repairLibrary } from './repair-library';
import { makeArticle } from './testing/articles';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-repair-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it('rebuilds a missing library.json from format-2 packs exactly, the latest text of each article winning', async () => {
  const store = await LibraryStore.open(dataDir);
  const [a, b, c] = [makeArticle(1), makeArticle(2), makeArticle(3)];
  await store.commit({ added: [a, b], updated: [] });
  const newerB = {
    ...b,
    title: 'Article 2, updated',
    blocks: [{ kind: 'paragraph' as const, text: 'New text.' }],
  };
  await store.commit({ added: [c], updated: [newerB] });
  const listed = store.list();
  const bodies = await Promise.all(listed.map((meta) => store.readArticle(meta.id)));
  await store.close();

  await rm(path.join(dataDir, 'library.json'));
  await expect(LibraryStore.open(dataDir)).rejects.toBeInstanceOf(StoreMissingLibraryError);
  // A torn last line (a crash while a pack was written by hand, say) is skipped, not fatal.
  await appendFile(path.join(dataDir, 'bodies', 'pack-000002.jsonl'), '{"id":"0123456789ab","blocks":[');

  const report = await repairLibrary(dataDir);
  expect(report).toEqual({ articles: 3, rebuiltFromText: 0, packs: 2, damagedLines: 1, unreadablePacks: [] });
  const repaired = await LibraryStore.open(dataDir);
  try {
    expect(repaired.list()).toEqual(listed);
    expect(await Promise.all(listed.map((meta) => repaired.readArticle(meta.id)))).toEqual(bodies);
    expect(repaired.get(b.id)?.title).toBe('Article 2, updated');
    // It writes as any library.
    await repaired.commit({ added: [makeArticle(4)], updated: [] });
  } finally {
    await repaired.close();
  }
});

it('refuses when there is nothing to rebuild from', async () => {
  await expect(repairLibrary(dataDir)).rejects.toThrow(/no article bodies/);
});
