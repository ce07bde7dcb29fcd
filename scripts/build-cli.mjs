#!/usr/bin/env node
// Builds the `gazette` command line into plain JavaScript under out/cli, with Vite (the app's own
// bundler) in library mode for Node: no TypeScript loader at run time, so `gazette` starts as fast
// as Node does. `npm run build` runs it after electron-vite; `npm install` too (scripts/postinstall.mjs).
//
// out/cli/gazette.js          the entry (bin/gazette.mjs imports it); each command's module is a
//                             chunk of its own when src/cli imports it lazily
// out/cli/parse-worker.js     worker scripts, next to the entry as in out/main, for
// out/cli/search-build-worker.js   `new URL('./parse-worker.js', import.meta.url)`
//
// Dependencies stay external (read from node_modules at run time), as in the app's main bundle.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
    ssr: { target: 'node' },
  });
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) await buildCli();
