import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleBody } from '../../core/article';
import { describeIssues, isErrnoException, writeFileDurably } from './durable-json-file';
import { StoreCorruptError } from './errors';
import { packedBodySchema } from './schemas';
import type { BodyLocator, PackedBody } from './schemas';

/*
 * Article bodies live in pack files, `bodies/pack-000001.jsonl`, one per import batch: each line is
 * one article's body as JSON (`{"id":…,"blocks":[…],"removed":[…]}`), and the library records the
 * line's byte offset and length, so reading a body reads that range only. A pack is written once
 * (temporary file, fsync, rename: one fsync for the whole batch instead of one per article) and
 * never changed afterwards; an updated article's new body goes into the next pack.
 */

/** The folder of the body packs, inside the data folder. */
export const BODIES_DIR = 'bodies';

const PACK_NAME = /^pack-(\d{6,})\.jsonl$/;

/** `pack-000042.jsonl` for 42. */
export function packFileName(pack: number): string {
  return `pack-${String(pack).padStart(6, '0')}.jsonl`;
}

/** The number of the highest pack file in `bodiesDir`, 0 when there is none (or no folder). */
export async function highestPackOnDisk(bodiesDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(bodiesDir);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return 0;
    throw error;
  }
  let highest = 0;
  for (const name of names) {
    const match = PACK_NAME.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/**
 * Writes `bodies` as pack number `pack` in one durable write and returns each body's locator,
 * in the order given. The folder must exist. JSON escapes every control character, so a line
 * never holds a raw newline and the file stays one body per line.
 */
export async function writePack(
  bodiesDir: string,
  pack: number,
  bodies: PackedBody[],
): Promise<BodyLocator[]> {
  const lines: string[] = new Array<string>(bodies.length);
  const locators: BodyLocator[] = new Array<BodyLocator>(bodies.length);
  let offset = 0;
  for (let index = 0; index < bodies.length; index += 1) {
    const body = bodies[index]!;
    // Stringified once; the byte length is counted natively, without encoding a second time.
    const line = JSON.stringify(
      body.meta === undefined
        ? { id: body.id, blocks: body.blocks, removed: body.removed }
        : { id: body.id, blocks: body.blocks, removed: body.removed, meta: body.meta },
    );
    const length = Buffer.byteLength(line, 'utf8');
    lines[index] = line;
    locators[index] = { pack, offset, length };
    offset += length + 1; // the newline
  }
  await writeFileDurably(path.join(bodiesDir, packFileName(pack)), lines.join('\n') + '\n');
  return locators;
}

/**
 * Reads one body from its pack: opens the file, reads `length` bytes at `offset`, checks them.
 * Throws `StoreCorruptError` (naming the pack) when the pack is missing, short, or the bytes are
 * not the body of `id`.
 */
export async function readPackedBody(
  bodiesDir: string,
  locator: BodyLocator,
  id: string,
): Promise<ArticleBody> {
  const file = path.join(bodiesDir, packFileName(locator.pack));
  const damaged = (reason: string, cause?: unknown): StoreCorruptError =>
    new StoreCorruptError(
      file,
      `the body of article ${id}: ${reason}`,
      'body pack',
      cause === undefined ? {} : { cause },
    );

  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      bytes = Buffer.allocUnsafe(locator.length);
      const { bytesRead } = await handle.read(bytes, 0, locator.length, locator.offset);
      if (bytesRead < locator.length) {
        throw damaged(`the file ends ${locator.length - bytesRead} bytes early`);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof StoreCorruptError) throw error;
    const reason =
      isErrnoException(error) && error.code === 'ENOENT' ? 'the pack file is missing' : String(error);
    throw new StoreCorruptError(file, `the body of article ${id}: ${reason}`, 'body pack', {
      cause: error,
      unreadable: true,
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error), error);
  }
  const result = packedBodySchema.safeParse(json);
  if (!result.success) throw damaged(describeIssues(result.error));
  if (result.data.id !== id) throw damaged(`the bytes hold the body of ${result.data.id} instead`);
  return { blocks: result.data.blocks, removed: result.data.removed };
}

/** The pack numbers on disk, in order. */
export async function packsOnDisk(bodiesDir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(bodiesDir);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = PACK_NAME.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
}

/** One readable line of a pack, with where it is. */
export interface PackLine {
  locator: BodyLocator;
  body: PackedBody;
}

/**
 * Every line of pack `pack` that reads as a body, in order, and how many lines did not (a torn
 * or damaged line is skipped: the rest of the pack is still good). For `repairLibrary`.
 * @throws the read error when the pack itself cannot be read.
 */
export async function readPackLines(
  bodiesDir: string,
  pack: number,
): Promise<{ lines: PackLine[]; damaged: number }> {
  const bytes = await readFile(path.join(bodiesDir, packFileName(pack)));
  const lines: PackLine[] = [];
  let damaged = 0;
  let offset = 0;
  while (offset < bytes.length) {
    let end = bytes.indexOf(0x0a, offset);
    if (end < 0) end = bytes.length;
    const length = end - offset;
    if (length > 0) {
      try {
        const parsed = packedBodySchema.safeParse(JSON.parse(bytes.subarray(offset, end).toString('utf8')));
        if (parsed.success) lines.push({ locator: { pack, offset, length }, body: parsed.data });
        else damaged += 1;
      } catch {
        damaged += 1;
      }
    }
    offset = end + 1;
  }
  return { lines, damaged };
}
