/**
 * Scrapers' output and other readers' JSON exports: Trafilatura's JSON and XML, news-please's
 * JSON, JSON Lines of such records (one file, thousands of articles), and Wallabag's JSON export.
 * Each record becomes an article whose source is the file's path plus `#` and the record's key
 * (its URL, or its number when it has none), so re-importing the file finds the same articles;
 * a bad record is reported alone and the rest of the file goes on.
 */
import { z } from 'zod';
import type { ArticleMetadata, Encoding } from '../../../core/article';
import { ImportIssueError, issue, issueFromError } from '../issues';
import type { ArticleOutcome, FileOutcome, ReaderData } from '../outcome';
import { articleFromText, decodeText, MAX_ARTICLE_BYTES } from '../read-article-file';
import { extractContentArticle, isoDate, parseDocument } from './html';

/** Keys of a multi-record file: the record's URL, or its number (from 1) when it has none. */
export class RecordKeys {
  readonly #seen = new Set<string>();
  constructor(readonly path: string) {}

  /** The record's source: `path#url=<encoded URL>` or `path#record=<n>`; unique in the file. */
  source(url: string | undefined, number: number): string {
    let key = url ? `url=${encodeURIComponent(url)}` : `record=${number}`;
    // The same URL twice in one file (two captures): the later one is its own article.
    if (this.#seen.has(key)) key = `record=${number}`;
    this.#seen.add(key);
    return `${this.path}#${key}`;
  }

  /** The path a bad record is reported under. */
  recordPath(number: number): string {
    return `${this.path}#record=${number}`;
  }
}

const text = z.string();
const optionalText = z
  .union([z.string(), z.null(), z.number()])
  .optional()
  .transform((value) =>
    value === null || value === undefined ? undefined : String(value).trim() || undefined,
  );
/** A list written as an array, or as one string with `;` or `,` between the items. */
const list = z
  .union([z.array(z.union([z.string(), z.object({ label: z.string() }).loose()])), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (!value) return [];
    const items =
      typeof value === 'string'
        ? value.split(/[;,]/)
        : value.map((item) => (typeof item === 'string' ? item : item.label));
    return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
  });
const flag = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => value === true || value === 1 || value === '1' || value === 'true');

/** Trafilatura's JSON output (`trafilatura --json`). */
const trafilaturaSchema = z
  .object({
    text,
    title: optionalText,
    author: optionalText,
    date: optionalText,
    hostname: optionalText,
    sitename: optionalText,
    url: optionalText,
    source: optionalText,
    language: optionalText,
    description: optionalText,
    categories: list,
    tags: list,
  })
  .loose();

/** news-please's JSON output. */
const newsPleaseSchema = z
  .object({
    maintext: text,
    title: optionalText,
    date_publish: optionalText,
    date_modify: optionalText,
    authors: list,
    source_domain: optionalText,
    url: optionalText,
    language: optionalText,
    description: optionalText,
  })
  .loose();

/** One entry of Wallabag's JSON export. */
const wallabagSchema = z
  .object({
    content: text,
    title: optionalText,
    url: optionalText,
    given_url: optionalText,
    domain_name: optionalText,
    language: optionalText,
    published_at: optionalText,
    published_by: list,
    created_at: optionalText,
    is_archived: flag,
    is_starred: flag,
    tags: list,
    annotations: z
      .array(z.object({ quote: z.string(), text: optionalText, created_at: optionalText }).loose())
      .nullish()
      .transform((value) => value ?? []),
  })
  .loose();

type RecordFormat = 'Trafilatura' | 'news-please' | 'Wallabag';

/** Which schema a record follows, by the field holding its text. */
function recordFormat(record: unknown): RecordFormat | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  if ('maintext' in record) return 'news-please';
  if ('content' in record && ('is_archived' in record || 'annotations' in record || 'given_url' in record))
    return 'Wallabag';
  if ('text' in record) return 'Trafilatura';
  if ('content' in record) return 'Wallabag';
  return null;
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'not a record';
  const where = first.path.length > 0 ? `field "${first.path.join('.')}"` : 'the record';
  return first.code === 'invalid_type' && first.input === undefined
    ? `${where} is missing`
    : `${where}: ${first.message}`;
}

