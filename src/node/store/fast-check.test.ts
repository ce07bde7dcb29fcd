import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFastCheck } from './fast-check';
import { libraryFileSchema, packedBodySchema, storedArticleSchema } from './schemas';

/** A valid stored record, as the importer writes it. */
const record = {
  id: '2731ea322004',
  title: 'Ad sales boost Time Warner profit',
  language: 'en',
  section: 'business',
  source: '/data/bbc/business/001.txt',
  encoding: 'utf-8',
  wordCount: 492,
  readingMinutes: 3,
  fingerprint: '417572d5da3d12a0f9f501eaa2433ff5',
  excerpt: 'Quarterly profits…',
  importedAt: '2026-11-28T15:17:54.911Z',
  updatedAt: '2026-11-28T15:17:54.911+01:00',
  body: { pack: 1, offset: 0, length: 4268 },
};

/** Each a change to the valid record: some still valid, most not; each checked against zod. */
const variants: Array<[string, Record<string, unknown>]> = [
  ['as is', {}],
  ['with metadata', { author: 'A. Writer', suggestedTags: ['media', 'business'], description: 'x' }],
  ['removed', { removedAt: '2026-11-29T10:00:00Z' }],
  ['with overrides', { cleaningOverrides: { keepRemoved: ['a'], disabledRules: ['rule'] } }],
  ['bad id', { id: 'my-article' }],
  ['upper-case id', { id: '2731EA322004' }],
  ['empty source', { source: '' }],
  ['unknown encoding', { encoding: 'latin-9' }],
  ['fractional word count', { wordCount: 1.5 }],
  ['negative word count', { wordCount: -1 }],
  ['word count as text', { wordCount: '492' }],
  ['fractional minutes', { readingMinutes: 2.5 }],
  ['negative minutes', { readingMinutes: -0.5 }],
  ['date without zone', { importedAt: '2026-11-28T15:17:54' }],
  ['not a date', { updatedAt: 'yesterday' }],
  ['title null', { title: null }],
  ['title missing', { title: undefined }],
  ['author too long', { author: 'x'.repeat(2_001) }],
  ['author at its limit', { author: 'x'.repeat(2_000) }],
  ['too many tags', { suggestedTags: Array.from({ length: 101 }, (_, i) => `t${i}`) }],
  ['a tag not text', { suggestedTags: ['ok', 3] }],
  ['pack zero', { body: { pack: 0, offset: 0, length: 1 } }],
  ['body length zero', { body: { pack: 1, offset: 0, length: 0 } }],
  ['body as array', { body: [1, 0, 1] }],
  ['unknown key (zod strips it)', { extra: true }],
  ['unknown key in body', { body: { pack: 1, offset: 0, length: 1, extra: 1 } }],
  ['empty rule name', { cleaningOverrides: { disabledRules: [''] } }],
  ['removedAt not a date', { removedAt: 'soon' }],
];

describe('compileFastCheck', () => {
  it('compiles the library file, stored record and packed body schemas (else the speed-up is lost)', () => {
    expect(compileFastCheck(libraryFileSchema)).not.toBeNull();
    expect(compileFastCheck(storedArticleSchema)).not.toBeNull();
    expect(compileFastCheck(packedBodySchema)).not.toBeNull();
  });

  it.each(variants)('says yes only where zod accepts the value unchanged: %s', (_name, change) => {
    const value: Record<string, unknown> = { ...record, ...change };
    for (const [key, inner] of Object.entries(value)) if (inner === undefined) delete value[key];
    const check = compileFastCheck(storedArticleSchema)!;
    const zod = storedArticleSchema.safeParse(value);
    const fast = check(value);
    if (fast) {
      expect(zod.success).toBe(true);
      expect(zod.data).toEqual(value);
    }
    // And it is not a check that always hands over: valid records pass it.
    if (zod.success && JSON.stringify(zod.data) === JSON.stringify(value)) expect(fast).toBe(true);
  });

  it('checks every record and key of a library file', () => {
    const check = compileFastCheck(libraryFileSchema)!;
    const file = { schemaVersion: 2, articles: { [record.id]: record } };
    expect(check(file)).toBe(true);
    expect(check({ ...file, schemaVersion: 1 })).toBe(false);
    expect(check({ schemaVersion: 2, articles: { 'not-an-id': { ...record, id: 'not-an-id' } } })).toBe(
      false,
    );
    expect(check({ schemaVersion: 2, articles: { [record.id]: { ...record, wordCount: -3 } } })).toBe(false);
    expect(check({ schemaVersion: 2, articles: [] })).toBe(false);
    expect(check(null)).toBe(false);
  });

  it('gives up (null) on what it does not model, leaving zod alone to judge', () => {
    expect(compileFastCheck(z.string().refine((text) => text.length > 2))).toBeNull();
    expect(compileFastCheck(z.object({ when: z.string().transform((text) => text.trim()) }))).toBeNull();
    expect(compileFastCheck(z.object({ mail: z.email() }))).toBeNull();
    expect(compileFastCheck(z.object({ count: z.number().default(0) }))).toBeNull();
    expect(compileFastCheck(z.looseObject({ a: z.string() }))).toBeNull();
    expect(compileFastCheck(z.coerce.number())).toBeNull();
  });
});
