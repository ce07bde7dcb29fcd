/** Exports of the reader's highlights and notes: Markdown, JSON and W3C Web Annotation JSON-LD. */
export { gatherAnnotatedArticles } from './annotated-article';
export type { AnnotatedArticle } from './annotated-article';
export { exportArticle, exportLibrary, LIBRARY_EXPORT_NAME } from './export-annotations';
export type { ExportOptions } from './export-annotations';
export { articleFileName, articleFileStem, slugify } from './file-names';
export { annotationsToJson, highlightRecord, JSON_EXPORT_FORMAT, noteRecord } from './json-export';
export { articleToMarkdown } from './markdown-export';
export { ANNOTATION_CONTEXT, annotationsToWebAnnotations, articleUrn } from './web-annotation-export';
export { writeExportedFile, writeExportedFiles } from './save-export';
export type { WrittenFile } from './save-export';
export {
  annotationsToReadwiseCsv,
  articleToVaultMarkdown,
  READWISE_COLUMNS,
  writeVaultNotes,
} from './tool-exports';
