/**
 * Read-aloud on the French seed, with the real shipped voice (eSpeak NG on a worker thread in
 * the test process, through the bridge): the mark moves from sentence to sentence in reading
 * order, the reading position follows the voice down the page, and pause holds the mark.
 * Headless Chromium may have no sound device: the player moves on at `ended`, or after the
 * sentence's known length where `ended` never comes, so the test does not depend on speakers.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, openArticle, shownProgress } from './app-actions';

/** The text under the read-aloud mark, or '' when there is none. */
function markedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const mark = CSS.highlights.get('gazette-speech');
    return mark ? [...mark].map((range) => (range as Range).toString()).join('') : '';
  });
}

/** Where the marked text starts in the article's text (the blocks joined by blank lines). */
function markedOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const mark = CSS.highlights.get('gazette-speech');
    const first = mark ? ([...mark][0] as Range | undefined) : undefined;
    if (!first) return -1;
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-block]')];
    let offset = 0;
    for (const block of blocks) {
      if (block.contains(first.startContainer)) {
        const before = document.createRange();
        before.setStart(block, 0);
        before.setEnd(first.startContainer, first.startOffset);
        return offset + before.toString().length;
      }
      offset += (block.textContent ?? '').length + 2;
    }
    return -1;
  });
}

test('read-aloud marks each sentence in turn, the position follows, and pause holds it', async () => {
  test.setTimeout(120_000);
  const dataDir = await makeLibraryWithCli(['seeds']);
  // A short window, so that a few sentences fill the page and the voice has to turn it.
  const app = await launchApp({ dataDir, viewport: { width: 900, height: 460 } });
  const { page } = app;
  await openArticle(page, SEED_TITLE);
  const bar = page.getByRole('region', { name: 'Read aloud' });
  await expect(bar).toBeVisible();

  // 3× (eight steps of 0.25 from 1×), set before playing; shown in the bar.
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('>');
  await expect(bar.getByLabel('Speed')).toHaveText('3×');
  const heading = page.getByRole('heading', { level: 1, name: SEED_TITLE });
  await expect(heading).toBeFocused();

  await page.keyboard.press('r');
  await expect(bar.locator('span[role="status"]')).toHaveText(/Reading aloud|Preparing the voice/);
  // The player never takes the focus.
  await expect(heading).toBeFocused();

  // The first sentence of the article is marked first (play starts at the reading position: the top).
  await expect.poll(() => markedText(page), { timeout: 20_000 }).not.toBe('');
  const first = await markedText(page);
  const lede = (await page.locator('[data-block="0"]').textContent()) ?? '';
  expect(lede.startsWith(first)).toBe(true);

  // The mark moves sentence by sentence, in reading order, each a whole sentence.
  const seen: Array<{ text: string; offset: number }> = [{ text: first, offset: await markedOffset(page) }];
  const deadline = Date.now() + 60_000;
  while (seen.length < 6 && Date.now() < deadline) {
    const text = await markedText(page);
    if (text !== '' && text !== seen.at(-1)?.text) seen.push({ text, offset: await markedOffset(page) });
    await page.waitForTimeout(100);
  }
  expect(seen.length).toBe(6);
  for (let i = 1; i < seen.length; i += 1) {
    expect(seen[i]!.offset).toBeGreaterThan(seen[i - 1]!.offset);
    expect(seen[i]!.text).toMatch(/[.!?»:]$|[a-zé]$/);
  }

  // The reading position has followed the voice down the page.
  await expect.poll(() => shownProgress(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const progressWhilePlaying = await shownProgress(page);

  // Pause: the mark stays on its sentence.
  await page.keyboard.press('r');
  await expect(bar.locator('span[role="status"]')).toHaveText('Paused');
  const held = await markedText(page);
  await page.waitForTimeout(3_000);
  expect(await markedText(page)).toBe(held);

  // Resume: it goes on from there to the next sentence.
  const heldOffset = await markedOffset(page);
  await page.keyboard.press('r');
  await expect(bar.locator('span[role="status"]')).toHaveText('Reading aloud');
  await expect.poll(() => markedOffset(page), { timeout: 20_000 }).toBeGreaterThan(heldOffset);

  // Next and previous sentence from the keyboard, while reading.
  await page.keyboard.press('r');
  const before = await markedOffset(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => markedOffset(page)).toBeGreaterThan(before);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => markedOffset(page)).toBe(before);

  // The position is saved: after the debounce, the library shows the article in progress.
  await page.waitForTimeout(1_500);
  expect(progressWhilePlaying).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText(/% read/)).toBeVisible();
  await app.close();
});
