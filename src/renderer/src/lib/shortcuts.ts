/**
 * Every keyboard shortcut, in one list: the key handler in App.svelte acts on them and the
 * `?` overlay shows them, so the two cannot drift apart.
 */
import type { MessageKey } from './i18n/en';

export type ShortcutGroup = 'library' | 'reader' | 'everywhere';
export type ShortcutAction =
  | 'move-down'
  | 'move-up'
  | 'move-first'
  | 'move-last'
  | 'move-page-down'
  | 'move-page-up'
  | 'open'
  | 'remove'
  | 'back'
  | 'line-down'
  | 'line-up'
  | 'page-down'
  | 'page-up'
  | 'next-article'
  | 'previous-article'
  | 'text-larger'
  | 'text-smaller'
  | 'next-theme'
  | 'toggle-finished'
  | 'select-sentence'
  | 'select-previous-sentence'
  | 'highlight'
  | 'annotations'
  | 'read-aloud'
  | 'read-next-sentence'
  | 'read-previous-sentence'
  | 'read-next-paragraph'
  | 'read-previous-paragraph'
  | 'read-faster'
  | 'read-slower'
  | 'review'
  | 'settings'
  | 'help'
  | 'search'
  | 'import';

export interface Shortcut {
  group: ShortcutGroup;
  /** `KeyboardEvent.key` values that trigger it (with Ctrl/Cmd when `mod` is set). */
  keys: string[];
  mod?: boolean;
  action: ShortcutAction;
  label: MessageKey;
  /**
   * How the keys are shown in the overlay (only on the first shortcut of a label): key
   * combinations written with neutral tokens (`Mod+K`, `Shift+Space`, `Enter`), see key-caps.ts.
   */
  display?: string[];
}

export const SHORTCUTS: Shortcut[] = [
  {
    group: 'library',
    keys: ['ArrowDown', 'j'],
    action: 'move-down',
    label: 'shortcuts.move',
    display: ['↓', '↑', 'j', 'k'],
  },
  { group: 'library', keys: ['ArrowUp', 'k'], action: 'move-up', label: 'shortcuts.move' },
  {
    group: 'library',
    keys: ['Home'],
    action: 'move-first',
    label: 'shortcuts.firstLast',
    display: ['Home', 'End'],
  },
  { group: 'library', keys: ['End'], action: 'move-last', label: 'shortcuts.firstLast' },
  {
    group: 'library',
    keys: ['PageDown'],
    action: 'move-page-down',
    label: 'shortcuts.pageList',
    display: ['PgDn', 'PgUp'],
  },
  { group: 'library', keys: ['PageUp'], action: 'move-page-up', label: 'shortcuts.pageList' },
  {
    group: 'library',
    keys: ['Enter', 'o'],
    action: 'open',
    label: 'shortcuts.open.article',
    display: ['Enter', 'o'],
  },
  { group: 'library', keys: ['Delete'], action: 'remove', label: 'shortcuts.remove', display: ['Delete'] },
  {
    group: 'reader',
    keys: ['Escape', 'Backspace', 'b'],
    action: 'back',
    label: 'shortcuts.back',
    display: ['Esc', 'b'],
  },
  {
    group: 'reader',
    keys: [' ', 'PageDown'],
    action: 'page-down',
    label: 'shortcuts.page',
    display: ['Space', 'Shift+Space', 'PgDn', 'PgUp'],
  },
  { group: 'reader', keys: ['PageUp'], action: 'page-up', label: 'shortcuts.page' },
  {
    group: 'reader',
    keys: ['j', 'ArrowDown'],
    action: 'line-down',
    label: 'shortcuts.line',
    display: ['j', 'k', '↓', '↑'],
  },
  { group: 'reader', keys: ['k', 'ArrowUp'], action: 'line-up', label: 'shortcuts.line' },
  { group: 'reader', keys: ['n'], action: 'next-article', label: 'shortcuts.nextPrev', display: ['n', 'p'] },
  { group: 'reader', keys: ['p'], action: 'previous-article', label: 'shortcuts.nextPrev' },
  { group: 'reader', keys: ['m'], action: 'toggle-finished', label: 'shortcuts.finished', display: ['m'] },
  {
    group: 'reader',
    keys: ['s'],
    action: 'select-sentence',
    label: 'shortcuts.selectSentence',
    display: ['s', 'Shift+S'],
  },
  { group: 'reader', keys: ['S'], action: 'select-previous-sentence', label: 'shortcuts.selectSentence' },
  { group: 'reader', keys: ['h'], action: 'highlight', label: 'shortcuts.highlight', display: ['h'] },
  { group: 'reader', keys: ['a'], action: 'annotations', label: 'shortcuts.annotations', display: ['a'] },
  { group: 'reader', keys: ['r'], action: 'read-aloud', label: 'shortcuts.readAloud', display: ['r'] },
  {
    group: 'reader',
    keys: ['ArrowRight'],
    action: 'read-next-sentence',
    label: 'shortcuts.readSentence',
    display: ['→', '←'],
  },
  { group: 'reader', keys: ['ArrowLeft'], action: 'read-previous-sentence', label: 'shortcuts.readSentence' },
  {
    group: 'reader',
    keys: ['ArrowRight'],
    mod: true,
    action: 'read-next-paragraph',
    label: 'shortcuts.readParagraph',
    display: ['Ctrl/⌘+→', 'Ctrl/⌘+←'],
  },
  {
    group: 'reader',
    keys: ['ArrowLeft'],
    mod: true,
    action: 'read-previous-paragraph',
    label: 'shortcuts.readParagraph',
  },
  { group: 'reader', keys: ['>'], action: 'read-faster', label: 'shortcuts.readSpeed', display: ['>', '<'] },
  { group: 'reader', keys: ['<'], action: 'read-slower', label: 'shortcuts.readSpeed' },
  { group: 'library', keys: ['v'], action: 'review', label: 'shortcuts.review', display: ['v'] },
  {
    group: 'everywhere',
    keys: ['+', '='],
    action: 'text-larger',
    label: 'shortcuts.textSize',
    display: ['+', '−'],
  },
  { group: 'everywhere', keys: ['-'], action: 'text-smaller', label: 'shortcuts.textSize' },
  { group: 'everywhere', keys: ['t'], action: 'next-theme', label: 'shortcuts.theme', display: ['t'] },
  { group: 'everywhere', keys: [','], action: 'settings', label: 'shortcuts.settings', display: [','] },
  { group: 'everywhere', keys: ['?'], action: 'help', label: 'shortcuts.help', display: ['?'] },
  {
    group: 'everywhere',
    keys: ['/'],
    action: 'search',
    label: 'shortcuts.search',
    display: ['/', 'Mod+K'],
  },
  { group: 'everywhere', keys: ['k', 'K'], mod: true, action: 'search', label: 'shortcuts.search' },
  {
    group: 'everywhere',
    keys: ['o'],
    mod: true,
    action: 'import',
    label: 'shortcuts.import',
    display: ['Mod+O'],
  },
];

/** The action `event` asks for in `view`, if any. */
export function actionFor(event: KeyboardEvent, view: 'library' | 'reader'): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  for (const shortcut of SHORTCUTS) {
    if (shortcut.group !== 'everywhere' && shortcut.group !== view) continue;
    if (Boolean(shortcut.mod) !== mod) continue;
    if (!shortcut.keys.includes(event.key)) continue;
    if (shortcut.action === 'page-down' && event.shiftKey) return 'page-up';
    return shortcut.action;
  }
  return null;
}
