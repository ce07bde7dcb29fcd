/**
 * The reader's settings in the renderer: loaded from the store, applied to the page at once
 * (as CSS custom properties and a theme attribute on <html>), and saved through the API.
 */
import {
  DEFAULT_SETTINGS,
  THEMES,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../core/settings';
import { api } from './api';
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

  async load(): Promise<void> {
    this.value = await api.getSettings({});
    i18n.choose(this.value.locale);
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
    this.#pending = { ...this.#pending, ...patch };
    clearTimeout(this.#saveTimer);
    return new Promise((resolve, reject) => {
      this.#saveTimer = setTimeout(() => {
        const pending = this.#pending;
        this.#pending = {};
        api.updateSettings({ patch: pending }).then(() => resolve(), reject);
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
