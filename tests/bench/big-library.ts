/**
 * A library of 20,000 articles for the benchmarks: the BBC corpus repeated with varied text.
 * Copy k of an article gets "(k)" after its title and a sentence naming the copy after its
 * first paragraph, so every copy has its own fingerprint and is imported (not a duplicate).
 * Made once per run in the system's temp folder, through the real importer and store.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParsePool } from '../../src/node/import/parse-pool';
import { importIntoLibrary } from '../../src/node/library/import-into-library';
import { LibraryStore } from '../../src/node/store';

const CORPUS = 'tests/fixtures/bbc-news';

/** Writes `count` article files and imports them into a new data folder; returns the folder. */
export async function makeBigLibrary(
  count: number,
): Promise<{ dataDir: string; imported: number; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'gazette-big-'));
  const sources: { section: string; text: string }[] = [];
  for (const section of (await readdir(CORPUS)).sort()) {
    for (const name of (await readdir(join(CORPUS, section))).sort()) {
      sources.push({ section, text: await readFile(join(CORPUS, section, name), 'utf8') });
    }
  }
  for (let n = 0; n < count; n += 1) {
    const source = sources[n % sources.length];
    if (!source) break;
    const copy = Math.floor(n / sources.length) + 1;
    const [title = '', ...rest] = source.text.split('\n');
    const body = rest.join('\n').replace(/\n\n/, `\n\nThis is copy ${copy} of the article, number ${n}.\n\n`);
    const folder = join(root, 'articles', source.section);
    if (n < sources.length) await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${String(n).padStart(5, '0')}.txt`), `${title} (${copy})\n${body}`);
  }
  const dataDir = join(root, 'data');
  const store = await LibraryStore.open(dataDir);
  const pool = ParsePool.forSources();
  try {
    const report = await importIntoLibrary(store, [join(root, 'articles')], { parsePool: pool });
    return { dataDir, imported: report.imported, remove: () => rm(root, { recursive: true, force: true }) };
  } finally {
    await pool.close();
    await store.close();
  }
}
