/**
 * `gazette reclean [<id>]`: cleans one article (or the whole library) again from its stored text
 * with the current rules, never undoing a reader's choice (a block put back stays, a block marked
 * as site text stays out); highlights follow their words. Prints what changed.
 */
import { resolveArticleId, withApp, type CommandContext } from './commands';
import { UsageError } from './usage';

export async function recleanCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 1) {
    throw new UsageError(`reclean takes at most one article id (got ${context.args.length}).`);
  }
  const report = await withApp(context, 'write', async (app) => {
    // Re-cleaned text goes into the saved search index too, as an import's does.
    await app.openSearchIndexIfSaved();
    const [given] = context.args;
    return app.reclean(given === undefined ? undefined : resolveArticleId(app, given));
  });
  if (context.json) {
    context.out(JSON.stringify(report, null, 2));
  } else {
    const { recleaned, unchanged, failed } = report;
    context.out(
      `${recleaned.length} article${recleaned.length === 1 ? '' : 's'} cleaned again, ${unchanged} unchanged` +
        (failed.length > 0 ? `, ${failed.length} left as they were:` : '.'),
    );
    for (const { id, error } of failed) context.err(`${id}  ${error}`);
  }
  return report.failed.length > 0 ? 1 : 0;
}
