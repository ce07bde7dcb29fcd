/**
 * The application menu. Its items are carried out by the renderer, like its own buttons, so the
 * window shows their progress and results in one place.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '../core/ipc/channels';
import type { MainStrings } from './strings';

/** Installs (or, after a change of language, replaces) the menu. */
export function installMenu(window: BrowserWindow, text: MainStrings): void {
  const send = (command: MenuCommand) => () => window.webContents.send(EVENT_CHANNELS.menuCommand, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      role: 'fileMenu',
      submenu: [
        { label: text.importFiles, accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: text.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
        { type: 'separator' },
        { label: text.exportNotes, accelerator: 'CmdOrCtrl+Shift+E', click: send('export') },
        { label: text.backup, click: send('backup') },
        { label: text.restore, click: send('restore') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
