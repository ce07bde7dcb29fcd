/**
 * Tags: the reader's own labels on articles. A tag is kept as typed, minus a leading "#" and with
 * inner spaces as hyphens, so it is also a valid Obsidian tag (`#tag`) in the Markdown export;
 * tags are compared without regard to case (`Brexit` and `brexit` are one tag, spelled as first given).
 * Plain code, so the renderer can check a tag as it is typed; the schema is in tag-schema.ts.
 */
export const TAG_MAX_LENGTH = 64;

/** Letters, digits, `_`, `-` and `/` (Obsidian's nested tags), not only digits. */
const TAG = /^[\p{L}\p{N}_/-]+$/u;

/** The tag as stored, or undefined if `input` cannot be one. */
export function normalizeTag(input: string): string | undefined {
  const tag = input.trim().replace(/^#+/, '').replace(/\s+/g, '-').normalize('NFC');
  if (tag === '' || tag.length > TAG_MAX_LENGTH || !TAG.test(tag) || /^\d+$/.test(tag)) return undefined;
  return tag;
}

/** The key tags are compared by. */
export const tagKey = (tag: string): string => tag.toLocaleLowerCase('und');

/** A tag and how many articles carry it. */
export interface TagCount {
  tag: string;
  count: number;
}
