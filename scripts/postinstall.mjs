#!/usr/bin/env node
// `npm install`'s last step for Gazette itself. Never fails the install:
// 1. fetches Electron's binary where its download server can be reached (scripts/fetch-electron.mjs);
// 2. builds the command line into plain JavaScript (out/cli), so that `npm link` gives a `gazette`
//    that works at once (`npm run build` builds it again with the rest of the app).
import { fetchElectron } from './fetch-electron.mjs';
import { buildCli } from './build-cli.mjs';

await fetchElectron({ postinstall: true });
try {
  await buildCli({ quiet: true });
} catch (error) {
  process.stderr.write(
    `Gazette: the command line was not built (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run "npm run build".\n`,
  );
}
