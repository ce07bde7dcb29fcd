import type { Article, Block } from '../core/article';

/** Wraps text to `width` columns at spaces; words longer than a line stay whole. */
export function wrapText(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function renderBlock(block: Block, width: number): string {
  switch (block.kind) {
    case 'heading':
      return `\x1b[1m${wrapText(block.text, width)}\x1b[0m`;
    case 'lede':
      return `\x1b[1m${wrapText(block.text, width)}\x1b[0m`;
    case 'list-item':
      return `  • ${wrapText(block.text, width, '    ').trimStart()}`;
    case 'attribution':
      return `\x1b[3m${wrapText(block.text, width)}\x1b[0m`;
    case 'paragraph':
      return wrapText(block.text, width);
  }
}

/**
 * An article as a reader would read it in a terminal: title, a quiet line of metadata, then
 * the body at a readable measure. `styled` false drops the ANSI styles (for pipes).
 */
export function renderArticle(article: Article, options: { width: number; styled: boolean }): string {
  const width = Math.min(options.width, 80);
  const parts = [
    `\x1b[1m${wrapText(article.title, width)}\x1b[0m`,
    `\x1b[2m${[article.section, `${article.readingMinutes} min`, article.language, article.id].join(' · ')}\x1b[0m`,
    ...article.blocks.map((block) => renderBlock(block, width)),
  ];
  if (article.removed.length > 0) {
    const reasons = [...new Set(article.removed.map((block) => block.reason))].join(', ');
    const count = article.removed.length;
    parts.push(`\x1b[2m${count} block${count === 1 ? '' : 's'} of site text removed (${reasons}).\x1b[0m`);
  }
  const text = parts.join('\n\n');
  // eslint-disable-next-line no-control-regex -- ANSI style codes start with ESC
  return options.styled ? text : text.replace(/\x1b\[[0-9;]*m/g, '');
}
