/**
 * Lines that are the article's metadata rather than its text: a date line (`Publié le 12 août
 * 2016 à 10h32 | Mis à jour le…`, `Published 3 March 2021`, `Aktualisiert am 13.08.2016`), a byline
 * (`By Jane Smith`, `Par Jean Dupont`, `Von…`, `Por…`) and a tags line (`Tags: Syrie, Russie`).
 * Parsed token by token in code, with start-anchored keyword patterns from each language's data:
 * a line is metadata only when every token of it is understood, so a sentence is never taken.
 */
import type { ArticleMetadata } from '../article';
import type { BoilerplateRules, MetadataWords } from './rules/types';

/** Metadata lines are short; longer lines are never parsed. */
const MAX_METADATA_CHARS = 200;

/** Separators between the parts of a combined line: `By Jane Smith | 3 March 2021 · 5 min read`. */
const SEGMENT_SEPARATOR = /\s[|·•–—-]\s|\s?[|·•]\s?/u;

interface MergedWords {
  list: MetadataWords[];
  months: Map<string, number>;
  dateWords: Set<string>;
  joiners: Set<string>;
  particles: Set<string>;
}

const merged = new WeakMap<BoilerplateRules, MergedWords>();

function wordsOf(rules: BoilerplateRules): MergedWords {
  let words = merged.get(rules);
  if (!words) {
    words = { list: [], months: new Map(), dateWords: new Set(), joiners: new Set(), particles: new Set() };
    for (const language of Object.values(rules)) {
      const metadata = language.metadata;
      if (!metadata) continue;
      words.list.push(metadata);
      for (const [name, month] of Object.entries(metadata.months)) words.months.set(name, month);
      for (const word of metadata.dateWords) words.dateWords.add(word);
      for (const word of metadata.nameJoiners) words.joiners.add(word);
      for (const word of metadata.nameParticles) words.particles.add(word);
    }
    merged.set(rules, words);
  }
  return words;
}

/** What a metadata line said. */
export interface MetadataLine {
  metadata: ArticleMetadata;
  /**
   * The line is a date alone, with no keyword ("12 March 2021"): the article's date in the
   * head, but in the tail more likely a related post's date.
   */
  dateOnly: boolean;
}

/**
 * The metadata one line gives, or null when the line is not a metadata line (a date line, a
 * byline, a tags line, or several of these joined by `|`, `·` or a dash, or a date followed by
 * a byline: `Posted on 3 March 2021 by Jane Smith`).
 */
export function parseMetadataLine(line: string, rules: BoilerplateRules): MetadataLine | null {
  if (line.length > MAX_METADATA_CHARS) return null;
  const words = wordsOf(rules);
  if (words.list.length === 0) return null;

  const tags = parseTags(line, words);
  if (tags) return { metadata: { suggestedTags: tags }, dateOnly: false };

  const found: ArticleMetadata = {};
  let dateOnly = true;
  const segments = line
    .split(SEGMENT_SEPARATOR)
    .map((segment) => segment.trim())
    .filter(Boolean);
  let understood = 0;
  for (const [index, segment] of segments.entries()) {
    const dates = parseDateSegment(segment, words);
    if (dates) {
      if (dates.publishedAt && !found.publishedAt) found.publishedAt = dates.publishedAt;
      if (dates.modifiedAt && !found.modifiedAt) found.modifiedAt = dates.modifiedAt;
      if (dates.keyword) dateOnly = false;
      understood++;
      continue;
    }
    const byline = parseByline(segment, words) ?? parseDateThenByline(segment, words);
    if (byline) {
      if (!found.author) found.author = byline.author;
      if (byline.publishedAt && !found.publishedAt) found.publishedAt = byline.publishedAt;
      dateOnly = false;
      understood++;
      continue;
    }
    if (isReadingTime(segment)) {
      understood++;
      continue;
    }
    // A publication's name beside a byline (`By Jane Smith | BBC News`): allowed, not kept.
    if (index > 0 && found.author && isNameLike(segment, words, 1)) {
      understood++;
      continue;
    }
    return null;
  }
  if (understood === 0 || (!found.author && !found.publishedAt && !found.modifiedAt)) return null;
  return { metadata: found, dateOnly };
}

