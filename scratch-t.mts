import { DEV_PAGES } from './src/node/import/formats/html-dev-set';
import { extractHtmlArticle } from './src/node/import/formats/html';
const html = DEV_PAGES[4]!.html.replace(/<link rel="canonical"[^>]*>/, '').replace('<!DOCTYPE html>', '<!DOCTYPE html>\n<!-- saved from url=(0040)https://www.example.org/saved/article -->');
const a = extractHtmlArticle(html); console.log(a.metadata, a.title, a.language);
