/**
 * The reader's settings and their bounds. Plain data (no schema library) so the renderer can
 * import the defaults without bundling zod; the schema lives in settings-schema.ts.
 */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const FONT_FAMILIES = ['serif', 'sans'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export const INTERFACE_LOCALES = ['system', 'en', 'fr'] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];
/** The languages the interface is written in. */
export type UiLocale = Exclude<InterfaceLocale, 'system'>;

/**
 * The interface language for the reader's choice: `system` follows the system's first preferred
 * language (French if it is French, else English).
 */
export function uiLocaleFor(choice: InterfaceLocale, systemLanguages: readonly string[]): UiLocale {
  if (choice !== 'system') return choice;
  return systemLanguages[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Bounds of the numeric settings, shared by the schema and the settings panel's sliders. */
export const SETTING_BOUNDS = {
  /** Body text size in CSS pixels. */
  textSize: { min: 14, max: 30, step: 1 },
  /** The measure in characters per line; typographers' comfortable range is about 60–75. */
  lineWidth: { min: 45, max: 90, step: 1 },
  lineHeight: { min: 1.3, max: 2.1, step: 0.05 },
} as const;

/** Read-aloud's voice: the one shipped with Gazette (always there), or a local system voice. */
export const READ_ALOUD_VOICES = ['shipped', 'system'] as const;
export type ReadAloudVoice = (typeof READ_ALOUD_VOICES)[number];

export interface Settings {
  theme: Theme;
  textSize: number;
  lineWidth: number;
  lineHeight: number;
  fontFamily: FontFamily;
  /** The interface language; `system` follows the operating system's. */
  locale: InterfaceLocale;
  /** Read-aloud's voice (the system's is used only where it has a local voice for the language). */
  readAloudVoice: ReadAloudVoice;
  /** Read-aloud's speed, 0.5× to 3× (core/speech/voice.ts). */
  readAloudRate: number;
}

export type SettingsPatch = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  textSize: 19,
  lineWidth: 66,
  lineHeight: 1.6,
  fontFamily: 'serif',
  locale: 'system',
  readAloudVoice: 'shipped',
  readAloudRate: 1,
};
