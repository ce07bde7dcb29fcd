/** `gazette show <id>...`: articles as they read, or their blocks as JSON. */
import type { Article } from '../core/article';
import { resolveArticleId, withApp, type CommandContext } from './commands';
import { articleMetadata } from './list-command';
import { renderArticle } from './render-article';
import { UsageError } from './usage';

/** The fields `show --json` prints for each article. */
export function showEntry(article: Article) {
  const { id, title, language, section, source, encoding, blocks } = article;
  const removed = article.removed.map(({ text, reason }) => ({ text, reason }));
  return { id, title, language, section, source, encoding, ...articleMetadata(article), blocks, removed };
}

export async function showCommand(context: CommandContext): Promise<number> {
  if (context.args.length === 0) throw new UsageError('show needs at least one article id.');
  const articles = await withApp(context, 'read', (app) =>
    Promise.all(context.args.map((arg) => app.article(resolveArticleId(app, arg)))),
  );
  if (context.json) {
    context.out(JSON.stringify(articles.map(showEntry), null, 2));
  } else {
    const width = process.stdout.columns ?? 80;
    const rendered = articles.map((article) => renderArticle(article, { width, styled: context.terminal }));
    context.out(rendered.join('\n\n\n'));
  }
  return 0;
}
