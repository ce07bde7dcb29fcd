/**
 * The reading page's highlighting: paints the article's highlights, hit-tests clicks on them, and
 * holds what floats over the page for them (the toolbar by a selection, the open highlight editor)
 * and the live announcement that tells screen-reader users what happened.
 *
 * Highlights are painted with the CSS Custom Highlight API: ranges registered in `CSS.highlights`,
 * styled by `::highlight(gazette-<colour>)` in app.css. Nothing is added to the article's DOM, so
 * its text nodes stay exactly the blocks' text: selection offsets, reading-position anchors and the
 * text-size restore all keep working on the same nodes. The API is invisible to screen readers; the
 * side panel and the announcement are how they reach each highlight.
 *
 * From the keyboard, `s` / Shift+S select the next / previous sentence (then Shift+arrows adjust
 * the selection, as in any text, and `h` highlights it): the way to start a selection without a
 * mouse, since the article's text is not editable and has no caret.
 */
import type { ArticleText } from '../../../core/annotations/article-text';
import {
  HIGHLIGHT_COLORS,
  currentQuote,
  type HighlightColor,
  type Highlight as HighlightData,
} from '../../../core/annotations/model';
import { noteToPlainText, parseNoteMarkdown } from '../../../core/annotations/note-markdown';
import type { ArticleAnnotationsState } from './annotations.svelte';
import { errorMessage } from './api';
import { t } from './i18n/index.svelte';
import {
  blockElements,
  offsetsToRanges,
  pointToOffset,
  rangeToOffsets,
  rangesContainPoint,
  selectAcross,
} from './selection-offsets';
import { scrollToUpperThird } from './reading-position';
import { blockSentences, sentenceAfter, sentenceBefore, sentenceFrom, type Sentence } from './sentences';

/** What the reading page lends: its annotations, and its elements and text once shown. */
export interface ReaderHighlightsContext {
  annotations: ArticleAnnotationsState;
  /** The `<article>` element holding the `[data-block]` elements. */
  root: () => HTMLElement | undefined;
  /** The element that scrolls the article. */
  scroller: () => HTMLElement | undefined;
  /** The article's body text (what highlight offsets count). */
  body: () => ArticleText | null;
  /** The article's language, for finding its sentences. */
  language: () => string;
  /** Shows an error that stops the page (a highlight could not be saved). */
  onerror: (message: string) => void;
}

/** The selection the toolbar would highlight, and where to show the toolbar (viewport pixels). */
export interface PendingSelection {
  start: number;
  end: number;
  left: number;
  top: number;
}

/** The highlight open in the editor, and the rectangle to show the editor by. */
export interface EditingHighlight {
  highlightId: string;
  at: { left: number; top: number; bottom: number };
}

export class ReaderHighlights {
  pending = $state<PendingSelection | null>(null);
  editing = $state<EditingHighlight | null>(null);
  /** The text of the page's polite live region. */
  announcement = $state('');
  /** The painted DOM ranges of each anchored highlight, for hit-testing clicks. */
  // Not state: only the click hit-test and the panel read it, after painting.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #painted = new Map<string, Range[]>();
  readonly #context: ReaderHighlightsContext;

  constructor(context: ReaderHighlightsContext) {
    this.#context = context;
  }

  /** The highlight open in the editor, while it still exists. */
  get editingHighlight(): HighlightData | undefined {
    const editing = this.editing;
    return editing
      ? this.#context.annotations.highlights.find((h) => h.id === editing.highlightId)
      : undefined;
  }

  /**
   * Paints every anchored highlight; returns the clean-up that unpaints them. Meant to run in an
   * `$effect`: it reads the article element, the body text and the highlights, so it repaints
   * when any of them changes.
   */
  paint(): (() => void) | undefined {
    const root = this.#context.root();
    const text = this.#context.body();
    const highlights = this.#context.annotations.highlights;
    if (!root || !text || typeof CSS === 'undefined' || !('highlights' in CSS)) return undefined;
    // Both maps are built and handed over here, never watched: plain Maps, not SvelteMaps.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byColor = new Map<HighlightColor, Range[]>(HIGHLIGHT_COLORS.map((color) => [color, []]));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const next = new Map<string, Range[]>();
    for (const highlight of highlights) {
      if (highlight.anchor.status === 'detached') continue;
      const ranges = offsetsToRanges(root, text, highlight.anchor.start, highlight.anchor.end);
      next.set(highlight.id, ranges);
      byColor.get(highlight.color)?.push(...ranges);
    }
    this.#painted = next;
    for (const [color, ranges] of byColor) CSS.highlights.set(`gazette-${color}`, new Highlight(...ranges));
    return () => {
      for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(`gazette-${color}`);
    };
  }

