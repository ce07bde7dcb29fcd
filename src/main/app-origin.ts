/**
 * The app's own origin, and which URLs belong to it. Plain code (no Electron import) so that it
 * is unit-tested; security.ts and ipc.ts apply it.
 */

export const APP_SCHEME = 'gazette';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for a page of the app itself: `gazette://app/...`, or, in development only (`devServerUrl`
 * given), a page of electron-vite's dev server. Never `devtools://` or anything else: IPC calls are
 * accepted from these pages only. Parsed, not prefix-matched, so `gazette://app.evil/` or
 * `gazette://app@evil/` do not pass.
 */
export function isAppPageUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  }
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
}

/**
 * True for the requests the app's session lets through: the app's pages and files, and in
 * development the dev server (with its websocket) and DevTools' own pages.
 */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  if (isAppPageUrl(url, devServerUrl)) return true;
  if (!devServerUrl) return false;
  if (url.startsWith('devtools://')) return true;
  const origin = new URL(devServerUrl).origin.replace(/^http/, 'ws');
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
