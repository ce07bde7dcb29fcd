import { describe, expect, it } from 'vitest';
import type { SavedView } from '../model';
import {
  completeQuery,
  filtersFromQuery,
  matchesFieldTerm,
  migrateSavedView,
  parseQuery,
  QUERY_ERROR_CODES,
  queryErrorMessage,
  queryFromFilters,
  queryPlan,
  serializeQuery,
  withFilters,
  type QueryEntry,
  type QueryError,
  type QueryNode,
  type SidebarFilters,
} from '.';

const ast = (query: string): QueryNode | null => {
  const parsed = parseQuery(query);
  expect(parsed.errors).toEqual([]);
  return parsed.ast;
};
const codes = (query: string): string[] => parseQuery(query).errors.map((error) => error.code);

describe('terms', () => {
  it('reads words, phrases and negations, all required', () => {
    expect(ast('brexit "trade deal" -tariffs')).toEqual({
      type: 'and',
      children: [
        { type: 'word', text: 'brexit' },
        { type: 'phrase', text: 'trade deal' },
        { type: 'not', child: { type: 'word', text: 'tariffs' } },
      ],
    });
  });

  it('keeps hyphens, apostrophes and times inside words', () => {
    expect(ast("state-owned l'économie 12:30")).toEqual({
      type: 'and',
      children: [
        { type: 'word', text: 'state-owned' },
        { type: 'word', text: "l'économie" },
        { type: 'word', text: '12:30' },
      ],
    });
  });

  it.each([
    ['tag:Brexit', { type: 'field', key: 'tag', value: 'Brexit' }],
    ['tag:#eu', { type: 'field', key: 'tag', value: 'eu' }],
    ['section:politics', { type: 'field', key: 'section', value: 'politics' }],
    ['section:"world news"', { type: 'field', key: 'section', value: 'world news' }],
    ['site:bbc.co.uk', { type: 'field', key: 'site', value: 'bbc.co.uk' }],
    ['author:"Jean  Dupont"', { type: 'field', key: 'author', value: 'Jean Dupont' }],
    ['lang:FR', { type: 'field', key: 'lang', value: 'fr' }],
    ['is:unread', { type: 'field', key: 'is', value: 'unread' }],
    ['is:reading', { type: 'field', key: 'is', value: 'reading' }],
    ['is:finished', { type: 'field', key: 'is', value: 'finished' }],
    ['is:inbox', { type: 'field', key: 'is', value: 'inbox' }],
    ['is:later', { type: 'field', key: 'is', value: 'later' }],
    ['IS:Archive', { type: 'field', key: 'is', value: 'archive' }],
    ['has:highlights', { type: 'field', key: 'has', value: 'highlights' }],
    ['has:notes', { type: 'field', key: 'has', value: 'notes' }],
    ['has:annotations', { type: 'field', key: 'has', value: 'annotations' }],
    ['color:yellow', { type: 'field', key: 'color', value: 'yellow' }],
    ['in:title', { type: 'field', key: 'in', value: 'title' }],
    ['in:text', { type: 'field', key: 'in', value: 'text' }],
    ['in:highlight', { type: 'field', key: 'in', value: 'highlight' }],
    ['in:note', { type: 'field', key: 'in', value: 'note' }],
    ['published:>2024-01-01', { type: 'range', key: 'published', op: '>', value: '2024-01-01' }],
    ['published:2024', { type: 'range', key: 'published', op: '=', value: '2024' }],
    ['saved:<2025-06', { type: 'range', key: 'saved', op: '<', value: '2025-06' }],
    ['saved:>=2025-02-28', { type: 'range', key: 'saved', op: '>=', value: '2025-02-28' }],
    ['minutes:<5', { type: 'range', key: 'minutes', op: '<', value: '5' }],
    ['minutes:<=05', { type: 'range', key: 'minutes', op: '<=', value: '5' }],
    ['progress:>50', { type: 'range', key: 'progress', op: '>', value: '50' }],
    ['progress:100%', { type: 'range', key: 'progress', op: '=', value: '100' }],
  ])('reads %s', (query, expected) => {
    expect(ast(query)).toEqual(expected);
  });

  it('negates a field term', () => {
    expect(ast('-tag:x')).toEqual({ type: 'not', child: { type: 'field', key: 'tag', value: 'x' } });
  });

  it('binds OR tighter than the implicit AND, and groups with parentheses', () => {
    expect(ast('a b OR c')).toEqual({
      type: 'and',
      children: [
        { type: 'word', text: 'a' },
        {
          type: 'or',
          children: [
            { type: 'word', text: 'b' },
            { type: 'word', text: 'c' },
          ],
        },
      ],
    });
    expect(ast('(a b) OR c')).toEqual({
      type: 'or',
      children: [
        {
          type: 'and',
          children: [
            { type: 'word', text: 'a' },
            { type: 'word', text: 'b' },
          ],
        },
        { type: 'word', text: 'c' },
      ],
    });
    expect(ast('-(tag:a OR tag:b)')).toEqual({
      type: 'not',
      child: {
        type: 'or',
        children: [
          { type: 'field', key: 'tag', value: 'a' },
          { type: 'field', key: 'tag', value: 'b' },
        ],
      },
    });
  });

  it('flattens nested groups of the same kind', () => {
    expect(ast('(a (b c)) d')).toEqual(ast('a b c d'));
    expect(ast('(a OR b) OR c')).toEqual(ast('a OR b OR c'));
  });

  it('reads lower-case "or" as a word, not an operator', () => {
    expect(ast('war or peace')).toEqual({
      type: 'and',
      children: [
        { type: 'word', text: 'war' },
        { type: 'word', text: 'or' },
        { type: 'word', text: 'peace' },
      ],
    });
  });

  it('reads an empty query as nothing', () => {
    expect(parseQuery('')).toEqual({ ast: null, errors: [] });
    expect(parseQuery('   ')).toEqual({ ast: null, errors: [] });
  });
});

