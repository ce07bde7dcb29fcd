/**
 * `gazette backup --out FILE` and `gazette restore FILE`: a full backup of the library in one JSON
 * file, and a restore from it that merges (see src/node/backup), through the app's use-cases.
 */
import { readBackupFile } from '../node/app';
import { withApp, type CommandContext } from './commands';
import { UsageError } from './usage';

/** Writes the backup. The library is opened read-only: a backup may be made while the app runs. */
export async function backupCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 0)
    throw new UsageError(`backup takes no arguments (got "${context.args[0]}"); use --out FILE.`);
  const out = context.options.out;
  if (out === undefined || out.trim() === '')
    throw new UsageError('backup needs --out FILE, the backup file to write.');
  const summary = await withApp(context, 'read', (app) => app.backup(out));
  if (context.json) context.out(JSON.stringify(summary, null, 2));
  else {
    context.out(
      `Backed up ${summary.articles} articles, ${summary.highlights} highlights and ${summary.notes} notes to ${summary.file} (${summary.bytes} bytes).`,
    );
  }
  return 0;
}

/** Merges a backup into the library (taking its lock). A bad file changes nothing and exits 1. */
export async function restoreCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1)
    throw new UsageError(`restore takes one backup file (got ${context.args.length}).`);
  // The whole file is checked before the library is even opened: a bad backup touches nothing.
  const backup = await readBackupFile(context.args[0] ?? '');
  const report = await withApp(context, 'write', async (app) => {
    // The index, if the library has one, takes in the restored articles and annotations.
    await app.openSearchIndexIfSaved();
    return app.restoreBackup(backup);
  });
  if (context.json) context.out(JSON.stringify(report, null, 2));
  else {
    context.out(
      `Restored: ${report.articlesAdded} articles added, ${report.articlesKept} already there, ${report.articlesBroughtBack} brought back; ` +
        `progress of ${report.progressRestored}; settings ${report.settingsRestored ? 'restored' : 'kept'}; ` +
        `highlights ${report.highlightsAdded} added, ${report.highlightsUpdated} updated; notes ${report.notesAdded} added, ${report.notesUpdated} updated.`,
    );
  }
  return 0;
}
