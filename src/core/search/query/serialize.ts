/**
 * Writes a query tree back as text, the shortest way `parseQuery` reads as the same tree:
 * `parseQuery(serializeQuery(ast)).ast` equals `ast` for every tree the parser makes.
 */
import type { QueryNode } from './ast';

/** The text of `node` (an empty string for `null`). */
export function serializeQuery(node: QueryNode | null): string {
  if (!node) return '';
  switch (node.type) {
    case 'and':
      // OR binds tighter than AND: an OR inside an AND needs no parentheses.
      return node.children.map((child) => serializeQuery(child)).join(' ');
    case 'or':
      return node.children
        .map((child) => (child.type === 'and' ? `(${serializeQuery(child)})` : serializeQuery(child)))
        .join(' OR ');
    case 'not':
      return node.child.type === 'and' || node.child.type === 'or'
        ? `-(${serializeQuery(node.child)})`
        : `-${serializeQuery(node.child)}`;
    case 'word':
      return node.text;
    case 'phrase':
      return `"${node.text}"`;
    case 'field':
      return `${node.key}:${quoteValue(node.value)}`;
    case 'range':
      return `${node.key}:${node.op === '=' ? '' : node.op}${node.value}`;
  }
}

/**
 * A field value as written: bare, or in quotes when it holds a space, a parenthesis or a quote
 * (a quote cannot be written inside quotes: it is dropped, the one case that does not round-trip).
 */
export function quoteValue(value: string): string {
  if (!/[\s()"]/u.test(value) && value !== '') return value;
  return `"${value.replace(/"/g, '')}"`;
}
