/**
 * Text processing for search, shared by the index (src/node/search) and anything that marks
 * matches: tokenizing, case and accent folding, and a light per-language stemmer. Pure functions,
 * no Node or DOM, so the same rules apply when indexing, querying and making snippets.
 */

/** A word of a text and where it stands (UTF-16 offsets, `end` exclusive). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/*
 * A word is a run of letters and digits, with marks (accents written as combining characters)
 * inside it. Apostrophes and hyphens split words: "l'économie" gives "l" and "économie", so the
 * French elision does not hide the noun; "state-owned" gives "state" and "owned".
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Every word of `text` with its offsets. */
export function tokenize(text: string): Token[] {
  return [...tokens(text)];
}

/** The words of `text` with their offsets, one at a time: a caller may stop early. */
export function* tokens(text: string): Generator<Token> {
  // exec() on a copy of WORD (its own lastIndex): a third faster than matchAll's iterator.
  const pattern = new RegExp(WORD);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
  }
}

/** Every word of `text`, without offsets (indexing needs no more, and this is faster). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Ligatures that NFD leaves whole but a reader types as two letters. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** A word of plain ASCII letters and digits: nothing to fold but case. */
const ASCII_WORD = /^[A-Za-z0-9]*$/;

/**
 * Lower case without accents: `Été` → `ete`, `Œuvre` → `oeuvre`. NFD splits each accented letter
 * into its base and combining marks, which are then dropped.
 */
export function foldWord(word: string): string {
  // Most words of English text are plain ASCII: skipping NFD for them makes indexing and
  // snippets several times faster (normalize() is the costliest step of folding).
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter);
}

/** Languages with their own stemming rules; any other language gets the shared rules only. */
export type StemLanguage = 'fr' | 'en' | 'other';

/** The stemming rules for an article's BCP 47 language. */
export function stemLanguageOf(language: string): StemLanguage {
  return language === 'fr' || language === 'en' ? language : 'other';
}

/*
 * Light stemming: plurals only (and a few regular English endings), applied to folded words.
 * Snowball-style stemmers cut deeper ("negotiation" → "negoti") and then need the same stemmer on
 * the query, in the article's language; light rules make `négociations` find `négociation` and
 * `markets` find `market` without merging unrelated words, and prefix search covers the rest
 * (`negoci` finds both). Words of 3 letters or fewer are left alone ("bus", "gas", "les").
 */
const KEEP_FINAL_S = /(ss|us|is|ys|as|os)$/;

/** The light stem of a folded word in `language`. */
export function stem(word: string, language: StemLanguage): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (language === 'fr') {
    // journaux → journal, but "travaux" → "traval" is wrong: -aux only after 5 letters or more.
    if (word.length > 5 && word.endsWith('aux')) return `${word.slice(0, -3)}al`;
    if (word.endsWith('eaux') || word.endsWith('eux')) return word.slice(0, -1);
    if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
    return word;
  }
  if (language === 'en') {
    if (word.length > 4 && word.endsWith('ies') && !word.endsWith('eies')) return `${word.slice(0, -3)}y`;
    if (/(ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
    if (word.endsWith("'s")) return word.slice(0, -2);
    if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
    return word;
  }
  if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) return word.slice(0, -1);
  return word;
}

/** The index term of a word of an article in `language`: folded, then stemmed. */
export function termOf(word: string, language: StemLanguage): string {
  return stem(foldWord(word), language);
}

/**
 * A test for the words of a text in `language` whose index term is one of `terms`: what a snippet
 * marks. Folding and stemming never change a word's first letter (stems only lose endings), so
 * most words are turned down on it, before the costlier folding and stemming.
 */
export function termMatcher(terms: Iterable<string>, language: StemLanguage): (word: string) => boolean {
  const wanted = new Set(terms);
  const initials = new Set([...wanted].map((term) => term.charAt(0)));
  return (word) => {
    const first = word.charAt(0);
    if (first < '\u0080' && !initials.has(first.toLowerCase())) return false;
    return wanted.has(termOf(word, language));
  };
}

/**
 * The terms a query word may stand for. The query's language is not known (a French reader may
 * search English articles), so the word is stemmed by each language's rules and every distinct
 * stem is searched.
 */
export function queryTermsOf(word: string): string[] {
  const folded = foldWord(word);
  if (isStopWord(folded)) return [];
  return [...new Set([stem(folded, 'en'), stem(folded, 'fr')])];
}

/*
 * Words too common to tell articles apart, in English and French (folded). They are left out of
 * the index and of queries: at 20,000 articles "the" alone is in every one, and scoring it would
 * cost more than every other word of the query together. Kept short: only function words, and the
 * letters an apostrophe leaves alone ("Britain's", "don't", "l'économie", "c'est").
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its of on or ' +
    'our she that the their them there they this to was we were which who will with would you s t ' +
    'au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais ' +
    'ne nous on ou par pas pour qu que qui sa se ses son sont sur un une vous c d j l m n'
  ).split(' '),
);

/** True for a folded word left out of the index and of queries. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
