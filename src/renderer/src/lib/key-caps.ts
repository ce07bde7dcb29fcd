/**
 * Key names as the reader's keyboard and language say them: Entrée, Espace, Maj, Suppr in French;
 * Ctrl on Linux and Windows, ⌘ only on macOS. Shortcut lists write keys as neutral tokens
 * (`Mod+K`, `Shift+Space`), turned into key caps here, in one place.
 */
import type { MessageKey } from './i18n/en';
import { t } from './i18n/index.svelte';

/** True on macOS, where the shortcuts' modifier is ⌘ (Command) rather than Ctrl. */
export function isMac(platform: string = navigator.platform): boolean {
  return /^mac/i.test(platform);
}

const NAMED: Record<string, MessageKey> = {
  Enter: 'key.enter',
  Space: 'key.space',
  Shift: 'key.shift',
  Delete: 'key.delete',
  Esc: 'key.escape',
  Backspace: 'key.backspace',
  PgUp: 'key.pageUp',
  PgDn: 'key.pageDown',
  Home: 'key.home',
  End: 'key.end',
};

/** One key's name: `Mod` is ⌘ or Ctrl, named keys are translated, a letter or symbol stays itself. */
export function keyName(token: string, mac: boolean = isMac()): string {
  if (token === 'Mod') return mac ? '⌘' : t('key.ctrl');
  const key = NAMED[token];
  return key ? t(key) : token;
}

/** The key caps of a combination written `Mod+Shift+K`: one name per key pressed together. */
export function keyCaps(combo: string, mac: boolean = isMac()): string[] {
  // A lone "+" is the key itself, not a separator.
  if (combo === '+') return ['+'];
  return combo.split('+').map((token) => keyName(token, mac));
}
