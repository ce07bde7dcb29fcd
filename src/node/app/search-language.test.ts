/**
 * The application layer's search-language methods (`searchQuery`, `queryIds`, `relatedArticles`)
 * on real BBC articles in a temporary data folder: field terms read the same progress, tags and
 * annotations the library shows, malformed queries answer with errors, pages do not overlap.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForSource } from '../store';
import { openGazetteApp, type GazetteApp } from './index';

const BBC = fileURLToPath(new URL('../../../tests/fixtures/bbc-news', import.meta.url));
const number = (n: number): string => `${String(n).padStart(3, '0')}.txt`;
const POLITICS = Array.from({ length: 12 }, (_, i) => path.join(BBC, 'politics', number(i + 1)));
const SPORT = Array.from({ length: 6 }, (_, i) => path.join(BBC, 'sport', number(i + 1)));
const idOf = (file: string): string => articleIdForSource(file);

let dataDir: string;
let app: GazetteApp;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gazette-search-language-'));
  app = await openGazetteApp({ dataDir });
  const report = await app.importPaths([...POLITICS, ...SPORT]);
  expect(report.failed).toEqual([]);
  await app.setTags(idOf(POLITICS[0]!), ['later'], []);
  await app.setTags(idOf(POLITICS[1]!), ['Later', 'eu'], []);
  await app.setFinished(idOf(POLITICS[2]!), true);
}, 60_000);

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const ids = async (query: string): Promise<string[]> => (await app.queryIds(query)).ids;
const sorted = (list: string[]): string[] => [...list].sort();

describe('GazetteApp.searchQuery and queryIds', () => {
  it('tests field terms on the library as the library shows it', async () => {
    expect(sorted(await ids('section:sport'))).toEqual(sorted(SPORT.map(idOf)));
    expect(sorted(await ids('tag:later'))).toEqual(sorted([idOf(POLITICS[0]!), idOf(POLITICS[1]!)]));
    expect(await ids('is:finished')).toEqual([idOf(POLITICS[2]!)]);
    const unreadNotLater = await ids('section:politics is:unread -tag:later');
    expect(sorted(unreadNotLater)).toEqual(sorted(POLITICS.slice(3).map(idOf)));
    // Never triaged: every article is in the inbox.
    expect((await ids('is:inbox')).length).toBe(POLITICS.length + SPORT.length);
    expect(await ids('is:archive')).toEqual([]);
  });

  it('finds an article by the words of its title, with and without field terms', async () => {
    const file = POLITICS[4]!;
    const title = (await readFile(file, 'utf8')).split('\n')[0]!.trim();
    const words = title.split(/\s+/).slice(0, 4).join(' ');
    const answer = await app.searchQuery(words);
    expect(answer.errors).toEqual([]);
    expect(answer.results.map((result) => result.id).slice(0, 10)).toContain(idOf(file));
    expect(answer.results[0]?.matches.length).toBeGreaterThan(0);
    const elsewhere = await app.searchQuery(`${words} section:sport`);
    expect(elsewhere.results.map((result) => result.id)).not.toContain(idOf(file));
  });

  it('answers a malformed query with its errors and searches what it understood', async () => {
    const answer = await app.searchQuery('section:sport colour:red (');
    expect(answer.errors.length).toBeGreaterThan(0);
    for (const error of answer.errors) {
      expect(error.start).toBeGreaterThanOrEqual(0);
      expect(error.end).toBeGreaterThan(error.start);
      expect(typeof error.code).toBe('string');
    }
    expect(sorted(answer.results.map((result) => result.id))).toEqual(sorted(SPORT.map(idOf)));
    expect((await app.queryIds('tag:')).errors.length).toBeGreaterThan(0);
  });

  it('pages without overlap, and says when more follow', async () => {
    const all = await ids('section:politics');
    const first = await app.searchQuery('section:politics', 5, 0);
    const second = await app.searchQuery('section:politics', 5, 5);
    const last = await app.searchQuery('section:politics', 5, 10);
    expect(first.more).toBe(true);
    expect(last.more).toBe(false);
    const paged = [...first.results, ...second.results, ...last.results].map((result) => result.id);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(POLITICS.length);
  });
});

describe('GazetteApp.relatedArticles', () => {
  it('lists five other articles, the same section first for a political story', async () => {
    const id = idOf(POLITICS[5]!);
    const related = await app.relatedArticles(id);
    expect(related.length).toBe(5);
    expect(related.map((article) => article.id)).not.toContain(id);
    expect(new Set(related.map((article) => article.id)).size).toBe(5);
    // Politics shares its vocabulary (government, minister, election) more than sport does.
    expect(related.filter((article) => article.section === 'politics').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown article', async () => {
    await expect(app.relatedArticles('0000000000000000')).rejects.toThrow();
  });
});
