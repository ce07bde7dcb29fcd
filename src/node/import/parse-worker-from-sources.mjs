// Starts the TypeScript parse worker from sources (command line, benchmarks): registers tsx's
// loader on this thread, then loads the worker. The app runs the built parse-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