/** `3 March 2021 by Jane Smith`, `Publié le 12 août 2016 par Jean Dupont`: a date, then a byline. */
function parseDateThenByline(
  segment: string,
  words: MergedWords,
): { author: string; publishedAt?: string } | null {
  for (let space = segment.indexOf(' '); space > 0; space = segment.indexOf(' ', space + 1)) {
    const rest = segment.slice(space + 1);
    if (!words.list.some((metadata) => metadata.byline.test(rest))) continue;
    const dates = parseDateSegment(segment.slice(0, space), words);
    const byline = parseByline(rest, words);
    if (!dates || !byline) continue;
    const publishedAt = dates.publishedAt ?? dates.modifiedAt;
    return publishedAt ? { author: byline.author, publishedAt } : byline;
  }
  return null;
}

const READING_TIME =
  /^\d{1,3}\s?(?:min|mins|minutes?|minuten|minutos)\.?(?:\s(?:read|de lecture|lesezeit|de lectura))?$/iu;
function isReadingTime(segment: string): boolean {
  return READING_TIME.test(segment);
}

function parseTags(line: string, words: MergedWords): string[] | null {
  for (const metadata of words.list) {
    const match = metadata.tags.exec(line);
    if (!match) continue;
    const rest = line.slice(match[0].length);
    const tags = rest
      .split(TAG_SEPARATOR)
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0 && tag.length <= 50);
    if (tags.length === 0 || tags.some((tag) => tag.split(' ').length > 5)) return null;
    return tags;
  }
  return null;
}
const TAG_SEPARATOR = /[,;|·•#]/u;

interface FoundDates {
  publishedAt?: string;
  modifiedAt?: string;
  /** A keyword (published, updated...) introduced a date. */
  keyword?: boolean;
}

/** One token of a date line. Punctuation around it is dropped, `10h32` and `2016-08-12` kept whole. */
function tokens(text: string): string[] {
  return text
    .split(DATE_TOKEN_SEPARATOR)
    .map((token) => token.replace(TOKEN_TRIM, ''))
    .filter(Boolean);
}
const DATE_TOKEN_SEPARATOR = /[\s,;()]+/u;
/** A point or colon closing a token: `12.`, `Jan.`, `le:`. Anchored at the end of a short token. */
const TOKEN_TRIM = /^[.:]|[.:]$/gu;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/u;
const NUMERIC_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/u;
const TIME = /^(\d{1,2})[:h](\d{2})?$/iu;
const DAY = /^(\d{1,2})(?:st|nd|rd|th|er|e|º)?$/iu;
const YEAR = /^(?:19|20)\d\d$/u;

/** A date segment: an optional keyword (published or updated) then a date, and nothing else. */
function parseDateSegment(segment: string, words: MergedWords, timeAlone = false): FoundDates | null {
  let field: 'publishedAt' | 'modifiedAt' = 'publishedAt';
  let sawKeyword = false;
  let sawTime = false;
  let rest = segment;
  const found: FoundDates = {};
  let current: DateParts = {};
  let any = false;

  const flush = (): boolean => {
    if (current.year === undefined && current.month === undefined && current.day === undefined) return true;
    const iso = toIso(current);
    if (!iso) return false;
    found[field] ??= iso;
    any = true;
    current = {};
    return true;
  };

  // Keywords may start the segment or follow a date (`3 March 2021, updated 4 March`).
  for (let guard = 0; rest && guard < 40; guard++) {
    const keyword = matchKeyword(rest, words);
    if (keyword) {
      if (!flush()) return null;
      field = keyword.field;
      sawKeyword = true;
      rest = rest.slice(keyword.length).trimStart();
      continue;
    }
    const space = rest.search(TOKEN_END);
    const head = space < 0 ? rest : rest.slice(0, space);
    rest = space < 0 ? '' : rest.slice(space + 1).trimStart();
    for (const token of tokens(head)) {
      if (!readDateToken(token.toLowerCase(), current, words)) return null;
    }
    if (current.hour !== undefined) sawTime = true;
  }
  if (rest) return null;
  // A time alone (`at 10:42 AM` after a byline) is understood, though it gives no date.
  if (
    timeAlone &&
    sawTime &&
    current.year === undefined &&
    current.month === undefined &&
    current.day === undefined
  ) {
    return { keyword: sawKeyword };
  }
  if (!flush()) return null;
  return any ? { ...found, keyword: sawKeyword } : null;
}
const TOKEN_END = /[\s,;]/u;

function matchKeyword(
  text: string,
  words: MergedWords,
): { field: 'publishedAt' | 'modifiedAt'; length: number } | null {
  for (const metadata of words.list) {
    const updated = metadata.updated.exec(text);
    if (updated) return { field: 'modifiedAt', length: updated[0].length };
    const published = metadata.published.exec(text);
    if (published) return { field: 'publishedAt', length: published[0].length };
  }
  return null;
}

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
}

