import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from './decode';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeArticleBytes', () => {
  it('reads valid UTF-8 as utf-8', () => {
    expect(decodeArticleBytes(utf8('Alep : vers un accord\n\nLe ministre…'))).toEqual({
      text: 'Alep : vers un accord\n\nLe ministre…',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 byte order mark and says it was there', () => {
    const result = decodeArticleBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('Titre\n\nTexte.')));
    expect(result).toEqual({ text: 'Titre\n\nTexte.', encoding: 'utf-8-bom' });
  });

  it('keeps a second BOM inside the text (only the leading one is a mark)', () => {
    const result = decodeArticleBytes(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41));
    expect(result.text).toBe('\uFEFFA');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(decodeArticleBytes(utf8('a\r\nb\rc\n\r\nd\r')).text).toBe('a\nb\nc\n\nd\n');
  });

  it('reads invalid UTF-8 as Windows-1252', () => {
    // "Café" with é as the single byte 0xE9.
    expect(decodeArticleBytes(bytes(0x43, 0x61, 0x66, 0xe9))).toEqual({
      text: 'Café',
      encoding: 'windows-1252',
    });
  });

  it('maps 0x80–0x9F to the Windows-1252 characters, and the five undefined bytes to C1 controls', () => {
    const expected =
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F' + // 0x80–0x8F
      '\u0090‘’“”•–—˜™š›œ\u009DžŸ'; // 0x90–0x9F
    const all = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // A leading 0xE9 makes the bytes invalid UTF-8 whatever follows.
    const result = decodeArticleBytes(bytes(0xe9, ...all));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('é' + expected);
    expect([...result.text]).toHaveLength(33); // no byte dropped
  });

  it('decodes the rest of Latin-1 unchanged under Windows-1252', () => {
    const result = decodeArticleBytes(bytes(0xa0, 0xab, 0xbb, 0xe0, 0xe7, 0xff));
    expect(result.text).toBe('\u00A0«»àçÿ');
  });

  it('treats bytes that only look like UTF-8 (a lone lead byte, an encoded surrogate) as Windows-1252', () => {
    expect(decodeArticleBytes(bytes(0x41, 0xc3)).encoding).toBe('windows-1252');
    expect(decodeArticleBytes(bytes(0xed, 0xa0, 0x80)).encoding).toBe('windows-1252');
    expect(decodeArticleBytes(bytes(0xc0, 0xaf)).encoding).toBe('windows-1252'); // overlong "/"
  });

  it('reads a BOM followed by invalid UTF-8 as Windows-1252, BOM bytes included', () => {
    const result = decodeArticleBytes(bytes(0xef, 0xbb, 0xbf, 0xe9));
    expect(result).toEqual({ text: 'ï»¿é', encoding: 'windows-1252' });
  });

  it('puts decomposed (NFD) text in NFC', () => {
    const nfd = 'Le ministre russe de la De\u0301fense'; // e + combining acute
    const result = decodeArticleBytes(utf8(nfd));
    expect(result.text).toBe('Le ministre russe de la Défense');
    expect(result.text).toBe(result.text.normalize('NFC'));
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeArticleBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('decodeArticleBytes on UTF-16', () => {
  const text = 'Élection : le dépouillement\n\nLe scrutin s’est déroulé sans incident, dit-il.';
  const le = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'utf16le'));
  const be = (value: string): Uint8Array => {
    const bytes = le(value);
    for (let index = 0; index < bytes.length; index += 2) {
      const low = bytes[index]!;
      bytes[index] = bytes[index + 1]!;
      bytes[index + 1] = low;
    }
    return bytes;
  };

  it('reads UTF-16 with a byte order mark, LE and BE', () => {
    expect(decodeArticleBytes(bytes(0xff, 0xfe, ...le(text)))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeArticleBytes(bytes(0xfe, 0xff, ...be(text)))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('tells UTF-16 without a byte order mark, LE and BE, instead of reading NUL-filled bytes', () => {
    expect(decodeArticleBytes(le(text))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeArticleBytes(be(text))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('does not take binary bytes with NULs anywhere for UTF-16', () => {
    const binary = Uint8Array.from({ length: 512 }, (_, index) => (index % 3 === 0 ? 0 : index & 0xff));
    expect(decodeArticleBytes(binary).encoding).not.toMatch(/utf-16/);
  });
});
