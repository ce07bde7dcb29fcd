/** True when a key press belongs to a text field or a control that uses keys itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'button'].includes(target.type);
  // Inside an open modal dialog, keys belong to the dialog.
  return target.closest('dialog[open]') !== null || document.querySelector('dialog[open]') !== null;
}
