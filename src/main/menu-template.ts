/**
 * The application menu's items, as data (no Electron import beyond types, so it is unit-tested).
 * Its commands are carried out by the renderer, like its own buttons, so the window shows their
 * progress and results in one place.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/ipc/channels';
import type { MainStrings } from './strings';

export interface MenuContext {
  /** True in the packaged app: no DevTools and no reload there. */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** Sends a command to the renderer. */
  send: (command: MenuCommand) => void;
}

export function menuTemplate(text: MainStrings, context: MenuContext): MenuItemConstructorOptions[] {
  const { packaged, platform, send } = context;
  const command = (name: MenuCommand) => () => send(name);
  // Electron's own "viewMenu" role holds "Toggle Developer Tools": spelled out here instead, so
  // that the packaged app has none (development keeps reload and DevTools).
  const viewItems: MenuItemConstructorOptions[] = [
    ...(packaged
      ? []
      : ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      role: 'fileMenu',
      submenu: [
        { label: text.importFiles, accelerator: 'CmdOrCtrl+O', click: command('import-files') },
        { label: text.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: command('import-folder') },
        { type: 'separator' },
        { label: text.exportNotes, accelerator: 'CmdOrCtrl+Shift+E', click: command('export') },
        { label: text.backup, click: command('backup') },
        { label: text.restore, click: command('restore') },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: text.view, submenu: viewItems },
    { role: 'windowMenu' },
  ];
}
