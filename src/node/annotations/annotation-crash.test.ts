/**
 * Crash test: a child process saves highlights and notes in a loop through the real annotation
 * service (testing/save-loop.ts), printing an acknowledgement after each save is on disk; the test
 * SIGKILLs it at a random moment, then checks every file: none torn or empty, every one parseable
 * and valid, every acknowledged highlight and note present, and the counts index, once reopened,
 * agreeing with the files. Then the next trial starts a new child on the same folder, as an app
 * restarted after a crash would (the dead child's lock is aged past its staleness first).
 *
 * CI runs a short version (25 trials). The long mode runs 1,000 trials or more:
 *
 *   GAZETTE_CRASH_TRIALS=1000 npx vitest run src/node/annotations/annotation-crash.test.ts
 *
 * (about 11 minutes on our machines). Every 25 trials the annotations are cleared, so the files stay
 * the size a reader's do. A kill cannot cut the power: durability across a power cut rests on the
 * fsyncs (durable-json-file.ts); this shows a killed writer never exposes a partial file and never
 * loses an acknowledged save.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIntoLibrary } from '../library/import-into-library';
import { LibraryStore, LOCK_FILE, USER_DIR } from '../store';
import { isTempFileName } from '../store/durable-json-file';
import { annotationFileSchemaFor, annotationsDir, articleIdOfFile } from './annotation-file';
import { COUNTS_FILE } from './annotation-counts';
import { AnnotationStore } from './annotation-store';

const TRIALS = Number(process.env.GAZETTE_CRASH_TRIALS ?? '25');
/** Trials on one set of annotations before it is cleared. */
const TRIALS_PER_ROUND = 25;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = path.join(import.meta.dirname, 'testing', 'save-loop.ts');

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-crash-'));
  dataDir = path.join(root, 'data');
  const news = path.join(root, 'news');
  await mkdir(news);
  await copyFile(path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt'), path.join(news, 'seed.txt'));
  for (const section of ['business', 'sport']) {
    await mkdir(path.join(news, section));
    for (let n = 1; n <= 5; n += 1) {
      const name = `${String(n).padStart(3, '0')}.txt`;
      await copyFile(
        path.join(ROOT, 'tests', 'fixtures', 'bbc-news', section, name),
        path.join(news, section, name),
      );
    }
  }
  const store = await LibraryStore.open(dataDir);
  await importIntoLibrary(store, [news]);
  await store.close();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What the children acknowledged, kept across trials until the annotations are cleared. */
interface Acknowledged {
  /** article id → ids of highlights and notes that must be there. */
  present: Map<string, Set<string>>;
  /** Ids whose deletion began: they may or may not be there. */
  mayBeGone: Set<string>;
}

/** A crashed process's lock stays behind; age it past LOCK_STALE_MS, as the passing of 20 s would. */
async function ageLock(): Promise<void> {
  const lock = path.join(dataDir, LOCK_FILE);
  const old = new Date(Date.now() - 120_000);
  await utimes(lock, old, old).catch(() => undefined);
}

/** Runs one child until a random moment after its first acknowledgement, then SIGKILLs it. */
function runAndKill(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let scheduled = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!scheduled && output.includes('ack ')) {
        scheduled = true;
        // 0–40 ms: from a few saves to a few dozen, and the kill lands anywhere inside one.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the saving process stopped by itself: ${errors}`));
      // A line cut by the kill has no newline yet: it was never a whole acknowledgement.
      else resolve(output.split('\n').slice(0, -1));
    });
  });
}

function record(lines: string[], acknowledged: Acknowledged): void {
  for (const line of lines) {
    const [word, kind, articleId, id] = line.split(' ');
    if (!articleId || !id) continue;
    const ids = acknowledged.present.get(articleId) ?? new Set<string>();
    acknowledged.present.set(articleId, ids);
    if (word === 'ack' && (kind === 'highlight' || kind === 'note')) ids.add(id);
    if (word === 'begin' && kind === 'delete') acknowledged.mayBeGone.add(id);
    if (word === 'ack' && kind === 'delete') {
      ids.delete(id);
      acknowledged.mayBeGone.delete(id);
    }
  }
}

/** Checks every file of the folder; returns whether a temporary file shows a kill landed inside a write. */
async function checkFiles(acknowledged: Acknowledged): Promise<boolean> {
  const dir = annotationsDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const userNames = await readdir(path.join(dataDir, USER_DIR)).catch(() => [] as string[]);
  const killedMidWrite = [...names, ...userNames].some(isTempFileName);
  const found = new Map<string, Set<string>>();
  for (const name of names.filter((entry) => !isTempFileName(entry))) {
    const id = articleIdOfFile(name);
    expect(id, `${name} is an annotation file`).toBeDefined();
    const text = await readFile(path.join(dir, name), 'utf8');
    expect(text.trim(), `${name} is not empty`).not.toBe('');
    const parsed = annotationFileSchemaFor(id!).safeParse(JSON.parse(text)); // throws if torn
    expect(parsed.success, `${name} is a valid annotation file`).toBe(true);
    if (parsed.success) {
      found.set(
        id!,
        new Set([...parsed.data.highlights, ...parsed.data.notes].map((annotation) => annotation.id)),
      );
    }
  }
  const counts = await readFile(path.join(dataDir, USER_DIR, COUNTS_FILE), 'utf8').catch(() => null);
  if (counts !== null) expect(() => JSON.parse(counts)).not.toThrow();

  for (const [articleId, ids] of acknowledged.present) {
    const there = found.get(articleId) ?? new Set<string>();
    const lost = [...ids].filter((id) => !there.has(id) && !acknowledged.mayBeGone.has(id));
    expect(lost, `acknowledged annotations of ${articleId} are all there`).toEqual([]);
  }

  // Reopened as the app would be: the counts index agrees with the files.
  await ageLock();
  const store = await LibraryStore.open(dataDir);
  try {
    const annotations = await AnnotationStore.open(store);
    for (const meta of store.list()) {
      const { highlights, notes } = await annotations.list(meta.id);
      expect(annotations.counts(meta.id)).toEqual({ highlights: highlights.length, notes: notes.length });
    }
  } finally {
    await store.close();
  }
  return killedMidWrite;
}

describe('annotations survive a killed writer', () => {
  it(
    `keeps every acknowledged save and never leaves a torn file (${TRIALS} kills)`,
    async () => {
      let acknowledged: Acknowledged = { present: new Map(), mayBeGone: new Set() };
      let saves = 0;
      let midWrite = 0;
      for (let trial = 0; trial < TRIALS; trial += 1) {
        if (trial > 0 && trial % TRIALS_PER_ROUND === 0) {
          await rm(path.join(dataDir, USER_DIR), { recursive: true, force: true });
          acknowledged = { present: new Map(), mayBeGone: new Set() };
        }
        await ageLock();
        const lines = await runAndKill();
        saves += lines.filter((line) => line.startsWith('ack ')).length;
        record(lines, acknowledged);
        if (await checkFiles(acknowledged)) midWrite += 1;
      }
      // The reader of the long run wants these figures; they are not asserted (they depend on timing).
      console.log(
        `crash test: ${TRIALS} kills, ${saves} acknowledged saves, all present; ${midWrite} kills left a temporary file (landed inside a write)`,
      );
      expect(saves).toBeGreaterThanOrEqual(TRIALS);
      expect((await stat(dataDir)).isDirectory()).toBe(true);
    },
    Math.max(60_000, TRIALS * 2_000),
  );
});
