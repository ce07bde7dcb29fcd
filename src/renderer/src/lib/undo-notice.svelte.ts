/**
 * The one "done, undo?" notice at the bottom of the window, for deletions made on the reading
 * page (a highlight, a note). App.svelte shows it where it shows the library's removed notice.
 */

/** How long the notice (with its Undo) stays: as long as the library's removed notice. */
export const UNDO_WINDOW_MS = 10_000;

class UndoNotice {
  current = $state<{ message: string; undo: () => Promise<void> } | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows `message` with an Undo button that runs `undo` once. */
  show(message: string, undo: () => Promise<void>): void {
    this.current = { message, undo };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.current = null), UNDO_WINDOW_MS);
  }

  async undo(): Promise<void> {
    const shown = this.current;
    this.current = null;
    clearTimeout(this.#timer);
    await shown?.undo();
  }

  dismiss(): void {
    this.current = null;
  }
}

export const undoNotice = new UndoNotice();
