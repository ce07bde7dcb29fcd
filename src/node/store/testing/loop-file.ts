import { z } from 'zod';

/**
 * The file the crash test writes over and over. Each version carries its number at both ends and
 * the same long list in between, so a torn or mixed file is caught, and building a version costs
 * next to nothing: the writer spends its time writing, where the kill should land.
 */
export const loopFileSchema = z.object({
  schemaVersion: z.literal(1),
  version: z.number().int().positive(),
  entries: z.array(z.string()),
  end: z.number().int().positive(),
});
export type LoopFile = z.infer<typeof loopFileSchema>;

const lists = new Map<number, string[]>();

function entryList(entries: number): string[] {
  let list = lists.get(entries);
  if (!list) {
    list = Array.from({ length: entries }, (_, index) => `entry ${index}: ${'x'.repeat(50)}`);
    lists.set(entries, list);
  }
  return list;
}

/** Version `version` of the file, with `entries` entries. */
export function loopVersion(version: number, entries: number): LoopFile {
  return { schemaVersion: 1, version, entries: entryList(entries), end: version };
}

/** True when `file` is a whole version as `loopVersion` makes it. */
export function isCompleteVersion(file: LoopFile, entries: number): boolean {
  const expected = entryList(entries);
  return (
    file.version === file.end &&
    file.entries.length === entries &&
    file.entries.every((entry, index) => entry === expected[index])
  );
}