describe('what is not understood', () => {
  it.each([
    ['foo:bar', 'unknown-key'],
    ['tag:', 'missing-value'],
    ['published:>', 'missing-value'],
    ['is:done', 'bad-value'],
    ['has:links', 'bad-value'],
    ['color:orange', 'bad-value'],
    ['in:body', 'bad-value'],
    ['tag:123', 'bad-value'],
    ['lang:french', 'bad-value'],
    ['published:2024-13', 'bad-date'],
    ['published:2023-02-29', 'bad-date'],
    ['saved:yesterday', 'bad-date'],
    ['minutes:<five', 'bad-number'],
    ['progress:>150', 'bad-number'],
    ['minutes:5%', 'bad-number'],
    ['"trade deal', 'unclosed-quote'],
    ['""', 'empty-phrase'],
    ['(a b', 'unclosed-paren'],
    ['a b)', 'unexpected-paren'],
    ['()', 'empty-group'],
    ['OR a', 'dangling-or'],
    ['a OR', 'dangling-or'],
    ['a OR OR b', 'dangling-or'],
    ['a -', 'dangling-negation'],
    ['-in:title brexit', 'negated-scope'],
  ])('%s: %s', (query, code) => {
    expect(codes(query)).toContain(code);
  });

  it('says where, and keeps the rest of the query', () => {
    const parsed = parseQuery('brexit is:done tag:eu');
    expect(parsed.errors).toEqual([
      {
        code: 'bad-value',
        start: 7,
        end: 14,
        text: 'is:done',
        key: 'is',
        expected: expect.any(Array) as unknown,
      },
    ]);
    expect(parsed.ast).toEqual(ast('brexit tag:eu'));
  });

  it('reads an unclosed phrase to the end of the query', () => {
    const parsed = parseQuery('eu "trade deal');
    expect(parsed.ast).toEqual(ast('eu "trade deal"'));
    expect(parsed.errors[0]).toMatchObject({ code: 'unclosed-quote', start: 3, end: 14 });
  });

  it('has a message in English and in French for every code', () => {
    for (const code of QUERY_ERROR_CODES) {
      const error: QueryError = { code, start: 0, end: 3, text: 'x:y', key: 'is', expected: ['a', 'b'] };
      const en = queryErrorMessage(error, 'en');
      const fr = queryErrorMessage(error, 'fr');
      expect(en.length).toBeGreaterThan(10);
      expect(fr.length).toBeGreaterThan(10);
      expect(fr).not.toBe(en);
      // French typography: no plain space before a colon or inside guillemets.
      expect(fr).not.toMatch(/ :|« | »/);
    }
  });
});

