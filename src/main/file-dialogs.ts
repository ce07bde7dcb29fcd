/**
 * The system file dialogs: the only way a path reaches the services from the window. The renderer
 * says what it wants to do (import, export, back up, restore); the reader picks the path here.
 */
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import type { ExportFormat, FileDialogRequest } from '../core/export';
import { IMPORTABLE_EXTENSIONS } from '../node/import/collect-files';
import type { MainStrings } from './strings';

export interface FileDialogs {
  choosePaths(pick: 'files' | 'folder'): Promise<string[] | null>;
  chooseFile(request: FileDialogRequest): Promise<string | null>;
}

/**
 * Dialogs attached to the window `window()` returns (sheets on macOS), in the language of
 * `strings()`, read at each call so that a change of language applies at once.
 */
export function fileDialogs(
  window: () => BrowserWindow | null,
  strings: () => Promise<MainStrings>,
): FileDialogs {
  const open = async (options: OpenDialogOptions): Promise<string[] | null> => {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  };
  const save = async (title: string, defaultPath: string, filters: FileFilter[]): Promise<string | null> => {
    const parent = window();
    const options = {
      title,
      defaultPath,
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as const,
    };
    const result = parent
      ? await dialog.showSaveDialog(parent, { ...options, properties: [...options.properties] })
      : await dialog.showSaveDialog({ ...options, properties: [...options.properties] });
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  return {
    async choosePaths(pick) {
      const text = await strings();
      return pick === 'folder'
        ? open({ title: text.importFolderTitle, properties: ['openDirectory', 'multiSelections'] })
        : open({
            title: text.importFilesTitle,
            properties: ['openFile', 'multiSelections'],
            // The one list the folder walk uses too; "All files" for the text files without an
            // extension that corpora often hold (a file chosen by name is always tried).
            filters: [
              { name: text.textArticles, extensions: IMPORTABLE_EXTENSIONS.map((ext) => ext.slice(1)) },
              { name: text.allFiles, extensions: ['*'] },
            ],
          });
    },
    async chooseFile(request) {
      const text = await strings();
      switch (request.kind) {
        case 'save-export':
          return save(text.exportTitle, request.defaultName, [exportFilter(request.format, text)]);
        case 'export-folder': {
          const [dir] = (await open({
            title: text.exportFolderTitle,
            buttonLabel: text.exportFolderButton,
            properties: ['openDirectory', 'createDirectory'],
          })) ?? [null];
          return dir ?? null;
        }
        case 'save-backup':
          return save(text.backupTitle, request.defaultName, [
            { name: text.backupFiles, extensions: ['json'] },
          ]);
        case 'open-backup': {
          const [file] = (await open({
            title: text.restoreTitle,
            properties: ['openFile'],
            filters: [{ name: text.backupFiles, extensions: ['json'] }],
          })) ?? [null];
          return file ?? null;
        }
      }
    },
  };
}

function exportFilter(format: ExportFormat, text: MainStrings): FileFilter {
  if (format === 'markdown') return { name: text.markdownFiles, extensions: ['md'] };
  if (format === 'json') return { name: text.jsonFiles, extensions: ['json'] };
  return { name: text.webAnnotationFiles, extensions: ['jsonld', 'json'] };
}
