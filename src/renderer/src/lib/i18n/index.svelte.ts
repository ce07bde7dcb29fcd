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

/** The language the system asks for: French if its first choice is French, else English. */
export function systemLocale(languages: readonly string[] = navigator.languages): UiLocale {
  return uiLocaleFor('system', languages);
}

class I18n {
  locale = $state<UiLocale>(systemLocale());
  #numbers = $derived(new Intl.NumberFormat(this.locale));
  #percent = $derived(new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }));
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
}

export const i18n = new I18n();
export const t = i18n.t;
