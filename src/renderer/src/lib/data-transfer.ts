/**
 * Export, backup and restore as the reader starts them (the data dialog, the menu, the side
 * panel): the main process asks where in a system dialog; these say what happened, in words.
 * Each resolves to `null` when the reader cancelled the dialog.
 */
import type { ExportFormat } from '../../../core/export';
import { api } from './api';
import { t } from './i18n/index.svelte';
import { library } from './library.svelte';

export type DataAction = 'export' | 'backup' | 'restore';

/** The folder of a path, for "saved N files in …". */
const folderOf = (file: string): string => file.replace(/[\\/][^\\/]*$/, '');

/** Saves the highlights and notes of article `id`, or of the whole library. */
export async function exportAnnotations(format: ExportFormat, id?: string): Promise<string | null> {
  const saved = await api.saveExport(id === undefined ? { format } : { id, format });
  if (saved === null) return null;
  const [first] = saved.files;
  if (first === undefined) return t('data.nothingToExport');
  const where = saved.files.length === 1 ? first : folderOf(first);
  return t('data.exported', { count: saved.files.length, where });
}

/** "2 articles, 1 highlight, 3 notes", leaving out what is zero when `skipZero`. */
function counts(articles: number, highlights: number, notes: number, skipZero = false): string {
  return [
    [articles, t('library.count', { count: articles })],
    [highlights, t('annotations.count', { count: highlights })],
    [notes, t('annotations.noteCount', { count: notes })],
  ]
    .filter(([count]) => !skipZero || count !== 0)
    .map(([, words]) => words)
    .join(', ');
}

export async function backUp(): Promise<string | null> {
  const summary = await api.backupLibrary({});
  if (summary === null) return null;
  const { file, articles, highlights, notes } = summary;
  return t('data.backedUp', { file, what: counts(articles, highlights, notes) });
}

export async function restore(): Promise<string | null> {
  const report = await api.restoreLibrary({});
  if (report === null) return null;
  await library.refresh();
  const added = counts(report.articlesAdded, report.highlightsAdded, report.notesAdded, true);
  const said = [
    added ? t('data.restored', { what: added }) : '',
    report.articlesBroughtBack > 0 ? t('data.broughtBack', { count: report.articlesBroughtBack }) : '',
    report.highlightsUpdated + report.notesUpdated > 0
      ? t('data.updated', { count: report.highlightsUpdated + report.notesUpdated })
      : '',
  ].filter(Boolean);
  return said.length > 0 ? said.join(' ') : t('data.restoredNothing');
}
