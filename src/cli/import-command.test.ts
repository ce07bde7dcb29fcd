/**
 * `gazette import` on other formats: the summary says what came in, what another reader's export
 * carried, and the link-only files with their count, in text and with --json; `list --json` and
 * `show --json` then carry the articles' metadata.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGazette } from './testing/run-gazette';

const FORMATS = fileURLToPath(new URL('../../tests/fixtures/formats', import.meta.url));
const files = ['wallabag-export.json', 'omnivore-export.zip', 'pocket-export.csv', 'saved-page.html'].map(
  (name) => path.join(FORMATS, name),
);

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-cli-import-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('gazette import of exports and web pages', () => {
  it('prints what was carried and the link-only entries, and lists the metadata', async () => {
    const run = await runGazette(dataDir, 'import', ...files);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Imported 3,');
    expect(run.out).toContain(
      'Carried from other readers: 2 articles, 4 tags, 4 highlights (2 detached: words not found in the text).',
    );
    expect(run.out).toContain('Link only, no text to import: 2 links in 1 file.');
    expect(run.out).toContain(
      `  link only  ${path.join(FORMATS, 'pocket-export.csv')}: 2 links without their text`,
    );

    const listed = await runGazette(dataDir, 'list', '--json');
    const entries = JSON.parse(listed.out) as Array<Record<string, unknown>>;
    const page = entries.find((entry) => entry.title === 'Ferry workers walk out over new rosters');
    expect(page).toMatchObject({
      author: 'Maria Lopes',
      site: 'The Harbour Post',
      url: 'https://harbour-post.example/2024/03/ferry-strike',
    });
    const wallabag = entries.find((entry) => entry.author === 'Tom Hale');
    expect(wallabag).toMatchObject({ state: 'finished', tags: ['transport', 'local'], highlights: 2 });

    const shown = await runGazette(dataDir, 'show', String(page?.id), '--json');
    expect(shown.code, shown.err).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject([{ author: 'Maria Lopes', site: 'The Harbour Post' }]);
  });

  it('gives the same in --json', async () => {
    const run = await runGazette(dataDir, 'import', ...files, '--json');
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as Record<string, unknown>;
    expect(report).toMatchObject({
      imported: 3,
      carried: { articles: 2, tags: 4, highlights: 4, detached: 2 },
      linkOnly: [{ path: path.join(FORMATS, 'pocket-export.csv'), count: 2 }],
    });
  });
});
