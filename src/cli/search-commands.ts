/**
 * `gazette search` and `gazette tag`: full-text search and tags, on the same services as the app.
 */
import { snippetToPlainText } from '../core/search/snippet';
import { normalizeTag, tagKey } from '../core/tags';
import { AnnotationStore } from '../node/annotations';
import { SearchIndex } from '../node/search';
import { LibraryStore, StoreLockedError } from '../node/store';
import { TagStore } from '../node/tags';
import { resolveArticleId, type CommandContext } from './commands';
import { UsageError } from './usage';

/** Articles listed when `--limit` is not given. */
const DEFAULT_LIMIT = 20;

/** Opens the library for writing (so a rebuilt index is saved), or read-only while the app runs. */
async function openForSearch(dataDir: string): Promise<LibraryStore> {
  try {
    return await LibraryStore.open(dataDir);
  } catch (error) {
    if (error instanceof StoreLockedError) return LibraryStore.open(dataDir, { readOnly: true });
    throw error;
  }
}

/**
 * `gazette search "<query>" [--section S] [--tag T]... [--limit N] [--json]`: the best matching
 * articles first. With `--json`: `[{ id, title, score, matches: [{ field, snippet }] }]`, each
 * snippet a plain string with the matched words between « and ».
 */
export async function searchCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(
      `search takes one query, in quotes if it has several words (got ${context.args.length}).`,
    );
  }
  const query = context.args[0] ?? '';
  const { section, tag = [], limit: limitText } = context.options;
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new UsageError(`--limit takes a whole number from 1 to 500 (got "${limitText}").`);
  }
  const store = await openForSearch(context.dataDir);
  try {
    const wanted = tag.map((value) => tagKey(checkedTag(value)));
    const tagged = wanted.length > 0 ? (await TagStore.open(store)).all() : {};
    const index = await SearchIndex.open(store, {
      annotations: () => AnnotationStore.open(store),
      onProgress: (progress) => {
        if (progress.phase === 'building' && progress.done === 0 && !context.json)
          context.err(`Building the search index (${progress.reason ?? 'missing'})…`);
      },
    });
    const results = await index.search({
      query,
      limit,
      accept: (meta) =>
        (section === undefined || meta.section === section) &&
        wanted.every((key) => (tagged[meta.id] ?? []).some((own) => tagKey(own) === key)),
    });
    await index.close();
    if (context.json) {
      const printed = results.map(({ id, title, score, matches }) => ({
        id,
        title,
        score,
        matches: matches.map(({ field, snippet }) => ({ field, snippet: snippetToPlainText(snippet) })),
      }));
      context.out(JSON.stringify(printed, null, 2));
    } else if (results.length === 0) {
      context.out(`Nothing matches "${query}".`);
    } else {
      for (const result of results) {
        context.out(`${result.id}  ${result.section.padEnd(10)} ${result.title}`);
        for (const match of result.matches.slice(0, 3))
          context.out(`    ${match.field.padEnd(9)} ${snippetToPlainText(match.snippet)}`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** `gazette tag <id> [--add T]... [--remove T]...`: changes an article's tags and prints them. */
export async function tagCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1)
    throw new UsageError(`tag takes one article id (got ${context.args.length}).`);
  const add = (context.options.add ?? []).map(checkedTag);
  const remove = (context.options.remove ?? []).map(checkedTag);
  const store = await LibraryStore.open(context.dataDir);
  try {
    const id = resolveArticleId(store, context.args[0] ?? '');
    const tags = await TagStore.open(store);
    const now = add.length + remove.length > 0 ? await tags.setTags(id, add, remove) : tags.get(id);
    if (context.json) context.out(JSON.stringify({ id, tags: now }, null, 2));
    else context.out(`${id}  ${now.length > 0 ? now.map((tag) => `#${tag}`).join(' ') : '(no tags)'}`);
    return 0;
  } finally {
    await store.close();
  }
}

function checkedTag(value: string): string {
  const tag = normalizeTag(value);
  if (tag === undefined) {
    throw new UsageError(`"${value}" is not a tag: use letters, digits, "-", "_" or "/", not only digits.`);
  }
  return tag;
}
