/**
 * Writes exported files to disk, each atomically and durably, for the command line's `--out` and
 * the app's save dialogs alike.
 */
import path from 'node:path';
import type { ExportedFile } from '../../core/export';
import { ensureDir, writeFileDurably } from '../store/durable-json-file';

export interface WrittenFile {
  /** The absolute path written. */
  file: string;
  bytes: number;
}

/** Writes one exported file at `target` (replacing it: the reader chose it, the dialog asked). */
export async function writeExportedFile(file: ExportedFile, target: string): Promise<WrittenFile> {
  const absolute = path.resolve(target);
  await ensureDir(path.dirname(absolute));
  await writeFileDurably(absolute, file.content);
  return { file: absolute, bytes: Buffer.byteLength(file.content) };
}

/** Writes exported files into `dir` (created if needed) under their own names. */
export async function writeExportedFiles(files: ExportedFile[], dir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const file of files) written.push(await writeExportedFile(file, path.join(dir, file.name)));
  return written;
}
