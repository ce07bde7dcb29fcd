/**
 * The reader's highlights and notes: one durable file per annotated article, an index of their
 * counts for the library list, and re-anchoring when an article's text changes. Node only.
 */
export {
  ANNOTATION_SCHEMA_VERSION,
  ANNOTATIONS_DIR,
  annotationFilePath,
  annotationFileSchema,
  annotationsDir,
} from './annotation-file';
export type { AnnotationFile } from './annotation-file';
export { COUNTS_FILE, COUNTS_LOG_FILE } from './annotation-counts';
export { AnnotationStore } from './annotation-store';
export type { AnnotationStoreOptions, HighlightChange, MergeCounts, NewHighlight } from './annotation-store';
export { InvalidAnnotationError, UnknownAnnotationError } from './errors';
export { reanchorOnImport } from './reanchor-on-import';
export { listNotebook } from './notebook';
export type { NotebookFilter } from './notebook';
