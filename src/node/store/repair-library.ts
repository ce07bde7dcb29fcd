/**
 * Rebuilds `library.json` from the body packs, when it is missing (`gazette repair`). The packs
 * are immutable and every line written by library format 2 carries the article's metadata, so the
 * rebuilt library is the one that was there: same ids (the reader's progress, highlights, notes and
 * tags, all keyed by id, are attached again), same sources, same texts. When an id has several
 * lines (an article updated by a later import), the line in the highest pack, the latest, wins.
 *
 * Lines written by format 1 carry no metadata: their article is rebuilt from its text (title from
 * its first words, counts and fingerprint recomputed) with the source
 * `repaired:<id>`, so it is back in the library with its user data; re-importing its file then
 * adds it again under its real path (its id comes from the path), and the repaired copy can be removed.
 *
 * Removed articles come back in the library (the removal mark lived in library.json only).
 */
import path from 'node:path';
import type { ArticleMeta, Block } from '../../core/article';
import { countWords, makeExcerpt, readingMinutes } from '../../core/parse/metrics';
import { fingerprint } from '../import/fingerprint';
import { BODIES_DIR, packsOnDisk, readPackLines } from './body-packs';
import { StoreError } from './errors';
import { LibraryStore, LIBRARY_FILE } from './library-store';
import type { StoredArticle } from './schemas';

/** What a repair found and did. */
export interface RepairReport {
  /** Articles put back into the library. */
  articles: number;
  /** Of them, articles whose metadata was rebuilt from their text (packs written by format 1). */
  rebuiltFromText: number;
  /** Packs read, and lines of them that could not be read (skipped). */
  packs: number;
  damagedLines: number;
  /** Packs that could not be read at all, with the reason. */
  unreadablePacks: Array<{ pack: number; error: string }>;
}

/**
 * Rebuilds the library of `dataDir` from its body packs (see the module comment), holding the lock.
 * @throws StoreError when library.json is there (nothing to repair: it is never overwritten) or
 *   there are no packs; StoreLockedError when Gazette is open.
 */
export async function repairLibrary(dataDir: string, now: Date = new Date()): Promise<RepairReport> {
  const store = await LibraryStore.open(dataDir, { allowMissingLibrary: true });
  try {
    if (store.list().length > 0 || store.listRemoved().length > 0) {
      throw new StoreError(
        `The library file ${path.join(store.dataDir, LIBRARY_FILE)} is there; Gazette repairs only a missing one, and left it as it is.`,
      );
    }
    const bodiesDir = path.join(store.dataDir, BODIES_DIR);
    const packs = await packsOnDisk(bodiesDir);
    if (packs.length === 0) {
      throw new StoreError(`There are no article bodies in ${bodiesDir} to rebuild the library from.`);
    }
    const report: RepairReport = {
      articles: 0,
      rebuiltFromText: 0,
      packs: 0,
      damagedLines: 0,
      unreadablePacks: [],
    };
    const latest = new Map<string, StoredArticle>();
    let fromText = new Set<string>();
    for (const pack of packs) {
      let read;
      try {
        read = await readPackLines(bodiesDir, pack);
      } catch (error) {
        report.unreadablePacks.push({ pack, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      report.packs += 1;
      report.damagedLines += read.damaged;
      for (const { locator, body } of read.lines) {
        const meta = body.meta ?? metaFromText(body.id, body.blocks, now);
        if (meta.id !== body.id) {
          report.damagedLines += 1;
          continue;
        }
        latest.set(body.id, { ...meta, body: locator });
        if (body.meta) fromText.delete(body.id);
        else fromText.add(body.id);
      }
    }
    // Two ids cannot share a source: the latest line keeps it, an earlier one gets a repaired source.
    const owners = new Map<string, string>();
    for (const record of [...latest.values()].sort((a, b) => b.body.pack - a.body.pack)) {
      if (owners.has(record.source)) {
        latest.set(record.id, { ...record, source: `repaired:${record.id}` });
      } else owners.set(record.source, record.id);
    }
    const added = await store.adoptRecords([...latest.values()]);
    fromText = new Set(added.filter((id) => fromText.has(id)));
    report.articles = added.length;
    report.rebuiltFromText = fromText.size;
    return report;
  } finally {
    await store.close();
  }
}

/** Metadata rebuilt from a body alone (format 1 packs): see the module comment. */
function metaFromText(id: string, blocks: Block[], now: Date): ArticleMeta {
  // The title is not among the blocks; the first words of the text stand in for it (a heading
  // is usually a subheading deep in the article, a worse guess).
  const words = blocks
    .map((block) => block.text)
    .join(' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  const title =
    words.length === 0 ? `Article ${id}` : words.slice(0, 10).join(' ') + (words.length > 10 ? '…' : '');
  const wordCount = blocks.reduce((sum, block) => sum + countWords(block.text), 0);
  const time = now.toISOString();
  // The importer's own rules (metrics.ts, fingerprint.ts), so a re-import finds the same text.
  return {
    id,
    title,
    language: 'und',
    section: 'repaired',
    source: `repaired:${id}`,
    encoding: 'utf-8',
    wordCount,
    readingMinutes: readingMinutes(wordCount, 'und'),
    fingerprint: fingerprint(title, blocks),
    excerpt: makeExcerpt(blocks),
    importedAt: time,
    updatedAt: time,
  };
}
