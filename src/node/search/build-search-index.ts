/**
 * Builds the whole search index from the data folder's files: every article in the library (title
 * and body text) and every annotation file. Runs on a worker thread in the app
 * (search-build-worker.ts), so a rebuild of 20,000 articles never blocks the main process; it
 * reads the library through a read-only store, which takes no lock and sees one consistent version.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { articleText } from '../../core/annotations/article-text';
import { inReadingOrder } from '../../core/annotations/model';
import { articleIdOfFile, annotationsDir, openAnnotationFile } from '../annotations/annotation-file';
import { LibraryStore } from '../store';
import { isErrnoException } from '../store/durable-json-file';
import { FullTextIndex } from './full-text-index';
import {
  annotationDocuments,
  articleDocument,
  SEARCH_INDEX_VERSION,
  type SearchDocument,
} from './search-documents';
import { fileSignature, snapshotText, type SnapshotHeader } from './search-snapshot';

/** Progress of a build: `done` of `total` articles and annotation files indexed. */
export type BuildProgress = (done: number, total: number) => void;

/** Reports progress every this many items: often enough for a bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 250;

/**
 * Indexes everything in `dataDir` and returns the snapshot's text (search-snapshot.ts), ready to
 * be written and loaded. A damaged annotation file is left out (it has no signature in the header,
 * so the next load tries it again); a body that cannot be read leaves its article out likewise.
 */
export async function buildSearchSnapshot(dataDir: string, onProgress?: BuildProgress): Promise<string> {
  const store = await LibraryStore.open(dataDir, { readOnly: true });
  try {
    const index = new FullTextIndex();
    const header: SnapshotHeader = {
      version: SEARCH_INDEX_VERSION,
      articles: {},
      annotations: {},
      annotationDocs: {},
    };
    const metas = store.list();
    const annotated = await annotatedIds(dataDir);
    const total = metas.length + annotated.length;
    let done = 0;
    const step = (): void => {
      done += 1;
      if (done % PROGRESS_EVERY === 0 || done === total) onProgress?.(done, total);
    };
    onProgress?.(0, total);
    for (const meta of metas) {
      try {
        const article = await store.readArticle(meta.id);
        index.add(articleDocument(meta, articleText(article.blocks).text));
        header.articles[meta.id] = meta.fingerprint;
      } catch {
        // Left out of the stamp, so the next load tries the article again.
      }
      step();
    }
    for (const id of annotated) {
      const file = path.join(annotationsDir(dataDir), `${id}.json`);
      try {
        const signature = await fileSignature(file);
        const data = (await openAnnotationFile(dataDir, id, true)).data;
        const language = store.getIncludingRemoved(id)?.language ?? 'und';
        const documents: SearchDocument[] = annotationDocuments(
          { articleId: id, highlights: inReadingOrder(data.highlights), notes: data.notes },
          language,
        );
        index.addAll(documents);
        header.annotationDocs[id] = documents.map((document) => document.id);
        if (signature) header.annotations[id] = signature;
      } catch {
        // Damaged: reported when the article's annotations are read; retried at the next load.
      }
      step();
    }
    return snapshotText(header, index.serialize());
  } finally {
    await store.close();
  }
}

/** The ids of the articles with an annotation file. */
export async function annotatedIds(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(annotationsDir(dataDir)))
      .map((name) => articleIdOfFile(name))
      .filter((id): id is string => id !== undefined)
      .sort();
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}
