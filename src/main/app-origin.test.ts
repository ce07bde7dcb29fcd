import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, isAppPageUrl } from './app-origin';

const DEV = 'http://localhost:5173';

describe('the app origin', () => {
  it('accepts the app’s own pages only', () => {
    expect(isAppPageUrl('gazette://app/index.html')).toBe(true);
    expect(isAppPageUrl('gazette://app/')).toBe(true);
    for (const url of [
      'devtools://devtools/bundled/devtools_app.html',
      'gazette://app.evil/index.html',
      'gazette://app@evil/index.html',
      'gazette://user:pw@app/index.html',
      'gazette://other/index.html',
      'file:///etc/hostname',
      'http://localhost:5173/',
      'https://example.com/',
      'not a url',
      '',
    ]) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
  });

  it('accepts the dev server’s pages in development only', () => {
    expect(isAppPageUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/index.html', DEV)).toBe(false);
    expect(isAppPageUrl('devtools://devtools/bundled/devtools_app.html', DEV)).toBe(false);
  });

  it('lets DevTools and the dev server’s websocket through the session in development only', () => {
    expect(isAllowedRequestUrl('gazette://app/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequestUrl('https://fonts.example.com/font.woff2', DEV)).toBe(false);
  });
});