  /** A highlight's words as they are now in the article. */
  quoteOf = (highlight: HighlightData): string => currentQuote(highlight, this.#context.body()?.text ?? '');

  #colorName(color: HighlightColor): string {
    return t(`color.${color}`);
  }

  /** The current selection, when it lies in the article's text. */
  selectedOffsets(): { start: number; end: number; rect: DOMRect } | null {
    const root = this.#context.root();
    const body = this.#context.body();
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root || !body) {
      return null;
    }
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return null;
    const offsets = rangeToOffsets(range, root, body);
    if (!offsets || body.text.slice(offsets.start, offsets.end).trim() === '') return null;
    // The toolbar goes above the selection's first line, centred on it.
    return { ...offsets, rect: range.getClientRects()[0] ?? range.getBoundingClientRect() };
  }

  /** Shows (or hides) the toolbar by the selection, after the reader made or changed it. */
  updateToolbar(): void {
    // Not while the reader works in the editor or the panel (choosing a highlight there selects it).
    const elsewhere = this.editing || document.activeElement?.closest('.panel-slot');
    const selected = elsewhere ? null : this.selectedOffsets();
    this.pending = selected
      ? {
          start: selected.start,
          end: selected.end,
          left: selected.rect.left + selected.rect.width / 2,
          top: selected.rect.top,
        }
      : null;
  }

  async highlightSelection(
    color: HighlightColor,
    range: { start: number; end: number } | null = this.pending ?? this.selectedOffsets(),
  ): Promise<void> {
    if (!range) return;
    this.pending = null;
    // The selection goes, but its end stays as a caret (invisible in read-only text): `s` goes
    // on from there to the next sentence.
    const selection = getSelection();
    if (selection && selection.rangeCount > 0) selection.collapseToEnd();
    try {
      const made = await this.#context.annotations.addHighlight(range.start, range.end, color);
      this.announcement = t('annotations.highlighted', {
        color: this.#colorName(color),
        quote: this.quoteOf(made),
      });
    } catch (caught) {
      this.#context.onerror(errorMessage(caught));
    }
  }

  /** The rectangle of a highlight's first painted line, for placing things by it. */
  #highlightRect(highlightId: string): DOMRect | null {
    return this.#painted.get(highlightId)?.[0]?.getBoundingClientRect() ?? null;
  }

  /**
   * Tells screen-reader users which highlight this is; unless the reader is already looking at
   * it (`select: false`, after a click on it), scrolls it to the upper third of the view and
   * selects its words.
   */
  reveal(highlight: HighlightData, select = true): void {
    const ranges = this.#painted.get(highlight.id);
    const first = ranges?.[0];
    const last = ranges?.[ranges.length - 1];
    const scroller = this.#context.scroller();
    if (!first || !last || !scroller) return;
    if (select) {
      scrollToUpperThird(scroller, first.getBoundingClientRect());
      selectAcross(first, last);
    }
    const highlights = this.#context.annotations.highlights;
    this.announcement = t('annotations.showing', {
      color: this.#colorName(highlight.color),
      index: highlights.indexOf(highlight) + 1,
      total: highlights.length,
      quote: this.quoteOf(highlight),
      note: highlight.note ? noteToPlainText(parseNoteMarkdown(highlight.note)) : '',
    });
  }

  /** Opens the editor by `highlight` (or by `from`, the panel's entry, if it is not painted). */
  openEditor(highlight: HighlightData, from?: HTMLElement, select = true): void {
    this.pending = null;
    if (highlight.anchor.status !== 'detached') this.reveal(highlight, select);
    const rect = this.#highlightRect(highlight.id) ?? from?.getBoundingClientRect() ?? null;
    this.editing = {
      highlightId: highlight.id,
      at: rect ? { left: rect.left, top: rect.top, bottom: rect.bottom } : { left: 80, top: 80, bottom: 80 },
    };
  }

  /** A click on painted words opens their highlight (hit-tested against its ranges' lines). */
  onarticleclick(event: MouseEvent): void {
    const selection = getSelection();
    if (selection && !selection.isCollapsed) return;
    for (const highlight of this.#context.annotations.highlights) {
      const ranges = this.#painted.get(highlight.id);
      if (ranges && rangesContainPoint(ranges, event.clientX, event.clientY)) {
        this.openEditor(highlight, undefined, false);
        return;
      }
    }
  }

  /**
   * Selects a sentence from the keyboard: with `step` 1 the one after the selection (the one
   * holding the caret when the selection is collapsed), with -1 the one before it; with no
   * selection in view, the first sentence that starts in view. Scrolls it into view, tells
   * screen-reader users what is selected, and shows the toolbar by it. False when there is no
   * such sentence (the selection is left as it was).
   */
  selectSentence(step: 1 | -1): boolean {
    const root = this.#context.root();
    const body = this.#context.body();
    const scroller = this.#context.scroller();
    if (!root || !body || !scroller) return false;
    const language = this.#context.language();
    const view = scroller.getBoundingClientRect();
    const from = this.#selectionInView(root, body, view);
    let sentence: Sentence | null;
    if (!from) sentence = this.#firstSentenceInView(root, body, view, language);
    else if (step < 0) sentence = sentenceBefore(body, from.start, language);
    else if (from.start === from.end) sentence = sentenceFrom(body, from.end, language);
    else sentence = sentenceAfter(body, from.end, language);
    const ranges = sentence ? offsetsToRanges(root, body, sentence.start, sentence.end) : [];
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    if (!sentence || !first || !last) return false;
    const whole = selectAcross(first, last);
    // Shift+arrows extend a selection in read-only text only while the focus holds it (focus on
    // the title, where the article opens, leaves them dead): the page itself takes the focus.
    if (document.activeElement !== scroller) scroller.focus({ preventScroll: true });
    const rect = first.getBoundingClientRect();
    if (rect.top < view.top || whole.getBoundingClientRect().bottom > view.bottom) {
      scrollToUpperThird(scroller, rect);
    }
    this.announcement = t('annotations.selected', { quote: body.text.slice(sentence.start, sentence.end) });
    // After the scroll event (which hides the toolbar) has gone by.
    requestAnimationFrame(() => this.updateToolbar());
    return true;
  }

  /** The selection (or caret) in the article's blocks as offsets, if any of it is in view. */
  #selectionInView(
    root: HTMLElement,
    body: ArticleText,
    view: DOMRect,
  ): { start: number; end: number } | null {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const rect = range.getBoundingClientRect();
    if (rect.bottom < view.top || rect.top > view.bottom || (rect.width === 0 && rect.height === 0)) {
      return null;
    }
    if (!range.collapsed) return rangeToOffsets(range, root, body);
    const at = pointToOffset(root, body, range.startContainer, range.startOffset);
    return at === null ? null : { start: at, end: at };
  }

  /** The first sentence starting in view, or else the one running through the top of the view. */
  #firstSentenceInView(
    root: HTMLElement,
    body: ArticleText,
    view: DOMRect,
    language: string,
  ): Sentence | null {
    let through: Sentence | null = null;
    for (const [index, element] of blockElements(root)) {
      const box = element.getBoundingClientRect();
      if (box.bottom <= view.top) continue;
      if (box.top >= view.bottom) break;
      for (const sentence of blockSentences(body, index, language)) {
        const ranges = offsetsToRanges(root, body, sentence.start, sentence.end);
        const top = ranges[0]?.getClientRects()[0]?.top;
        if (top === undefined) continue;
        if (top >= view.top - 1) return top < view.bottom ? sentence : through;
        const lines = ranges[ranges.length - 1]?.getClientRects();
        const bottom = lines?.[lines.length - 1]?.bottom;
        if (bottom !== undefined && bottom > view.top) through = sentence;
      }
    }
    return through;
  }

  /** Closes what floats over the page (the editor, the toolbar); false when nothing did. */
  dismiss(): boolean {
    if (!this.editing && !this.pending) return false;
    this.editing = null;
    this.pending = null;
    return true;
  }
}