/** One record as an article outcome. @throws ImportIssueError for a record without text. */
function recordArticle(
  record: unknown,
  format: RecordFormat,
  keys: RecordKeys,
  number: number,
  encoding: Encoding,
): ArticleOutcome {
  const bad = (detail: string): ImportIssueError =>
    new ImportIssueError('bad-record', { format, record: number, detail });
  if (format === 'Wallabag') {
    const parsed = wallabagSchema.safeParse(record);
    if (!parsed.success) throw bad(describeZodError(parsed.error));
    const entry = parsed.data;
    const url = entry.url ?? entry.given_url;
    const metadata: ArticleMetadata = clean({
      url,
      site: entry.domain_name,
      author: entry.published_by.join(', ') || undefined,
      publishedAt: isoDate(entry.published_at),
    });
    const readerData: ReaderData = {
      state: entry.is_archived ? 'finished' : 'unread',
      starred: entry.is_starred,
      tags: entry.tags,
      highlights: entry.annotations
        .filter((annotation) => annotation.quote.trim())
        .map((annotation) =>
          clean({
            quote: annotation.quote.trim(),
            note: annotation.text,
            createdAt: isoDate(annotation.created_at),
          }),
        ),
      ...clean({ savedAt: isoDate(entry.created_at) }),
    };
    return extractContentArticle(keys.path, keys.source(url, number), entry.content, encoding, {
      title: entry.title,
      metadata,
      readerData,
      format: 'Wallabag entry',
      ...clean({ language: entry.language }),
    });
  }
  if (format === 'news-please') {
    const parsed = newsPleaseSchema.safeParse(record);
    if (!parsed.success) throw bad(describeZodError(parsed.error));
    const entry = parsed.data;
    const metadata = clean({
      url: entry.url,
      site: entry.source_domain,
      author: entry.authors.join(', ') || undefined,
      publishedAt: isoDate(entry.date_publish),
      modifiedAt: isoDate(entry.date_modify),
      description: entry.description,
    });
    return textRecord(keys, number, entry.title, entry.maintext, encoding, metadata, entry.language);
  }
  const parsed = trafilaturaSchema.safeParse(record);
  if (!parsed.success) throw bad(describeZodError(parsed.error));
  const entry = parsed.data;
  const tags = [...entry.categories, ...entry.tags];
  const metadata = clean({
    url: entry.url ?? entry.source,
    site: entry.sitename ?? entry.hostname,
    author: entry.author?.replace(/;\s*/g, ', '),
    publishedAt: isoDate(entry.date),
    description: entry.description,
    suggestedTags: tags.length > 0 ? tags : undefined,
  });
  return textRecord(keys, number, entry.title, entry.text, encoding, metadata, entry.language);
}

function textRecord(
  keys: RecordKeys,
  number: number,
  title: string | undefined,
  body: string,
  encoding: Encoding,
  metadata: ArticleMetadata,
  language: string | undefined,
): ArticleOutcome {
  if (body.length > MAX_ARTICLE_BYTES) {
    throw new ImportIssueError('bad-record', {
      format: 'article',
      record: number,
      detail: 'its text is over the 5 MiB limit for an article',
    });
  }
  // The cleaner reads the title from the first line, as for a text file.
  const fullText = title ? `${title.replace(/\s+/g, ' ')}\n\n${body}` : body;
  return articleFromText(
    keys.path,
    keys.source(metadata.url, number),
    fullText.normalize('NFC'),
    encoding,
    metadata,
    {
      ...(language ? { language } : {}),
    },
  );
}

/** `object` without its undefined fields. */
function clean<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as never;
}

/** Outcomes of `records` (a JSON array, or JSON Lines), each reported alone when bad. */
function recordOutcomes(
  records: Iterable<{ number: number; value: unknown; error?: string }>,
  keys: RecordKeys,
  encoding: Encoding,
  onRecord: () => void,
  fileFormat: string,
): FileOutcome[] {
  const outcomes: FileOutcome[] = [];
  for (const { number, value, error } of records) {
    onRecord();
    if (error !== undefined) {
      outcomes.push({
        kind: 'failed',
        path: keys.recordPath(number),
        ...issue('bad-record', { format: fileFormat, record: number, detail: error }),
      });
      continue;
    }
    const format = recordFormat(value);
    try {
      if (!format) {
        throw new ImportIssueError('bad-record', {
          format: fileFormat,
          record: number,
          detail: 'not an article record (no "text", "maintext" or "content" field)',
        });
      }
      outcomes.push(recordArticle(value, format, keys, number, encoding));
    } catch (caught) {
      const found = issueFromError(caught);
      // "title-only", "blank"... of a record: say which record.
      const recordIssue =
        found.code === 'bad-record'
          ? found
          : issue('bad-record', { format: format ?? fileFormat, record: number, detail: found.error });
      outcomes.push({ kind: 'failed', path: keys.recordPath(number), ...recordIssue });
    }
  }
  return outcomes;
}