/** Reads one token into the date being built; false when the token has no place in a date. */
function readDateToken(token: string, date: DateParts, words: MergedWords): boolean {
  const iso = ISO_DATE.exec(token);
  if (iso) {
    Object.assign(date, { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! });
    if (iso[4]) Object.assign(date, { hour: +iso[4], minute: +iso[5]! });
    return true;
  }
  const numeric = NUMERIC_DATE.exec(token);
  if (numeric) {
    // Day first, as in French, German, Spanish and British English; month first only when the
    // first number cannot be a month... and the second cannot be one either way.
    let [day, month] = [+numeric[1]!, +numeric[2]!];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    Object.assign(date, { day, month, year: +numeric[3]! });
    return true;
  }
  const month = words.months.get(token);
  if (month !== undefined && date.month === undefined) {
    date.month = month;
    return true;
  }
  if (YEAR.test(token) && date.year === undefined) {
    date.year = +token;
    return true;
  }
  const time = TIME.exec(token);
  if (time && (token.includes(':') || token.includes('h')) && date.hour === undefined) {
    date.hour = +time[1]!;
    date.minute = time[2] ? +time[2] : 0;
    return true;
  }
  const day = DAY.exec(token);
  if (day && date.day === undefined && +day[1]! >= 1 && +day[1]! <= 31) {
    date.day = +day[1]!;
    return true;
  }
  return words.dateWords.has(token);
}

/** `2016-08-12`, or `2016-08-12T10:32` when the time is known; null when the date is incomplete. */
function toIso(date: DateParts): string | null {
  const { year, month, day } = date;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const text = `${year}-${pad(month)}-${pad(day)}`;
  if (date.hour === undefined || date.hour > 23 || (date.minute ?? 0) > 59) return text;
  return `${text}T${pad(date.hour)}:${pad(date.minute ?? 0)}`;
}

/**
 * A byline: the language's prefix, then one or more names, then maybe `, role`, a date or a
 * time (`By Jane Smith, BBC News`, `Posted by Jane Smith at 10:42 AM`).
 */
function parseByline(segment: string, words: MergedWords): { author: string; publishedAt?: string } | null {
  for (const metadata of words.list) {
    const match = metadata.byline.exec(segment);
    if (!match) continue;
    const rest = segment.slice(match[0].length).trim();
    const comma = rest.indexOf(',');
    let names = comma < 0 ? rest : rest.slice(0, comma).trim();
    let tail = comma < 0 ? '' : rest.slice(comma + 1).trim();
    if (!isNameList(names, words)) {
      // The names may run into a date or a time without a comma: `by Jane Smith at 10:42 AM`.
      const parts = names.split(' ');
      let cut = parts.length - 1;
      while (cut >= 2 && !isNameList(parts.slice(0, cut).join(' '), words)) cut--;
      if (cut < 2) return null;
      names = parts.slice(0, cut).join(' ');
      tail = [parts.slice(cut).join(' '), tail].filter(Boolean).join(', ');
      if (!parseDateSegment(tail, words, true)) return null;
    }
    // What follows a comma is a role or a publication (`BBC News`), or a date.
    let publishedAt: string | undefined;
    if (tail) {
      const dates = parseDateSegment(tail, words, true);
      if (dates) publishedAt = dates.publishedAt ?? dates.modifiedAt;
      else if (tail.length > 60) return null;
    }
    return publishedAt ? { author: names, publishedAt } : { author: names };
  }
  return null;
}

/** `Jane Smith`, `Jean Dupont et Marie Curie`: names joined by the languages' joiners. */
function isNameList(text: string, words: MergedWords): boolean {
  if (!text || text.length > 80) return false;
  const parts: string[][] = [[]];
  for (const word of text.split(' ')) {
    if (words.joiners.has(word.toLowerCase())) parts.push([]);
    else if (word) parts[parts.length - 1]!.push(word);
  }
  return parts.every((part) => isNameLike(part.join(' '), words, 2));
}

/** Two to five words, each capitalised or a particle such as `de` or `van`, first one capitalised. */
function isNameLike(text: string, words: MergedWords, minWords: number): boolean {
  const parts = text.split(' ').filter(Boolean);
  if (parts.length < minWords || parts.length > 5) return false;
  return parts.every(
    (part, index) => CAPITALISED.test(part) || (index > 0 && words.particles.has(part.toLowerCase())),
  );
}
const CAPITALISED = /^[\p{Lu}][\p{L}'’.-]{0,30}$/u;
