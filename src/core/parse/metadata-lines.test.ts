import { describe, expect, it } from 'vitest';
import { parseMetadataLine } from './metadata-lines';
import { BOILERPLATE_RULES } from './rules/index';
import { parseArticleText } from './structure';

const meta = (line: string): unknown => parseMetadataLine(line, BOILERPLATE_RULES)?.metadata ?? null;

describe('metadata lines, per language', () => {
  it.each([
    // English
    ['Published 3 March 2021', { publishedAt: '2021-03-03' }],
    ['Updated March 4, 2021', { modifiedAt: '2021-03-04' }],
    ['By Jane Smith', { author: 'Jane Smith' }],
    ['By Jane Smith and John Doe, BBC News', { author: 'Jane Smith and John Doe' }],
    ['Posted on Aug 21, 2023 by Priya Patel', { author: 'Priya Patel', publishedAt: '2023-08-21' }],
    ['By Jane Smith | 3 March 2021 · 5 min read', { author: 'Jane Smith', publishedAt: '2021-03-03' }],
    ['Posted by Tom Walker at 10:42 AM', { author: 'Tom Walker' }],
    ['Tags: economy, markets, banks', { suggestedTags: ['economy', 'markets', 'banks'] }],
    // French
    [
      'Publié le 12 août 2016 à 10h32 | Mis à jour le 13 août 2016 à 08h05',
      { publishedAt: '2016-08-12T10:32', modifiedAt: '2016-08-13T08:05' },
    ],
    ['Par Jean Dupont et Marie Curie', { author: 'Jean Dupont et Marie Curie' }],
    ['Mots-clés : Syrie, diplomatie', { suggestedTags: ['Syrie', 'diplomatie'] }],
    // German
    ['Veröffentlicht am 12. August 2016, 10:32 Uhr', { publishedAt: '2016-08-12T10:32' }],
    ['Aktualisiert am 13.08.2016', { modifiedAt: '2016-08-13' }],
    ['Von Lena von Hagen', { author: 'Lena von Hagen' }],
    // Spanish
    ['Publicado el 12 de agosto de 2016 a las 10:32', { publishedAt: '2016-08-12T10:32' }],
    ['Actualizado: 5 de mayo de 2015', { modifiedAt: '2015-05-05' }],
    ['Por Ana de la Torre', { author: 'Ana de la Torre' }],
    ['Etiquetas: política, economía', { suggestedTags: ['política', 'economía'] }],
  ])('%s', (line, expected) => expect(meta(line)).toEqual(expected));

  it.each([
    'By the end of the year, prices had risen by 5%.',
    'Par ailleurs, le ministre a démenti.',
    'Von Montag an gilt die neue Regel.',
    'Por la tarde, la lluvia volvió a caer.',
    'Published in 2016, the report found nothing new.',
    'March 2021',
    '12',
    'Updated guidance will follow next week, the ministry said.',
  ])('not metadata: %s', (line) => expect(meta(line)).toBeNull());

  it('sets the metadata lines aside from the body and returns what they said', () => {
    const paragraph = 'The first paragraph of the article is a sentence long enough to be a real one.';
    const parsed = parseArticleText(
      ['A title', 'By Jane Smith', 'Published 3 March 2021', paragraph, 'Tags: economy, banks'].join('\n'),
    );
    expect(parsed.blocks.map((block) => block.text)).toEqual([paragraph]);
    expect(parsed.removed.map((block) => [block.reason, block.position])).toEqual([
      ['metadata', 'start'],
      ['metadata', 'start'],
      ['metadata', 'end'],
    ]);
    expect(parsed.metadata).toEqual({
      author: 'Jane Smith',
      publishedAt: '2021-03-03',
      suggestedTags: ['economy', 'banks'],
    });
  });

  it('keeps agency credits as attribution blocks, not authors', () => {
    const paragraph = 'The first paragraph of the article is a sentence long enough to be a real one.';
    const parsed = parseArticleText(['Titre', paragraph, '(Avec AFP)'].join('\n'));
    expect(parsed.blocks[1]).toEqual({ kind: 'attribution', text: '(Avec AFP)' });
    expect(parsed.metadata).toBeUndefined();
  });
});
