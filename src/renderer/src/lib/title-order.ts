/** The one alphabetical order of article titles (the library's title sort, the notebook). */

/** Quote marks, brackets and spaces a title may open with, which an alphabetical order looks past. */
const LEADING_MARKS = /^[\s"'“”‘’«»„‚‹›()[\]¿¡…-]+/u;

/**
 * Compares titles as a reader sorts them: in the locale's alphabetical order, ignoring case and
 * the quote marks a title may open with (“Brexit” sorts under B, not before A).
 */
export function titleCompare(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const key = (title: string): string => title.replace(LEADING_MARKS, '');
  return (a, b) => collator.compare(key(a), key(b)) || collator.compare(a, b);
}
