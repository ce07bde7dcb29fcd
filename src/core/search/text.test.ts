import { describe, expect, it } from 'vitest';
import { makeSnippet, snippetToPlainText } from './snippet';
import { foldWord, queryTermsOf, stem, termMatcher, termOf, tokenize } from './text';

describe('search text processing', () => {
  it('folds case and accents, ligatures included', () => {
    expect(foldWord('Été')).toBe('ete');
    expect(foldWord('NÉGOCIATION')).toBe('negociation');
    expect(foldWord('Œuvre')).toBe('oeuvre');
    expect(foldWord('Choïgou')).toBe('choigou');
    // Decomposed input (NFD from a Mac file name or a paste) folds the same way.
    expect(foldWord('e\u0301te\u0301')).toBe('ete');
  });

  it('splits words at apostrophes, hyphens and punctuation, keeping offsets', () => {
    expect(tokenize("l'économie, state-owned.").map((token) => token.word)).toEqual([
      'l',
      'économie',
      'state',
      'owned',
    ]);
    const [token] = tokenize('  Alep :');
    expect(token).toEqual({ word: 'Alep', start: 2, end: 6 });
  });

  it('stems French and English plurals lightly', () => {
    expect(termOf('négociations', 'fr')).toBe(termOf('négociation', 'fr'));
    expect(termOf('markets', 'en')).toBe(termOf('market', 'en'));
    expect(stem('companies', 'en')).toBe('company');
    expect(stem('taxes', 'en')).toBe('tax');
    expect(stem('journaux', 'fr')).toBe('journal');
    expect(stem('hostilites', 'fr')).toBe('hostilite');
    // Short words and words whose final s is not a plural are kept.
    expect(stem('bus', 'en')).toBe('bus');
    expect(stem('crisis', 'en')).toBe('crisis');
    expect(stem('business', 'en')).toBe('business');
  });

  it('leaves out function words, and the letters an apostrophe leaves alone', () => {
    expect(queryTermsOf('the')).toEqual([]);
    expect(tokenize("Britain's l'économie").flatMap((token) => queryTermsOf(token.word))).toEqual([
      'britain',
      'economie',
    ]);
  });

  it('matches words by their index term, in the text’s language', () => {
    const matches = termMatcher(['market', 'negociation', 'ete'], 'fr');
    expect(['Markets', 'négociations', 'Été', 'ÉTÉ'].every(matches)).toBe(true);
    expect(['marketing', 'negotiation', 'summer', 'étape'].some(matches)).toBe(false);
  });

  it('searches a query word under each language’s stem', () => {
    expect(queryTermsOf('Négociations')).toEqual(['negociation']);
    expect(queryTermsOf('companies')).toEqual(['company', 'companie']);
  });
});

describe('snippets', () => {
  it('marks the matched words as offsets, never as markup', () => {
    const snippet = makeSnippet('Markets rose <b>sharply</b> as the market opened.', (word) =>
      ['market', 'markets'].includes(word.toLowerCase()),
    );
    expect(snippet.text).toBe('Markets rose <b>sharply</b> as the market opened.');
    expect(snippet.marks).toEqual([
      [0, 7],
      [35, 41],
    ]);
    expect(snippetToPlainText(snippet)).toBe('«Markets» rose <b>sharply</b> as the «market» opened.');
  });

  it('centres a long text on its first match, cut at words, with ellipses', () => {
    const text = `${'word '.repeat(100)}the needle is here ${'more '.repeat(100)}`;
    const snippet = makeSnippet(text, (word) => word === 'needle', 80);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    const [[start, end]] = snippet.marks as [[number, number]];
    expect(snippet.text.slice(start, end)).toBe('needle');
    expect(snippet.firstMatch).toBe(text.indexOf('needle'));
  });

  it('keeps a passage at the start or at the end of the text when the match is near it', () => {
    const text = `${'word '.repeat(100)}and the needle`;
    const early = makeSnippet(text, (word) => word === 'needle' || word === 'word', 80);
    expect(early.text.startsWith('word word')).toBe(true);
    expect(early.text.endsWith('…')).toBe(true);
    expect(early.firstMatch).toBe(0);
    const late = makeSnippet(text, (word) => word === 'needle', 80);
    expect(late.text.endsWith('and the needle')).toBe(true);
    expect(late.text.length).toBeLessThanOrEqual(81);
    const [start, end] = late.marks[0] ?? [0, 0];
    expect(late.text.slice(start, end)).toBe('needle');
  });

  it('starts at the beginning when nothing matches', () => {
    const snippet = makeSnippet('Nothing to see.', () => false);
    expect(snippet).toEqual({ text: 'Nothing to see.', marks: [], firstMatch: -1 });
  });
});
