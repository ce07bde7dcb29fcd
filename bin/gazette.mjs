#!/usr/bin/env node
// The `gazette` command: runs the TypeScript command line through tsx (a dev dependency).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
