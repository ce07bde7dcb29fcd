/** The application menu; import items are carried out by the renderer, like its own buttons. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '../core/ipc/channels';

export function installMenu(window: BrowserWindow): void {
  const send = (command: MenuCommand) => () => window.webContents.send(EVENT_CHANNELS.menuCommand, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      role: 'fileMenu',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
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
