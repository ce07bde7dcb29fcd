/**
 * Saving a highlight and a note with 20,000 articles in the store, through the real annotation
 * service (durable writes: temporary file, fsync, rename, folder fsync), and the bytes each save
 * writes at 1,000 and at 20,000 articles. Goals (issue 4): ≤ 2 ms at the median and ≤ 5 ms at the
 * 95th percentile, and bytes per save that do not grow with the library.
 *
 * Bytes are what the process really wrote, from the kernel's count (`wchar` of /proc/self/io, on
 * Linux); elsewhere they are the sizes of the files the save rewrote. A save writes the article's
 * own annotation file, plus, when a count changes (adding, deleting), one line of about 25 bytes
 * appended to the counts journal (src/node/annotations/annotation-counts.ts).
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleText } from '../../src/core/annotations/article-text';
import { AnnotationStore } from '../../src/node/annotations';
import { annotationFilePath, COUNTS_LOG_FILE } from '../../src/node/annotations';
import { LibraryStore, USER_DIR } from '../../src/node/store';
import { makeBigLibrary } from './big-library';
import { median, percentile, type BenchResult } from './stats';

const SAVES = 300;
const WARM_UP = 30;

/** Bytes this process has written so far, or null where the kernel does not say. */
async function bytesWrittenSoFar(): Promise<number | null> {
  try {
    const io = await readFile('/proc/self/io', 'utf8');
    const match = /^wchar: (\d+)$/m.exec(io);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

interface Measured {
  highlightMs: number[];
  noteMs: number[];
  editMs: number[];
  highlightBytes: number[];
  noteBytes: number[];
  editBytes: number[];
}

/** Random saves on `dataDir`'s library: highlights, notes, and note edits (the typing path). */
async function measure(dataDir: string): Promise<Measured> {
  const store = await LibraryStore.open(dataDir);
  const annotations = await AnnotationStore.open(store);
  const ids = store.list().map((meta) => meta.id);
  const lengths = new Map<string, number>();
  const randomArticle = async (): Promise<{ id: string; length: number }> => {
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    // The text length, to pick a range, is read outside the timing; the save reads the body itself.
    let length = lengths.get(id);
    if (length === undefined) {
      length = articleText((await store.readBody(id)).blocks).text.length;
      lengths.set(id, length);
    }
    return { id, length };
  };
  const journalFile = join(dataDir, USER_DIR, COUNTS_LOG_FILE);
  /** Bytes of one save: the kernel's count, or the sizes of the files it rewrote. */
  const timed = async (articleId: string, save: () => Promise<unknown>) => {
    const journalBefore = await stat(journalFile).catch(() => null);
    const before = await bytesWrittenSoFar();
    const start = performance.now();
    await save();
    const ms = performance.now() - start;
    const after = await bytesWrittenSoFar();
    let bytes: number;
    if (before !== null && after !== null) {
      bytes = after - before;
    } else {
      const file = await stat(annotationFilePath(dataDir, articleId)).catch(() => null);
      const journal = await stat(journalFile).catch(() => null);
      bytes = (file?.size ?? 0) + Math.max(0, (journal?.size ?? 0) - (journalBefore?.size ?? 0));
    }
    return { ms, bytes };
  };

  const result: Measured = {
    highlightMs: [],
    noteMs: [],
    editMs: [],
    highlightBytes: [],
    noteBytes: [],
    editBytes: [],
  };
  const notes: Array<{ articleId: string; id: string }> = [];
  try {
    for (let n = 0; n < WARM_UP + SAVES; n += 1) {
      const counted = n >= WARM_UP;
      const { id, length } = await randomArticle();
      const start = Math.floor(Math.random() * Math.max(1, length - 120));
      const highlight = await timed(id, () =>
        annotations.addHighlight(id, {
          start,
          end: start + 20 + Math.floor(Math.random() * 100),
          note: 'Why this matters.',
        }),
      );
      const other = await randomArticle();
      let noteId = '';
      const note = await timed(other.id, async () => {
        noteId = (await annotations.addNote(other.id, 'A personal note, written where the comment form was.'))
          .id;
      });
      notes.push({ articleId: other.id, id: noteId });
      const typed = notes[Math.floor(Math.random() * notes.length)]!;
      const edit = await timed(typed.articleId, () =>
        annotations.updateNote(typed.articleId, typed.id, `A personal note, edited ${n} times.`),
      );
      if (!counted) continue;
      result.highlightMs.push(highlight.ms);
      result.highlightBytes.push(highlight.bytes);
      result.noteMs.push(note.ms);
      result.noteBytes.push(note.bytes);
      result.editMs.push(edit.ms);
      result.editBytes.push(edit.bytes);
    }
  } finally {
    await store.close();
  }
  return result;
}

const ms = (values: number[]): string =>
  `median ${median(values).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`;
const bytes = (values: number[]): number => Math.round(median(values));

export async function benchAnnotationSave(): Promise<BenchResult[]> {
  const small = await makeBigLibrary(1_000);
  const big = await makeBigLibrary(20_000);
  try {
    const atSmall = await measure(small.dataDir);
    const atBig = await measure(big.dataDir);
    const meets = (values: number[]) => median(values) <= 2 && percentile(values, 95) <= 5;
    const growth = Math.max(
      bytes(atBig.highlightBytes) / bytes(atSmall.highlightBytes),
      bytes(atBig.noteBytes) / bytes(atSmall.noteBytes),
      bytes(atBig.editBytes) / bytes(atSmall.editBytes),
    );
    return [
      {
        name: `save a highlight, ${big.imported.toLocaleString('en')} articles`,
        value: ms(atBig.highlightMs),
        detail: `${SAVES} saves on random articles, durable; at ${small.imported.toLocaleString('en')} articles: ${ms(atSmall.highlightMs)}`,
        goal: '≤ 2 ms median, ≤ 5 ms p95',
        met: meets(atBig.highlightMs),
      },
      {
        name: `save a note, ${big.imported.toLocaleString('en')} articles`,
        value: ms(atBig.noteMs),
        detail: `${SAVES} new notes; editing a note (typing): ${ms(atBig.editMs)}; at ${small.imported.toLocaleString('en')} articles: ${ms(atSmall.noteMs)}`,
        goal: '≤ 2 ms median, ≤ 5 ms p95',
        met: meets(atBig.noteMs) && meets(atBig.editMs),
      },
      {
        name: 'bytes written per save, 1,000 → 20,000 articles',
        value: `highlight ${bytes(atSmall.highlightBytes)} → ${bytes(atBig.highlightBytes)} B, note ${bytes(atSmall.noteBytes)} → ${bytes(atBig.noteBytes)} B, note edit ${bytes(atSmall.editBytes)} → ${bytes(atBig.editBytes)} B`,
        detail:
          `medians; ${(await bytesWrittenSoFar()) === null ? 'sizes of the files rewritten' : 'bytes the process wrote (/proc/self/io)'}; ` +
          `an edit writes the article's own file only; an add also appends one line of about 25 bytes to the counts journal`,
        goal: 'no growth with the library (≤ 1.1×)',
        met: growth <= 1.1,
      },
    ];
  } finally {
    for (const library of [small, big]) await rm(dirname(library.dataDir), { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/annotation-save.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchAnnotationSave()) {
    const verdict = result.met === undefined ? '' : result.met ? '  [goal met]' : '  [goal NOT met]';
    console.log(`${result.name}: ${result.value}${result.goal ? `  (goal ${result.goal})` : ''}${verdict}`);
    if (result.detail) console.log(`    ${result.detail}`);
  }
}
