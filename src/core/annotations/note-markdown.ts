/**
 * Light Markdown for the reader's notes: paragraphs, line breaks, *emphasis* and **strong**,
 * bulleted and numbered lists, and links, which are shown as text (never followed, never made
 * into an element with an address). The parser makes a small tree of plain strings; the renderer
 * turns it into elements and text nodes, so nothing in a note is ever read as HTML: `<b>` in a note
 * is the three characters `<b>`. Anything the parser does not understand stays as typed.
 */

export type NoteInline =
  | { type: 'text'; text: string }
  /** A line break inside a paragraph or list item (the reader pressed Enter once). */
  | { type: 'break' }
  | { type: 'emphasis'; children: NoteInline[] }
  | { type: 'strong'; children: NoteInline[] }
  /** `[text](url)`: shown as its text; the address is kept to be shown as text too, if wanted. */
  | { type: 'link'; text: string; url: string };

export type NoteBlock =
  | { type: 'paragraph'; children: NoteInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: NoteInline[][] };

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
/** Emphasis inside emphasis deeper than this is left as typed: a bound on the parser's recursion. */
const MAX_DEPTH = 6;

interface ListDraft {
  ordered: boolean;
  start: number;
  items: string[];
}

/** Parses a note into paragraphs and lists. Never throws; any text gives a tree. */
export function parseNoteMarkdown(source: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const open = { paragraph: [] as string[], list: null as ListDraft | null };

  const closeParagraph = (): void => {
    if (open.paragraph.length > 0) {
      blocks.push({ type: 'paragraph', children: parseInline(open.paragraph.join('\n')) });
    }
    open.paragraph = [];
  };
  const closeList = (): void => {
    const list = open.list;
    if (list) {
      const items = list.items.map((item) => parseInline(item));
      blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items });
    }
    open.list = null;
  };

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      closeParagraph();
      closeList();
      continue;
    }
    const numbered = NUMBERED.exec(line);
    const bullet = numbered ? null : BULLET.exec(line);
    if (numbered || bullet) {
      closeParagraph();
      const ordered = numbered !== null;
      if (open.list && open.list.ordered !== ordered) closeList();
      open.list ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      open.list.items.push((numbered ? numbered[2] : bullet?.[1]) ?? '');
    } else if (open.list) {
      // A line right under an item, with no blank line between, continues that item.
      const items = open.list.items;
      items[items.length - 1] += `\n${line.trim()}`;
    } else {
      open.paragraph.push(line.trimStart());
    }
  }
  closeParagraph();
  closeList();
  return blocks;
}

/** Punctuation a backslash makes literal, as in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);
const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Parses the inline marks of one paragraph or list item. */
export function parseInline(source: string, depth = 0): NoteInline[] {
  const out: NoteInline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  // Delimiters known to have no closer after some offset: a failed search is not repeated, which
  // keeps a note full of unmatched `*` linear rather than quadratic.
  const noCloserFrom = new Map<string, number>();

  const findCloser = (delimiter: string, from: number): number => {
    const known = noCloserFrom.get(delimiter);
    if (known !== undefined && from >= known) return -1;
    const char = delimiter[0] ?? '';
    for (let at = source.indexOf(delimiter, from); at !== -1; at = source.indexOf(delimiter, at + 1)) {
      const before = source[at - 1];
      const after = source[at + delimiter.length];
      if (isSpace(before) || before === '\\') continue;
      // A single delimiter must stand alone, not be half of a double one.
      if (delimiter.length === 1 && (before === char || after === char)) continue;
      if (char === '_' && isWordChar(after)) continue; // snake_case is not emphasis
      return at;
    }
    noCloserFrom.set(delimiter, from);
    return -1;
  };

  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    const next = source[index + 1];

    if (char === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      text += next;
      index += 2;
      continue;
    }
    if (char === '\n') {
      flush();
      out.push({ type: 'break' });
      index += 1;
      continue;
    }
    if (char === '[') {
      const link = readLink(source, index);
      if (link) {
        flush();
        out.push({ type: 'link', text: link.text, url: link.url });
        index = link.end;
        continue;
      }
    }
    if ((char === '*' || char === '_') && depth < MAX_DEPTH) {
      const double = next === char;
      const delimiter = double ? char + char : char;
      const opensWord = char !== '_' || !isWordChar(source[index - 1]);
      const contentStart = index + delimiter.length;
      if (opensWord && !isSpace(source[contentStart]) && (double || source[contentStart] !== char)) {
        const closer = findCloser(delimiter, contentStart + 1);
        if (closer !== -1) {
          flush();
          const children = parseInline(source.slice(contentStart, closer), depth + 1);
          out.push(double ? { type: 'strong', children } : { type: 'emphasis', children });
          index = closer + delimiter.length;
          continue;
        }
      }
    }
    text += char;
    index += 1;
  }
  flush();
  return out;
}

/** `[text](url)` at `start`: its parts and where it ends, or null. The address has no spaces. */
function readLink(source: string, start: number): { text: string; url: string; end: number } | null {
  const close = source.indexOf('](', start + 1);
  if (close === -1) return null;
  const label = source.slice(start + 1, close);
  if (label.length === 0 || label.includes('\n') || label.includes('[')) return null;
  const urlEnd = source.indexOf(')', close + 2);
  if (urlEnd === -1) return null;
  const url = source.slice(close + 2, urlEnd).trim();
  if (url.length === 0 || /\s/.test(url)) return null;
  return { text: label.replace(/\\([!-/:-@[-`{-~])/g, '$1'), url, end: urlEnd + 1 };
}

/** A note as plain text: marks dropped, links as "text (url)", list items on their own lines. */
export function noteToPlainText(blocks: readonly NoteBlock[]): string {
  const inline = (nodes: readonly NoteInline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.text;
          case 'break':
            return '\n';
          case 'emphasis':
          case 'strong':
            return inline(node.children);
          case 'link':
            return node.text === node.url ? node.url : `${node.text} (${node.url})`;
        }
      })
      .join('');
  return blocks
    .map((block) =>
      block.type === 'paragraph'
        ? inline(block.children)
        : block.items
            .map((item, n) => `${block.ordered ? `${block.start + n}.` : '-'} ${inline(item)}`)
            .join('\n'),
    )
    .join('\n\n');
}
