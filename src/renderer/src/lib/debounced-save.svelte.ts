/**
 * Saving as the reader types: each change restarts a short wait, and only the last text of a
 * pause is written. `state` drives the visible "Saving…" / "Saved" line.
 */

/** 600 ms: longer than the gap between keystrokes of a steady typist, short enough that a
 * note is on disk before the reader's eyes leave it. */
export const TYPING_SAVE_DELAY_MS = 600;

export class DebouncedSave {
  state = $state<'idle' | 'saving' | 'saved'>('idle');
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: (() => Promise<void>) | null = null;
  #running: Promise<void> = Promise.resolve();

  /** Saves with `write` after the pause, replacing any write still waiting. */
  schedule(write: () => Promise<void>): void {
    this.state = 'saving';
    this.#pending = write;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), TYPING_SAVE_DELAY_MS);
  }

  /** Writes the waiting change now (leaving the page, closing an editor). Writes never overlap. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    const write = this.#pending;
    this.#pending = null;
    if (!write) return this.#running;
    this.#running = this.#running.then(write).then(
      () => {
        if (!this.#pending) this.state = 'saved';
      },
      () => {
        this.state = 'idle';
      },
    );
    return this.#running;
  }
}
