import { describe, expect, it } from 'vitest';
import type { Block } from '../article';
import { parseArticleText } from './structure';

const kinds = (blocks: Block[]): string[] => blocks.map((block) => block.kind);
const texts = (blocks: Block[]): string[] => blocks.map((block) => block.text);

describe('parseArticleText: title and blocks', () => {
  it('takes the first non-empty line, trimmed, as the title', () => {
    const { title, blocks } = parseArticleText(
      '\n\n   Ad sales boost Time Warner profit  \n\nProfits jumped 76%.\n',
    );
    expect(title).toBe('Ad sales boost Time Warner profit');
    expect(texts(blocks)).toEqual(['Profits jumped 76%.']);
  });

  it('splits the body on blank lines, white-space-only lines included', () => {
    const { blocks } = parseArticleText(
      'Title\n\nFirst paragraph.\n \t \nSecond paragraph.\n\n\n\nThird one.',
    );
    expect(texts(blocks)).toEqual(['First paragraph.', 'Second paragraph.', 'Third one.']);
  });

  it('makes every line its own block, even with single newlines: lines are never joined', () => {
    const { blocks } = parseArticleText('Title\n\nOne paragraph.\nAnother paragraph.\nA third.');
    expect(texts(blocks)).toEqual(['One paragraph.', 'Another paragraph.', 'A third.']);
  });

  it('keeps code-like lines appended with single newlines (BBC business/001)', () => {
    const text =
      'Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n\nIt will book the sale as a loss.\n' +
      "VALIDATION_SPLIT = 0.2\nindices = np.arange(data.shape[0])\nprint('Shape of testing data: ',ytest.shape";
    const { blocks, removed } = parseArticleText(text);
    expect(removed).toEqual([]);
    expect(texts(blocks)).toEqual([
      'Quarterly profits jumped 76%.',
      'It will book the sale as a loss.',
      'VALIDATION_SPLIT = 0.2',
      'indices = np.arange(data.shape[0])',
      "print('Shape of testing data: ',ytest.shape",
    ]);
    expect(kinds(blocks)).toEqual(['lede', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('trims each block but keeps its inner white space as it is', () => {
    const { blocks } = parseArticleText('Title\n\n  Two  spaces\tand a tab.  \n');
    expect(texts(blocks)).toEqual(['Two  spaces\tand a tab.']);
  });

  it('gives no blocks for a title alone, and no title for an empty text', () => {
    expect(parseArticleText('Just a title\n\n   \n')).toEqual({
      title: 'Just a title',
      blocks: [],
      removed: [],
    });
    expect(parseArticleText(' \n\t\n')).toEqual({ title: '', blocks: [], removed: [] });
  });
});

describe('parseArticleText: list items', () => {
  it('recognises -, •, * and – markers, strips them, and keeps each item whole', () => {
    const { blocks } = parseArticleText(
      'Budget\n\nThe main points:\n- Spending on health up\n • Duty cuts on capital goods \n* Income tax threshold raised\n– Corporate tax cut to 30%\n\nAnalysts welcomed it.',
    );
    expect(blocks.slice(1, 5)).toEqual([
      { kind: 'list-item', text: 'Spending on health up' },
      { kind: 'list-item', text: 'Duty cuts on capital goods' },
      { kind: 'list-item', text: 'Income tax threshold raised' },
      { kind: 'list-item', text: 'Corporate tax cut to 30%' },
    ]);
  });

  it('reads indented markers (BBC politics/122 has " - " items)', () => {
    const { blocks } = parseArticleText('T\n\nIntro:\n\n- First item. \n - Second item. \n');
    expect(blocks.slice(1)).toEqual([
      { kind: 'list-item', text: 'First item.' },
      { kind: 'list-item', text: 'Second item.' },
    ]);
  });

  it('does not take a minus sign or a lone dash for a list marker', () => {
    const { blocks } = parseArticleText('T\n\nShares rose.\n-5% was the fall in March.\n-\n*');
    expect(kinds(blocks.slice(1))).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(texts(blocks.slice(1))).toEqual(['-5% was the fall in March.', '-', '*']);
  });
});

describe('parseArticleText: headings', () => {
  const article = (middle: string): string =>
    `Title\n\nThe lede sentence ends here.\n\nA second paragraph ends here.\n\n${middle}\n\nThe next paragraph starts a new sentence.\n\nAnd one more.`;

  it('finds the seed’s « Pause humanitaire » insuffisante', () => {
    const { blocks } = parseArticleText(article('« Pause humanitaire » insuffisante'));
    expect(blocks[2]).toEqual({ kind: 'heading', text: '« Pause humanitaire » insuffisante' });
  });

  it('does not take a line ending in sentence punctuation, even before a closing quote', () => {
    for (const line of [
      'A short sentence.',
      'Is it over?',
      'Voilà :',
      '« C’est fini. »',
      'He said "no!"',
      'Wait…',
    ]) {
      expect(parseArticleText(article(line)).blocks[2]!.kind, line).toBe('paragraph');
    }
  });

  it('does not take a long line, or one of more than twelve words', () => {
    const long = 'A'.repeat(81);
    const wordy = 'One two three four five six seven eight nine ten eleven twelve thirteen';
    expect(parseArticleText(article(long)).blocks[2]!.kind).toBe('paragraph');
    expect(parseArticleText(article(wordy)).blocks[2]!.kind).toBe('paragraph');
  });

  it('does not take a line that starts in lower case, or has no letter', () => {
    expect(parseArticleText(article('and then the crowd')).blocks[2]!.kind).toBe('paragraph');
    expect(parseArticleText(article('78,000')).blocks[2]!.kind).toBe('paragraph');
  });

  it('needs a paragraph starting a sentence after it', () => {
    const beforeFragment =
      'Title\n\nFirst sentence.\n\nThe men’s 800m went to form as\n\ndominated the race.\n\nEnd.';
    expect(parseArticleText(beforeFragment).blocks[1]!.kind).toBe('paragraph');
    const beforeList = 'Title\n\nFirst sentence.\n\nKey points\n\n- One\n- Two\n\nEnd.';
    expect(parseArticleText(beforeList).blocks[1]!.kind).toBe('paragraph');
    const twoShortLines =
      'Title\n\nFirst sentence.\n\nNewcastle v Tottenham\n\nBolton v Arsenal\n\nEnd of the draw.';
    expect(kinds(parseArticleText(twoShortLines).blocks)).toEqual([
      'lede',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('needs a finished sentence or a list before it, not a colon', () => {
    const afterLabel =
      'Title\n\nFirst sentence.\n\nPlaying colours:\n\nAll black\n\nThe Haka is performed before every match.';
    expect(parseArticleText(afterLabel).blocks[2]!.kind).toBe('paragraph');
    const afterFragment =
      'Title\n\nFirst sentence.\n\nHe went on to say that\n\nThe Cup\n\nWas his favourite.';
    expect(parseArticleText(afterFragment).blocks[2]!.kind).toBe('paragraph');
    const afterList = 'Title\n\nIntro:\n- One\n- Two\n\nWhat happens next\n\nNobody knows yet.';
    expect(kinds(parseArticleText(afterList).blocks)).toEqual([
      'paragraph',
      'list-item',
      'list-item',
      'heading',
      'paragraph',
    ]);
  });

  it('is never the first or the last block', () => {
    const first = parseArticleText('Title\n\nA subtitle here\n\nThe article starts.\n\nIt goes on.');
    expect(first.blocks[0]!.kind).toBe('paragraph');
    const last = parseArticleText('Title\n\nThe article starts.\n\nIt goes on.\n\nThe End');
    expect(last.blocks[2]!.kind).toBe('paragraph');
  });
});

describe('parseArticleText: attribution and lede', () => {
  it('recognises agency credits in French and English', () => {
    for (const line of [
      '(Avec AFP)',
      '(avec AFP et Reuters)',
      'Avec AFP et Reuters',
      '(AFP)',
      '(Reuters)',
      '(With Reuters)',
      'With AFP',
      '(Reuters/AFP)',
      '(AFP, AP and Reuters)',
      '(With agencies)',
      '— AFP',
    ]) {
      const { blocks } = parseArticleText(`Title\n\nFirst sentence.\n\nSecond sentence.\n\n${line}`);
      expect(blocks[2], line).toEqual({ kind: 'attribution', text: line });
    }
  });

  it('does not take a sentence that starts with an agency name for a credit', () => {
    for (const line of [
      '(AFP chief resigns)',
      'With AFP reporting from Aleppo, the picture changed.',
      'Reuters said so.',
    ]) {
      const { blocks } = parseArticleText(`Title\n\nFirst sentence.\n\nSecond sentence.\n\n${line}`);
      expect(blocks[2]!.kind, line).toBe('paragraph');
    }
  });

  it('makes the first paragraph the lede when more paragraphs follow', () => {
    const { blocks } = parseArticleText('T\n\nThe lede.\n\nThe second paragraph.');
    expect(kinds(blocks)).toEqual(['lede', 'paragraph']);
  });

  it('has no lede when the body is one paragraph, or starts with a list, a credit or a short label', () => {
    expect(kinds(parseArticleText('T\n\nOnly paragraph.').blocks)).toEqual(['paragraph']);
    expect(kinds(parseArticleText('T\n\nThe proposals include:\n- One\n- Two\n\nMore.').blocks)).toEqual([
      'paragraph',
      'list-item',
      'list-item',
      'paragraph',
    ]);
    expect(kinds(parseArticleText('T\n\n- item\n\nThen text.\n\nMore.').blocks)).toEqual([
      'list-item',
      'paragraph',
      'paragraph',
    ]);
    expect(kinds(parseArticleText('T\n\n(AFP)\n\nThe text.\n\nMore.').blocks)).toEqual([
      'attribution',
      'paragraph',
      'paragraph',
    ]);
    expect(kinds(parseArticleText('T\n\nGriffin Park\n\nThe match report.\n\nMore.').blocks)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('parseArticleText: boilerplate', () => {
  it('parses the seed article: eight blocks kept, three removed at the end', () => {
    const seed = [
      'Alep : vers un accord militaire entre les États-Unis et la Russie',
      '',
      'Le ministre russe de la Défense a annoncé que des négociations étaient dans une phase “active”.',
      '',
      'Alors que les forces fidèles à Bachar el-Assad et les rebelles continuent de s’affronter.',
      '',
      '« Nous avançons étape par étape vers une configuration », a-t-il ajouté.',
      '',
      '« Pause humanitaire » insuffisante',
      '',
      'La bataille d’Alep, la plus importante depuis le début du conflit en 2011, est cruciale.',
      '',
      'Le chef de la diplomatie russe Sergueï Lavrov a reconnu lundi que cette fenêtre ne suffirait pas.',
      '',
      'John Kerry avait encore promis fin juillet des annonces.',
      '',
      '(Avec AFP)',
      '',
      'Laisser un commentaire',
      '',
      'Votre adresse email ne sera pas publiée.',
      '',
      "Ce site Web utilise des cookies pour améliorer votre expérience. Nous supposerons que vous êtes d'accord avec cela, mais vous pouvez vous désinscrire si vous le souhaitez. J'accepte Lire la suite",
    ].join('\n');
    const { title, blocks, removed } = parseArticleText(seed);
    expect(title).toBe('Alep : vers un accord militaire entre les États-Unis et la Russie');
    expect(kinds(blocks)).toEqual([
      'lede',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'attribution',
    ]);
    expect(removed.map((block) => [block.reason, block.position, block.text.slice(0, 22)])).toEqual([
      ['comment-form', 'end', 'Laisser un commentaire'],
      ['comment-form', 'end', 'Votre adresse email ne'],
      ['cookie-banner', 'end', 'Ce site Web utilise de'],
    ]);
  });

  it('removes boilerplate before the first paragraph, in file order', () => {
    const { blocks, removed } = parseArticleText(
      'Title\n\nAccept all cookies\nShare this article\n\nThe article starts here.\n\nAnd goes on.',
    );
    expect(texts(blocks)).toEqual(['The article starts here.', 'And goes on.']);
    expect(kinds(blocks)).toEqual(['lede', 'paragraph']);
    expect(removed).toEqual([
      { text: 'Accept all cookies', reason: 'cookie-banner', position: 'start' },
      { text: 'Share this article', reason: 'share', position: 'start' },
    ]);
  });

  it('keeps a boilerplate-looking line inside the article', () => {
    const start = 'The article starts with a sentence long enough to be a real paragraph.';
    const end = 'The article ends with another sentence long enough to be a real paragraph.';
    const { blocks, removed } = parseArticleText(
      `Title\n\n${start}\n\nRead more:\n\nLeave a comment\n\n${end}`,
    );
    expect(removed).toEqual([]);
    expect(texts(blocks)).toEqual([start, 'Read more:', 'Leave a comment', end]);
  });

  it('removes nothing when every block looks like boilerplate', () => {
    const { blocks, removed } = parseArticleText('Title\n\nLeave a comment\n\nShare this article');
    expect(removed).toEqual([]);
    expect(texts(blocks)).toEqual(['Leave a comment', 'Share this article']);
  });

  it('keeps a closing news sentence that mentions cookies', () => {
    const text =
      'Kraft cuts ads\n\nKraft plans to cut back on advertising.\n\n' +
      'Kraft plans to cut back on advertising of products like Oreo cookies and sugary Kool-Aid drinks.';
    const { blocks, removed } = parseArticleText(text);
    expect(removed).toEqual([]);
    expect(blocks).toHaveLength(2);
  });

  it('applies every language’s rules whatever the article’s language', () => {
    const { removed } = parseArticleText(
      'Titre\n\nLe texte.\n\nLa suite.\n\nThis website uses cookies to improve your experience. Accept',
    );
    expect(removed).toEqual([
      {
        text: 'This website uses cookies to improve your experience. Accept',
        reason: 'cookie-banner',
        position: 'end',
      },
    ]);
  });
});
