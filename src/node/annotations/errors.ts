/** The errors the annotation service throws on purpose; each message is a sentence a person can act on. */

/** No highlight or note has the id asked for on that article. */
export class UnknownAnnotationError extends Error {
  override name = 'UnknownAnnotationError';
  constructor(kind: 'highlight' | 'note', id: string, articleId: string) {
    super(`There is no ${kind} with id "${id}" on article ${articleId}.`);
  }
}

/** A highlight or note that cannot be made as asked (an empty range, a note too long…); nothing was saved. */
export class InvalidAnnotationError extends Error {
  override name = 'InvalidAnnotationError';
}
