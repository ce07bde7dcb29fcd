/**
 * What a query asks of the full-text index, read off its tree: where words must match (`in:`),
 * which words every answer must hold (the index's AND, best ranked), which words may rank an
 * answer, and whether an answer may hold none of them (then the library is scanned as well).
 */
import { SEARCH_FIELDS, type SearchField } from '../model';
import type { QueryNode } from './ast';

export interface QueryPlan {
  /** Fields words and phrases match in: those of the query's `in:` terms, or all four. */
  scope: SearchField[];
  /** Words required at the top level (phrases' words included), as typed: the index's AND. */
  required: string[];
  /** Every word not under a negation, as typed: what ranks the answers. */
  positive: string[];
  /** True when an article holding none of `positive` may still match (field terms, negations). */
  matchesWithoutWords: boolean;
  hasPhrases: boolean;
}

/** The plan of `ast` (see `QueryPlan`); `null` plans a query that matches every article. */
export function queryPlan(ast: QueryNode | null): QueryPlan {
  const scope = new Set<SearchField>();
  const positive: string[] = [];
  let hasPhrases = false;
  const walk = (node: QueryNode, negated: boolean): void => {
    switch (node.type) {
      case 'and':
      case 'or':
        for (const child of node.children) walk(child, negated);
        return;
      case 'not':
        walk(node.child, !negated);
        return;
      case 'word':
        if (!negated) positive.push(node.text);
        return;
      case 'phrase':
        hasPhrases = true;
        if (!negated) positive.push(...node.text.split(' '));
        return;
      case 'field':
        if (node.key === 'in') scope.add(node.value as SearchField);
        return;
      case 'range':
        return;
    }
  };
  if (ast) walk(ast, false);
  const top = !ast ? [] : ast.type === 'and' ? ast.children : [ast];
  const required = top.flatMap((node) =>
    node.type === 'word' ? [node.text] : node.type === 'phrase' ? node.text.split(' ') : [],
  );
  return {
    scope: scope.size > 0 ? SEARCH_FIELDS.filter((field) => scope.has(field)) : [...SEARCH_FIELDS],
    required,
    positive,
    matchesWithoutWords: ast === null || mayMatchWithoutWords(ast),
    hasPhrases,
  };
}

/** Whether `node` may be true of an article that holds none of the query's positive words. */
function mayMatchWithoutWords(node: QueryNode): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every(mayMatchWithoutWords);
    case 'or':
      return node.children.some(mayMatchWithoutWords);
    case 'word':
    case 'phrase':
      return false;
    default:
      // A negation is true where its words are absent; field terms do not need words.
      return true;
  }
}
