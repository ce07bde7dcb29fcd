/**
 * `gazette repair`: rebuilds a missing library.json from the article bodies (`repairLibrary`,
 * src/node/store/repair-library.ts). Refuses, changing nothing, when library.json is there.
 */
// Imported from its module, not the store's index, so other commands never load the repair code.
import { repairLibrary } from '../node/store/repair-library';
import type { CommandContext } from './commands';
import { UsageError } from './usage';

export async function repairCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 0) throw new UsageError(`repair takes no arguments (got "${context.args[0]}").`);
  const report = await repairLibrary(context.dataDir);
  if (context.json) {
    context.out(JSON.stringify(report, null, 2));
  } else {
    const lines = [
      `Rebuilt the library at ${context.dataDir} from ${report.packs} body pack${report.packs === 1 ? '' : 's'}: ${report.articles} article${report.articles === 1 ? '' : 's'} back, with their progress, highlights, notes and tags.`,
    ];
    if (report.rebuiltFromText > 0) {
      lines.push(
        `${report.rebuiltFromText} of them were stored by an older Gazette without their details: their title and counts were rebuilt from their text, and their section is "repaired". Import their files again to get them back as they were.`,
      );
    }
    if (report.damagedLines > 0)
      lines.push(`${report.damagedLines} damaged line(s) of the packs were skipped.`);
    for (const { pack, error } of report.unreadablePacks)
      lines.push(`Pack ${pack} could not be read: ${error}`);
    context.out(lines.join('\n'));
  }
  return report.damagedLines > 0 || report.unreadablePacks.length > 0 ? 1 : 0;
}
