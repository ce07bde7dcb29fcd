import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runGazette } from './testing/run-gazette';

const FIXTURE = path.resolve(import.meta.dirname, '../../tests/fixtures/library-v1/data');
let dataDir: string;
beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'gazette-repair-cli-')), 'data');
  await cp(FIXTURE, dataDir, { recursive: true });
});
afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

it('gazette list refuses a folder that lost its library.json, and gazette repair rebuilds it', async () => {
  await rm(path.join(dataDir, 'library.json'));
  const refused = await runGazette(dataDir, 'list');
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/library\.json is missing, but the folder still holds .*"gazette repair"/);
  expect(await readdir(dataDir)).not.toContain('library.json');

  const repaired = await runGazette(dataDir, 'repair');
  expect(repaired.code, repaired.err).toBe(0);
  expect(repaired.out).toMatch(/Rebuilt the library .* from 1 body pack: 4 articles back/);
  const listed = await runGazette(dataDir, 'list', '--json');
  expect(listed.code).toBe(0);
  const entries = JSON.parse(listed.out) as Array<{ id: string; progress: number; highlights: number }>;
  expect(entries).toHaveLength(4);
  expect(entries.find((entry) => entry.id === '46aacdb43e01')).toMatchObject({
    progress: 0.4,
    highlights: 1,
  });

  // Nothing to repair now: refused, exit 1.
  const again = await runGazette(dataDir, 'repair');
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/repairs only a missing one/);
});
