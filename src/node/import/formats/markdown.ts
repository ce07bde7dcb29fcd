/**
 * Markdown files (`.md`, `.markdown`), with optional YAML front matter (`title`, `author`,
 * `date`/`published`, `url`/`source`, `site`, `tags`, `description`), as web clippers and note
 * apps write them. Headings, list items and block quotes are taken from the Markdown itself;
 * links keep their text, images and HTML tags are dropped.
 */
import { parse as parseYaml } from 'yaml';
import type { ArticleMetadata, Block } from '../../../core/article';
import { ImportIssueError } from '../issues';
import type { ArticleOutcome } from '../outcome';
import { decodeText, makeArticleOutcome } from '../read-article-file';
import { isoDate } from './html';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Inline Markdown to plain text: links keep their words, images and tags go, marks go. */
function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>\n]{1,200}>/g, '')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^\n*_]*?\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown's blocks; the first `# ` heading is the title when the front matter has none. */
export function markdownBlocks(markdown: string): { title: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let title = '';
  let paragraph: string[] = [];
  let fence: string | null = null;
  const flush = (): void => {
    const text = inline(paragraph.join(' '));
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (fenceMark === fence) fence = null;
      else if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (!line.trim() || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
    } else if (heading) {
      flush();
      const text = inline(heading[2] ?? '');
      if (heading[1] === '#' && !title && blocks.length === 0) title = text;
      else if (text) blocks.push({ kind: 'heading', text });
    } else if (item) {
      flush();
      const text = inline(item[1] ?? '');
      if (text) blocks.push({ kind: 'list-item', text });
    } else if (quote) {
      paragraph.push(quote[1] ?? '');
    } else if (/^\s*(=+|-+)\s*$/.test(line) && paragraph.length > 0) {
      // Setext heading: the line above is the heading.
      const text = inline(paragraph.join(' '));
      paragraph = [];
      if (!title && blocks.length === 0 && line.includes('=')) title = text;
      else if (text) blocks.push({ kind: 'heading', text });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return { title, blocks };
}

const stringOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stringOf).filter(Boolean).join(', ') || undefined;
  return undefined;
};

/** Reads a Markdown file. @throws ImportIssueError for a file without text. */
export function readMarkdownFile(path: string, bytes: Uint8Array): ArticleOutcome {
  const { text, encoding } = decodeText(bytes);
  let front: Record<string, unknown> = {};
  let body = text;
  const match = FRONT_MATTER.exec(text);
  if (match) {
    body = text.slice(match[0].length);
    try {
      const parsed: unknown = parseYaml(match[1] ?? '', { maxAliasCount: 50 });
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        front = parsed as Record<string, unknown>;
    } catch {
      // Front matter that is not YAML is left out, and said so by the text still reading well.
      front = {};
    }
  }
  const field = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = stringOf(front[name]);
      if (value) return value;
    }
    return undefined;
  };
  const { title: heading, blocks } = markdownBlocks(body);
  const rawTags = front.tags ?? front.keywords;
  const tags = (Array.isArray(rawTags) ? rawTags.map(stringOf) : (stringOf(rawTags)?.split(/[,;]/) ?? []))
    .map((tag) => tag?.trim().replace(/^#/, ''))
    .filter((tag): tag is string => Boolean(tag));
  const metadata: ArticleMetadata = {};
  const author = field('author', 'authors', 'byline');
  const site = field('site', 'site_name', 'sitename', 'publisher');
  const url = field('url', 'source', 'link', 'canonical');
  const publishedAt = isoDate(field('published', 'date', 'published_at', 'publishedAt', 'created'));
  const description = field('description', 'summary', 'excerpt');
  if (author) metadata.author = author;
  if (site) metadata.site = site;
  if (url && /^https?:\/\//i.test(url)) metadata.url = url;
  if (publishedAt) metadata.publishedAt = publishedAt;
  if (description) metadata.description = description;
  if (tags.length > 0) metadata.suggestedTags = tags;
  let title = field('title') ?? heading;
  let bodyBlocks = blocks;
  if (!title) {
    const first = blocks[0];
    if (!first) throw new ImportIssueError(text.trim() ? 'title-only' : 'blank');
    title = first.text;
    bodyBlocks = blocks.slice(1);
  } else if (heading && heading !== title) {
    bodyBlocks = [{ kind: 'heading', text: heading }, ...blocks];
  }
  const [first, second] = bodyBlocks;
  if (first?.kind === 'paragraph' && (second?.kind === 'paragraph' || second?.kind === 'heading')) {
    bodyBlocks = [{ kind: 'lede', text: first.text }, ...bodyBlocks.slice(1)];
  }
  const language = field('lang', 'language');
  return makeArticleOutcome({
    path,
    source: path,
    encoding,
    title,
    blocks: bodyBlocks,
    removed: [],
    metadata,
    ...(language ? { language } : {}),
  });
}