/** A JSON file: one record, or an array of records (Wallabag's export is one). */
export function readJsonFile(path: string, bytes: Uint8Array, onRecord: () => void): FileOutcome[] {
  const { text: json, encoding } = decodeText(bytes);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ImportIssueError('unsupported-format', {
      detail: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const records = Array.isArray(value) ? value : [value];
  if (records.length > 0 && !records.some((record) => recordFormat(record))) {
    throw new ImportIssueError('unsupported-format', {
      detail: 'a JSON file that holds no articles (no "text", "maintext" or "content" field)',
    });
  }
  return recordOutcomes(
    records.map((record, index) => ({ number: index + 1, value: record })),
    new RecordKeys(path),
    encoding,
    onRecord,
    'JSON',
  );
}

/** A JSON Lines file: one record per line; a line that is not JSON is reported alone. */
export function readJsonLinesFile(path: string, bytes: Uint8Array, onRecord: () => void): FileOutcome[] {
  const { text: lines, encoding } = decodeText(bytes);
  function* records(): Generator<{ number: number; value: unknown; error?: string }> {
    let number = 0;
    let start = 0;
    while (start <= lines.length) {
      let end = lines.indexOf('\n', start);
      if (end === -1) end = lines.length;
      const line = lines.slice(start, end).trim();
      start = end + 1;
      if (!line) continue;
      number += 1;
      try {
        yield { number, value: JSON.parse(line) };
      } catch (error) {
        yield {
          number,
          value: null,
          error: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        };
      }
    }
  }
  const outcomes = recordOutcomes(records(), new RecordKeys(path), encoding, onRecord, 'JSON Lines');
  if (outcomes.length === 0) throw new ImportIssueError('empty');
  return outcomes;
}

/** Trafilatura's XML (`trafilatura --xml`): one `<doc>` or many, `<main>` holding the text. */
export function readTrafilaturaXml(path: string, bytes: Uint8Array, onRecord: () => void): FileOutcome[] {
  const { text: xml, encoding } = decodeText(bytes);
  // linkedom's HTML parser reads this well-formed XML as elements with lower-case names; the
  // XML parser would refuse a whole file for one stray `&`.
  const document = parseDocument(`<html><body>${xml.replace(/<\?xml[^>]*\?>/, '')}</body></html>`);
  const docs = Array.from(document.querySelectorAll('doc'));
  if (docs.length === 0) {
    throw new ImportIssueError('unsupported-format', {
      detail: 'an XML file without Trafilatura’s <doc> element',
    });
  }
  const keys = new RecordKeys(path);
  const outcomes: FileOutcome[] = [];
  docs.forEach((doc, index) => {
    onRecord();
    const number = index + 1;
    const attribute = (name: string): string | undefined => doc.getAttribute(name)?.trim() || undefined;
    const main = doc.querySelector('main');
    const lines: string[] = [];
    for (const element of main ? Array.from(main.querySelectorAll('head, p, item, quote, cell')) : []) {
      // Only leaves: a <quote> holding <p>s gives its paragraphs once.
      if (element.querySelector('p, item, head')) continue;
      const line = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (line) lines.push(element.tagName === 'ITEM' ? `- ${line}` : line);
    }
    const tags = [attribute('categories'), attribute('tags')].flatMap((value) => value?.split(/[;,]/) ?? []);
    const metadata = clean({
      url: attribute('url') ?? attribute('source'),
      site: attribute('sitename') ?? attribute('hostname'),
      author: attribute('author')?.replace(/;\s*/g, ', '),
      publishedAt: isoDate(attribute('date')),
      description: attribute('excerpt') ?? attribute('description'),
      suggestedTags:
        tags.map((tag) => tag.trim()).filter(Boolean).length > 0
          ? tags.map((tag) => tag.trim()).filter(Boolean)
          : undefined,
    });
    try {
      if (lines.length === 0) throw new ImportIssueError('no-article-found', { format: 'record' });
      outcomes.push(
        textRecord(
          keys,
          number,
          attribute('title'),
          lines.join('\n'),
          encoding,
          metadata,
          attribute('language'),
        ),
      );
    } catch (error) {
      const found = issueFromError(error);
      outcomes.push({
        kind: 'failed',
        path: keys.recordPath(number),
        ...issue('bad-record', { format: 'Trafilatura XML', record: number, detail: found.error }),
      });
    }
  });
  return outcomes;
}
