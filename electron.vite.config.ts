import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Parses large imports on worker threads (see src/node/import/parse-pool.ts).
          'parse-worker': resolve('src/node/import/parse-worker.ts'),
          // Builds the search index off the main thread (see src/node/search/build-in-worker.ts).
          'search-build-worker': resolve('src/node/search/search-build-worker.ts'),
          // Read-aloud's shipped voice (see src/node/speech/speech-synthesizer.ts).
          'speech-worker': resolve('src/node/speech/speech-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload is run as a classic script: it must be CommonJS, whatever
        // package.json's "type" says (Electron's ESM guide, "Preload scripts").
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [svelte()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
