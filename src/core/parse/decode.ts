/**
 * Turns a file's bytes into text: UTF-16 when it has a UTF-16 byte order mark or the shape of
 * UTF-16 text without one, UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise, then one
 * line-ending convention (LF) and one Unicode form (NFC).
 */
import type { Encoding } from '../article';

/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: Encoding;
}

// `fatal` makes invalid UTF-8 throw instead of becoming U+FFFD, which is how we tell a
// Windows-1252 file apart. `ignoreBOM` keeps a BOM in the output: we strip it ourselves so we
// can report it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin = new TextDecoder('windows-1252');
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/**
 * Windows-1252 characters for bytes 0x80–0x9F, indexed by byte − 0x80. The five bytes the code
 * page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value,
 * as the WHATWG Encoding Standard says, so no byte is dropped.
 */
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const C1_CONTROL = /[\u0080-\u009F]/g;
const CR_LINE_END = /\r\n?/g;

/**
 * Decodes a text file's bytes. Never throws: every byte sequence is valid Windows-1252.
 * Line endings become `\n` and the text is put in Unicode NFC, so the same words always give
 * the same string whatever editor saved them.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodedText {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return finish(utf16.text, utf16.encoding);
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  let encoding: Encoding;
  try {
    text = utf8.decode(hasBom ? bytes.subarray(3) : bytes);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  return finish(text, encoding);
}

/** One line-ending convention and one Unicode form. */
function finish(text: string, encoding: Encoding): DecodedText {
  // Cheap checks first: most files have no CR and are already NFC (ASCII always is).
  if (text.includes('\r')) text = text.replace(CR_LINE_END, '\n');
  return { text: text.normalize('NFC'), encoding };
}

type Utf16Decoder = typeof utf16le;

/** Bytes looked at to tell UTF-16 without a byte order mark: enough for a few lines of text. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * UTF-16 text, with a byte order mark or without one. Without a mark, text in a Latin script
 * has a NUL as the high byte of most characters (spaces, punctuation and ASCII letters all have
 * one), and almost never as the low byte; binary data has NULs anywhere. So: at least 30 % of
 * the high bytes and at most 1 % of the low bytes are NUL in the first 4 KiB, the length is
 * even, and the whole decodes without a lone surrogate. Text in other scripts without a mark is
 * not told apart (it has few NULs) and reads as bytes, as before.
 */
function decodeUtf16(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
  const tryDecode = (decoder: Utf16Decoder, body: Uint8Array): string | null => {
    try {
      return decoder.decode(body);
    } catch {
      return null;
    }
  };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode(utf16le, bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode(utf16be, bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16be' };
  }
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, UTF16_SAMPLE_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenNuls += 1;
    if (bytes[index + 1] === 0) oddNuls += 1;
  }
  const units = sample / 2;
  const looksLike = (high: number, low: number): boolean => high >= units * 0.3 && low <= units * 0.01;
  const encoding: Encoding | null = looksLike(oddNuls, evenNuls)
    ? 'utf-16le'
    : looksLike(evenNuls, oddNuls)
      ? 'utf-16be'
      : null;
  if (!encoding) return null;
  const text = tryDecode(encoding === 'utf-16le' ? utf16le : utf16be, bytes);
  return text === null ? null : { text, encoding };
}

/**
 * Windows-1252 per the WHATWG table. Some Node versions (20.18.3+, 22.13+; nodejs/node#60888)
 * decode `windows-1252` as Latin-1 and give C1 controls for 0x80–0x9F; a conforming decoder
 * gives C1 controls only for the five undefined bytes, which map to themselves below. Fixing up
 * the C1 range is therefore right with either decoder.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin.decode(bytes);
  return text.replace(C1_CONTROL, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}
