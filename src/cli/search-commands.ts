/**
 * `gazette search` and `gazette tag`: the search language and tags, through the app's use-cases
 * (the same query, evaluated by the same code, as the app's search box).
 */
import { READING_STATES, type ReadingState } from '../core/reading';
import { queryErrorMessage, queryFromFilters } from '../core/search/query';
import { snippetToPlainText } from '../core/search/snippet';
import { normalizeTag } from '../core/tags';
import { DEFAULT_SEARCH_LIMIT } from '../node/app';
import { resolveArticleId, withApp, type CommandContext } from './commands';
import { UsageError } from './usage';

/** The largest `--limit`, as the app's contract allows. */
const MAX_LIMIT = 500;

/**
 * `gazette search "<query>" [--section S] [--tag T]... [--state S] [--annotated] [--limit N] [--json]`:
 * the best matching articles first. The query is in the search language (`brexit is:unread
 * -tag:later`, see src/core/search/query/README.md); the older flags are added to it as the field
 * terms they stand for. What the query holds that is not understood is said on stderr (the search
 * runs on the rest). With `--json`: `[{ id, title, score, matches: [{ field, snippet }] }]`, each
 * snippet a plain string with the matched words between « and ».
 */
export async function searchCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1) {
    throw new UsageError(
      `search takes one query, in quotes if it has several words (got ${context.args.length}).`,
    );
  }
  const { section, tag = [], state, annotated, limit: limitText } = context.options;
  const limit = limitText === undefined ? DEFAULT_SEARCH_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit takes a whole number from 1 to ${MAX_LIMIT} (got "${limitText}").`);
  }
  if (state !== undefined && !(READING_STATES as readonly string[]).includes(state)) {
    throw new UsageError(`--state takes one of ${READING_STATES.join(', ')} (got "${state}").`);
  }
  const typed = context.args[0] ?? '';
  const flags = {
    section,
    state: state as ReadingState | undefined,
    tags: tag.map(checkedTag),
    hasAnnotations: annotated === true ? true : undefined,
  };
  // The flags as field terms after the query's own; the query as typed when there are none, so
  // that its errors point into what the reader wrote.
  const terms = queryFromFilters('', flags);
  const query = terms === '' ? typed : `${typed} ${terms}`;
  // For writing if free, so a rebuilt index is saved; read-only while the app runs.
  let announced = false;
  const { results, errors } = await withApp(
    context,
    'write-if-free',
    (app) => app.searchQuery(query, limit),
    {
      onSearchIndexProgress: (progress) => {
        if (progress.phase !== 'building' || announced || context.json) return;
        announced = true; // once, though the builder reports its start more than once
        context.err(`Building the search index (${progress.reason ?? 'missing'})…`);
      },
    },
  );
  for (const error of errors) {
    context.err(`Not understood at ${error.start + 1} ("${error.text}"): ${queryErrorMessage(error, 'en')}`);
  }
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
}

/** `gazette tag <id> [--add T]... [--remove T]...`: changes an article's tags and prints them. */
export async function tagCommand(context: CommandContext): Promise<number> {
  if (context.args.length !== 1)
    throw new UsageError(`tag takes one article id (got ${context.args.length}).`);
  const add = (context.options.add ?? []).map(checkedTag);
  const remove = (context.options.remove ?? []).map(checkedTag);
  const { id, tags } = await withApp(context, 'write', async (app) => {
    const id = resolveArticleId(app, context.args[0] ?? '');
    const tags = add.length + remove.length > 0 ? await app.setTags(id, add, remove) : await app.tags(id);
    return { id, tags };
  });
  if (context.json) context.out(JSON.stringify({ id, tags }, null, 2));
  else context.out(`${id}  ${tags.length > 0 ? tags.map((tag) => `#${tag}`).join(' ') : '(no tags)'}`);
  return 0;
}

function checkedTag(value: string): string {
  const tag = normalizeTag(value);
  if (tag === undefined) {
    throw new UsageError(`"${value}" is not a tag: use letters, digits, "-", "_" or "/", not only digits.`);
  }
  return tag;
}
