/**
 * The daily review in the renderer: today's session (from the main process's scheduler), the
 * card being shown, and the actions on it. One object for the app: the library's masthead shows
 * its due count, the review page works through its cards, and both stay in step.
 */
import type { ReviewFrequency, ReviewItem, ReviewRating, ReviewSession } from '../../../core/review/model';
import { api, errorMessage } from './api';

export class ReviewState {
  session = $state.raw<ReviewSession | null>(null);
  /** How many cards of this session were graded or retired (the next one is `items[done]`). */
  done = $state(0);
  error = $state<string | null>(null);
  /** What happened last, for the page's live region. */
  message = $state('');
  /** The date the last graded card comes back (ISO), for the message. */
  lastDue = $state<string | null>(null);

  /** The card to show now, if any is left. */
  get current(): ReviewItem | undefined {
    return this.session?.items[this.done];
  }

  /** How many are left to review today (the library's count). */
  get due(): number {
    return this.session ? this.session.items.length - this.done : 0;
  }

  /** Loads today's session afresh. */
  async load(): Promise<void> {
    try {
      this.session = await api.reviewSession({});
      this.done = 0;
      this.error = null;
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Grades the current card and moves to the next. */
  async grade(rating: ReviewRating): Promise<void> {
    const item = this.current;
    if (!item) return;
    try {
      const { record } = await api.gradeReview({ annotationId: item.annotationId, rating });
      this.lastDue = record.card.due;
      this.done += 1;
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Retires the current card: it never comes back. */
  async retire(): Promise<void> {
    const item = this.current;
    if (!item) return;
    try {
      await api.retireReview({ annotationId: item.annotationId, retired: true });
      this.done += 1;
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Saves a new note on the current card (the highlight's note, or the note's text). */
  async saveNote(text: string): Promise<void> {
    const item = this.current;
    const session = this.session;
    if (!item || !session) return;
    try {
      if (item.kind === 'highlight') {
        await api.updateHighlight({ id: item.article.id, highlightId: item.annotationId, note: text });
      } else {
        await api.updateNote({ id: item.article.id, noteId: item.annotationId, text });
      }
      this.session = {
        ...session,
        items: session.items.map((other) => (other === item ? { ...other, note: text } : other)),
      };
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }

  /** Sets how often the current card's article comes back. */
  async setArticleFrequency(frequency: ReviewFrequency): Promise<void> {
    const item = this.current;
    const session = this.session;
    if (!item || !session) return;
    try {
      await api.setReviewFrequency({ articleId: item.article.id, frequency });
      this.session = {
        ...session,
        items: session.items.map((other) =>
          other.article.id === item.article.id ? { ...other, frequency } : other,
        ),
      };
    } catch (caught) {
      this.error = errorMessage(caught);
    }
  }
}

export const review = new ReviewState();
