#!/usr/bin/env node
// Builds the `gazette` command line into plain JavaScript under out/cli, with Vite (the app's own
// bundler) in library mode for Node: no TypeScript loader at run time, so `gazette` starts as fast
// as Node does. `npm run build` runs it after electron-vite; `npm install` too (scripts/postinstall.mjs).
//
// out/cli/gazette.js          the entry (bin/gazette.mjs imports it); each command's module is a
//                             chunk of its own when src/cli imports it lazily
// out/cli/*-<hash>.js         those chunks, in the SAME folder as the entry: code in a chunk finds
//                             the workers with `new URL('./parse-worker.js', import.meta.url)`,
//                             which from a chunks/ subfolder named a file that is not there
// out/cli/parse-worker.js     worker scripts, next to the entry as in out/main
// out/cli/search-build-worker.js
//
// Dependencies are bundled in (tree-shaken), unlike the app's main bundle: Node's ESM loader
// resolves, reads and compiles each module file on its own, and zod alone is some 80 files, which
// made most of `gazette list`'s start-up. The few packages below stay external, read from
// node_modules at run time: they load files of their own beside their code (the voice's wasm and
// data), or are large and used only by `import`, or have optional native/CJS parts a bundle gets wrong.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages read from node_modules at run time rather than bundled (see the comment above). */
export const CLI_EXTERNAL = [
  '@echogarden/espeak-ng-emscripten',
  'linkedom',
  '@mozilla/readability',
  'defuddle',
  'recheck',
  'better-sqlite3',
];

/** Where the entry lands; bin/gazette.mjs imports it. */
export const CLI_ENTRY = join(repoRoot, 'out', 'cli', 'gazette.js');

/** Builds out/cli. Throws if the build fails. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('vite');
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: quiet ? 'error' : 'info',
    // src/cli/version.ts: the bundled command line reads no package.json.
    define: { __GAZETTE_VERSION__: JSON.stringify(version) },
    build: {
      ssr: true,
      outDir: join(repoRoot, 'out', 'cli'),
      emptyOutDir: true,
      // package.json's engines: Node 20.19 and later run the command line.
      target: 'node20.19',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: {
          gazette: join(repoRoot, 'src/cli/index.ts'),
          'parse-worker': join(repoRoot, 'src/node/import/parse-worker.ts'),
          'search-build-worker': join(repoRoot, 'src/node/search/search-build-worker.ts'),
        },
        output: {
          format: 'esm',
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
    ssr: { target: 'node', noExternal: true, external: CLI_EXTERNAL },
  });
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) await buildCli();
