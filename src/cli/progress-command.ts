/** `gazette progress <id> --set 0.4 | --finished | --unread`: sets the reading progress of one article. */
import { readingState } from '../core/reading';
import { resolveArticleId, withApp, type CommandContext, type ProgressOptions } from './commands';
import { stateMark } from './list-command';
import { UsageError } from './usage';

/** Reads `--set`, `--finished` and `--unread`: exactly one of them, `--set` a number from 0 to 1. */
function progressChange(options: ProgressOptions): { fraction: number } | { finished: boolean } {
  const given = [options.set !== undefined, options.finished, options.unread].filter(Boolean).length;
  if (given !== 1) {
    throw new UsageError(
      `progress needs exactly one of --set <0-1>, --finished or --unread (got ${given === 0 ? 'none' : given}).`,
    );
  }
  if (options.finished) return { finished: true };
  if (options.unread) return { finished: false };
  const text = (options.set ?? '').trim();
  const fraction = Number(text);
  if (text === '' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new UsageError(
      `--set takes the fraction read, a number from 0 to 1 such as 0.4 (got "${options.set}").`,
    );
  }
  return { fraction };
}

export async function progressCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(`progress takes one article id (got ${context.args.length}).`);
  }
  // Checked before the library is opened: a usage error takes no lock.
  const change = progressChange(context.progress);
  const { id, title, progress } = await withApp(context, 'write', async (app) => {
    const id = resolveArticleId(app, context.args[0] ?? '');
    const progress =
      'fraction' in change
        ? await app.setProgressFraction(id, change.fraction)
        : await app.setFinished(id, change.finished);
    return { id, title: app.store.get(id)?.title ?? '', progress };
  });
  const entry = { id, progress: progress.fraction, state: readingState(progress) };
  if (context.json) {
    context.out(JSON.stringify(entry, null, 2));
  } else {
    const shown = entry.state === 'reading' ? `${stateMark(entry).trim()} read` : entry.state;
    context.out(`${id}  ${shown}  ${title}`);
  }
  return 0;
}
