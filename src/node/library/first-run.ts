/**
 * The app's first run: import the articles bundled in `seeds/` once, and remember it, so a
 * reader who removes them later does not get them back on the next start.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { ImportReport } from '../../core/import-report';
import type { LibraryStore } from '../store';
import { importIntoLibrary } from './import-into-library';

const appStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** When the bundled seeds were imported (ISO 8601), or null before the first run. */
  seedsImportedAt: z.string().nullable(),
});
type AppState = z.infer<typeof appStateSchema>;

/** Imports `seedsDir` if this data folder never had its seeds; returns the report, or null. */
export async function importSeedsOnFirstRun(
  store: LibraryStore,
  seedsDir: string,
): Promise<ImportReport | null> {
  const state = await store.openUserFile<AppState>('app-state', appStateSchema, {
    schemaVersion: 1,
    seedsImportedAt: null,
  });
  if (state.data.seedsImportedAt !== null || !existsSync(seedsDir)) return null;
  const report = await importIntoLibrary(store, [seedsDir]);
  state.data.seedsImportedAt = new Date().toISOString();
  await state.write();
  return report;
}