/** A seeded random number generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'brexit',
  'économie',
  'state-owned',
  "l'accord",
  '12:30',
  'Mourinho',
  'or',
  'x',
  'naïve',
  '2024',
];
const FIELD_VALUES: Array<[QueryNode & { type: 'field' }]> = [
  [{ type: 'field', key: 'tag', value: 'eu' }],
  [{ type: 'field', key: 'tag', value: 'brexit/deal' }],
  [{ type: 'field', key: 'section', value: 'world news' }],
  [{ type: 'field', key: 'section', value: 'politics' }],
  [{ type: 'field', key: 'site', value: 'bbc.co.uk' }],
  [{ type: 'field', key: 'author', value: 'Jean Dupont' }],
  [{ type: 'field', key: 'lang', value: 'fr' }],
  [{ type: 'field', key: 'is', value: 'later' }],
  [{ type: 'field', key: 'is', value: 'unread' }],
  [{ type: 'field', key: 'has', value: 'notes' }],
  [{ type: 'field', key: 'color', value: 'pink' }],
];
const RANGES: QueryNode[] = [
  { type: 'range', key: 'published', op: '>', value: '2024-01-01' },
  { type: 'range', key: 'saved', op: '<=', value: '2025-06' },
  { type: 'range', key: 'minutes', op: '=', value: '5' },
  { type: 'range', key: 'progress', op: '>=', value: '50' },
];

/** A random tree the parser can make: groups of two or three, flattened, `in:` never negated. */
function generate(next: () => number, depth: number, negated = false): QueryNode {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const roll = next();
  if (depth > 0 && roll < 0.3) {
    const type = next() < 0.5 ? 'and' : 'or';
    const count = 2 + Math.floor(next() * 2);
    const children: QueryNode[] = [];
    while (children.length < count) {
      const child = generate(next, depth - 1, negated);
      if (child.type !== type) children.push(child);
    }
    return { type, children };
  }
  if (depth > 0 && roll < 0.4) return { type: 'not', child: generate(next, depth - 1, true) };
  if (roll < 0.6) return { type: 'word', text: pick(WORDS) };
  if (roll < 0.7) return { type: 'phrase', text: `${pick(WORDS)} ${pick(WORDS)}` };
  if (roll < 0.9) return pick(FIELD_VALUES)[0];
  if (roll < 0.95 && !negated) return { type: 'field', key: 'in', value: pick(['title', 'text', 'note']) };
  return pick(RANGES);
}

describe('generated queries', () => {
  it('round-trip: parse(serialize(ast)) is ast, for 2,000 generated trees', () => {
    const next = random(20261128);
    for (let n = 0; n < 2000; n += 1) {
      const tree = generate(next, 4);
      const text = serializeQuery(tree);
      const parsed = parseQuery(text);
      expect({ text, errors: parsed.errors }).toEqual({ text, errors: [] });
      expect(parsed.ast, text).toEqual(tree);
    }
  });

  it('never throws on random text, reports spans inside it, and its reading is stable', () => {
    const next = random(7);
    const alphabet = [
      'a',
      'b',
      ' ',
      ' ',
      '"',
      '(',
      ')',
      '-',
      ':',
      'OR',
      'tag',
      'is',
      '>',
      '<',
      '2024',
      'é',
      '\t',
    ];
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      const parsed = parseQuery(text);
      for (const error of parsed.errors) {
        expect(error.start).toBeGreaterThanOrEqual(0);
        expect(error.end).toBeLessThanOrEqual(text.length);
        expect(error.start).toBeLessThan(error.end);
        expect(text.slice(error.start, error.end)).toBe(error.text);
      }
      // What was understood, written back, reads the same and without errors.
      const again = parseQuery(serializeQuery(parsed.ast));
      expect(again.errors, text).toEqual([]);
      expect(again.ast, text).toEqual(parsed.ast);
    }
  });
});

