/**
 * Saved web pages (`.html`, `.htm`, the page of a "web page, complete" folder) and the HTML
 * bodies of other readers' exports: the article is found with Mozilla's Readability (Firefox's
 * reader view) on linkedom, a DOM that runs in Node without a browser, then turned into Gazette's
 * blocks. Nothing is fetched (linkedom loads no resource and runs no script) and the HTML is never
 * rendered: only its text is kept. Readability was chosen over Defuddle after the comparison in
 * html.test.ts (see the figures it prints and the reason in the module's doc there).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMetadata, Block, Encoding } from '../../../core/article';
import { ImportIssueError } from '../issues';
import type { ArticleOutcome, FileOutcome, ReaderData } from '../outcome';
import { decodeText, makeArticleOutcome } from '../read-article-file';

/** The little of the DOM this module reads (linkedom implements it; Node's types have no DOM). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** Elements whose content is never text to read. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'FORM',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'SOURCE',
  'NAV',
  'DIALOG',
  'HEAD',
  'MATH',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Elements that make a block of their own text. */
const LEAF_BLOCKS = new Set(['P', 'PRE', 'ADDRESS', 'DT', 'DD', 'CAPTION']);
/** Elements that only hold blocks: their children are walked. */
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BODY',
  'HTML',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FIGURE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'CENTER',
  'DETAILS',
  'HGROUP',
  'PAGE',
]);

const SPACES = /\s+/g;
const collapse = (text: string): string => text.replace(SPACES, ' ').trim();

/** The text of a node, as read: dropped elements left out, `<br>` as a space. */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT || DROPPED.has(node.nodeName)) return '';
  if (node.nodeName === 'BR') return ' ';
  let text = '';
  for (let index = 0; index < node.childNodes.length; index++) text += textOf(node.childNodes[index]!);
  return text;
}

/**
 * The blocks of an article's DOM, in reading order: headings, paragraphs, list items, block
 * quotes (as paragraphs: Gazette has no quote kind yet) and figure and table captions (as
 * attributions, the kind for a credit line). Loose text beside blocks becomes a paragraph.
 */
export function blocksOfDom(root: DomNode): Block[] {
  const blocks: Block[] = [];
  const push = (kind: Block['kind'], text: string): void => {
    const clean = collapse(text);
    if (clean && /[\p{L}\p{N}]/u.test(clean)) blocks.push({ kind, text: clean });
  };
  const walk = (node: DomNode): void => {
    let inline = '';
    const flush = (): void => {
      push('paragraph', inline);
      inline = '';
    };
    for (let index = 0; index < node.childNodes.length; index++) {
      const child = node.childNodes[index]!;
      if (child.nodeType === TEXT) {
        inline += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT || DROPPED.has(child.nodeName)) continue;
      const name = child.nodeName;
      if (HEADINGS.has(name)) {
        flush();
        push('heading', textOf(child));
      } else if (name === 'LI') {
        flush();
        push('list-item', textOf(child));
      } else if (name === 'FIGCAPTION' || name === 'CAPTION') {
        flush();
        push('attribution', textOf(child));
      } else if (LEAF_BLOCKS.has(name)) {
        flush();
        push('paragraph', textOf(child));
      } else if (name === 'TR') {
        flush();
        const cells: string[] = [];
        for (let cell = 0; cell < child.childNodes.length; cell++)
          cells.push(collapse(textOf(child.childNodes[cell]!)));
        push('paragraph', cells.filter(Boolean).join(' · '));
      } else if (CONTAINERS.has(name) || name === 'HR') {
        flush();
        walk(child);
      } else {
        inline += textOf(child);
      }
    }
    flush();
  };
  walk(root);
  return blocks;
}

/** The page's own address: canonical link, `og:url`, or the browser's "saved from" comment. */
function pageUrl(document: DomDocument): string | undefined {
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const og = document.querySelector('meta[property="og:url" i]')?.getAttribute('content');
  for (const candidate of [canonical, og]) {
    const url = absoluteHttpUrl(candidate);
    if (url) return url;
  }
  // <!-- saved from url=(0038)https://www.example.com/news/article --> (Internet Explorer,
  // Edge and Chrome's "web page, complete"); SingleFile writes "Page saved with SingleFile" + url.
  const comments: string[] = [];
  const gather = (node: DomNode, depth: number): void => {
    for (let index = 0; index < node.childNodes.length && comments.length < 20; index++) {
      const child = node.childNodes[index]!;
      if (child.nodeType === COMMENT) comments.push(child.textContent ?? '');
      else if (child.nodeType === ELEMENT && depth < 2) gather(child, depth + 1);
    }
  };
  gather(document as unknown as DomNode, 0);
  for (const comment of comments) {
    const match = /saved from url=\(\d+\)(\S+)|url:\s*(https?:\/\/\S+)/i.exec(comment);
    const url = absoluteHttpUrl(match?.[1] ?? match?.[2]);
    if (url) return url;
  }
  return undefined;
}

function absoluteHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const meta = (document: DomDocument, ...selectors: string[]): string | undefined => {
  for (const selector of selectors) {
    const value = collapse(document.querySelector(selector)?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
};

/** An ISO 8601 date or time from a page's date string, or undefined when it is not one. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1800 && year <= 2200 ? date.toISOString() : undefined;
}

/**
 * Class or id words of a site's furniture around an article: cookie and consent banners,
 * newsletter boxes, ads, share bars, comments, related links, pop-ups, in the languages of the
 * dev set. Readability keeps a short sibling sentence such as "We use cookies." beside the
 * article (its rule for short paragraphs ending in a full stop), so these go first.
 */
const FURNITURE =
  /(^|[\s_-])(cookies?|consent|gdpr|cmp|newsletter|subscribe|subscription|abonnement|advert\w*|ads?|adslot|sponsor\w*|promo\w*|share|sharing|social|partage|teilen|compartir|comments?|kommentare|commentaires|comentarios|related|recommended|outbrain|taboola|paywall|modal|popup|overlay|banner|breadcrumbs?|skip-link)([\s_-]|$)/i;

/** Elements whose text a page never means as the article's: a container holding much text is kept. */
function removeNonArticle(document: DomDocument): void {
  for (const name of [
    'form',
    'iframe',
    'frame',
    'object',
    'embed',
    'template',
    'dialog',
    'nav',
    '[hidden]',
    '[aria-hidden="true"]',
    '[role="dialog"]',
    '[role="alertdialog"]',
    '[role="navigation"]',
  ]) {
    const found = document.querySelectorAll(name);
    for (let index = found.length - 1; index >= 0; index--) found[index]!.remove();
  }
  const marked = document.querySelectorAll('[class], [id]');
  const doomed: DomElement[] = [];
  for (let index = 0; index < marked.length; index++) {
    const element = marked[index]!;
    if (element.nodeName === 'BODY' || element.nodeName === 'HTML' || element.nodeName === 'ARTICLE')
      continue;
    const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    // A furniture word on a wrapper of the whole article (`article-with-share-bar`) would take
    // the article with it: only elements of modest text are dropped.
    if (FURNITURE.test(words) && (element.textContent ?? '').length < 1_500) doomed.push(element);
  }
  for (const element of doomed) element.remove();
}

/** What reading an HTML page gives: its title, blocks, metadata and language hint. */
export interface HtmlArticle {
  title: string;
  blocks: Block[];
  metadata: ArticleMetadata;
  language?: string;
}

/**
 * Finds the article in an HTML page's text. Falls back to the whole body's blocks when
 * Readability finds no article (a short page), so a page's text is never lost for that.
 * @throws ImportIssueError `no-article-found` when the page holds no text at all.
 */
export function extractHtmlArticle(html: string, format = 'web page'): HtmlArticle {
  let document = parseDocument(html);
  // Text without an <html> element (a fragment, a mislabelled file) gives linkedom a document
  // without a root, which Readability refuses: read it as the body of a page.
  if (!document.documentElement || !document.querySelector('body')) {
    document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  }
  const metadata: ArticleMetadata = {};
  const url = pageUrl(document);
  if (url) metadata.url = url;
  const author = meta(document, 'meta[name="author" i]', 'meta[property="article:author" i]');
  const site = meta(document, 'meta[property="og:site_name" i]', 'meta[name="application-name" i]');
  const published = meta(
    document,
    'meta[property="article:published_time" i]',
    'meta[name="date" i]',
    'meta[name="dc.date" i]',
    'meta[itemprop="datePublished" i]',
  );
  const modified = meta(document, 'meta[property="article:modified_time" i]');
  const description = meta(document, 'meta[name="description" i]', 'meta[property="og:description" i]');
  const keywords = meta(document, 'meta[name="keywords" i]', 'meta[name="news_keywords" i]');
  const language = collapse(document.documentElement?.getAttribute('lang') ?? '') || undefined;
  const headTitle = collapse(document.querySelector('title')?.textContent ?? '');

  removeNonArticle(document);
  const parsed = new Readability(document as never, {
    serializer: (node: unknown) => node as DomNode,
    // A short news brief is an article too: Readability's default wants 500 characters.
    charThreshold: 200,
  }).parse();

  const root = parsed?.content ?? (document.querySelector('body') as DomNode | null);
  let blocks = root ? blocksOfDom(root) : [];
  const title = collapse(parsed?.title ?? '') || headTitle || blocks[0]?.text || '';
  if (blocks[0]?.kind === 'heading' && blocks[0].text === title) blocks = blocks.slice(1);
  if (blocks.length === 0) throw new ImportIssueError('no-article-found', { format });
  const [first, second] = blocks;
  if (first?.kind === 'paragraph' && (second?.kind === 'paragraph' || second?.kind === 'heading')) {
    blocks[0] = { kind: 'lede', text: first.text };
  }

  const byline = collapse(parsed?.byline ?? '') || author;
  if (byline) metadata.author = byline.replace(/^(by|par|von|por)\s+/i, '');
  const siteName =
    collapse(parsed?.siteName ?? '') || site || (url ? new URL(url).hostname.replace(/^www\./, '') : '');
  if (siteName) metadata.site = siteName;
  const publishedAt = isoDate(parsed?.publishedTime ?? published);
  if (publishedAt) metadata.publishedAt = publishedAt;
  const modifiedAt = isoDate(modified);
  if (modifiedAt) metadata.modifiedAt = modifiedAt;
  // Readability's excerpt is the first paragraph when the page has no description: often the
  // byline, so only a sentence-long one is taken.
  const excerpt = collapse(parsed?.excerpt ?? '');
  const summary = description || (excerpt.length >= 80 ? excerpt : '');
  if (summary) metadata.description = summary;
  if (keywords) {
    const tags = keywords.split(/[,;]/).map(collapse).filter(Boolean).slice(0, 20);
    if (tags.length > 0) metadata.suggestedTags = tags;
  }
  const lang = collapse(parsed?.lang ?? '') || language;
  return lang ? { title, blocks, metadata, language: lang } : { title, blocks, metadata };
}

/**
 * Reads a saved web page file, or Pocket's HTML export (a list of links with `time_added`),
 * which holds no article text: reported as link only, with its count.
 * @throws ImportIssueError for a page without text.
 */
export function readHtmlFile(path: string, bytes: Uint8Array): FileOutcome[] {
  const { text, encoding } = decodeText(bytes);
  const pocketLinks = text.match(/<a\s[^>]*\btime_added=/gi)?.length ?? 0;
  if (pocketLinks > 0 && /<title>\s*Pocket Export\s*<\/title>/i.test(text)) {
    return [{ kind: 'link-only', path, count: pocketLinks }];
  }
  return [htmlArticleOutcome(path, path, text, encoding)];
}

/** An article from an HTML page or an export's HTML body, with extra metadata and reader data. */
export function htmlArticleOutcome(
  path: string,
  source: string,
  html: string,
  encoding: Encoding,
  extra: { title?: string; metadata?: ArticleMetadata; readerData?: ReaderData; format?: string } = {},
): ArticleOutcome {
  const page = extractHtmlArticle(html, extra.format);
  const outcome = makeArticleOutcome({
    path,
    source,
    encoding,
    title: extra.title || page.title,
    blocks: page.blocks,
    removed: [],
    // What the export says wins over what the page's markup says.
    metadata: { ...page.metadata, ...extra.metadata },
    ...(page.language ? { language: page.language } : {}),
    ...(extra.readerData ? { readerData: extra.readerData } : {}),
  });
  return outcome;
}

/**
 * An article from HTML that is the article already (another reader's saved content: Wallabag's
 * `content`, Omnivore's `content/<slug>.html`): its blocks as they are, without Readability,
 * which would drop a short article's paragraphs as it would a page's furniture.
 * @throws ImportIssueError `no-article-found` when the HTML holds no text.
 */
export function extractContentArticle(
  path: string,
  source: string,
  html: string,
  encoding: Encoding,
  extra: {
    title?: string | undefined;
    metadata?: ArticleMetadata;
    readerData?: ReaderData;
    format?: string;
    language?: string;
  } = {},
): ArticleOutcome {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as {
    document: DomDocument;
  };
  removeNonArticle(document);
  const body = document.querySelector('body');
  let blocks = body ? blocksOfDom(body) : [];
  const title = collapse(extra.title ?? '') || blocks[0]?.text || '';
  if (blocks[0]?.text === title) blocks = blocks.slice(1);
  if (blocks.length === 0)
    throw new ImportIssueError('no-article-found', { format: extra.format ?? 'entry' });
  const [first, second] = blocks;
  if (first?.kind === 'paragraph' && (second?.kind === 'paragraph' || second?.kind === 'heading')) {
    blocks[0] = { kind: 'lede', text: first.text };
  }
  return makeArticleOutcome({
    path,
    source,
    encoding,
    title,
    blocks,
    removed: [],
    metadata: extra.metadata ?? {},
    ...(extra.language ? { language: extra.language } : {}),
    ...(extra.readerData ? { readerData: extra.readerData } : {}),
  });
}

/** linkedom's document for `html` (typed with the little this module reads). */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}
