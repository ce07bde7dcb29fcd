/**
 * The `gazette` command in-process, on a real data folder holding the seed and a few BBC
 * articles (not the whole corpus, to stay fast).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../node/store';
import { runCli } from './run-cli';
import { runGazette } from './testing/run-gazette';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILES = [
  path.join(ROOT, 'seeds'),
  ...['business/001.txt', 'politics/001.txt', 'sport/001.txt'].map((file) =>
    path.join(ROOT, 'tests/fixtures/bbc-news', file),
  ),
];

let dataDir: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

const gazette = (...argv: string[]): Promise<Run> => runGazette(dataDir, ...argv);

interface ListedEntry {
  id: string;
  title: string;
  source: string;
  progress: number;
  state: string;
}

async function listJson(): Promise<ListedEntry[]> {
  const run = await gazette('list', '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as ListedEntry[];
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-cli-'));
  const run = await gazette('import', ...FILES, '--json');
  expect(run.code, run.err).toBe(0);
  expect(JSON.parse(run.out)).toMatchObject({ imported: 4 });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('gazette list', () => {
  it('prints progress (0 to 1) and state on every entry with --json', async () => {
    const entries = await listJson();
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual([
        'id',
        'title',
        'language',
        'section',
        'source',
        'wordCount',
        'readingMinutes',
        'importedAt',
        'progress',
        'state',
        'highlights',
        'notes',
        'tags',
      ]);
      expect(entry).toMatchObject({ progress: 0, state: 'unread', highlights: 0, notes: 0 });
    }
  });

  it('shows the state compactly: blank when unread, a percentage while reading, ✓ once finished', async () => {
    const [reading, finished, unread] = (await listJson()) as [ListedEntry, ListedEntry, ListedEntry];
    await gazette('progress', reading.id, '--set', '0.42');
    await gazette('progress', finished.id, '--finished');
    const lines = (await gazette('list')).out.split('\n');
    expect(lines).toHaveLength(4);
    const line = (id: string) => lines.find((text) => text.startsWith(id)) ?? '';
    expect(line(reading.id)).toMatch(new RegExp(`^${reading.id}  42%  \\S`));
    expect(line(finished.id)).toMatch(new RegExp(`^${finished.id}    ✓  \\S`));
    expect(line(unread.id)).toMatch(new RegExp(`^${unread.id}       \\S`));
    expect(line(reading.id)).toContain(reading.title);
  });
});

describe('gazette progress', () => {
  it('--set 0.4 marks an article 40 % read', async () => {
    const [target] = (await listJson()) as [ListedEntry];
    const run = await gazette('progress', target.id, '--set', '0.4', '--json');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ id: target.id, progress: 0.4, state: 'reading' });
    const after = (await listJson()).find((entry) => entry.id === target.id);
    expect(after).toMatchObject({ progress: 0.4, state: 'reading' });
    // Human output, with a shortened id.
    const human = await gazette('progress', target.id.slice(0, 6), '--set', '0.5');
    expect(human.code).toBe(0);
    expect(human.out).toBe(`${target.id}  50% read  ${target.title}`);
  });

  it('--finished and --unread', async () => {
    const [target] = (await listJson()) as [ListedEntry];
    const finished = await gazette('progress', target.id, '--finished', '--json');
    expect(JSON.parse(finished.out)).toEqual({ id: target.id, progress: 1, state: 'finished' });
    expect((await listJson()).find((entry) => entry.id === target.id)).toMatchObject({
      progress: 1,
      state: 'finished',
    });
    expect((await gazette('progress', target.id, '--finished')).out).toBe(
      `${target.id}  finished  ${target.title}`,
    );

    const unread = await gazette('progress', target.id, '--unread', '--json');
    expect(JSON.parse(unread.out)).toEqual({ id: target.id, progress: 0, state: 'unread' });
    expect((await listJson()).find((entry) => entry.id === target.id)).toMatchObject({
      progress: 0,
      state: 'unread',
    });
  });

  it('--set from the threshold on is finished, and --set 0 is unread', async () => {
    const [target] = (await listJson()) as [ListedEntry];
    expect(JSON.parse((await gazette('progress', target.id, '--set', '0.99', '--json')).out)).toMatchObject({
      progress: 1,
      state: 'finished',
    });
    expect(JSON.parse((await gazette('progress', target.id, '--set=0', '--json')).out)).toMatchObject({
      progress: 0,
      state: 'unread',
    });
  });

  it.each([
    [['--set', '0.4'], /progress takes one article id \(got 0\)/],
    [['ID'], /exactly one of --set <0-1>, --finished or --unread \(got none\)/],
    [['ID', '--finished', '--unread'], /exactly one of .* \(got 2\)/],
    [['ID', '--set', '0.4', '--finished'], /exactly one of .* \(got 2\)/],
    [['ID', '--set', '1.5'], /--set takes the fraction read, a number from 0 to 1 .*\(got "1\.5"\)/],
    [['ID', '--set', 'half'], /--set takes the fraction read/],
    [['ID', '--set', ''], /--set takes the fraction read/],
    [['ID', '--set=-0.1'], /--set takes the fraction read/],
    [['ID', 'ID', '--finished'], /progress takes one article id \(got 2\)/],
    [['0123456789ab', '--finished'], /No article has the id "0123456789ab"/],
    [['ID', '--set'], /Option '--set' argument/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const [target] = (await listJson()) as [ListedEntry];
    const run = await gazette('progress', ...args.map((arg) => (arg === 'ID' ? target.id : arg)));
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Usage: gazette');
    expect((await listJson()).find((entry) => entry.id === target.id)).toMatchObject({ state: 'unread' });
  });

  it('says so in JSON with --json, and refuses the progress options on other commands', async () => {
    const run = await gazette('progress', 'nope', '--json', '--finished');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.err)).toEqual({ error: expect.stringMatching(/No article has the id "nope"/) });
    const list = await gazette('list', '--finished');
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/--finished is an option of "progress" only, not of "list"/);
    expect((await gazette('show', 'x', '--set', '0.3')).err).toMatch(/--set is an option of "progress" only/);
  });

  it('takes the library lock: it waits for no one and fails while the app holds it', async () => {
    const [target] = (await listJson()) as [ListedEntry];
    const app = await LibraryStore.open(dataDir);
    try {
      const run = await gazette('progress', target.id, '--finished');
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/Gazette is already open in another window or command \(pid \d+\)/);
      // list only reads, so it still works.
      expect((await gazette('list')).code).toBe(0);
    } finally {
      await app.close();
    }
    expect((await gazette('progress', target.id, '--finished')).code).toBe(0);
  });

  it('is in the usage', async () => {
    const run = await gazette('--help');
    expect(run.out).toMatch(/progress <id> --set FRACTION \| --finished \| --unread/);
  });
});

describe('gazette highlight, note and annotations', () => {
  /** The English article about Time Warner (business/001.txt). */
  async function business(): Promise<ListedEntry> {
    return (await listJson()).find((entry) => entry.title === 'Ad sales boost Time Warner profit')!;
  }

  it('highlights the words given, the Nth time they occur, and prints the exact annotations shape', async () => {
    const target = await business();
    const made = await gazette(
      'highlight',
      target.id,
      '--text',
      'TimeWarner',
      '--occurrence',
      '2',
      '--color',
      'blue',
      '--note',
      'Second mention',
      '--json',
    );
    expect(made.code, made.err).toBe(0);
    const highlight = JSON.parse(made.out);
    const note = await gazette('note', target.id.slice(0, 6), '--text', 'Check the *figures*', '--json');
    expect(note.code, note.err).toBe(0);

    const shown = JSON.parse((await gazette('show', target.id, '--json')).out)[0] as {
      blocks: Array<{ text: string }>;
    };
    const text = shown.blocks.map((block) => block.text).join('\n\n');
    const second = text.indexOf('TimeWarner', text.indexOf('TimeWarner') + 1);
    const run = await gazette('annotations', target.id, '--json');
    expect(run.code, run.err).toBe(0);
    const annotations = JSON.parse(run.out);
    expect(annotations).toEqual({
      highlights: [
        {
          id: highlight.id,
          quote: 'TimeWarner',
          color: 'blue',
          note: 'Second mention',
          status: 'anchored',
          start: second,
          end: second + 10,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'TimeWarner',
              prefix: text.slice(second - 32, second),
              suffix: text.slice(second + 10, second + 42),
            },
            { type: 'TextPositionSelector', start: second, end: second + 10 },
          ],
        },
      ],
      notes: [
        {
          id: expect.any(String),
          text: 'Check the *figures*',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ],
    });
    expect(Object.keys(annotations.highlights[0])).toEqual([
      'id',
      'quote',
      'color',
      'note',
      'status',
      'start',
      'end',
      'selectors',
    ]);
    expect(Object.keys(annotations.notes[0])).toEqual(['id', 'text', 'createdAt', 'updatedAt']);
    expect((await listJson()).find((entry) => entry.id === target.id)).toMatchObject({
      highlights: 1,
      notes: 1,
    });
    expect((await gazette('list')).out).toMatch(/Ad sales boost Time Warner profit {2}· 1 highlight, 1 note/);
    expect((await gazette('annotations', target.id)).out).toMatch(
      /blue +"TimeWarner" \(\d+–\d+\)\n {4}note: Second mention/,
    );
  });

  it('re-anchors highlights when "gazette import" brings a changed file', async () => {
    const copyDir = path.join(dataDir, '..', `${path.basename(dataDir)}-news`);
    const file = path.join(copyDir, 'business', '001.txt');
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // Not one of the articles already imported (a copy of one would be a duplicate).
      await copyFile(path.join(ROOT, 'tests/fixtures/bbc-news/business/002.txt'), file);
      const imported = JSON.parse((await gazette('import', file, '--json')).out);
      expect(imported).toMatchObject({ imported: 1 });
      const id = (await listJson()).find((entry) => entry.source === file)!.id;
      const words = (await readFile(file, 'utf8')).split('\n')[2]!.slice(0, 40);
      expect((await gazette('highlight', id, '--text', words)).code).toBe(0);
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('\n\n', '\n\nA paragraph inserted at the top.\n\n'),
      );
      expect(JSON.parse((await gazette('import', file, '--json')).out)).toMatchObject({ updated: 1 });
      const [moved] = JSON.parse((await gazette('annotations', id, '--json')).out).highlights;
      expect(moved).toMatchObject({ quote: words, status: 'moved' });
      expect(moved.start).toBe(moved.selectors[1].start + 'A paragraph inserted at the top.\n\n'.length);
    } finally {
      await rm(copyDir, { recursive: true, force: true });
    }
  });

  it.each([
    [['highlight', 'ID'], /highlight needs --text "the exact words"/],
    [['highlight', '--text', 'x'], /highlight takes one article id \(got 0\)/],
    [['highlight', 'ID', '--text', 'the', '--occurrence', '0'], /--occurrence takes a whole number from 1/],
    [
      ['highlight', 'ID', '--text', 'the', '--color', 'red'],
      /--color takes one of yellow, green, blue, pink, purple \(got "red"\)/,
    ],
    [['note', 'ID'], /note needs --text/],
    [
      ['note', 'ID', '--text', 'x', '--color', 'blue'],
      /--color is an option of "highlight" only, not of "note"/,
    ],
    [['list', '--text', 'x'], /--text is an option of "highlight" and "note" only, not of "list"/],
    [['annotations'], /annotations takes one article id/],
    [['export', 'a', 'b'], /export takes at most one article id/],
    [['export', '--format', 'pdf'], /--format takes one of markdown, json, w3c/],
    [['backup'], /backup needs --out FILE/],
    [['restore'], /restore takes one backup file/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const target = await business();
    const run = await gazette(...args.map((arg) => (arg === 'ID' ? target.id : arg)));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect((await listJson()).find((entry) => entry.id === target.id)).toMatchObject({
      highlights: 0,
      notes: 0,
    });
  });

  it('exits 1 when the words are not there, or not that many times', async () => {
    const target = await business();
    const missing = await gazette('highlight', target.id, '--text', 'not in this article');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/The words "not in this article" are not in article/);
    const tooFar = await gazette('highlight', target.id, '--text', 'jumped 76%', '--occurrence', '2');
    expect(tooFar.code).toBe(1);
    expect(tooFar.err).toMatch(/occurs 1 time in article .*; --occurrence 2 is past the last/);
  });

  it('takes the library lock to highlight, but reads annotations while the app runs', async () => {
    const target = await business();
    await gazette('note', target.id, '--text', 'before');
    const app = await LibraryStore.open(dataDir);
    try {
      const run = await gazette('highlight', target.id, '--text', 'jumped 76%');
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/Gazette is already open in another window or command \(pid \d+\)/);
      expect(JSON.parse((await gazette('annotations', target.id, '--json')).out).notes).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe('gazette export, backup and restore', () => {
  it('exports to stdout, or as files in --out', async () => {
    const target = (await listJson()).find((entry) => entry.title === 'Ad sales boost Time Warner profit')!;
    await gazette('highlight', target.id, '--text', 'jumped 76%', '--note', 'big');
    const markdown = await gazette('export', target.id);
    expect(markdown.code, markdown.err).toBe(0);
    expect(markdown.out).toMatch(/^---\ntitle: "Ad sales boost Time Warner profit"\n/);
    expect(markdown.out).toContain('> jumped 76%\n\nColour: yellow');
    const w3c = JSON.parse((await gazette('export', '--format', 'w3c')).out);
    expect(w3c.first.items[0].target.selector[0]).toMatchObject({
      type: 'TextQuoteSelector',
      exact: 'jumped 76%',
    });

    const out = path.join(dataDir, 'exports');
    const written = JSON.parse((await gazette('export', '--format', 'markdown', '--out', out, '--json')).out);
    expect(written).toEqual([
      {
        file: path.join(out, `ad-sales-boost-time-warner-profit-${target.id}.md`),
        bytes: expect.any(Number),
      },
    ]);
    expect(await readFile(written[0].file, 'utf8')).toBe(`${markdown.out}\n`);
    expect((await gazette('export', '--format', 'json', '--out', out)).out).toBe(
      `wrote ${path.join(out, 'gazette-annotations.json')}`,
    );
  });

  it('backs up and restores into another data folder', async () => {
    const target = (await listJson())[0]!;
    await gazette('note', target.id, '--text', 'backed up');
    const file = path.join(dataDir, 'backup.json');
    const backup = await gazette('backup', '--out', file);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(
      /^Backed up 4 articles, 0 highlights and 1 notes to .*backup\.json \(\d+ bytes\)\.$/,
    );
    const other = `${dataDir}-restored`;
    try {
      const out: string[] = [];
      const code = await runCli(['restore', file, '--data', other], {
        out: (text) => out.push(text),
        err: () => {},
        env: {},
        terminal: false,
      });
      expect(code).toBe(0);
      expect(out.join('')).toMatch(/^Restored: 4 articles added, 0 already there/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
