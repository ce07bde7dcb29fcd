#!/usr/bin/env node
// The `gazette` command (npm link / npm install -g .): runs the command line built into plain
// JavaScript by `npm run build` (scripts/build-cli.mjs), with no TypeScript loader at run time.
// From the sources, during development: `npm run gazette -- <command>`.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the modules on disk between runs (a no-op where
// it cannot, and absent on Node 20, where the bundle in out/cli is what keeps start-up short).
module.enableCompileCache?.();

const entry = new URL('../out/cli/gazette.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'gazette is not built yet: run "npm run build" (or "npm run build:cli") in Gazette’s folder.\n',
  );
  process.exit(2);
}
// `gazette list | head`: the reader closed the pipe; that is the end of the output, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
await import(entry.href);
