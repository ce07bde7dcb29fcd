import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query/parse';
import {
  containsPhrase,
  evaluate,
  phraseWords,
  withoutEmptyWords,
  type EvaluationContext,
} from './query-evaluation';

describe('containsPhrase', () => {
  const has = (text: string, phrase: string): boolean => containsPhrase(text, phraseWords(phrase));

  it('finds the words one after the other, case, accents and punctuation between them aside', () => {
    expect(has("Rates set by the Bank of England's committee", 'bank of england')).toBe(true);
    expect(has('Le ministre de l’Économie a parlé', "l'economie")).toBe(true);
    expect(has('a state-owned firm', 'state owned')).toBe(true);
    expect(has('Une œuvre majeure', 'oeuvre majeure')).toBe(true);
  });

  it('needs whole words in that order', () => {
    expect(has("England's bank of last resort", 'bank of england')).toBe(false);
    expect(has('the Bank of Englanders', 'bank of england')).toBe(false);
    expect(has('the bank, and England', 'bank england')).toBe(false);
    expect(has('anything', '')).toBe(false);
  });
});

describe('evaluate', () => {
  const context = (held: string[], phrase?: boolean): EvaluationContext => ({
    entry: {
      section: 'business',
      language: 'en',
      importedAt: '2025-01-01T00:00:00Z',
      readingMinutes: 3,
      progress: 0,
      state: 'unread',
      highlights: 0,
      notes: 0,
      tags: ['eu'],
    },
    holds: (word) => held.includes(word),
    phrase: () => phrase,
  });
  const truth = (query: string, held: string[], phrase?: boolean): boolean | undefined =>
    evaluate(parseQuery(query).ast!, context(held, phrase));

  it('combines words and field terms', () => {
    expect(truth('a b tag:eu', ['a', 'b'])).toBe(true);
    expect(truth('a -b', ['a', 'b'])).toBe(false);
    expect(truth('(a OR b) section:business', ['b'])).toBe(true);
    expect(truth('a OR tag:x', [])).toBe(false);
  });

  it('leaves a phrase undecided until its text is checked, also under a negation', () => {
    expect(truth('"a b"', ['a', 'b'])).toBeUndefined();
    expect(truth('-"a b"', ['a', 'b'])).toBeUndefined();
    expect(truth('"a b"', ['a'])).toBe(false);
    expect(truth('-"a b"', ['a'])).toBe(true);
    expect(truth('"a b" OR tag:eu', ['a', 'b'])).toBe(true);
    expect(truth('"a b"', ['a', 'b'], false)).toBe(false);
  });

  it('drops words that search nothing, so that "-the" does not turn every article down', () => {
    expect(withoutEmptyWords(parseQuery('-the brexit').ast)).toEqual({ type: 'word', text: 'brexit' });
    expect(withoutEmptyWords(parseQuery('the OR of').ast)).toBeNull();
  });
});
