/**
 * The words the main process shows (the menu and the system file dialogs), in the interface
 * language: the reader's choice in the settings, else the system's. The renderer has its own
 * catalogues; these few strings belong to Electron's native UI.
 */
import type { UiLocale } from '../core/settings';

const en = {
  importFiles: 'Import Files…',
  importFolder: 'Import Folder…',
  exportNotes: 'Export Highlights and Notes…',
  backup: 'Back Up Library…',
  restore: 'Restore from Backup…',
  view: 'View',
  importFilesTitle: 'Import articles',
  importFolderTitle: 'Import a folder of articles',
  textArticles: 'Articles, web pages and exports',
  allFiles: 'All files',
  exportTitle: 'Export highlights and notes',
  exportFolderTitle: 'Choose a folder for the Markdown files',
  exportFolderButton: 'Export Here',
  backupTitle: 'Back up the library',
  restoreTitle: 'Restore from a backup',
  backupFiles: 'Gazette backups',
  markdownFiles: 'Markdown',
  jsonFiles: 'JSON',
  webAnnotationFiles: 'W3C Web Annotations (JSON-LD)',
  cannotOpenLibrary: 'Gazette cannot open its library',
};

export type MainStrings = typeof en;

const fr: MainStrings = {
  importFiles: 'Importer des fichiers…',
  importFolder: 'Importer un dossier…',
  exportNotes: 'Exporter les surlignages et les notes…',
  backup: 'Sauvegarder la bibliothèque…',
  restore: 'Restaurer une sauvegarde…',
  view: 'Affichage',
  importFilesTitle: 'Importer des articles',
  importFolderTitle: 'Importer un dossier d’articles',
  textArticles: 'Articles, pages web et exports',
  allFiles: 'Tous les fichiers',
  exportTitle: 'Exporter les surlignages et les notes',
  exportFolderTitle: 'Choisir un dossier pour les fichiers Markdown',
  exportFolderButton: 'Exporter ici',
  backupTitle: 'Sauvegarder la bibliothèque',
  restoreTitle: 'Restaurer une sauvegarde',
  backupFiles: 'Sauvegardes Gazette',
  markdownFiles: 'Markdown',
  jsonFiles: 'JSON',
  webAnnotationFiles: 'Annotations Web W3C (JSON-LD)',
  cannotOpenLibrary: 'Gazette ne peut pas ouvrir sa bibliothèque',
};

export function mainStrings(locale: UiLocale): MainStrings {
  return locale === 'fr' ? fr : en;
}
