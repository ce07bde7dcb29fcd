/**
 * One article's highlights and notes as the reading page shows them: loaded with the article,
 * changed through the contract's methods, and counted back into the library's row. Deletions
 * offer an Undo (undo-notice.svelte.ts) that calls the matching restore method.
 */
import type { HighlightColor, Highlight as HighlightData, Note } from '../../../core/annotations/model';
import { inReadingOrder } from '../../../core/annotations/model';
import { api } from './api';
import { t } from './i18n/index.svelte';
import { library } from './library.svelte';
import { undoNotice } from './undo-notice.svelte';

export class ArticleAnnotationsState {
  highlights = $state.raw<HighlightData[]>([]);
  notes = $state.raw<Note[]>([]);
  readonly articleId: string;

  constructor(articleId: string) {
    this.articleId = articleId;
  }

  async load(): Promise<void> {
    const loaded = await api.listAnnotations({ id: this.articleId });
    this.highlights = inReadingOrder(loaded.highlights);
    this.notes = loaded.notes;
  }

  #counted(): void {
    library.setCounts(this.articleId, this.highlights.length, this.notes.length);
  }

  #putHighlight(highlight: HighlightData): void {
    this.highlights = inReadingOrder([...this.highlights.filter((h) => h.id !== highlight.id), highlight]);
    this.#counted();
  }

  #putNote(note: Note): void {
    const others = this.notes.filter((n) => n.id !== note.id);
    this.notes = [...others, note].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    this.#counted();
  }

  async addHighlight(start: number, end: number, color: HighlightColor): Promise<HighlightData> {
    const highlight = await api.addHighlight({ id: this.articleId, start, end, color });
    this.#putHighlight(highlight);
    return highlight;
  }

  async updateHighlight(
    highlightId: string,
    change: { color?: HighlightColor; note?: string },
  ): Promise<void> {
    this.#putHighlight(await api.updateHighlight({ id: this.articleId, highlightId, ...change }));
  }

  async deleteHighlight(highlightId: string): Promise<void> {
    const deleted = await api.deleteHighlight({ id: this.articleId, highlightId });
    this.highlights = this.highlights.filter((h) => h.id !== highlightId);
    this.#counted();
    undoNotice.show(t('annotations.deleted'), async () => {
      this.#putHighlight(await api.restoreHighlight({ id: this.articleId, highlight: deleted }));
    });
  }

  async addNote(text: string): Promise<Note> {
    const note = await api.addNote({ id: this.articleId, text });
    this.#putNote(note);
    return note;
  }

  async updateNote(noteId: string, text: string): Promise<void> {
    this.#putNote(await api.updateNote({ id: this.articleId, noteId, text }));
  }

  async deleteNote(noteId: string): Promise<void> {
    const deleted = await api.deleteNote({ id: this.articleId, noteId });
    this.notes = this.notes.filter((n) => n.id !== noteId);
    this.#counted();
    undoNotice.show(t('annotations.noteDeleted'), async () => {
      this.#putNote(await api.restoreNote({ id: this.articleId, note: deleted }));
    });
  }
}