describe('the sidebar filters and saved views', () => {
  const cases: Array<[words: string, filters: SidebarFilters, query: string]> = [
    ['brexit', { section: 'politics' }, 'brexit section:politics'],
    ['', { state: 'unread', tags: ['eu', 'trade'] }, 'is:unread tag:eu tag:trade'],
    ['"trade deal"', { hasAnnotations: true }, '"trade deal" has:annotations'],
    [
      'a OR b',
      { hasAnnotations: false, section: 'world news' },
      'a OR b section:"world news" -has:annotations',
    ],
    ['', {}, ''],
  ];
  it.each(cases)('%s with %o is %s, and back', (words, filters, query) => {
    expect(queryFromFilters(words, filters)).toBe(query);
    expect(filtersFromQuery(query)).toEqual({ words, filters });
  });

  it('leaves what the sidebar cannot show in the words', () => {
    expect(filtersFromQuery('section:a section:b is:later -tag:x (tag:y OR is:unread) is:reading')).toEqual({
      words: 'section:b is:later -tag:x tag:y OR is:unread',
      filters: { section: 'a', state: 'reading' },
    });
  });

  it('round-trips generated filters', () => {
    const next = random(99);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    for (let n = 0; n < 300; n += 1) {
      const filters: SidebarFilters = {};
      if (next() < 0.5) filters.section = pick(['business', 'world news', 'tech']);
      if (next() < 0.5) filters.state = pick(['unread', 'reading', 'finished'] as const);
      if (next() < 0.5) filters.tags = [...new Set([pick(['a', 'b/c', 'été']), pick(['d', 'e-f'])])];
      if (next() < 0.5) filters.hasAnnotations = next() < 0.5;
      const words = pick(['', 'brexit', 'a OR b', '-x "y z"', 'minutes:<5']);
      expect(filtersFromQuery(queryFromFilters(words, filters))).toEqual({ words, filters });
    }
  });

  it('replaces the filters of a query when one is chosen in the sidebar', () => {
    expect(withFilters('brexit tag:eu is:unread', { tags: ['eu', 'trade'] })).toBe('brexit tag:eu tag:trade');
  });

  it('migrates saved views to named queries', () => {
    const views: Array<[SavedView, string]> = [
      [
        { name: 'Brexit', query: 'brexit deal', section: 'politics', tags: ['eu'] },
        'brexit deal section:politics tag:eu',
      ],
      [{ name: 'To read', query: '', state: 'unread', hasAnnotations: false }, 'is:unread -has:annotations'],
      // Words of the earlier form are words, never operators.
      [{ name: 'Odd', query: 'war OR peace -x re:y "(z)"' }, 'war "OR" peace "-x" "re:y" z'],
    ];
    for (const [view, query] of views) {
      expect(migrateSavedView(view)).toEqual({ name: view.name, query });
      expect(parseQuery(query).errors).toEqual([]);
    }
  });
});

