// Starts the TypeScript search build worker from sources (command line, tests, benchmarks):
// registers tsx's loader on this thread, then loads the worker. The app runs the built
// search-build-worker.js instead (electron.vite.config.ts).
import { register } from 'tsx/esm/api';

register();
await import('./search-build-worker.ts');
