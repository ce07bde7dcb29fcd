/**
 * Omnivore's export zip: `metadata_*.json` (one entry per saved article, with `labels`, `state`,
 * `readingProgress`, `savedAt`, `publishedAt`, `author`, `url`), `content/<slug>.html` (the
 * article) and `highlights/<slug>.md` (highlights as `> quote` lines, each followed by its note,
 * without positions: they are anchored by their quote).
 *
 * The archive is read in memory, never unpacked. Refused whole, with a clear message: entries
 * outside the archive's folder or with absolute paths, symbolic links, more than 10,000 entries,
 * more than 200 MB uncompressed.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import type { ArticleMetadata } from '../../../core/article';
import { ImportIssueError, issue, issueFromError } from '../issues';
import type { CarriedHighlight, FileOutcome, ReaderData } from '../outcome';
import { decodeText } from '../read-article-file';
import { extractContentArticle, isoDate } from './html';
import { RecordKeys } from './records';

export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_ZIP_UNCOMPRESSED_BYTES = 200 * 1000 * 1000;

const unsafe = (detail: string): ImportIssueError => new ImportIssueError('unsafe-archive', { detail });

/** Every entry's name, and the bytes of those `wanted` says to read, checked for safety first. */
async function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false,
      },
      (error, opened) => (error ? reject(unsafeOrUnreadable(error)) : resolve(opened)),
    ),
  );
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      throw unsafe(`it has ${zip.entryCount.toLocaleString('en')} entries, over the limit of 10,000`);
    }
    const entries = await new Promise<Entry[]>((resolve, reject) => {
      const all: Entry[] = [];
      zip.on('entry', (entry: Entry) => {
        all.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(all));
      zip.on('error', (error: Error) => reject(unsafeOrUnreadable(error)));
      zip.readEntry();
    });
    let total = 0;
    for (const entry of entries) {
      const name = entry.fileName;
      if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.startsWith('\\')) {
        throw unsafe(`the entry "${name}" has an absolute path`);
      }
      if (name.split(/[\\/]/).includes('..'))
        throw unsafe(`the entry "${name}" points outside the archive's folder`);
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) throw unsafe(`the entry "${name}" is a symbolic link`);
      total += entry.uncompressedSize;
      if (total > MAX_ZIP_UNCOMPRESSED_BYTES) throw unsafe('it holds more than 200 MB uncompressed');
    }
    const contents = new Map<string, Buffer>();
    for (const entry of entries) {
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) continue;
      contents.set(entry.fileName, await readEntry(zip, entry));
    }
    return contents;
  } finally {
    zip.close();
  }
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(unsafeOrUnreadable(error));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', (streamError: Error) => reject(unsafeOrUnreadable(streamError)));
    });
  });
}

/** yauzl's own refusals (`invalid relative path`, `absolute path`) as unsafe, the rest as unreadable. */
function unsafeOrUnreadable(error: Error): ImportIssueError {
  if (error instanceof ImportIssueError) return error;
  if (/absolute path|relative path|invalid characters/i.test(error.message)) return unsafe(error.message);
  return new ImportIssueError('unsupported-format', {
    detail: `not a readable zip archive (${error.message})`,
  });
}

const omnivoreItem = z
  .object({
    slug: z.string().min(1),
    title: z.string().nullish(),
    author: z.string().nullish(),
    url: z.string().nullish(),
    description: z.string().nullish(),
    state: z.string().nullish(),
    readingProgress: z.number().nullish(),
    labels: z.array(z.union([z.string(), z.object({ name: z.string() }).loose()])).nullish(),
    savedAt: z.string().nullish(),
    publishedAt: z.string().nullish(),
    siteName: z.string().nullish(),
  })
  .loose();

/** The highlights of Omnivore's `highlights/<slug>.md`: `> quote` lines, then the note. */
export function omnivoreHighlights(markdown: string): CarriedHighlight[] {
  const highlights: CarriedHighlight[] = [];
  let quote: string[] = [];
  let note: string[] = [];
  const flush = (): void => {
    const text = quote.join(' ').replace(/\s+/g, ' ').trim();
    const noteText = note.join('\n').trim();
    if (text) highlights.push(noteText ? { quote: text, note: noteText } : { quote: text });
    quote = [];
    note = [];
  };
  for (const line of markdown.split('\n')) {
    const quoted = /^>\s?(.*)$/.exec(line);
    if (quoted) {
      if (note.length > 0) flush();
      // Each quote ends with a link back to Omnivore: [⤴️](https://omnivore.app/...).
      quote.push((quoted[1] ?? '').replace(/\s*\[[^\]]*\]\(https?:\/\/[^)]*\)\s*$/, ''));
    } else if (quote.length > 0 && !/^#+\s/.test(line)) {
      note.push(line);
    }
  }
  flush();
  return highlights;
}

