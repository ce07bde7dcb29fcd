/**
 * An article's highlights and notes as Markdown, in the shape Obsidian and Readwise users keep
 * them: YAML front matter (title, source, section, language, dates), the title, then each
 * highlight as a `>` quote with its colour and its note below it, then the personal notes, each
 * under its date. Notes are written as the reader typed them: they are Markdown already.
 */
import { currentQuote, type Highlight, type Note } from '../../core/annotations/model';
import type { AnnotatedArticle } from './annotated-article';

/** A YAML scalar: JSON's double-quoted strings are valid YAML, escapes included. */
const yaml = (value: string): string => JSON.stringify(value);

/** `text` as a Markdown block quote; blank lines (between paragraphs) stay inside the quote. */
function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** `2024-06-01T12:00:00.000Z` as `2024-06-01 12:00 UTC`. */
function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function highlightSection(highlight: Highlight, text: string): string {
  const status =
    highlight.anchor.status === 'detached' ? ' · detached: these words are no longer in the article' : '';
  const parts = [
    blockQuote(currentQuote(highlight, text)),
    `Colour: ${highlight.color} · ${readableTime(highlight.createdAt)}${status}`,
  ];
  if (highlight.note.trim() !== '') parts.push(`**Note:** ${highlight.note.trim()}`);
  return parts.join('\n\n');
}

function noteSection(note: Note): string {
  const edited = note.updatedAt !== note.createdAt ? ` (edited ${readableTime(note.updatedAt)})` : '';
  return `### ${readableTime(note.createdAt)}${edited}\n\n${note.text.trim()}`;
}

/** The Markdown of one annotated article, ending with a newline. */
export function articleToMarkdown({ meta, text, highlights, notes, tags = [] }: AnnotatedArticle): string {
  const frontMatter = [
    '---',
    `title: ${yaml(meta.title)}`,
    `source: ${yaml(meta.source)}`,
    `section: ${yaml(meta.section)}`,
    `language: ${yaml(meta.language)}`,
    `imported: ${meta.importedAt}`,
    `updated: ${meta.updatedAt}`,
    `gazette-id: ${yaml(meta.id)}`,
    `highlights: ${highlights.length}`,
    `notes: ${notes.length}`,
    // Obsidian's front matter tags: the reader's tags (already valid Obsidian tags: src/core/tags.ts).
    `tags: [${['gazette', ...tags.filter((tag) => tag.toLowerCase() !== 'gazette')].map((tag) => (tag === 'gazette' ? tag : yaml(tag))).join(', ')}]`,
    '---',
  ].join('\n');
  const sections = [frontMatter, `# ${meta.title.replace(/\s+/g, ' ').trim()}`];
  if (highlights.length > 0) {
    sections.push(
      '## Highlights',
      highlights.map((highlight) => highlightSection(highlight, text)).join('\n\n---\n\n'),
    );
  }
  if (notes.length > 0) sections.push('## Notes', notes.map(noteSection).join('\n\n'));
  return `${sections.join('\n\n')}\n`;
}
