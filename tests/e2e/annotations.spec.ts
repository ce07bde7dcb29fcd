import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import {
  SEED_TITLE,
  openArticle,
  phraseRect,
  scrollReaderTo,
  selectWithMouse,
  selectedText,
  shownProgress,
} from './app-actions';

/** A phrase of the seed's lede, highlighted with the mouse. */
const MOUSE_PHRASE = 'Washington n’a pas confirmé cette information.';
/** The first two sentences of the second paragraph. */
const SECOND_PARAGRAPH = [
  'Alors que les forces fidèles à Bachar el-Assad et les rebelles continuent de s’affronter dans la deuxième ville de Syrie, Washington et Moscou discutent pour trouver un accord militaire face à l’organisation État islamique dans cette zone.',
  'Cette entente pourrait aussi accélérer un cessez-le-feu dans cette agglomération ravagée.',
] as const;
/** The first words of the second paragraph, highlighted from the keyboard. */
const KEYBOARD_PHRASE = 'Alors que les forces';
/** The keys that extend a selection by a word to the left. */
const WORD_LEFT = process.platform === 'darwin' ? 'Alt+Shift+ArrowLeft' : 'Control+Shift+ArrowLeft';

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Highlights and notes' });
}

async function openPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Highlights and notes/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(panel(page)).toBeVisible();
}

