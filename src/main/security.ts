/**
 * Electron's security checklist, applied once for the whole app: Gazette is offline by
 * promise, so every request that would leave the app is refused at the session level,
 * permissions are denied, and no web contents may navigate or open a window.
 */
import { app, session, type Session } from 'electron';
import { isAllowedRequestUrl, isAppPageUrl } from './app-origin';

/** The dev server electron-vite starts in `npm run dev`; never set in a packaged app. */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

/** True for the app's own pages (and the dev server's in development): never DevTools. */
export function isAppUrl(url: string): boolean {
  return isAppPageUrl(url, devServerUrl);
}

function hardenSession(target: Session): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devServerUrl);
    if (!allowed) console.warn(`Gazette blocked a request that would leave the app: ${details.url}`);
    callback({ cancel: !allowed });
  });
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.on('will-download', (event) => event.preventDefault());
}

/** Call once, before the first window is created. */
export function applySecurityPolicy(): void {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // The packaged app has no DevTools (no menu item, and none opened by shortcut either).
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}
