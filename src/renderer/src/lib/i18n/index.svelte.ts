/**
 * The interface language: French or English, following the system (the browser's or
 * Electron's locale) unless the reader chose one in the settings. Numbers, percentages and
 * plurals go through Intl for the chosen locale.
 */
import { uiLocaleFor, type InterfaceLocale, type UiLocale } from '../../../../core/settings';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type { UiLocale };
const catalogues = { en, fr } as const;

/**
 * The locale for dates and numbers: the system's own variant of the interface language (en-GB on a
 * British system, fr-CA on a Canadian one), or the bare language when the system asks for another.
 */
export function formatLocaleFor(
  locale: UiLocale,
  languages: readonly string[] = navigator.languages,
): string {
  const own = languages.find((tag) => tag.toLowerCase().split('-')[0] === locale);
  try {
    return own ? (Intl.getCanonicalLocales(own)[0] ?? locale) : locale;
  } catch {
    return locale; // a malformed tag from the system
  }
}

/** The language the system asks for: French if its first choice is French, else English. */
export function systemLocale(languages: readonly string[] = navigator.languages): UiLocale {
  return uiLocaleFor('system', languages);
}

class I18n {
  locale = $state<UiLocale>(systemLocale());
  /** Dates and numbers follow the system's regional variant of the interface language. */
  formatLocale = $derived(formatLocaleFor(this.locale));
  #numbers = $derived(new Intl.NumberFormat(this.formatLocale));
  #percent = $derived(
    new Intl.NumberFormat(this.formatLocale, { style: 'percent', maximumFractionDigits: 0 }),
  );
  #dates = $derived(new Intl.DateTimeFormat(this.formatLocale, { dateStyle: 'long' }));
  /** For a bare day (`2016-08-12`): read as that day, never shifted by the time zone. */
  #days = $derived(new Intl.DateTimeFormat(this.formatLocale, { dateStyle: 'long', timeZone: 'UTC' }));
  #plurals = $derived(new Intl.PluralRules(this.locale));

  /** Applies the reader's choice (`system` follows the system's language). */
  choose(choice: InterfaceLocale): void {
    this.locale = choice === 'system' ? systemLocale() : choice;
    document.documentElement.lang = this.locale;
  }

  /** The message `key`; numbers in `values` are formatted, `count` picks the plural. */
  t = (key: MessageKey, values: Record<string, string | number> = {}): string => {
    const message = catalogues[this.locale][key];
    if (typeof message === 'string') return message;
    const n = typeof values['count'] === 'number' ? values['count'] : 0;
    const formatted: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) {
      formatted[name] = typeof value === 'number' ? this.#numbers.format(value) : value;
    }
    return message({
      ...formatted,
      n,
      plural: this.#plurals.select(n) as ReturnType<Intl.PluralRules['select']>,
    });
  };

  percent = (fraction: number): string => this.#percent.format(fraction);

  /** `value` in the locale's digits and separators (1 234,5 in French). */
  number = (value: number): string => this.#numbers.format(value);

  /** A day, written out in the locale (“3 March 2025”, “3 mars 2025”); an unreadable date as given. */
  date = (value: string | number | Date): string => {
    const when = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(when.getTime())) return String(value);
    const dayOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return (dayOnly ? this.#days : this.#dates).format(when);
  };
}

export const i18n = new I18n();
export const t = i18n.t;
