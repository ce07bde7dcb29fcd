import { DEV_PAGES } from './src/node/import/formats/html-dev-set';
import { extractHtmlArticle, parseDocument } from './src/node/import/formats/html';
import { detectLanguage } from './src/node/import/language';
const bulk =
      `<script>${'window.__STATE__={"a":[1,2,3],"b":"tracking"};'.repeat(1_200)}</script>` +
      `<nav class="mega-menu"><ul>${Array.from({ length: 400 }, (_, index) => `<li><a href="/s/${index}">Section ${index}</a></li>`).join('')}</ul></nav>` +
      `<aside class="related"><ul>${Array.from({ length: 80 }, (_, index) => `<li><a href="/r/${index}"><img src="r${index}.jpg">Related story number ${index} with a long headline</a></li>`).join('')}</ul></aside>`;
const pages = DEV_PAGES.map(p => p.html.replace('<body>', `<body>${bulk}`));
const cpu = (f: () => void, n: number) => { const c = process.cpuUsage(); for (let i = 0; i < n; i++) f(); const u = process.cpuUsage(c); return ((u.user + u.system) / 1e3 / n / 15).toFixed(2) + ' ms/page'; };
for (const p of pages) extractHtmlArticle(p);
console.log('parse only', cpu(() => { for (const p of pages) parseDocument(p); }, 3));
console.log('parse+qsa', cpu(() => { for (const p of pages) { const d = parseDocument(p); d.querySelectorAll('[class], [id]'); } }, 3));
console.log('extract', cpu(() => { for (const p of pages) extractHtmlArticle(p); }, 3));
function strip(html: string): string {
  let out = ''; let i = 0; const lower = html.toLowerCase();
  while (i < html.length) {
    const s = lower.indexOf('<script', i); const st = lower.indexOf('<style', i);
    const next = s === -1 ? st : st === -1 ? s : Math.min(s, st);
    if (next === -1) { out += html.slice(i); break; }
    const tag = next === s ? 'script' : 'style';
    const close = lower.indexOf(`</${tag}`, next);
    const open = html.slice(next, lower.indexOf('>', next) + 1);
    if (close === -1) { out += html.slice(i); break; }
    out += html.slice(i, next);
    if (/ld\+json/i.test(open)) out += html.slice(next, close);
    i = close;
  }
  return out;
}
console.log('strip+parse', cpu(() => { for (const p of pages) parseDocument(strip(p)); }, 3));
