/**
 * The search language's parser: a hand-written lexer and recursive-descent parser.
 *
 * Hand-written rather than generated (Peggy, Chevrotain, nearley): the grammar is five rules, and
 * what matters most here is recovery, since a query is parsed at every keystroke: a malformed part
 * is reported with its position and left out, and the rest still searches. Generated parsers stop
 * at the first error unless taught to recover, and each would add a build step or a runtime to the
 * renderer for a page of code.
 *
 *     query   := and
 *     and     := or*                       (implicit AND between terms)
 *     or      := unary ("OR" unary)*
 *     unary   := "-" unary | primary
 *     primary := "(" and ")" | "\"" phrase "\"" | key ":" value | word
 *
 * Never throws: every input gives a `ParsedQuery`.
 */
import { normalizeTag } from '../../tags';
import {
  ENUM_VALUES,
  isDateKey,
  isEnumKey,
  isNumberKey,
  isTextKey,
  type ParsedQuery,
  type QueryError,
  type QueryErrorCode,
  type QueryNode,
  type RangeOperator,
} from './ast';

type Token =
  | { kind: 'open' | 'close' | 'neg' | 'or'; start: number; end: number }
  | { kind: 'phrase'; text: string; closed: boolean; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | {
      kind: 'field';
      key: string;
      value: string;
      quoted: boolean;
      closed: boolean;
      start: number;
      end: number;
    };

const SPACE = /\s/u;
/** Characters that end a bare word: white space, parentheses and quotes. */
const isBreak = (char: string | undefined): boolean =>
  char === undefined || SPACE.test(char) || char === '(' || char === ')' || char === '"';
/** A "-" before a word, a quote or a group negates it; before a space or a ")" it is a word. */
const isNegated = (next: string | undefined): boolean =>
  next !== undefined && !SPACE.test(next) && next !== ')';
/** A field term's key: letters only, so "12:30" and "https://…" stay words of no key. */
const KEY_PREFIX = /^([A-Za-z]+):/;

/** The tokens of `query`; every character belongs to one token or to white space between them. */
export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (SPACE.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', start: i, end: i + 1 });
      i += 1;
    } else if (char === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? query.length : close + 1;
      const text = query.slice(i + 1, close < 0 ? query.length : close);
      tokens.push({ kind: 'phrase', text, closed: close >= 0, start: i, end });
      i = end;
    } else if (char === '-' && isNegated(query[i + 1])) {
      tokens.push({ kind: 'neg', start: i, end: i + 1 });
      i += 1;
    } else {
      let end = i;
      while (!isBreak(query[end])) end += 1;
      // A lone "-" before a space or a parenthesis: a negation of nothing, reported by the parser.
      if (end === i) end += 1;
      const run = query.slice(i, end);
      const key = KEY_PREFIX.exec(run);
      if (run === 'OR') tokens.push({ kind: 'or', start: i, end });
      else if (key && run.length === key[0].length && query[end] === '"') {
        // key:"a quoted value"
        const close = query.indexOf('"', end + 1);
        const valueEnd = close < 0 ? query.length : close;
        const value = query.slice(end + 1, valueEnd);
        const tokenEnd = close < 0 ? query.length : close + 1;
        tokens.push({
          kind: 'field',
          key: key[1] as string,
          value,
          quoted: true,
          closed: close >= 0,
          start: i,
          end: tokenEnd,
        });
        end = tokenEnd;
      } else if (key) {
        const value = run.slice(key[0].length);
        tokens.push({
          kind: 'field',
          key: key[1] as string,
          value,
          quoted: false,
          closed: true,
          start: i,
          end,
        });
      } else tokens.push({ kind: 'word', text: run, start: i, end });
      i = end;
    }
  }
  return tokens;
}

/** Parses a query of the search language; what is not understood is in `errors`, never thrown. */
export function parseQuery(query: string): ParsedQuery {
  return new Parser(query).parse();
}

class Parser {
  readonly #query: string;
  readonly #tokens: Token[];
  #at = 0;
  readonly #errors: QueryError[] = [];

  constructor(query: string) {
    this.#query = query;
    this.#tokens = lex(query);
  }

  parse(): ParsedQuery {
    const ast = this.#and(0);
    return { ast, errors: this.#errors.sort((a, b) => a.start - b.start || a.end - b.end) };
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at];
  }

