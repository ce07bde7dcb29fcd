/**
 * The reader's settings in the renderer: loaded from the store, applied to the page at once
 * (as CSS custom properties and a theme attribute on <html>), and saved through the API.
 *
 * A damaged settings file (or one from a newer Gazette) does not stop the app: the defaults are
 * used, changes apply on screen without being saved (never an uncaught error), and `damaged`
 * says so, for the notice that offers "Reset settings" (the file is kept aside) and "Show the file".
 */
import {
  DEFAULT_SETTINGS,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../core/settings';
import { api } from './api';

/** Error codes (the store's error names) that mean the settings file cannot be read. */
const UNREADABLE_FILE = new Set(['StoreCorruptError', 'StoreVersionError']);
const isUnreadableFile = (error: unknown): boolean =>
  error instanceof Error && UNREADABLE_FILE.has(error.name);
import { i18n } from './i18n/index.svelte';

export type ShownTheme = Exclude<Theme, 'system'>;

/** Settings are saved this long after the last change. */
const SAVE_DELAY_MS = 250;

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

class SettingsState {
  value = $state<Settings>({ ...DEFAULT_SETTINGS });
  #systemDark = $state(darkQuery.matches);
  /** The theme on screen: the reader's choice, or the system's when it is `system`. */
  shownTheme: ShownTheme = $derived(
    this.value.theme === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.value.theme,
  );

  constructor() {
    darkQuery.addEventListener('change', (event) => (this.#systemDark = event.matches));
  }

  /** True while the settings file is damaged: the defaults are shown and nothing is saved. */
  damaged = $state(false);
  /** True when the last save failed for another reason (the change stays on screen). */
  saveFailed = $state(false);

  /** Loads the saved settings; a damaged file leaves the defaults and sets `damaged`. */
  async load(): Promise<void> {
    try {
      this.value = await api.getSettings({});
      this.damaged = false;
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      this.damaged = true;
    }
    i18n.choose(this.value.locale);
  }

  /**
   * Back to the default settings; a damaged file is kept aside in its folder. Resolves to the
   * name it was kept under (`null` if none was damaged).
   * @throws the store's error when even that fails (the settings stay as they are).
   */
  async reset(): Promise<string | null> {
    clearTimeout(this.#saveTimer);
    this.#pending = {};
    const { settings, keptAs } = await api.resetSettings({});
    this.value = settings;
    this.damaged = false;
    this.saveFailed = false;
    i18n.choose(settings.locale);
    return keptAs;
  }

  #pending: SettingsPatch = {};
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Applies `patch` at once and saves it a moment later: dragging a slider sends one
   * write when the hand stops, not one per pixel.
   */
  update(patch: SettingsPatch): Promise<void> {
    this.value = { ...this.value, ...patch };
    if (patch.locale) i18n.choose(patch.locale);
    // A damaged file is never written over: the change shows, and waits for "Reset settings".
    if (this.damaged) return Promise.resolve();
    this.#pending = { ...this.#pending, ...patch };
    clearTimeout(this.#saveTimer);
    return new Promise((resolve) => {
      this.#saveTimer = setTimeout(() => {
        const pending = this.#pending;
        this.#pending = {};
        // Never rejects: a failed save is shown (`damaged`, `saveFailed`), not thrown at a key handler.
        api.updateSettings({ patch: pending }).then(
          () => {
            this.saveFailed = false;
            resolve();
          },
          (error: unknown) => {
            if (isUnreadableFile(error)) this.damaged = true;
            else this.saveFailed = true;
            resolve();
          },
        );
      }, SAVE_DELAY_MS);
    });
  }

  /** Light → sepia → dark → system → light… (the `t` shortcut). */
  cycleTheme(): Promise<void> {
    const next = THEMES[(THEMES.indexOf(this.value.theme) + 1) % THEMES.length] ?? 'system';
    return this.update({ theme: next });
  }
}

export const settings = new SettingsState();
