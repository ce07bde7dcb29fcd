/**
 * `gazette import <file-or-folder>...`: imports through the app's own use-case, so a large import
 * is parsed on worker threads and the search index, if the library has one, takes in the new
 * articles as the app's does.
 */
import { ParsePool } from '../node/import/parse-pool';
import { openGazetteApp } from '../node/app';
import type { CommandContext } from './commands';
import { terminalProgress } from './progress-bar';
import { UsageError } from './usage';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The parse pool of the command line: the TypeScript worker when run from sources (tsx, tests),
 * else `parse-worker.js` beside the built command line; `undefined` (parse on this thread) if the
 * build did not ship it.
 */
export function cliParsePool(): ParsePool | undefined {
  if (import.meta.url.endsWith('.ts')) return ParsePool.forSources();
  // The build writes the worker beside `gazette.js`; this module may be bundled into it or into a
  // chunk one folder below it.
  const built = ['./parse-worker.js', '../parse-worker.js']
    .map((relative) => new URL(relative, import.meta.url))
    .find((url) => existsSync(fileURLToPath(url)));
  return built ? new ParsePool(built) : undefined;
}

export async function importCommand(context: CommandContext): Promise<number> {
  if (context.args.length === 0) throw new UsageError('import needs at least one file or folder.');
  const parsePool = cliParsePool();
  const app = await openGazetteApp({ dataDir: context.dataDir, parsePool });
  try {
    await app.openSearchIndexIfSaved();
    const progress = context.json ? undefined : terminalProgress();
    const report = await app.importPaths(context.args, {
      onProgress: progress?.update,
      onReanchorFailure: ({ id, error }) =>
        context.err(`  warning    highlights of ${id} not re-anchored yet (${error})`),
    });
    progress?.finish();
    if (context.json) {
      context.out(JSON.stringify(report, null, 2));
    } else {
      context.out(
        `Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
          `duplicates ${report.duplicates.length}, skipped ${report.skipped.length}, failed ${report.failed.length}.`,
      );
      const { carried } = report;
      if (carried.articles > 0) {
        // What another reader's export brought along (Omnivore, Wallabag).
        context.out(
          `Carried from other readers: ${plural(carried.articles, 'article')}, ${plural(carried.tags, 'tag')}, ` +
            `${plural(carried.highlights, 'highlight')} (${carried.detached} detached: words not found in the text).`,
        );
      }
      if (report.linkOnly.length > 0) {
        const links = report.linkOnly.reduce((sum, entry) => sum + entry.count, 0);
        context.out(
          `Link only, no text to import: ${plural(links, 'link')} in ${plural(report.linkOnly.length, 'file')}.`,
        );
      }
      for (const { path, count } of report.linkOnly)
        context.out(`  link only  ${path}: ${plural(count, 'link')} without their text`);
      for (const { path, of } of report.duplicates) context.out(`  duplicate  ${path} (same text as ${of})`);
      for (const { path, reason } of report.skipped) context.out(`  skipped    ${path}: ${reason}`);
      for (const { path, error } of report.failed) context.err(`  failed     ${path}: ${error}`);
    }
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await app.close();
    await parsePool?.close();
  }
}

/** `1 tag`, `3 tags`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
