/**
 * How a section (the folder an article was imported from) is named on screen, the same way in the
 * side list, the rows, search results, the notebook and the reading page: generic folder names
 * in the interface's language (the seeds folder is "Samples" / "Exemples"), others as the folder
 * says with a capital first letter ("sport" and "Sport" read alike everywhere).
 */
import type { MessageKey } from './i18n/en';
import { i18n, t } from './i18n/index.svelte';

const GENERIC: Record<string, MessageKey> = {
  seeds: 'section.seeds',
  seed: 'section.seeds',
  '': 'section.none',
};

/** The section's name for the reader. */
export function sectionLabel(section: string): string {
  const generic = GENERIC[section.trim().toLocaleLowerCase('und')];
  if (generic) return t(generic);
  const name = section.trim();
  return name.charAt(0).toLocaleUpperCase(i18n.locale) + name.slice(1);
}
