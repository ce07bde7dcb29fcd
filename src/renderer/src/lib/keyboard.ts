/** Keys a radio group, a slider or a closed menu (`<select>`) uses itself: moving its choice. */
const CHOICE_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
  'Enter',
]);

/** Input types that take no typed text: letters typed there are the app's shortcuts. */
const CHOICE_INPUTS = new Set(['radio', 'range', 'color', 'file']);
const BUTTON_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'image']);

/**
 * True when a key press belongs to the control it happens in rather than to the app's shortcuts:
 * any key in a text field, the moving keys in a radio group, slider or menu (so `j`, `/`, `?`
 * or `t` still work after clicking a reading-state radio or the sort menu), and every key inside
 * an open modal dialog. Without `key`, any key counts (the control is treated as a text field).
 */
export function isTypingTarget(target: EventTarget | null, key?: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  // Inside an open modal dialog, keys belong to the dialog.
  if (target.closest('dialog[open]') !== null || document.querySelector('dialog[open]') !== null) return true;
  const choice =
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && CHOICE_INPUTS.has(target.type));
  if (choice) return key === undefined || CHOICE_KEYS.has(key);
  if (target instanceof HTMLInputElement) return !BUTTON_INPUTS.has(target.type);
  return false;
}
