/**
 * One article's annotations on disk: `<dataDir>/user/annotations/<articleId>.json`,
 *
 *   { "schemaVersion": 1, "articleId": "…", "anchoredTo": "<fingerprint>",
 *     "highlights": [Highlight…], "notes": [Note…] }
 *
 * Why one file per article: a save rewrites only the article's own file, a few kilobytes, so
 * the bytes written per save do not grow with the library (progress.json, by contrast, is one file
 * for every article). `anchoredTo` is the fingerprint of the text the anchors were computed on: when
 * the library holds another version of the article, the highlights are anchored again before use,
 * so an import that stopped between its commit and its re-anchoring step loses nothing.
 *
 * Written through DurableJsonFile (temporary file, fsync, rename, folder fsync): a crash leaves the
 * old file or the new one, never a torn one, and a damaged file is reported and never overwritten.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import {
  highlightSchema,
  noteSchema,
  storedArticleIdSchema,
} from '../../core/annotations/annotation-schemas';
import { DurableJsonFile, USER_DIR } from '../store';

/** The folder of the annotation files, under `user/`. */
export const ANNOTATIONS_DIR = 'annotations';
/**
 * 1: the first format. 2: a highlight or note may carry `conflicts`, other versions of its text
 * kept beside it by a restore (src/core/annotations/model.ts). Version-1 files read as they are;
 * the first save keeps the old file beside the new one (`<id>.v1.json`, which no listing takes
 * for an article's file).
 */
export const ANNOTATION_SCHEMA_VERSION = 2;
const ANNOTATION_MIGRATIONS = { 1: (document: Record<string, unknown>) => document };

export const annotationFileSchema = z
  .object({
    schemaVersion: z.literal(ANNOTATION_SCHEMA_VERSION),
    articleId: storedArticleIdSchema,
    /** The fingerprint (ArticleMeta.fingerprint) of the text the anchors were computed on; '' if none yet. */
    anchoredTo: z.string(),
    highlights: z.array(highlightSchema),
    notes: z.array(noteSchema),
  })
  .strict();
export type AnnotationFile = z.infer<typeof annotationFileSchema>;

/** The file of article `articleId`: every annotation in it belongs to that article. */
export function annotationFileSchemaFor(articleId: string): z.ZodType<AnnotationFile> {
  return annotationFileSchema.refine(
    (file) =>
      file.articleId === articleId &&
      file.highlights.every((highlight) => highlight.articleId === articleId) &&
      file.notes.every((note) => note.articleId === articleId),
    { message: `it holds annotations of an article other than "${articleId}"` },
  );
}

/** `<dataDir>/user/annotations`. */
export function annotationsDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), USER_DIR, ANNOTATIONS_DIR);
}

/**
 * `<dataDir>/user/annotations/<articleId>.json`.
 * @throws Error for an id that is not a plain word (so no id can name a path outside the folder).
 */
export function annotationFilePath(dataDir: string, articleId: string): string {
  if (!storedArticleIdSchema.safeParse(articleId).success) {
    throw new Error(`"${articleId}" is not an article id, so it has no annotation file.`);
  }
  return path.join(annotationsDir(dataDir), `${articleId}.json`);
}

/** The article id an annotation file's name gives, or undefined for any other name. */
export function articleIdOfFile(name: string): string | undefined {
  if (!name.endsWith('.json')) return undefined;
  const id = name.slice(0, -'.json'.length);
  return storedArticleIdSchema.safeParse(id).success ? id : undefined;
}

export function emptyAnnotationFile(articleId: string): AnnotationFile {
  return { schemaVersion: ANNOTATION_SCHEMA_VERSION, articleId, anchoredTo: '', highlights: [], notes: [] };
}

/**
 * The adapter of an article's annotation file (not read yet). Pretty-printed: the files are
 * small and the reader's own writing, worth being readable.
 */
export function annotationFileAdapter(
  dataDir: string,
  articleId: string,
  readOnly: boolean,
): DurableJsonFile<AnnotationFile> {
  return new DurableJsonFile<AnnotationFile>(annotationFilePath(dataDir, articleId), {
    schema: annotationFileSchemaFor(articleId),
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    label: 'annotation file',
    readOnly,
    indent: 2,
    migrations: ANNOTATION_MIGRATIONS,
  });
}

/**
 * Opens and reads an article's annotation file as a lowdb database; a missing file reads as empty.
 * @throws StoreCorruptError / StoreVersionError for a damaged file (one holding another article's
 *   annotations included) or one from a newer Gazette; the file is left as it is.
 */
export async function openAnnotationFile(
  dataDir: string,
  articleId: string,
  readOnly: boolean,
): Promise<Low<AnnotationFile>> {
  const db = new Low<AnnotationFile>(
    annotationFileAdapter(dataDir, articleId, readOnly),
    emptyAnnotationFile(articleId),
  );
  await db.read();
  return db;
}