test('highlights by mouse and keyboard, notes, reload, delete and undo, panel and notebook', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  let app = await launchApp({ dataDir, viewport: { width: 1280, height: 860 } });
  let { page } = app;
  await openArticle(page, SEED_TITLE);
  const article = page.getByRole('article');

  // With the mouse: drag across a phrase, then choose a colour in the toolbar by the selection.
  const lede = article.getByText(/^Le ministre russe de la Défense/);
  await selectWithMouse(page, lede, MOUSE_PHRASE);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(toolbar).toBeVisible();
  await page.screenshot({ path: '/tmp/gazette-selection-toolbar-light.png' });
  await toolbar.getByRole('button', { name: 'Highlight in green' }).click();
  await expect(toolbar).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Highlighted in green' })).toHaveText(
    `Highlighted in green: ${MOUSE_PHRASE}`,
  );

  // With the keyboard alone: `s` selects the sentence after the last highlight (the second
  // paragraph's first), `s` and Shift+S step to the next and back, Shift+arrows trim the
  // selection (a word, then a character), and `h` highlights it.
  const selected = page.getByRole('status').filter({ hasText: /^Selected: / });
  await page.keyboard.press('s');
  expect(await selectedText(page)).toBe(SECOND_PARAGRAPH[0]);
  await expect(selected).toHaveText(`Selected: ${SECOND_PARAGRAPH[0]}`);
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('s');
  expect(await selectedText(page)).toBe(SECOND_PARAGRAPH[1]);
  await expect(selected).toHaveText(`Selected: ${SECOND_PARAGRAPH[1]}`);
  await page.keyboard.press('Shift+S');
  expect(await selectedText(page)).toBe(SECOND_PARAGRAPH[0]);
  for (let words = 0; !(await selectedText(page)).endsWith('forces ') && words < 50; words += 1) {
    await page.keyboard.press(WORD_LEFT);
  }
  expect(await selectedText(page)).toBe(`${KEYBOARD_PHRASE} `);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selectedText(page)).toBe(KEYBOARD_PHRASE);
  await page.keyboard.press('h');
  await expect(page.getByRole('status').filter({ hasText: 'Highlighted in yellow' })).toHaveText(
    `Highlighted in yellow: ${KEYBOARD_PHRASE}`,
  );

  // The side panel lists both in reading order, opened with `a`.
  await page.keyboard.press('a');
  await expect(panel(page)).toBeVisible();
  const entries = panel(page).getByRole('button', { name: /highlight:/ });
  await expect(entries).toHaveText([MOUSE_PHRASE, KEYBOARD_PHRASE]);
  await expect(entries.first()).toHaveAccessibleName(`green highlight: ${MOUSE_PHRASE}`);

  // A note on the first highlight, from the panel.
  await entries.first().click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: 'Note on this highlight' }).fill('The *denial* matters.');
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toBeHidden();
  await expect(panel(page).getByText('The denial matters.')).toBeVisible();

  // Clicking painted words opens their highlight.
  const second = article.getByText(/^Alors que les forces/);
  const painted = await phraseRect(second, 'que les');
  await page.mouse.click((painted.left + painted.right) / 2, (painted.top + painted.bottom) / 2);
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('button', { name: 'yellow' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: '/tmp/gazette-highlight-editor-light.png' });
  await editor.getByRole('button', { name: 'blue' }).click();
  await expect(editor.getByRole('button', { name: 'blue' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  // A personal note where the comment form was, saved as it is typed.
  const notes = page.getByRole('region', { name: 'Your notes' });
  const composer = notes.getByRole('textbox', { name: 'Write a note' });
  await composer.fill('Compare with **Reuters**:\n\n- the date\n- <b>who</b> spoke');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
  await expect(notes.getByRole('listitem').filter({ hasText: 'Compare with' })).toBeVisible();
  await expect(notes.getByText('<b>who</b> spoke')).toBeVisible(); // shown as typed, never as HTML
  await expect(notes.locator('strong')).toHaveText('Reuters');
  await expect(composer).toHaveValue('');

  await expectNoAxeViolations(page, 'the reading page with highlights and the panel (light)');

  // Reload: everything is still there, and the library counts it.
  await page.reload();
  const row = page.getByRole('button', { name: SEED_TITLE, exact: true });
  await expect(row).toBeVisible();
  await expect(page.getByText('2 highlights')).toBeVisible();
  await expect(page.getByText('1 note', { exact: true })).toBeVisible();
  await openArticle(page, SEED_TITLE);
  await openPanel(page);
  await expect(entries).toHaveText([MOUSE_PHRASE, KEYBOARD_PHRASE]);
  await expect(entries.nth(1)).toHaveAccessibleName(`blue highlight: ${KEYBOARD_PHRASE}`);
  await expect(panel(page).getByText('The denial matters.')).toBeVisible();
  await expect(notes.getByText('Compare with Reuters:')).toBeVisible();
  await scrollReaderTo(page, 0);
  await page.screenshot({ path: '/tmp/gazette-highlights-light.png' });

  // Delete a highlight, then undo.
  await entries.nth(1).click();
  await editor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(entries).toHaveText([MOUSE_PHRASE]);
  await expect(page.getByText('Highlight deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(entries).toHaveText([MOUSE_PHRASE, KEYBOARD_PHRASE]);

  // Delete the note, then undo.
  await notes.getByRole('button', { name: 'Delete the note' }).click();
  await expect(notes.getByText('Compare with Reuters:')).toBeHidden();
  await expect(page.getByText('Note deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notes.getByText('Compare with Reuters:')).toBeVisible();

  // Edit the note; the edit is saved as it is typed.
  await notes.getByRole('button', { name: 'Edit the note' }).click();
  const editBox = notes.getByRole('textbox', { name: 'Edit the note' });
  await editBox.fill('Compare with **Reuters** and AFP.');
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
  await expect(notes.getByText('Compare with Reuters and AFP.')).toBeVisible();

  // The notebook lists every highlight and note, newest first, filtered by colour.
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page.getByRole('button', { name: 'Notebook' }).click();
  const notebook = page.getByRole('main', { name: '3 entries' });
  await expect(notebook).toBeVisible();
  const items = notebook.getByRole('listitem').filter({ has: page.getByRole('button') });
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Compare with Reuters and AFP.');
  await notebook.getByRole('combobox', { name: 'Colour' }).selectOption('green');
  await expect(page.getByRole('main', { name: '1 entry' })).toBeVisible();
  await page.screenshot({ path: '/tmp/gazette-notebook-light.png' });
  await page.getByRole('button', { name: /Washington n’a pas confirmé/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible();
  await app.close();

  // Dark theme, with the panel open: still passes axe-core.
  app = await launchApp({ dataDir, colorScheme: 'dark', viewport: { width: 1280, height: 860 } });
  page = app.page;
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Notebook' }).click();
  await expect(page.getByRole('main', { name: '3 entries' })).toBeVisible();
  await expectNoAxeViolations(page, 'the notebook (dark)');
  await page.screenshot({ path: '/tmp/gazette-notebook-dark.png' });
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await openArticle(page, SEED_TITLE);
  await openPanel(page);
  await expectNoAxeViolations(page, 'the reading page with highlights and the panel (dark)');
  await scrollReaderTo(page, 0);
  await page.screenshot({ path: '/tmp/gazette-highlights-dark.png' });
  await app.close();
});

test('from the keyboard, `s` starts at the first sentence in view and Shift+↓ extends by a line', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, viewport: { width: 1000, height: 600 } });
  const { page } = app;
  await openArticle(page, SEED_TITLE);
  const keys = page.keyboard;

  // Nothing is selected and Shift+arrows alone select nothing in read-only text.
  await keys.press('Shift+ArrowRight');
  expect(await selectedText(page)).toBe('');

  // After paging down, `s` selects the first sentence that starts in view, not one above it.
  await keys.press('PageDown');
  await expect.poll(() => shownProgress(page)).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('main').evaluate((main) => main.scrollTop)).toBeGreaterThan(100);
  await page.waitForTimeout(400); // the smooth scroll settles
  await keys.press('s');
  const sentence = await selectedText(page);
  expect(sentence.length).toBeGreaterThan(10);
  const where = await page.getByRole('main').evaluate((main) => {
    const view = main.getBoundingClientRect();
    const range = getSelection()?.getRangeAt(0);
    const block = range?.startContainer.parentElement?.closest<HTMLElement>('[data-block]');
    if (!range || !block) throw new Error('nothing selected in a block');
    // Where each sentence of a block starts (its first character after any white space).
    const starts = (element: Element): number[] =>
      [...new Intl.Segmenter('fr', { granularity: 'sentence' }).segment(element.textContent ?? '')].map(
        ({ segment, index }) => index + segment.length - segment.trimStart().length,
      );
    const topOf = (element: Element, offset: number): number => {
      const character = document.createRange();
      character.setStart(element.firstChild as Text, offset);
      character.setEnd(element.firstChild as Text, offset + 1);
      return character.getClientRects()[0]?.top ?? NaN;
    };
    const inBlock = starts(block);
    const index = inBlock.indexOf(range.startOffset);
    const previousBlock = block.previousElementSibling?.closest('[data-block]');
    const previousTop =
      index > 0
        ? topOf(block, inBlock[index - 1] ?? 0)
        : previousBlock
          ? topOf(previousBlock, starts(previousBlock).pop() ?? 0)
          : -Infinity;
    return { viewTop: view.top, index, top: topOf(block, range.startOffset), previousTop };
  });
  // It begins a sentence, in view; the sentence before it begins above the view.
  expect(where.index).toBeGreaterThanOrEqual(0);
  expect(where.top).toBeGreaterThanOrEqual(where.viewTop - 1);
  expect(where.previousTop).toBeLessThan(where.viewTop);
  await expect(page.getByRole('status').filter({ hasText: /^Selected: / })).toHaveText(
    `Selected: ${sentence}`,
  );
  await expect(page.getByRole('main')).toBeFocused();

  // Shift+↓ extends the selection by a line instead of scrolling.
  const scrolled = await page.getByRole('main').evaluate((main) => main.scrollTop);
  await keys.press('Shift+ArrowDown');
  const extended = await selectedText(page);
  expect(extended.startsWith(sentence)).toBe(true);
  expect(extended.length).toBeGreaterThan(sentence.length);
  expect(await page.getByRole('main').evaluate((main) => main.scrollTop)).toBe(scrolled);
  await keys.press('Escape'); // the toolbar by the selection
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeHidden();

  // The `?` list tells about it.
  await keys.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(
    overlay.getByText('Select the next / previous sentence (Shift+arrows adjust it)'),
  ).toBeVisible();
  await keys.press('Escape');
  await app.close();
});

test('in French and sepia: the toolbar, the panel and the notes speak French and pass axe-core', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
  const { page } = app;
  await page.getByRole('button', { name: 'Réglages', exact: true }).click();
  await page.getByRole('dialog').getByRole('radio', { name: 'Sépia' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');

  await openArticle(page, SEED_TITLE);
  const lede = page.getByRole('article').getByText(/^Le ministre russe de la Défense/);
  await selectWithMouse(page, lede, MOUSE_PHRASE);
  await page
    .getByRole('toolbar', { name: 'Surligner la sélection' })
    .getByRole('button', { name: 'Surligner en rose' })
    .click();
  await page.getByRole('button', { name: /^Surlignages et notes/ }).click();
  const frPanel = page.getByRole('complementary', { name: 'Surlignages et notes' });
  await expect(frPanel.getByRole('button', { name: `Surlignage rose\u202f: ${MOUSE_PHRASE}` })).toBeVisible();

  const notes = page.getByRole('region', { name: 'Vos notes' });
  await notes.getByRole('textbox', { name: 'Écrire une note' }).fill('À relire *demain*.');
  await expect(notes.getByRole('status')).toHaveText('Enregistré');
  await expect(frPanel.getByText('À relire demain.')).toBeVisible();

  await scrollReaderTo(page, 0);
  await expectNoAxeViolations(page, 'the reading page with a highlight and the panel (sepia, fr)');
  await page.screenshot({ path: '/tmp/gazette-highlights-sepia-fr.png' });

  // The notebook opens the article at the note chosen there.
  await page.getByRole('button', { name: 'Retour à la bibliothèque' }).click();
  await page.getByRole('button', { name: 'Carnet' }).click();
  await expect(page.getByRole('main', { name: '2 entrées' })).toBeVisible();
  await expectNoAxeViolations(page, 'the notebook (sepia, fr)');
  // The note is shown as everywhere (NoteText) beside the button that opens it (its description).
  await page
    .getByRole('main', { name: '2 entrées' })
    .getByRole('listitem')
    .filter({ hasText: 'À relire demain' })
    .getByRole('button')
    .click();
  await expect(page.getByRole('listitem').filter({ hasText: 'À relire demain.' })).toBeFocused();
  await app.close();
});
