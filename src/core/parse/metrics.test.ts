import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, type Block } from '../article';
import { countWords, fingerprintText, makeExcerpt, readingMinutes } from './metrics';

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

describe('countWords', () => {
  it('counts words joined by an apostrophe or a hyphen once', () => {
    expect(countWords('aujourd’hui')).toBe(1);
    expect(countWords("aujourd'hui")).toBe(1);
    expect(countWords('cessez-le-feu')).toBe(1);
    expect(countWords('Le cessez-le-feu tient, aujourd’hui.')).toBe(4);
    expect(countWords("Time Warner's fourth quarter")).toBe(4);
  });

  it('counts a number with a decimal point or thousands separator once', () => {
    expect(countWords('$1.13bn (£600m) for 464,000 subscribers')).toBe(5);
  });

  it('ignores punctuation, dashes and quotes standing alone', () => {
    expect(countWords('« Nous avançons » — a-t-il dit...')).toBe(4);
    expect(countWords(' - -- ’ « » ... ')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('agrees with its definition as a regular expression on thousands of tricky strings', () => {
    const definition = /[\p{L}\p{N}\p{M}]+(?:(?:['’‐‑-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;
    const pieces = [
      'a',
      'Z',
      '9',
      '٣',
      'é',
      'e\u0301',
      '\u0301',
      '𝒜',
      '😀',
      '日',
      ' ',
      '\n',
      "'",
      '’',
      '-',
      '‐',
      '.',
      ',',
      '«',
      '—',
      '\uD835',
    ];
    let seed = 42; // a fixed linear congruential sequence: the same strings on every run
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let length = 1 + next(12); length > 0; length--) text += pieces[next(pieces.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(definition)?.length ?? 0);
    }
  });

  it('reads any script, with combining marks inside words', () => {
    expect(countWords('Сергей Шойгу заявил')).toBe(3);
    expect(countWords('cafe\u0301 naïve')).toBe(2);
    expect(countWords('日本語 テキスト')).toBe(2); // runs, not words: a known undercount
  });
});

describe('readingMinutes', () => {
  it('uses the IReST speed of the language, rounded up', () => {
    expect(readingMinutes(228, 'en')).toBe(1);
    expect(readingMinutes(229, 'en')).toBe(2);
    expect(readingMinutes(195, 'fr')).toBe(1);
    expect(readingMinutes(196, 'fr')).toBe(2);
    expect(readingMinutes(179 * 3, 'de')).toBe(3);
    expect(readingMinutes(218 * 2, 'es')).toBe(2);
    expect(readingMinutes(188 * 2 + 1, 'it')).toBe(3);
    expect(readingMinutes(181, 'pt')).toBe(1);
    expect(readingMinutes(202 * 4, 'nl')).toBe(4);
  });

  it('uses 200 words a minute for other and unknown languages', () => {
    expect(readingMinutes(400, 'ja')).toBe(2);
    expect(readingMinutes(401, 'und')).toBe(3);
  });

  it('never says less than a minute', () => {
    expect(readingMinutes(0, 'en')).toBe(1);
    expect(readingMinutes(3, 'fr')).toBe(1);
  });
});

describe('fingerprintText', () => {
  it('is the title, a newline, then the blocks joined by spaces, with white space folded', () => {
    expect(fingerprintText('  A  title ', [paragraph('One\ttwo.'), paragraph(' Three  four. ')])).toBe(
      'A title\nOne two. Three four.',
    );
  });

  it('folds tabs, no-break spaces and line breaks like spaces', () => {
    expect(fingerprintText('T', [paragraph('a\u00A0b \t c\nd')])).toBe('T\na b c d');
  });

  it('is the same for NFC and NFD text', () => {
    const nfc = fingerprintText('Défense', [paragraph('Sergueï Choïgou')]);
    expect('Sergueï'.normalize('NFD')).not.toBe('Sergueï');
    const nfd = fingerprintText('De\u0301fense', [paragraph('Sergueï Choïgou'.normalize('NFD'))]);
    expect(nfd).toBe(nfc);
  });

  it('ignores block kinds and how the body is split into paragraphs', () => {
    const split = fingerprintText('T', [
      { kind: 'lede', text: 'He won the FA Cup in 2000.' },
      paragraph('He is now in Qatar.'),
    ]);
    const joined = fingerprintText('T', [paragraph('He won the FA Cup in 2000. He is now in Qatar.')]);
    expect(split).toBe(joined);
  });

  it('tells apart texts that differ in a word or in the title', () => {
    const base = fingerprintText('T', [paragraph('One two.')]);
    expect(fingerprintText('T', [paragraph('One three.')])).not.toBe(base);
    expect(fingerprintText('U', [paragraph('One two.')])).not.toBe(base);
    expect(fingerprintText('T One', [paragraph('two.')])).not.toBe(base);
  });
});

describe('makeExcerpt', () => {
  it('joins short bodies whole', () => {
    expect(makeExcerpt([paragraph('First.'), { kind: 'list-item', text: 'Second\nline.' }])).toBe(
      'First. Second line.',
    );
    expect(makeExcerpt([])).toBe('');
  });

  it('cuts long bodies between words, within EXCERPT_LENGTH, with an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const excerpt = makeExcerpt([paragraph(words)]);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(excerpt.length).toBeGreaterThan(EXCERPT_LENGTH - 10);
    expect(excerpt.endsWith('…')).toBe(true);
    const kept = excerpt.slice(0, -1);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
  });

  it('keeps a word ending exactly at the limit', () => {
    const text = 'a'.repeat(EXCERPT_LENGTH - 1) + ' tail';
    expect(makeExcerpt([paragraph(text)])).toBe('a'.repeat(EXCERPT_LENGTH - 1) + '…');
  });

  it('drops a comma or dash left before the ellipsis', () => {
    const text = 'x'.repeat(EXCERPT_LENGTH - 10) + ', and — so on and on and on';
    expect(makeExcerpt([paragraph(text)])).toBe('x'.repeat(EXCERPT_LENGTH - 10) + ', and…');
    const dash = 'y'.repeat(EXCERPT_LENGTH - 4) + ' — more words here';
    expect(makeExcerpt([paragraph(dash)])).toBe('y'.repeat(EXCERPT_LENGTH - 4) + '…');
  });

  it('cuts a single giant word without splitting a surrogate pair', () => {
    const emoji = '😀'.repeat(EXCERPT_LENGTH); // two code units each
    const excerpt = makeExcerpt([paragraph(emoji)]);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(excerpt).toBe('😀'.repeat((EXCERPT_LENGTH - 2) / 2) + '…');
  });
});
