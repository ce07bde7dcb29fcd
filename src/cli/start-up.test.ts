/**
 * What `gazette` loads before it runs a command: the static import graph of the entry point and
 * of each command's module (dynamic `import()`s are left out, as they load only when reached).
 * `gazette list` must not load the search engine, the import pipeline, exports or backups.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runGazette } from './testing/run-gazette';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(path.join(SRC, '..', 'package.json'), 'utf8')) as { version: string };

/** `import ... from '...'` and `export ... from '...'`, but not `import type` / `export type`. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module `entry` loads statically: source files (relative to src) and package names. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    const relative = path.relative(SRC, file);
    if (files.has(relative)) return;
    files.add(relative);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of source.matchAll(STATIC_IMPORT)) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(
          specifier.split('/')[0]!.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : specifier.split('/')[0]!,
        );
        continue;
      }
      const target = path.resolve(path.dirname(file), specifier);
      const candidates = [`${target}.ts`, path.join(target, 'index.ts'), target];
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (found) visit(found);
    }
  };
  visit(path.join(SRC, entry));
  return { files, packages };
}

/** What running `command` loads before it does anything: the entry point's graph and the command's. */
function loadedFor(commandModule: string): { files: Set<string>; packages: Set<string> } {
  const entry = staticGraph('cli/index.ts');
  const command = staticGraph(commandModule);
  return {
    files: new Set([...entry.files, ...command.files]),
    packages: new Set([...entry.packages, ...command.packages]),
  };
}

const HEAVY_FOLDERS = [
  'node/search/',
  'node/import/',
  'node/export/',
  'node/backup/',
  'node/library/',
  'core/parse/',
];
const HEAVY_PACKAGES = ['flexsearch', 'minisearch', 'eld', 'linkedom', '@mozilla/readability'];

describe('gazette start-up', () => {
  it('loads only the parser and the command table before a command is chosen', () => {
    const { files, packages } = staticGraph('cli/index.ts');
    expect([...files].filter((file) => file.startsWith('cli/') && file.endsWith('-command.ts'))).toEqual([]);
    expect([...packages]).toEqual([]);
    expect([...files].some((file) => file.startsWith('node/store/library-store'))).toBe(false);
  });

  it('list loads no search engine, import pipeline, export or backup code', () => {
    const { files, packages } = loadedFor('cli/list-command.ts');
    expect(files.has('node/app/gazette-app.ts')).toBe(true); // the check sees the app layer
    expect([...files].filter((file) => HEAVY_FOLDERS.some((folder) => file.startsWith(folder)))).toEqual([]);
    expect([...packages].filter((name) => HEAVY_PACKAGES.includes(name))).toEqual([]);
  });

  it('search loads no import pipeline (its index is loaded when the search runs)', () => {
    const { files } = loadedFor('cli/search-commands.ts');
    expect(
      [...files].filter((file) => file.startsWith('node/import/') || file.startsWith('core/parse/')),
    ).toEqual([]);
  });

  it('prints the version of package.json', async () => {
    const run = await runGazette('/nonexistent', '--version');
    expect(run).toEqual({ code: 0, out: `gazette ${PACKAGE.version}`, err: '' });
    expect(JSON.parse((await runGazette('/nonexistent', '--version', '--json')).out)).toEqual({
      version: PACKAGE.version,
    });
  });

  it('prints the help of one command, and of all', async () => {
    for (const argv of [
      ['search', '--help'],
      ['help', 'search'],
      ['search', '-h'],
    ]) {
      const run = await runGazette('/nonexistent', ...argv);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^Usage: gazette search "<query>" \[--section S\]/);
      expect(run.out).toContain('--state takes unread');
      expect(run.out).not.toContain('highlight <id>');
      expect(run.out).toContain('--data DIR');
    }
    const all = await runGazette('/nonexistent', '--help');
    expect(all.out).toMatch(/^Usage: gazette <command> \[options\]/);
    for (const command of [
      'import',
      'list',
      'show',
      'progress',
      'highlight',
      'note',
      'annotations',
      'export',
      'backup',
      'restore',
      'search',
      'tag',
    ])
      expect(all.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    // A usage error shows the usage of the command it concerns.
    const wrong = await runGazette('/nonexistent', 'search', 'x', '--state', 'done');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--state takes one of unread, reading, finished \(got "done"\)/);
    expect(wrong.err).toContain('Usage: gazette search');
  });
});
