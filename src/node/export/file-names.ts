/** File names for exports: readable, safe on every file system, and unique per article. */
import type { ArticleMeta } from '../../core/article';

/** Characters of the title kept in a file name: enough to recognise it, short enough for any system. */
const SLUG_LENGTH = 60;

/**
 * A title as a file-name stem: lower case, accents dropped, runs of anything but letters and
 * digits turned into one hyphen (so `Alep : vers un accord` gives `alep-vers-un-accord`).
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_LENGTH) return slug;
  // Cut between words, not inside one (unless the first word alone is longer).
  const cut = slug.slice(0, SLUG_LENGTH + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : cut.slice(0, SLUG_LENGTH)).replace(/-+$/, '');
}

/** `<slug>-<id>`: the id keeps two articles with the same title apart. */
export function articleFileStem(meta: Pick<ArticleMeta, 'id' | 'title'>): string {
  const slug = slugify(meta.title);
  return slug ? `${slug}-${meta.id}` : meta.id;
}

/** `<slug>-<id>.<extension>`. */
export function articleFileName(meta: Pick<ArticleMeta, 'id' | 'title'>, extension: string): string {
  return `${articleFileStem(meta)}.${extension}`;
}
