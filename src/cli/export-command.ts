/** `gazette export [<id>] --format markdown|json|w3c [--out DIR]`: to stdout, or files in DIR. */
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export';
import { resolveArticleId, withApp, type CommandContext } from './commands';
import { UsageError } from './usage';

export async function exportCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 1)
    throw new UsageError(`export takes at most one article id (got ${context.args.length}).`);
  const format = (context.options.format ?? 'markdown') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format takes one of ${EXPORT_FORMATS.join(', ')} (got "${context.options.format}").`,
    );
  }
  const out = context.options.out;
  if (out !== undefined && out.trim() === '') throw new UsageError('--out takes a folder.');
  // Read-only, so it works while the app runs; the files are written once the library is closed.
  const { files, write } = await withApp(context, 'read', async (app) => {
    const [idArg] = context.args;
    const files = await app.exportFiles(
      idArg === undefined ? undefined : resolveArticleId(app, idArg),
      format,
    );
    return { files, write: app.writeExportFiles.bind(app) };
  });
  if (out === undefined) {
    if (files.length === 0) context.err('There are no highlights or notes to export.');
    else context.out(files.map((file) => file.content.replace(/\n$/, '')).join('\n\n'));
    return 0;
  }
  const written = await write(files, path.resolve(out));
  if (context.json) context.out(JSON.stringify(written, null, 2));
  else if (written.length === 0) context.out('There are no highlights or notes to export.');
  else for (const { file } of written) context.out(`wrote ${file}`);
  return 0;
}
