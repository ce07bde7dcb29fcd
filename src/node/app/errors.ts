/** Errors of the application layer: each a sentence for the reader, with a name the IPC envelope carries. */

/** An id (or id prefix) that names no article, or several. The command line prints it with its usage. */
export class ArticleReferenceError extends Error {
  override name = 'ArticleReferenceError';
}

/** Words to highlight that the article's text does not hold (or not that many times). */
export class WordsNotFoundError extends Error {
  override name = 'WordsNotFoundError';
}

/** A block the reader chose to put back or mark as site text that the article does not hold. */
export class BlockNotFoundError extends Error {
  override name = 'BlockNotFoundError';
}
