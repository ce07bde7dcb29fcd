/**
 * A child process for the store's crash and lock tests (run with `node --import tsx child.ts`):
 * - `write-loop <file> <entries>`: writes versions 1, 2, 3… of a big file through DurableJsonFile
 *   forever, printing `wrote <n>` once each is on disk; the test kills it at a random moment.
 * - `hold-lock <dataDir>`: opens the library for writing, prints `locked`, and waits to be killed.
 */
import { DurableJsonFile } from '../durable-json-file';
import { LibraryStore } from '../library-store';
import { loopFileSchema, loopVersion } from './loop-file';

const [mode, target, extra] = process.argv.slice(2);

if (mode === 'write-loop' && target) {
  const entries = Number(extra ?? '20000');
  const file = new DurableJsonFile(target, {
    schema: loopFileSchema,
    schemaVersion: 1,
    validateOnWrite: false,
  });
  const start = ((await file.read())?.version ?? 0) + 1;
  for (let version = start; ; version += 1) {
    await file.write(loopVersion(version, entries));
    process.stdout.write(`wrote ${version}\n`);
  }
} else if (mode === 'hold-lock' && target) {
  await LibraryStore.open(target);
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
} else {
  process.stderr.write('usage: child.ts write-loop <file> <entries> | hold-lock <dataDir>\n');
  process.exit(2);
}
