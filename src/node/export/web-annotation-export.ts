/**
 * Highlights as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), which other
 * annotation tools read: one `Annotation` per highlight, gathered in an `AnnotationCollection`.
 *
 * The target is the article, named `urn:gazette:article:<id>` (its source file may not exist on the
 * reader's machine), refined by a TextQuoteSelector and a TextPositionSelector on its body text as
 * it is NOW (blocks joined by a blank line), so a tool given that text finds the same words. A
 * detached highlight keeps only its quote selector: its words have no position any more. The note
 * is the body (`commenting`); the colour is a `tagging` body. Personal notes at the end of an
 * article are not highlights and have no place in this format: the Markdown and JSON exports carry them.
 */
import { selectorsFor } from '../../core/annotations/anchor';
import type { Highlight } from '../../core/annotations/model';
import type { AnnotatedArticle } from './annotated-article';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The target source of an article's annotations. */
export function articleUrn(id: string): string {
  return `urn:gazette:article:${id}`;
}

function toAnnotation(highlight: Highlight, text: string) {
  const { anchor } = highlight;
  const selector =
    anchor.status === 'detached' ? [highlight.selectors[0]] : selectorsFor(text, anchor.start, anchor.end);
  const body: Array<Record<string, string>> = [];
  if (highlight.note.trim() !== '') {
    body.push({ type: 'TextualBody', value: highlight.note, format: 'text/markdown', purpose: 'commenting' });
  }
  body.push({ type: 'TextualBody', value: highlight.color, purpose: 'tagging' });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note.trim() !== '' ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    body,
    target: { source: articleUrn(highlight.articleId), selector },
  };
}

/** Every highlight of `articles` as one JSON-LD AnnotationCollection, as text. */
export function annotationsToWebAnnotations(articles: readonly AnnotatedArticle[], label: string): string {
  const items = articles.flatMap(({ text, highlights }) =>
    highlights.map((highlight) => toAnnotation(highlight, text)),
  );
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
