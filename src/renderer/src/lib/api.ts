/** The app's API, exposed by the preload (or by the end-to-end test bridge). */
import type { MessageKey } from './i18n/en';
import { i18n, t } from './i18n/index.svelte';

export const api = window.gazette;

/**
 * What each error code (the name of the error the services threw, carried across IPC) means to
 * a reader, in the interface's language. The services' own messages are English sentences that
 * may hold paths: they are shown only in the English interface, for codes not listed here.
 */
const ERROR_MESSAGES: Partial<Record<string, MessageKey>> = {
  StoreCorruptError: 'error.corrupt',
  StoreVersionError: 'error.newer',
  StoreLockedError: 'error.locked',
  StoreReadOnlyError: 'error.readOnly',
  UnknownArticleError: 'error.unknownArticle',
  UnknownAnnotationError: 'error.unknownAnnotation',
  InvalidInput: 'error.invalid',
  InvalidSettingsError: 'error.invalid',
  InvalidAnnotationError: 'error.invalid',
  BackupError: 'error.backup',
};

/** A message for a person from whatever was thrown: translated by its code, never raw English in French. */
export function errorMessage(error: unknown): string {
  const code = error instanceof Error ? error.name : '';
  const key = ERROR_MESSAGES[code];
  if (key) return t(key);
  if (i18n.locale !== 'en') return t('error.unexpected');
  return error instanceof Error ? error.message : String(error);
}
