import { describe, expect, it } from 'vitest';
import { noteToPlainText, parseInline, parseNoteMarkdown } from './note-markdown';

describe('parseNoteMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseNoteMarkdown('First line\nsecond line\n\n\nNext paragraph')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'First line' },
          { type: 'break' },
          { type: 'text', text: 'second line' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Next paragraph' }] },
    ]);
    expect(parseNoteMarkdown('')).toEqual([]);
    expect(parseNoteMarkdown(' \r\n \n')).toEqual([]);
  });

  it('reads bulleted and numbered lists, with continuation lines', () => {
    expect(
      parseNoteMarkdown('To check:\n- the figures\n* the *dates*\n  and the sources\n\n3. three\n4) four'),
    ).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'To check:' }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ type: 'text', text: 'the figures' }],
          [
            { type: 'text', text: 'the ' },
            { type: 'emphasis', children: [{ type: 'text', text: 'dates' }] },
            { type: 'break' },
            { type: 'text', text: 'and the sources' },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'text', text: 'three' }], [{ type: 'text', text: 'four' }]],
      },
    ]);
  });

  it('starts a new list when bullets turn into numbers', () => {
    const blocks = parseNoteMarkdown('- a\n1. b');
    expect(blocks.map((block) => block.type === 'list' && block.ordered)).toEqual([false, true]);
  });
});

describe('parseInline', () => {
  it('reads emphasis and strong, nested either way', () => {
    expect(parseInline('a **bold *and* more** b _it_')).toEqual([
      { type: 'text', text: 'a ' },
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'bold ' },
          { type: 'emphasis', children: [{ type: 'text', text: 'and' }] },
          { type: 'text', text: ' more' },
        ],
      },
      { type: 'text', text: ' b ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'it' }] },
    ]);
    expect(parseInline('*a **b** c*')).toEqual([
      {
        type: 'emphasis',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'strong', children: [{ type: 'text', text: 'b' }] },
          { type: 'text', text: ' c' },
        ],
      },
    ]);
  });

  it('leaves unmatched marks, spaced stars, snake_case and escapes as typed', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(parseInline('a *b')).toEqual([{ type: 'text', text: 'a *b' }]);
    expect(parseInline('snake_case_name')).toEqual([{ type: 'text', text: 'snake_case_name' }]);
    expect(parseInline('\\*not\\* [x\\]')).toEqual([{ type: 'text', text: '*not* [x]' }]);
  });

  it('shows links as text and keeps their address as text', () => {
    expect(parseInline('see [the report](https://example.org/a?b=1) now')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'the report', url: 'https://example.org/a?b=1' },
      { type: 'text', text: ' now' },
    ]);
    expect(parseInline('[no link] (here)')).toEqual([{ type: 'text', text: '[no link] (here)' }]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([
      { type: 'link', text: 'x', url: 'javascript:alert(1' },
      { type: 'text', text: ')' },
    ]);
  });

  it('never reads HTML: tags are text', () => {
    const blocks = parseNoteMarkdown('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)> <b>bold</b>' }] },
    ]);
  });

  it('stays linear on a note full of unmatched marks, and bounds nesting', () => {
    const stars = '*a '.repeat(7_000);
    const started = Date.now();
    expect(noteToPlainText(parseNoteMarkdown(stars))).toBe(stars.trimEnd());
    expect(Date.now() - started).toBeLessThan(5_000); // generous: quadratic would take minutes
    const deep = `${'*x '.repeat(20)}y${' x*'.repeat(20)}`;
    expect(noteToPlainText(parseNoteMarkdown(deep)).replace(/\*/g, '')).toBe(deep.replace(/\*/g, ''));
  });
});

describe('noteToPlainText', () => {
  it('drops the marks and writes links out', () => {
    const note = 'Read **this** [report](https://example.org)\n\n- one\n- *two*\n\n2. b\n3. c';
    expect(noteToPlainText(parseNoteMarkdown(note))).toBe(
      'Read this report (https://example.org)\n\n- one\n- two\n\n2. b\n3. c',
    );
  });
});
