/**
 * The `gazette` command in-process, on a real data folder holding the seed and a few BBC
 * articles (not the whole corpus, to stay fast).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../node/store';
import { runCli } from './run-cli';

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

async function gazette(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data', dataDir], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    terminal: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface ListedEntry {
  id: string;
  title: string;
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
      ]);
      expect(entry).toMatchObject({ progress: 0, state: 'unread' });
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
      expect(run.err).toMatch(/in use by another Gazette process/);
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
