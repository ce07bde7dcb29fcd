/**
 * Read-aloud rules both sides need: which shipped voice reads an article, how a speed is split
 * between the engine and the player, and the limits of a synthesis request. Plain data, no
 * schema library, so the renderer imports it without bundling zod.
 */

/** The languages the shipped voice (eSpeak NG) is offered in, by BCP 47 primary subtag. */
export const SHIPPED_VOICES = { fr: 'fr', en: 'en-us' } as const;
export type SpeechLanguage = keyof typeof SHIPPED_VOICES;

/** The slowest and fastest speeds the player offers (× the voice's normal speed). */
export const MIN_SPEECH_RATE = 0.5;
export const MAX_SPEECH_RATE = 3;
/** Steps of the faster / slower buttons. */
export const SPEECH_RATE_STEP = 0.25;

/**
 * The longest text one synthesis request takes, in UTF-16 code units. A sentence of news prose is
 * rarely over 400 characters; 2,000 bounds the work one call does (about 20 s of speech) while
 * leaving room for a long quoted sentence.
 */
export const MAX_SENTENCE_LENGTH = 2_000;

/**
 * The shipped voice's language for an article's language tag (`fr`, `fr-CA`, `en-GB`, `und`):
 * French for French, English otherwise, since English is the voice every reader of the app has.
 * The interface language plays no part: a French article is read in French in the English UI.
 */
export function speechLanguageFor(articleLanguage: string): SpeechLanguage {
  const primary = articleLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return primary === 'fr' ? 'fr' : 'en';
}

/** eSpeak NG's normal speed, in words per minute (its own default). */
export const ENGINE_NORMAL_WPM = 175;
/**
 * eSpeak NG's fastest speed without its "sonic" speed-up library, which the WebAssembly build
 * leaves out: 450 words per minute (about 2.6×).
 */
export const ENGINE_MAX_WPM = 450;
/** Its slowest: 80 words per minute (about 0.46×). */
export const ENGINE_MIN_WPM = 80;

/** How a speed is produced: words per minute asked of the engine, times the player's own rate. */
export interface RatePlan {
  wordsPerMinute: number;
  playbackRate: number;
}

/**
 * Splits a speed (0.5× to 3×) between the engine and the player. The engine's own rate sounds
 * better than stretching the audio (it shortens pauses and vowels as a speaker does), so it takes
 * as much as it can; the rest, above about 2.6×, is the player's `playbackRate`, which keeps
 * the pitch.
 */
export function ratePlan(rate: number): RatePlan {
  const clamped = Math.min(MAX_SPEECH_RATE, Math.max(MIN_SPEECH_RATE, rate));
  const wanted = ENGINE_NORMAL_WPM * clamped;
  const wordsPerMinute = Math.round(Math.min(ENGINE_MAX_WPM, Math.max(ENGINE_MIN_WPM, wanted)));
  return { wordsPerMinute, playbackRate: wanted / wordsPerMinute };
}

/** A spoken sentence as the main process returns it. */
export interface SynthesizedSentence {
  /** A complete WAV file (16-bit mono PCM), base64: it crosses the IPC and the test bridge as text. */
  wavBase64: string;
  sampleRate: number;
  /** Length of the audio at the engine's rate (before the player's `playbackRate`). */
  durationMs: number;
  /** Where each word starts in the audio, as the engine reports it (ms), with its offsets in `text`. */
  words: SpokenWord[];
}

/** One word of a synthesized sentence: `start`–`end` in the request's text, from `atMs` in the audio. */
export interface SpokenWord {
  start: number;
  end: number;
  atMs: number;
}
