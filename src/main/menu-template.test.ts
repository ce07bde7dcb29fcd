import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';
import { mainStrings } from './strings';

/** Every role anywhere in the menu. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('has no DevTools or reload item in the packaged app', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const packaged = roles(menuTemplate(mainStrings('en'), { packaged: true, platform, send: () => {} }));
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('viewMenu'); // Electron's own View menu holds DevTools
      expect(packaged).not.toContain('reload');
      expect(packaged).toContain('zoomIn');
    }
  });

  it('keeps DevTools in development', () => {
    const dev = roles(
      menuTemplate(mainStrings('fr'), { packaged: false, platform: 'linux', send: () => {} }),
    );
    expect(dev).toContain('toggleDevTools');
  });

  it('sends the File menu’s commands to the renderer, in the interface language', () => {
    const sent: string[] = [];
    const menu = menuTemplate(mainStrings('fr'), {
      packaged: true,
      platform: 'linux',
      send: (c) => sent.push(c),
    });
    const file = menu.find((item) => item.role === 'fileMenu')?.submenu as MenuItemConstructorOptions[];
    const importFiles = file.find((item) => item.label === 'Importer des fichiers…');
    (importFiles?.click as () => void)();
    expect(sent).toEqual(['import-files']);
    expect(menu.some((item) => item.label === 'Affichage')).toBe(true);
  });
});
