/**
 * The search index on disk: `<dataDir>/search-index.json`, written whole, atomically and durably
 * (writeFileDurably: temporary file, fsync, rename, fsync the folder).
 *
 * Layout: a first line of JSON, the header (`SnapshotHeader`: the format version and the stamp of
 * what the index holds), then the index's own serialization (full-text-index.ts). The header is read
 * apart, so a stale or foreign index is recognised without parsing megabytes of index.
 *
 * The index is derived data: the library, its bodies and the annotation files are the truth. A
 * snapshot missing, damaged or of another version is rebuilt from them; a snapshot older than the
 * data (a crash before a debounced write, an import by the command line) is brought up to date by
 * comparing its stamp with the library and the annotation files (search-index.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isErrnoException, writeFileDurably } from '../store/durable-json-file';
import { SEARCH_INDEX_VERSION } from './search-documents';

export const SEARCH_INDEX_FILE = 'search-index.json';

const headerSchema = z.object({
  version: z.number().int(),
  /** The fingerprint of each indexed article's text, by article id. */
  articles: z.record(z.string(), z.string()),
  /** The signature (`mtimeMs:size`) of each indexed annotation file, by article id. */
  annotations: z.record(z.string(), z.string()),
  /** The ids of each article's annotation documents, to discard them when they change. */
  annotationDocs: z.record(z.string(), z.array(z.string())),
});
export type SnapshotHeader = z.infer<typeof headerSchema>;

/** What reading the snapshot found. */
export type SnapshotRead =
  | { status: 'ok'; header: SnapshotHeader; indexJson: string }
  | { status: 'missing' | 'damaged' | 'version'; detail?: string };

export const snapshotPath = (dataDir: string): string => path.join(dataDir, SEARCH_INDEX_FILE);

/** Reads the snapshot's header and index text (not parsed: `FullTextIndex.load` does). */
export async function readSnapshot(dataDir: string): Promise<SnapshotRead> {
  let content: string;
  try {
    content = await readFile(snapshotPath(dataDir), 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return { status: 'missing' };
    return { status: 'damaged', detail: String(error) };
  }
  const newline = content.indexOf('\n');
  if (newline < 0) return { status: 'damaged', detail: 'no header line' };
  let header: SnapshotHeader;
  try {
    const parsed = headerSchema.safeParse(JSON.parse(content.slice(0, newline)));
    if (!parsed.success) return { status: 'damaged', detail: 'header does not match its schema' };
    header = parsed.data;
  } catch {
    return { status: 'damaged', detail: 'header is not JSON' };
  }
  if (header.version !== SEARCH_INDEX_VERSION) return { status: 'version' };
  return { status: 'ok', header, indexJson: content.slice(newline + 1) };
}

/** The snapshot's text: header line, then the index's JSON. */
export function snapshotText(header: SnapshotHeader, indexJson: string): string {
  return `${JSON.stringify(header)}\n${indexJson}`;
}

/** Writes the snapshot atomically and durably (replacing the old one in one rename). */
export async function writeSnapshot(dataDir: string, text: string): Promise<void> {
  await writeFileDurably(snapshotPath(dataDir), text);
}

/** An annotation file's signature: changes with every save (each save renames a new file in). */
export async function fileSignature(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
