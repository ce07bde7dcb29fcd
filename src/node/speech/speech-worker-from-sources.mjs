// Starts the TypeScript speech worker from sources (command line, tests, benchmarks, the
// end-to-end bridge): registers tsx's loader on this thread, then loads the worker. The app runs
// the built speech-worker.js instead (electron.vite.config.ts).
import { register } from 'tsx/esm/api';

register();
await import('./speech-worker.ts');
