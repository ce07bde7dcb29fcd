/**
 * Import throughput on the BBC corpus into an empty store, durable writes included, beside a
 * floor measured in the same run: reading and hashing the same files and writing their bytes
 * as one fsync'd file, with no parsing. Goal: ≥ 5,000 articles/s and within 2× of the floor.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectImportFiles } from '../../src/node/import/collect-files';
import { ParsePool } from '../../src/node/import/parse-pool';
import { importIntoLibrary } from '../../src/node/library/import-into-library';
import { LibraryStore } from '../../src/node/store';
import { median, type BenchResult } from './stats';

const CORPUS = 'tests/fixtures/bbc-news';
const RUNS = 7;

async function timeImport(pool: ParsePool): Promise<{ ms: number; files: number; imported: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-bench-'));
  try {
    const start = performance.now();
    const store = await LibraryStore.open(dataDir);
    const report = await importIntoLibrary(store, [CORPUS], { parsePool: pool });
    await store.close();
    const ms = performance.now() - start;
    const files = report.imported + report.unchanged + report.updated + report.duplicates.length;
    return { ms, files, imported: report.imported };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Read + SHA-256 every file, write all the bytes as one file, fsync it: no parsing at all. */
async function timeFloor(files: string[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-floor-'));
  try {
    const start = performance.now();
    const chunks: Buffer[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      createHash('sha256').update(bytes).digest('hex');
      chunks.push(bytes);
    }
    const handle = await open(join(dir, 'floor.bin'), 'w');
    await handle.writeFile(Buffer.concat(chunks));
    await handle.sync();
    await handle.close();
    return performance.now() - start;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchImportThroughput(): Promise<BenchResult[]> {
  const { files } = await collectImportFiles([CORPUS]);
  // The same worker pool the command line and the app use (its script run through tsx here).
  // Made here and closed at the end: a pool made when this module was loaded, never closed, kept
  // its worker threads alive, and `npm run bench` printed every figure and then never exited.
  const pool = ParsePool.forSources();
  const imports: number[] = [];
  const floors: number[] = [];
  let counts = { files: 0, imported: 0 };
  try {
    await timeImport(pool); // warm-up: module loading and JIT, not counted
    for (let run = 0; run < RUNS; run += 1) {
      const result = await timeImport(pool);
      imports.push(result.ms);
      counts = { files: result.files, imported: result.imported };
      floors.push(await timeFloor(files));
    }
  } finally {
    await pool.close();
  }
  const importMs = median(imports);
  const floorMs = median(floors);
  const perSecond = (counts.files / importMs) * 1000;
  const floorPerSecond = (files.length / floorMs) * 1000;
  return [
    {
      name: 'import: BBC corpus into an empty store (durable)',
      value: `${Math.round(perSecond)} articles/s`,
      detail: `${counts.files} files (${counts.imported} imported, rest duplicates) in ${importMs.toFixed(1)} ms, median of ${RUNS}`,
      goal: '≥ 5,000 articles/s',
      met: perSecond >= 5000,
    },
    {
      name: 'import floor: read + hash + one fsync’d write',
      value: `${Math.round(floorPerSecond)} files/s`,
      detail: `${floorMs.toFixed(1)} ms, median of ${RUNS}`,
    },
    {
      name: 'import vs floor',
      value: `${(importMs / floorMs).toFixed(2)}×`,
      goal: '≤ 2×',
      met: importMs / floorMs <= 2,
    },
  ];
}
