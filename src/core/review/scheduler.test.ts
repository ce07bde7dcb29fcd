import { describe, expect, it } from 'vitest';
import type { ReviewFrequency, ReviewRating, ReviewRecord } from './model';
import { reviewStateSchema } from './review-schemas';
import {
  effectiveFrequency,
  gradeRecord,
  newReviewRecord,
  planSession,
  type ReviewCandidate,
} from './scheduler';

const DAY = 24 * 60 * 60 * 1000;
/** A fixed clock: 09:00 local time on day `day` after 1 March 2026. */
const at = (day: number, hour = 9): Date => new Date(2026, 2, 1 + day, hour);

interface Item {
  id: string;
  frequency: ReviewFrequency;
  grade: (reviews: number) => ReviewRating;
}

/** Plays a reader who opens the review every morning for `days` days and grades every item shown. */
function simulate(items: Item[], days: number, limit = 10) {
  const records = new Map<string, ReviewRecord>();
  const shownOn = new Map<string, number[]>();
  const sessionSizes: number[] = [];
  for (let day = 0; day < days; day += 1) {
    const now = at(day);
    const candidates: ReviewCandidate[] = items.map((item, index) => ({
      annotationId: item.id,
      articleId: 'a'.repeat(12),
      createdAt: new Date(at(-30).getTime() + index * 1000).toISOString(),
      frequency: item.frequency,
      record: records.get(item.id),
    }));
    const plan = planSession(candidates, now, limit);
    sessionSizes.push(plan.chosen.length);
    plan.chosen.forEach((candidate, order) => {
      const item = items.find((other) => other.id === candidate.annotationId)!;
      const record = candidate.record ?? newReviewRecord(candidate.articleId, now);
      const when = new Date(now.getTime() + order * 20_000);
      records.set(item.id, gradeRecord(record, item.grade(record.history.length), item.frequency, when));
      shownOn.set(item.id, [...(shownOn.get(item.id) ?? []), day]);
    });
    // Opening the review again the same day shows nothing more: today's are graded.
    const again = planSession(
      items.map((item) => ({
        annotationId: item.id,
        articleId: 'a'.repeat(12),
        createdAt: at(-30).toISOString(),
        frequency: item.frequency,
        record: records.get(item.id),
      })),
      at(day, 18),
      limit,
    );
    expect(again.chosen.filter((c) => c.record && c.record.history.length > 0)).toEqual([]);
  }
  return { records, shownOn, sessionSizes };
}

const gaps = (days: number[]): number[] => days.slice(1).map((day, i) => day - (days[i] ?? 0));

describe('the review scheduler over 60 days with a fixed clock', () => {
  const items: Item[] = [
    { id: 'forgotten', frequency: 'normal', grade: () => 'again' },
    { id: 'easy', frequency: 'normal', grade: () => 'easy' },
    { id: 'good', frequency: 'normal', grade: () => 'good' },
    { id: 'often', frequency: 'more', grade: () => 'good' },
    { id: 'seldom', frequency: 'fewer', grade: () => 'good' },
    { id: 'muted', frequency: 'never', grade: () => 'good' },
    ...Array.from({ length: 20 }, (_, i) => ({
      id: `h${i}`,
      frequency: 'normal' as const,
      grade: (reviews: number) => (reviews % 3 === 2 ? ('hard' as const) : ('good' as const)),
    })),
  ];
  const { records, shownOn, sessionSizes } = simulate(items, 60);

  it('never shows more than the daily limit, and shows every new highlight within the first days', () => {
    expect(Math.max(...sessionSizes)).toBeLessThanOrEqual(10);
    expect(sessionSizes[0]).toBe(10);
    for (const item of items.filter((i) => i.frequency !== 'never')) {
      expect(shownOn.get(item.id)?.[0], item.id).toBeLessThanOrEqual(3);
    }
  });

  it('never shows a highlight whose frequency is never', () => {
    expect(shownOn.get('muted')).toBeUndefined();
  });

  it('brings a forgotten highlight back the next day, every day', () => {
    const days = shownOn.get('forgotten')!;
    expect(days.length).toBeGreaterThan(40);
    expect(new Set(gaps(days))).toEqual(new Set([1]));
  });

  it('spaces out a remembered highlight more and more', () => {
    const good = gaps(shownOn.get('good')!);
    // FSRS's default weights after "good": 3 days, then 14, then 57 (so two gaps in 60 days).
    expect(good.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < good.length; i += 1) expect(good[i]).toBeGreaterThanOrEqual(good[i - 1]!);
    expect(good.at(-1)).toBeGreaterThan(7);
    expect(good[0]).toBeGreaterThan(1);
    // An easy one waits longer than a good one after the same number of reviews.
    const easy = records.get('easy')!.card;
    const goodCard = records.get('good')!.card;
    expect(shownOn.get('easy')!.length).toBeLessThanOrEqual(shownOn.get('good')!.length);
    expect(easy.stability).toBeGreaterThan(goodCard.stability);
  });

  it('shows a "more" highlight more often than a "fewer" one graded the same', () => {
    expect(shownOn.get('often')!.length).toBeGreaterThan(shownOn.get('good')!.length - 1);
    expect(shownOn.get('often')!.length).toBeGreaterThan(shownOn.get('seldom')!.length);
    const nextGap = (id: string): number => {
      const card = records.get(id)!.card;
      return (new Date(card.due).getTime() - new Date(card.lastReview!).getTime()) / DAY;
    };
    expect(nextGap('often')).toBeLessThan(nextGap('seldom'));
  });

  it('keeps every grade in the history, and the state checks against the file schema', () => {
    const record = records.get('forgotten')!;
    expect(record.history.length).toBe(shownOn.get('forgotten')!.length);
    expect(record.history.every((entry) => entry.rating === 'again')).toBe(true);
    expect(record.card.lapses).toBeGreaterThan(30);
    const state = {
      schemaVersion: 1,
      records: Object.fromEntries(records),
      frequencies: { articles: {}, tags: {} },
    };
    expect(reviewStateSchema.safeParse(JSON.parse(JSON.stringify(state))).success).toBe(true);
  });

  it('is deterministic: the same grades give the same dates', () => {
    const second = simulate(items, 60);
    expect(Object.fromEntries(second.records)).toEqual(Object.fromEntries(records));
  });

  it('leaves retired highlights out', () => {
    const retired = { ...newReviewRecord('b'.repeat(12), at(0)), retiredAt: at(0).toISOString() };
    const plan = planSession(
      [
        {
          annotationId: 'r',
          articleId: 'b'.repeat(12),
          createdAt: at(-1).toISOString(),
          frequency: 'more',
          record: retired,
        },
      ],
      at(1),
    );
    expect(plan.chosen).toEqual([]);
  });
});

describe('effectiveFrequency', () => {
  const frequencies = {
    articles: { ['c'.repeat(12)]: 'fewer' as const },
    tags: { brexit: 'never' as const, economy: 'more' as const, sport: 'fewer' as const },
  };
  it("takes the article's own setting first, then never from a tag, then the most frequent tag", () => {
    expect(effectiveFrequency(frequencies, 'c'.repeat(12), ['Brexit'])).toBe('fewer');
    expect(effectiveFrequency(frequencies, 'd'.repeat(12), ['economy', 'Brexit'])).toBe('never');
    expect(effectiveFrequency(frequencies, 'd'.repeat(12), ['Sport', 'economy'])).toBe('more');
    expect(effectiveFrequency(frequencies, 'd'.repeat(12), ['sport'])).toBe('fewer');
    expect(effectiveFrequency(frequencies, 'd'.repeat(12), [])).toBe('normal');
  });
});
