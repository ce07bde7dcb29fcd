/**
 * Registers one ipcMain handler per contract method. Each call is checked to come from the
 * app's own page, then validated and dispatched by the shared `dispatch`.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { GAZETTE_METHODS, channelOf, type Envelope } from '../core/ipc/channels';
import type { GazetteHandlers } from '../core/ipc/contract';
import { dispatch } from '../core/ipc/dispatch';
import { isAppUrl } from './security';

function fromAppPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

export function registerIpcHandlers(handlers: GazetteHandlers): void {
  for (const method of GAZETTE_METHODS) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!fromAppPage(event)) {
        return {
          ok: false,
          error: { code: 'Forbidden', message: 'Calls are accepted from the app page only.' },
        };
      }
      return dispatch(handlers, method, payload);
    });
  }
}
