/**
 * The reader's cleaning choices on real files (the French seed, in a tmp data folder): a removed
 * block put back and a kept one marked as site text are stored, survive a re-import of the same
 * file, of an edited file and a re-clean (`gazette reclean`), and a highlight made before stays
 * on its words.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../core/annotations/article-text';
import { runGazette } from '../../cli/testing/run-gazette';
import { openGazetteApp, type GazetteApp } from '../app';
import { articleIdForSource } from '../store';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED = path.join(ROOT, 'seeds', '000_fa55918c37a99e94.txt');
const COMMENT = 'Laisser un commentaire';
const LAST_BODY = 'John Kerry avait encore promis fin juillet';
const WORDS = 'Sergueï Choïgou';

let root: string;
let dataDir: string;
let file: string;
let id: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gazette-reclean-'));
  dataDir = path.join(root, 'data');
  file = path.join(root, 'seed.txt');
  await copyFile(SEED, file);
  id = articleIdForSource(file);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withApp<T>(use: (app: GazetteApp) => Promise<T>): Promise<T> {
  const app = await openGazetteApp({ dataDir });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

/** What the reader sees: kept texts, removed texts, and the highlight's words in the text. */
async function state(app: GazetteApp) {
  const article = await app.article(id);
  const text = articleText(article.blocks).text;
  const [highlight] = (await app.annotations(id)).highlights;
  const anchor = highlight?.anchor;
  return {
    kept: article.blocks.map((block) => block.text),
    removed: article.removed.map((block) => block.text),
    reasons: article.removed.map((block) => block.reason),
    highlighted: anchor && anchor.status !== 'detached' ? text.slice(anchor.start, anchor.end) : null,
  };
}

describe('the reader’s cleaning choices', () => {
  it('put back and marked as site text: kept through re-imports and a re-clean, highlights on their words', async () => {
    const lastBody = await withApp(async (app) => {
      await app.importPaths([file]);
      const before = await state(app);
      // The seed as the cleaner gives it: 8 blocks, 3 removed.
      expect(before.kept).toHaveLength(8);
      expect(before.removed).toHaveLength(3);
      expect(before.removed).toContain(COMMENT);
      await app.highlightWords(id, { words: WORDS, occurrence: 1 });
      const lastBody = before.kept.find((text) => text.startsWith(LAST_BODY))!;

      const putBack = await app.setBlockCleaning(id, COMMENT, 'keep');
      expect(putBack.blocks.map((block) => block.text)).toContain(COMMENT);
      const marked = await app.setBlockCleaning(id, lastBody, 'remove');
      expect(marked.blocks.map((block) => block.text)).not.toContain(lastBody);
      expect(marked.removed.find((block) => block.text === lastBody)?.reason).toBe('reader');
      expect((await state(app)).highlighted).toBe(WORDS);
      expect(app.store.cleaningOverrides(id)).toEqual({ keepRemoved: [COMMENT], removeBlocks: [lastBody] });
      return lastBody;
    });
    const check = async (): Promise<void> =>
      withApp(async (app) => {
        const now = await state(app);
        expect(now.kept).toContain(COMMENT);
        expect(now.kept).not.toContain(lastBody);
        expect(now.removed).toContain(lastBody);
        expect(now.highlighted).toBe(WORDS);
      });
    await check();

    // A re-import of the same file: unchanged, the choices stay.
    const same = await withApp((app) => app.importPaths([file]));
    expect(same.unchanged).toBe(1);
    await check();

    // The file edited (a paragraph added at the top): updated, the choices stay on the new text.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('\n\n', '\n\nUn premier paragraphe ajouté plus tard, pour voir.\n\n'));
    const edited = await withApp((app) => app.importPaths([file]));
    expect(edited.updated).toBe(1);
    await check();

    // A re-clean from the command line, of the library and of the one article.
    const run = await runGazette(dataDir, 'reclean', '--json');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ failed: [] });
    expect((await runGazette(dataDir, 'reclean', id.slice(0, 6))).code).toBe(0);
    await check();
  });

  it('a choice can be changed back, and a block the article does not hold is refused, changing nothing', async () => {
    await withApp(async (app) => {
      await app.importPaths([file]);
      const original = await state(app);
      await app.setBlockCleaning(id, COMMENT, 'keep');
      await app.setBlockCleaning(id, COMMENT, 'remove');
      const back = await state(app);
      expect(back.kept).toEqual(original.kept);
      expect(back.removed).toContain(COMMENT);
      expect(back.reasons[back.removed.indexOf(COMMENT)]).toBe('reader');
      expect(app.store.cleaningOverrides(id)).toEqual({ removeBlocks: [COMMENT] });

      await expect(app.setBlockCleaning(id, 'Une phrase qui n’est nulle part.', 'keep')).rejects.toThrow(
        /not among the site text removed/,
      );
      await expect(app.setBlockCleaning(id, COMMENT, 'remove')).rejects.toThrow(/not a paragraph/);
      expect(app.store.cleaningOverrides(id)).toEqual({ removeBlocks: [COMMENT] });
    });
  });

  it('refuses to mark the last paragraph as site text', async () => {
    await withApp(async (app) => {
      await app.importPaths([file]);
      const { kept } = await state(app);
      for (const text of kept.slice(1)) await app.setBlockCleaning(id, text, 'remove');
      const before = await state(app);
      await expect(app.setBlockCleaning(id, kept[0]!, 'remove')).rejects.toThrow(/no paragraph left/);
      expect(await state(app)).toEqual(before);
    });
  });
});
