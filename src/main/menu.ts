/** Installs the application menu (see menu-template.ts for its items). */
import { Menu, app, type BrowserWindow } from 'electron';
import { EVENT_CHANNELS } from '../core/ipc/channels';
import { menuTemplate } from './menu-template';
import type { MainStrings } from './strings';

/** Installs (or, after a change of language, replaces) the menu. */
export function installMenu(window: BrowserWindow, text: MainStrings): void {
  const template = menuTemplate(text, {
    packaged: app.isPackaged,
    platform: process.platform,
    send: (command) => window.webContents.send(EVENT_CHANNELS.menuCommand, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