/**
 * Reads an Omnivore export zip.
 * @throws ImportIssueError `unsafe-archive` for an archive refused whole, `unsupported-format`
 *   for a zip that is not an Omnivore export.
 */
export async function readOmnivoreZip(
  path: string,
  bytes: Uint8Array,
  onRecord: () => void,
): Promise<FileOutcome[]> {
  const files = await readZip(bytes, (name) =>
    /(^|\/)(metadata_[^/]*\.json|content\/[^/]+\.html|highlights\/[^/]+\.md)$/.test(name),
  );
  const byBase = new Map<string, Buffer>();
  for (const [name, content] of files)
    byBase.set(name.replace(/^.*?(?=(content|highlights)\/[^/]+$)/, ''), content);
  const metadataFiles = [...files.keys()].filter((name) => /(^|\/)metadata_[^/]*\.json$/.test(name)).sort();
  if (metadataFiles.length === 0) {
    throw new ImportIssueError('unsupported-format', {
      detail: 'a zip file that is not an Omnivore export (no metadata_*.json)',
    });
  }
  const keys = new RecordKeys(path);
  const outcomes: FileOutcome[] = [];
  let number = 0;
  for (const name of metadataFiles) {
    let items: unknown;
    try {
      items = JSON.parse(decodeText(files.get(name)!).text);
    } catch (error) {
      outcomes.push({
        kind: 'failed',
        path: `${path}#${name}`,
        ...issue('bad-record', { format: 'Omnivore', record: name, detail: issueFromError(error).error }),
      });
      continue;
    }
    for (const item of Array.isArray(items) ? items : []) {
      number += 1;
      onRecord();
      const recordPath = keys.recordPath(number);
      const parsed = omnivoreItem.safeParse(item);
      if (!parsed.success) {
        outcomes.push({
          kind: 'failed',
          path: recordPath,
          ...issue('bad-record', {
            format: 'Omnivore',
            record: number,
            detail: 'an entry without its "slug"',
          }),
        });
        continue;
      }
      const entry = parsed.data;
      const content = byBase.get(`content/${entry.slug}.html`);
      if (!content) {
        // Omnivore saved some items (PDFs, failed captures) without content: a link only.
        outcomes.push({
          kind: 'failed',
          path: recordPath,
          ...issue('bad-record', {
            format: 'Omnivore',
            record: number,
            detail: `no content/${entry.slug}.html in the archive (link only, no text to import)`,
          }),
        });
        continue;
      }
      const highlightsFile = byBase.get(`highlights/${entry.slug}.md`);
      const progress = Math.max(0, Math.min(100, entry.readingProgress ?? 0)) / 100;
      const readerData: ReaderData = {
        state:
          entry.state === 'ARCHIVED' || progress >= 0.98 ? 'finished' : progress > 0 ? 'reading' : 'unread',
        tags: (entry.labels ?? [])
          .map((label) => (typeof label === 'string' ? label : label.name))
          .filter(Boolean),
        highlights: highlightsFile ? omnivoreHighlights(decodeText(highlightsFile).text) : [],
      };
      if (progress > 0) readerData.progress = progress;
      const savedAt = isoDate(entry.savedAt);
      if (savedAt) readerData.savedAt = savedAt;
      const metadata: ArticleMetadata = {};
      if (entry.author) metadata.author = entry.author;
      if (entry.url && /^https?:\/\//i.test(entry.url)) metadata.url = entry.url;
      if (entry.siteName) metadata.site = entry.siteName;
      const publishedAt = isoDate(entry.publishedAt);
      if (publishedAt) metadata.publishedAt = publishedAt;
      if (entry.description) metadata.description = entry.description;
      try {
        const { text: html, encoding } = decodeText(content);
        outcomes.push(
          extractContentArticle(path, keys.source(metadata.url, number), html, encoding, {
            title: entry.title ?? undefined,
            metadata,
            readerData,
            format: 'Omnivore entry',
          }),
        );
      } catch (error) {
        outcomes.push({
          kind: 'failed',
          path: recordPath,
          ...issue('bad-record', { format: 'Omnivore', record: number, detail: issueFromError(error).error }),
        });
      }
    }
  }
  return outcomes;
}