describe('completion', () => {
  const sources = { tags: ['brexit', 'Britain', 'economy', 'eu'], sections: ['business', 'world news'] };

  it('suggests keys for the word being typed', () => {
    const completion = completeQuery('brexit ta', 9, sources);
    expect(completion).toMatchObject({ start: 7, end: 9 });
    expect(completion.suggestions.map((s) => s.insert)).toEqual(['tag:']);
    expect(completeQuery('s', 1).suggestions.map((s) => s.label)).toEqual(['section', 'site', 'saved']);
  });

  it('suggests values of the key being typed, tags from the library', () => {
    expect(completeQuery('tag:br', 6, sources).suggestions.map((s) => s.insert)).toEqual([
      'tag:brexit',
      'tag:Britain',
    ]);
    expect(completeQuery('-tag:e', 6, sources)).toMatchObject({
      start: 1,
      end: 6,
      // Values that begin with what is typed first, then those that hold it.
      suggestions: [{ insert: 'tag:economy' }, { insert: 'tag:eu' }, { insert: 'tag:brexit' }],
    });
    expect(completeQuery('is:', 3).suggestions.map((s) => s.label)).toEqual([
      'unread',
      'reading',
      'finished',
      'inbox',
      'later',
      'archive',
    ]);
    expect(completeQuery('section:wor', 11, sources).suggestions).toEqual([
      { insert: 'section:"world news"', label: 'world news', kind: 'value' },
    ]);
    expect(completeQuery('section:"world n', 16, sources).suggestions.map((s) => s.label)).toEqual([
      'world news',
    ]);
  });

  it('completes the term the caret is in, up to its end', () => {
    expect(completeQuery('(tag:br) is:unread', 6, sources)).toMatchObject({ start: 1, end: 7 });
  });

  it('suggests nothing inside a phrase or after a finished word', () => {
    expect(completeQuery('"ta', 3).suggestions).toEqual([]);
    expect(completeQuery('brexit ', 7).suggestions).toEqual([]);
    expect(completeQuery('tag:brexit', 10, sources).suggestions).toEqual([]);
  });
});

describe('field terms on an entry', () => {
  const entry: QueryEntry = {
    section: 'World News',
    language: 'fr',
    site: 'Le Monde',
    author: 'Hélène Dupont',
    publishedAt: '2024-06-15T08:00:00+02:00',
    importedAt: '2025-01-10T12:00:00.000Z',
    readingMinutes: 4,
    progress: 0.5,
    state: 'reading',
    highlights: 2,
    notes: 0,
    tags: ['Brexit', 'eu'],
    highlightColors: ['yellow'],
  };
  const matches = (query: string): boolean => {
    const node = ast(query);
    if (!node || (node.type !== 'field' && node.type !== 'range')) throw new Error(query);
    return matchesFieldTerm(entry, node);
  };

  it.each([
    ['tag:brexit', true],
    ['tag:trade', false],
    ['section:"world news"', true],
    ['section:world', false],
    ['site:monde', true],
    ['author:helene', true],
    ['author:marie', false],
    ['lang:fr', true],
    ['lang:en', false],
    ['is:reading', true],
    ['is:unread', false],
    ['is:inbox', true],
    ['is:archive', false],
    ['has:highlights', true],
    ['has:notes', false],
    ['has:annotations', true],
    ['color:yellow', true],
    ['color:blue', false],
    ['published:2024', true],
    ['published:2024-06', true],
    ['published:>2024-06', false],
    ['published:>=2024-06', true],
    ['published:<2024-06-16', true],
    ['published:<2024-06-15', false],
    ['published:<=2024-06-15', true],
    ['published:>2024-06-14', true],
    ['saved:<2025-06', true],
    ['saved:>2025', false],
    ['minutes:<5', true],
    ['minutes:4', true],
    ['minutes:>4', false],
    ['progress:>=50', true],
    ['progress:>50', false],
  ])('%s: %s', (query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  it('matches no date range for an article whose date is not known', () => {
    const node = ast('published:<2100');
    expect(
      node && node.type === 'range' && matchesFieldTerm({ ...entry, publishedAt: undefined }, node),
    ).toBe(false);
  });
});

describe('the plan for the index', () => {
  it('separates required words, ranking words and scope', () => {
    expect(queryPlan(ast('brexit "trade deal" (eu OR uk) -tariff in:title tag:x'))).toEqual({
      scope: ['title'],
      required: ['brexit', 'trade', 'deal'],
      positive: ['brexit', 'trade', 'deal', 'eu', 'uk'],
      matchesWithoutWords: false,
      hasPhrases: true,
    });
    expect(queryPlan(ast('tag:x OR brexit')).matchesWithoutWords).toBe(true);
    expect(queryPlan(ast('-brexit')).matchesWithoutWords).toBe(true);
    expect(queryPlan(null).scope).toEqual(['title', 'text', 'highlight', 'note']);
  });
});
