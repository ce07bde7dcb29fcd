/**
 * Electron's security checklist, applied once for the whole app: Gazette is offline by
 * promise, so every request that would leave the app is refused at the session level,
 * permissions are denied, and no web contents may navigate or open a window.
 */
import { app, session, type Session } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/** The dev server electron-vite starts in `npm run dev`; never set in a built app. */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

/** True for the URLs the renderer may load: the app's own files (and the dev server in dev). */
export function isAppUrl(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (url.startsWith('devtools://')) return true;
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return url.startsWith(origin) || url.startsWith(origin.replace(/^http/, 'ws'));
  }
  return false;
}

function hardenSession(target: Session): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url);
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
  });
}
