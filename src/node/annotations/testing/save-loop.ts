/**
 * The child process of the annotation crash test (run with `node --import tsx save-loop.ts <dataDir>`):
 * opens the library for writing and saves highlights and notes through the real AnnotationStore
 * as fast as it can, on random articles, forever. After each save has resolved (it is on disk) it
 * prints one acknowledgement line; the parent kills it with SIGKILL at a random moment:
 *
 *   ack highlight <articleId> <highlightId>
 *   ack note <articleId> <noteId>
 *   ack update <articleId> <highlightId>        (a note changed: no count changes)
 *   begin delete <articleId> <highlightId>      (printed BEFORE a delete: the highlight may then go)
 *   ack delete <articleId> <highlightId>
 *
 * stdout is a pipe, and Node writes to pipes synchronously on Linux and macOS, so a printed line
 * reaches the parent even when the process is killed right after printing it.
 */
import { articleText } from '../../../core/annotations/article-text';
import { HIGHLIGHT_COLORS } from '../../../core/annotations/model';
import { LibraryStore } from '../../store';
import { AnnotationStore } from '../annotation-store';

const [dataDir] = process.argv.slice(2);
if (!dataDir) {
  process.stderr.write('usage: save-loop.ts <dataDir>\n');
  process.exit(2);
}

const store = await LibraryStore.open(dataDir);
const annotations = await AnnotationStore.open(store);
const articles = await Promise.all(
  store.list().map(async (meta) => ({
    id: meta.id,
    text: articleText((await store.readArticle(meta.id)).blocks).text,
  })),
);
const mine: Array<{ articleId: string; id: string }> = [];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

for (;;) {
  const roll = Math.random();
  if (roll < 0.1 && mine.length > 0) {
    const target = pick(mine);
    await annotations.updateHighlight(target.articleId, target.id, { note: `edited ${Math.random()}` });
    say(`ack update ${target.articleId} ${target.id}`);
  } else if (roll < 0.2 && mine.length > 0) {
    const index = Math.floor(Math.random() * mine.length);
    const target = mine[index]!;
    say(`begin delete ${target.articleId} ${target.id}`);
    await annotations.deleteHighlight(target.articleId, target.id);
    mine.splice(index, 1);
    say(`ack delete ${target.articleId} ${target.id}`);
  } else if (roll < 0.35) {
    const article = pick(articles);
    const note = await annotations.addNote(
      article.id,
      `A note, ${'é'.repeat(Math.floor(Math.random() * 50))}.`,
    );
    say(`ack note ${article.id} ${note.id}`);
  } else {
    const article = pick(articles);
    const start = Math.floor(Math.random() * (article.text.length - 100));
    const end = start + 5 + Math.floor(Math.random() * 80);
    const highlight = await annotations.addHighlight(article.id, {
      start,
      end,
      color: pick(HIGHLIGHT_COLORS),
      note: Math.random() < 0.5 ? '' : 'A note on it',
    });
    mine.push({ articleId: article.id, id: highlight.id });
    say(`ack highlight ${article.id} ${highlight.id}`);
  }
}
