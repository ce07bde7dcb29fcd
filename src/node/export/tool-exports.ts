/**
 * Exports to other tools (issue 12): Readwise's highlight CSV, and Markdown notes with YAML front
 * matter for Obsidian and Logseq written into a vault folder the reader chose, updating the notes
 * it wrote before (found by the article id at the end of their names) instead of duplicating
 * them when a title changed.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { currentQuote } from '../../core/annotations/model';
import type { ExportedFile } from '../../core/export';
import type { AnnotatedArticle } from './annotated-article';
import { articleFileName } from './file-names';
import { articleToMarkdown } from './markdown-export';
import { writeExportedFiles, type WrittenFile } from './save-export';

/** Readwise's CSV columns, in the order its import page shows them. */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `2024-06-01T12:00:00.000Z` as `2024-06-01 12:00:00`, the date form Readwise reads (UTC). */
const readwiseDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

/**
 * Every highlight of `articles` as one Readwise CSV file: the highlight's current words, the
 * article's title, author and URL (when the source told them), the reader's note, the
 * highlight's place in the article (1, 2, 3... in reading order) and when it was made.
 */
export function annotationsToReadwiseCsv(articles: readonly AnnotatedArticle[]): ExportedFile {
  const rows = [READWISE_COLUMNS.join(',')];
  for (const { meta, text, highlights } of articles) {
    highlights.forEach((highlight, index) => {
      rows.push(
        [
          currentQuote(highlight, text),
          meta.title,
          meta.author ?? '',
          meta.url ?? '',
          highlight.note.trim(),
          String(index + 1),
          readwiseDate(highlight.createdAt),
        ]
          .map(csvField)
          .join(','),
      );
    });
  }
  return { name: 'gazette-readwise.csv', mediaType: 'text/csv', content: `${rows.join('\r\n')}\r\n` };
}

/** A YAML scalar: JSON's double-quoted strings are valid YAML. */
const yaml = (value: string): string => JSON.stringify(value);

/**
 * One article as a vault note: the Markdown export (highlights, notes, tags) with the source's
 * author, site, URL and published date added to its front matter.
 */
export function articleToVaultMarkdown(article: AnnotatedArticle): ExportedFile {
  const { meta } = article;
  const extra = [
    meta.author ? `author: ${yaml(meta.author)}` : '',
    meta.site ? `site: ${yaml(meta.site)}` : '',
    meta.url ? `url: ${yaml(meta.url)}` : '',
    meta.publishedAt ? `published: ${yaml(meta.publishedAt)}` : '',
  ].filter(Boolean);
  const markdown = articleToMarkdown(article);
  // The front matter opens the note: its second line starts the fields.
  const content = extra.length > 0 ? markdown.replace(/^---\n/, `---\n${extra.join('\n')}\n`) : markdown;
  return { name: articleFileName(meta, 'md'), mediaType: 'text/markdown', content };
}

/**
 * Writes each article's note into `vault`, replacing the note written for the same article
 * before (same id at the end of its name, `-<id>.md`) even when the title, hence the name, has
 * changed since: one note per article, never two.
 */
export async function writeVaultNotes(
  articles: readonly AnnotatedArticle[],
  vault: string,
): Promise<WrittenFile[]> {
  const files = articles.map(articleToVaultMarkdown);
  const written = await writeExportedFiles(files, vault);
  // Only after the new notes are safely written are the old names taken away.
  const names = new Set(files.map((file) => file.name));
  const ids = new Set(articles.map(({ meta }) => meta.id));
  for (const entry of await readdir(vault)) {
    const id = /-([0-9a-f]{12})\.md$/.exec(entry)?.[1] ?? /^([0-9a-f]{12})\.md$/.exec(entry)?.[1];
    if (id && ids.has(id) && !names.has(entry)) await rm(join(vault, entry), { force: true });
  }
  return written;
}
