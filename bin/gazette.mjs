#!/usr/bin/env node
// The `gazette` command (npm link / npm install -g .): runs the command line built into plain
// JavaScript by `npm run build` (scripts/build-cli.mjs), with no TypeScript loader at run time.
// From the sources, during development: `npm run gazette -- <command>`.
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/gazette.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'gazette is not built yet: run "npm run build" (or "npm run build:cli") in Gazette’s folder.\n',
  );
  process.exit(2);
}
await import(entry.href);