  #error(code: QueryErrorCode, start: number, end: number, extra: Partial<QueryError> = {}): void {
    this.#errors.push({ code, start, end, text: this.#query.slice(start, end), ...extra });
  }

  /** Terms up to the end, or up to the `)` closing a group when `depth` > 0. */
  #and(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (let token = this.#peek(); token; token = this.#peek()) {
      if (token.kind === 'close') {
        if (depth > 0) break;
        this.#error('unexpected-paren', token.start, token.end);
        this.#at += 1;
        continue;
      }
      const node = this.#or(depth);
      if (node) children.push(node);
    }
    return combine('and', children);
  }

  #or(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    const first = this.#unary(depth);
    if (first) children.push(first);
    for (let token = this.#peek(); token?.kind === 'or'; token = this.#peek()) {
      this.#at += 1;
      const next = this.#peek();
      if (children.length === 0 || !next || next.kind === 'close' || next.kind === 'or') {
        this.#error('dangling-or', token.start, token.end);
        if (children.length === 0) continue;
        break;
      }
      const node = this.#unary(depth);
      if (node) children.push(node);
    }
    return combine('or', children);
  }

  #unary(depth: number): QueryNode | null {
    const token = this.#peek();
    if (!token) return null;
    if (token.kind === 'or') {
      // An OR with nothing before it: reported by #or, which then reads what follows.
      this.#error('dangling-or', token.start, token.end);
      this.#at += 1;
      return null;
    }
    if (token.kind === 'neg') {
      this.#at += 1;
      const next = this.#peek();
      if (!next || next.kind === 'close' || next.kind === 'or') {
        this.#error('dangling-negation', token.start, token.end);
        return null;
      }
      const child = this.#unary(depth);
      if (!child) return null;
      if (containsScope(child)) {
        this.#error('negated-scope', token.start, this.#tokens[this.#at - 1]?.end ?? token.end);
        return null;
      }
      return { type: 'not', child };
    }
    return this.#primary(depth);
  }

  #primary(depth: number): QueryNode | null {
    const token = this.#peek() as Token;
    this.#at += 1;
    switch (token.kind) {
      case 'open': {
        const inner = this.#and(depth + 1);
        const close = this.#peek();
        if (close?.kind === 'close') this.#at += 1;
        else this.#error('unclosed-paren', token.start, token.end);
        if (!inner && close?.kind === 'close') this.#error('empty-group', token.start, close.end);
        return inner;
      }
      case 'phrase': {
        if (!token.closed) this.#error('unclosed-quote', token.start, token.end);
        const text = token.text.trim().replace(/\s+/gu, ' ');
        if (text === '') {
          if (token.closed) this.#error('empty-phrase', token.start, token.end);
          return null;
        }
        return { type: 'phrase', text };
      }
      case 'word':
        if (token.text === '-') {
          this.#error('dangling-negation', token.start, token.end);
          return null;
        }
        return { type: 'word', text: token.text };
      case 'field':
        return this.#field(token);
      default:
        // 'close' and 'or' are handled by the callers; 'neg' by #unary.
        return null;
    }
  }

  #field(token: Extract<Token, { kind: 'field' }>): QueryNode | null {
    const { start, end } = token;
    const key = token.key.toLowerCase();
    if (token.quoted && !token.closed) this.#error('unclosed-quote', start, end, { key });
    const raw = token.quoted ? token.value.trim().replace(/\s+/gu, ' ') : token.value;
    if (raw === '') {
      this.#error(isKnownKey(key) ? 'missing-value' : 'unknown-key', start, end, { key });
      return null;
    }
    if (isTextKey(key)) {
      if (key === 'tag') {
        const tag = normalizeTag(raw);
        if (tag === undefined) {
          this.#error('bad-value', start, end, { key });
          return null;
        }
        return { type: 'field', key, value: tag };
      }
      if (key === 'lang') {
        const lang = raw.toLowerCase();
        if (!/^[a-z]{2,3}$/.test(lang)) {
          this.#error('bad-value', start, end, { key });
          return null;
        }
        return { type: 'field', key, value: lang };
      }
      return { type: 'field', key, value: raw };
    }
    if (isEnumKey(key)) {
      const value = raw.toLowerCase();
      const expected: readonly string[] = ENUM_VALUES[key];
      if (!expected.includes(value)) {
        this.#error('bad-value', start, end, { key, expected });
        return null;
      }
      return { type: 'field', key, value };
    }
    if (isDateKey(key) || isNumberKey(key)) {
      const match = /^(>=|<=|>|<|=)?(.*)$/su.exec(raw) as RegExpExecArray;
      const op = (match[1] ?? '=') as RangeOperator;
      const operand = match[2] as string;
      if (operand === '') {
        this.#error('missing-value', start, end, { key });
        return null;
      }
      if (isDateKey(key)) {
        if (!isDate(operand)) {
          this.#error('bad-date', start, end, { key });
          return null;
        }
        return { type: 'range', key, op, value: operand };
      }
      const number = /^\d{1,6}%?$/.test(operand) ? Number.parseInt(operand, 10) : Number.NaN;
      if (
        Number.isNaN(number) ||
        (key === 'progress' && number > 100) ||
        (key === 'minutes' && operand.endsWith('%'))
      ) {
        this.#error('bad-number', start, end, { key });
        return null;
      }
      return { type: 'range', key, op, value: String(number) };
    }
    this.#error('unknown-key', start, end, { key });
    return null;
  }
}

const isKnownKey = (key: string): boolean =>
  isTextKey(key) || isEnumKey(key) || isDateKey(key) || isNumberKey(key);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real month and day. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day <= lastDay;
}

/** `in:` scopes the words of the whole query; negating it would mean nothing clear. */
function containsScope(node: QueryNode): boolean {
  switch (node.type) {
    case 'field':
      return node.key === 'in';
    case 'and':
    case 'or':
      return node.children.some(containsScope);
    case 'not':
      return containsScope(node.child);
    default:
      return false;
  }
}

/**
 * `children` joined by `type`: nothing for none, the child itself for one, and nested nodes of the
 * same type flattened (`(a b) c` is `a b c`), so that equal queries have equal trees.
 */
export function combine(type: 'and' | 'or', children: QueryNode[]): QueryNode | null {
  const flat = children.flatMap((child) => (child.type === type ? child.children : [child]));
  if (flat.length === 0) return null;
  if (flat.length === 1) return flat[0] as QueryNode;
  return { type, children: flat };
}
