/**
 * Registers one ipcMain handler per method a window may call (`WINDOW_METHODS`: never
 * `importPaths`, whose paths would come from the page), and the preload's drop channel. Each call
 * is checked to come from the top frame of the app's own page (not DevTools, not a frame inside
 * it), then validated and dispatched by the shared `dispatch`.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DROP_GRANT_CHANNEL, WINDOW_METHODS, channelOf, type Envelope } from '../core/ipc/channels';
import type { GazetteHandlers } from '../core/ipc/contract';
import { dispatch } from '../core/ipc/dispatch';
import type { DropGrants } from './drop-grants';
import { isAppUrl } from './security';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'Forbidden', message: 'Calls are accepted from the app page only.' },
};

function fromAppPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(handlers: GazetteHandlers, drops: DropGrants): void {
  for (const method of WINDOW_METHODS) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!fromAppPage(event)) return FORBIDDEN;
      return dispatch(handlers, method, payload);
    });
  }
  // The preload hands over the paths of dropped files (read with webUtils, which the page cannot
  // reach) and gets a one-time token for each: see drop-grants.ts.
  ipcMain.handle(DROP_GRANT_CHANNEL, async (event, paths: unknown): Promise<Envelope<string[]>> => {
    if (!fromAppPage(event)) return FORBIDDEN;
    try {
      return { ok: true, value: drops.grant(paths) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { ok: false, error: { code: name, message } };
    }
  });
}
