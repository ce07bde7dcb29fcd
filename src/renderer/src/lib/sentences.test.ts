import { describe, expect, it } from 'vitest';
import { articleText } from '../../../core/annotations/article-text';
import { blockSentences, sentenceAfter, sentenceBefore, sentenceFrom, type Sentence } from './sentences';

const BLOCKS = [
  'Le ministre a annoncé des négociations “actives”. Washington n’a pas confirmé.',
  '« Pause humanitaire » insuffisante',
  '',
  '  She went to Washington.  He stayed.  ',
];
const body = articleText(BLOCKS.map((text) => ({ text })));
const text = (sentence: Sentence | null): string | null =>
  sentence && body.text.slice(sentence.start, sentence.end);
const startOf = (phrase: string): number => {
  const at = body.text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the body`);
  return at;
};
const endOf = (phrase: string): number => startOf(phrase) + phrase.length;

describe('blockSentences', () => {
  it('splits a block into sentences, as body offsets, without the white space around them', () => {
    expect(blockSentences(body, 0, 'fr').map(text)).toEqual([
      'Le ministre a annoncé des négociations “actives”.',
      'Washington n’a pas confirmé.',
    ]);
    expect(blockSentences(body, 1, 'fr').map(text)).toEqual(['« Pause humanitaire » insuffisante']);
    // Offsets count in the whole body: block 3 starts after three blocks and separators.
    const [first] = blockSentences(body, 3, 'en');
    expect(first?.start).toBe((body.starts[3] ?? 0) + 2);
    expect(blockSentences(body, 3, 'en').map(text)).toEqual(['She went to Washington.', 'He stayed.']);
  });

  it('gives nothing for an empty block or one that does not exist', () => {
    expect(blockSentences(body, 2, 'en')).toEqual([]);
    expect(blockSentences(body, 9, 'en')).toEqual([]);
  });

  it('falls back to default rules for an unknown or empty language tag', () => {
    expect(blockSentences(body, 0, '').map(text)).toEqual(blockSentences(body, 0, 'fr').map(text));
    expect(blockSentences(body, 0, 'zz-unknown').length).toBe(2);
  });
});

describe('moving from sentence to sentence', () => {
  it('sentenceFrom: the sentence holding an offset, or the next one between sentences', () => {
    expect(text(sentenceFrom(body, 0, 'fr'))).toBe('Le ministre a annoncé des négociations “actives”.');
    expect(text(sentenceFrom(body, startOf('annoncé'), 'fr'))).toBe(
      'Le ministre a annoncé des négociations “actives”.',
    );
    // At a sentence's end (where a highlight of it leaves the caret): the next sentence.
    expect(text(sentenceFrom(body, endOf('“actives”.'), 'fr'))).toBe('Washington n’a pas confirmé.');
    // At the end of a block, and in the separator: the next block's first sentence.
    expect(text(sentenceFrom(body, endOf('confirmé.'), 'fr'))).toBe('« Pause humanitaire » insuffisante');
    expect(text(sentenceFrom(body, endOf('confirmé.') + 1, 'fr'))).toBe('« Pause humanitaire » insuffisante');
    // The empty block is skipped; so is the white space leading block 3.
    expect(text(sentenceFrom(body, endOf('insuffisante'), 'en'))).toBe('She went to Washington.');
    expect(sentenceFrom(body, body.text.length, 'en')).toBeNull();
  });

  it('sentenceAfter: the first sentence starting at or after an offset, across blocks', () => {
    expect(text(sentenceAfter(body, 0, 'fr'))).toBe('Le ministre a annoncé des négociations “actives”.');
    // From inside a sentence (the end of a partial selection): the next one, not the rest.
    expect(text(sentenceAfter(body, startOf('annoncé'), 'fr'))).toBe('Washington n’a pas confirmé.');
    expect(text(sentenceAfter(body, startOf('n’a pas'), 'fr'))).toBe('« Pause humanitaire » insuffisante');
    expect(text(sentenceAfter(body, startOf('went to'), 'en'))).toBe('He stayed.');
    expect(sentenceAfter(body, startOf('stayed'), 'en')).toBeNull();
  });

  it('sentenceBefore: the last sentence ending at or before an offset, across blocks', () => {
    expect(text(sentenceBefore(body, endOf('He stayed.'), 'en'))).toBe('He stayed.');
    expect(text(sentenceBefore(body, startOf('He stayed.'), 'en'))).toBe('She went to Washington.');
    // Back over the empty block and the separators.
    expect(text(sentenceBefore(body, startOf('She went'), 'en'))).toBe('« Pause humanitaire » insuffisante');
    expect(text(sentenceBefore(body, startOf('« Pause'), 'fr'))).toBe('Washington n’a pas confirmé.');
    expect(text(sentenceBefore(body, startOf('confirmé'), 'fr'))).toBe(
      'Le ministre a annoncé des négociations “actives”.',
    );
    expect(sentenceBefore(body, startOf('annoncé'), 'fr')).toBeNull();
  });

  it('steps through every sentence forwards and back again', () => {
    const forwards: string[] = [];
    for (let at = sentenceFrom(body, 0, 'en'); at; at = sentenceAfter(body, at.end, 'en')) {
      forwards.push(text(at) ?? '');
    }
    const backwards: string[] = [];
    for (
      let at = sentenceBefore(body, body.text.length, 'en');
      at;
      at = sentenceBefore(body, at.start, 'en')
    ) {
      backwards.push(text(at) ?? '');
    }
    expect(forwards).toHaveLength(5);
    expect(backwards).toEqual([...forwards].reverse());
  });

  it('finds nothing in an article with no blocks', () => {
    const empty = articleText([]);
    expect(sentenceFrom(empty, 0, 'en')).toBeNull();
    expect(sentenceBefore(empty, 0, 'en')).toBeNull();
  });
});
