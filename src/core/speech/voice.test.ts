import { describe, expect, it } from 'vitest';
import { ENGINE_MAX_WPM, ENGINE_NORMAL_WPM, ratePlan, speechLanguageFor } from './voice';

describe('speechLanguageFor', () => {
  it('reads French articles in French and everything else in English', () => {
    expect(speechLanguageFor('fr')).toBe('fr');
    expect(speechLanguageFor('fr-CA')).toBe('fr');
    expect(speechLanguageFor('FR_be')).toBe('fr');
    expect(speechLanguageFor('en')).toBe('en');
    expect(speechLanguageFor('und')).toBe('en');
    expect(speechLanguageFor('')).toBe('en');
  });
});

describe('ratePlan', () => {
  it('asks the engine for the whole speed while it can', () => {
    expect(ratePlan(1)).toEqual({ wordsPerMinute: ENGINE_NORMAL_WPM, playbackRate: 1 });
    const fast = ratePlan(2);
    expect(fast.wordsPerMinute).toBe(350);
    expect(fast.playbackRate).toBeCloseTo(1);
  });

  it('hands what the engine cannot do to the player, so the product is the speed asked', () => {
    for (const rate of [0.5, 0.75, 1.5, 2.5, 2.75, 3]) {
      const plan = ratePlan(rate);
      expect(plan.wordsPerMinute).toBeLessThanOrEqual(ENGINE_MAX_WPM);
      expect((plan.wordsPerMinute * plan.playbackRate) / ENGINE_NORMAL_WPM).toBeCloseTo(rate, 5);
    }
    expect(ratePlan(3).playbackRate).toBeGreaterThan(1);
  });

  it('clamps speeds outside 0.5× to 3×', () => {
    expect(ratePlan(10)).toEqual(ratePlan(3));
    expect(ratePlan(0.1)).toEqual(ratePlan(0.5));
  });
});
