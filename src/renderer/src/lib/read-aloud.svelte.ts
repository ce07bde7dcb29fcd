/**
 * Read-aloud on the reading page: the article sentence by sentence, the sentence being read
 * marked with the CSS Custom Highlight API (`::highlight(gazette-speech)`, as search matches are)
 * and kept in view, so the reading position (saved as the page scrolls) follows the voice.
 *
 * Sentences come from the page's own split (sentences.ts, Intl.Segmenter in the article's
 * language), and each one is one synthesis call, so the mark changes exactly when the audio of
 * the next sentence starts. The shipped voice (eSpeak NG on a worker thread in the main process)
 * is asked for the next sentence while the current one plays, so there is no gap.
 *
 * Playback is an `<audio>` element fed a WAV blob; it advances on `ended`. Where no sound device
 * exists (a headless browser, a machine without audio) `ended` may never come, so a watchdog
 * advances after the sentence's known length (plus a margin) once it has played that long.
 *
 * A local system voice (`speechSynthesis`, `localService` only, never a network voice) is used
 * instead when the reader chose it in the settings and the system has one for the language;
 * the shipped voice is the default that always works.
 */
import type { ArticleText } from '../../../core/annotations/article-text';
import {
  MAX_SENTENCE_LENGTH,
  MAX_SPEECH_RATE,
  MIN_SPEECH_RATE,
  SPEECH_RATE_STEP,
  ratePlan,
  speechLanguageFor,
  type SynthesizedSentence,
} from '../../../core/speech/voice';
import type { ReadingPosition } from '../../../core/reading';
import { api, errorMessage } from './api';
import { offsetsToRanges, rangeToOffsets } from './selection-offsets';
import { scrollToUpperThird } from './reading-position';
import { blockSentences } from './sentences';
import { settings } from './settings.svelte';

/** The name of the mark in `CSS.highlights` (styled in ReadAloudBar.svelte). */
export const SPEECH_HIGHLIGHT = 'gazette-speech';

/**
 * Extra time the watchdog waits beyond a sentence's length before it moves on without `ended`:
 * enough for an audio device's start-up latency, short enough that a silent machine does not
 * seem stuck.
 */
const WATCHDOG_MARGIN_MS = 1200;

/** A sentence to read: offsets in the body text and the block (paragraph) holding it. */
export interface SpokenSentence {
  start: number;
  end: number;
  block: number;
}

/** What the reading page lends the player. */
export interface ReadAloudContext {
  root: () => HTMLElement | undefined;
  scroller: () => HTMLElement | undefined;
  body: () => ArticleText | null;
  language: () => string;
  /** The reading position at the top of the view (where play starts without a selection). */
  position: () => ReadingPosition | null;
  /** Called when the last sentence is read and the queue asks for the next article; false if none. */
  onfinished: () => boolean;
}

/**
 * Set when the queue moves on to the next article: the next reading page starts reading as it
 * opens. Module state, because each article's page is a new component.
 */
let continueOnNextArticle = false;

/** The articles' sentences, long ones cut at a space so no request exceeds the contract's limit. */
export function speakableSentences(body: ArticleText, language: string): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  for (let block = 0; block < body.starts.length; block += 1) {
    for (const sentence of blockSentences(body, block, language)) {
      let { start } = sentence;
      while (sentence.end - start > MAX_SENTENCE_LENGTH) {
        const window = body.text.slice(start, start + MAX_SENTENCE_LENGTH);
        const cut = Math.max(window.lastIndexOf(' '), MAX_SENTENCE_LENGTH / 2);
        sentences.push({ start, end: start + cut, block });
        start += cut;
        while (body.text[start] === ' ') start += 1;
      }
      sentences.push({ start, end: sentence.end, block });
    }
  }
  return sentences;
}

/** Base64 (as the contract carries the WAV) to a blob URL an `<audio>` element plays. */
function wavUrl(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/** A local system voice for `language`, if the reader chose system voices and there is one. */
function systemVoiceFor(language: string): SpeechSynthesisVoice | null {
  if (settings.value.readAloudVoice !== 'system' || typeof speechSynthesis === 'undefined') return null;
  const wanted = speechLanguageFor(language);
  return (
    speechSynthesis
      .getVoices()
      .find((voice) => voice.localService && voice.lang.toLowerCase().startsWith(wanted)) ?? null
  );
}

export class ReadAloud {
  /** Started (playing or paused), as opposed to stopped. */
  active = $state(false);
  playing = $state(false);
  /** Waiting for the voice (the first sentence is being synthesized). */
  loading = $state(false);
  /** The index of the sentence being read in `sentences`. */
  index = $state(-1);
  error = $state<string | null>(null);
  /** Go on to the next article of the list at the end of this one. */
  queue = $state(false);
  /** Which voice reads: the shipped one or a system one. */
  voice = $state<'shipped' | 'system'>('shipped');

  readonly #context: ReadAloudContext;
  #sentences: SpokenSentence[] = [];
  #audio: HTMLAudioElement | null = null;
  #url: string | null = null;
  /** Synthesized sentences by index, for the current speed. Not state: nothing on screen reads it. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #cache = new Map<number, Promise<SynthesizedSentence>>();
  #cacheRate = 0;
  /** Bumped at every jump or stop, so a late answer for an old sentence is ignored. */
  #generation = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #remainingMs = 0;
  #startedAt = 0;

  constructor(context: ReadAloudContext) {
    this.#context = context;
    this.queue = continueOnNextArticle;
  }

  get rate(): number {
    return settings.value.readAloudRate;
  }

  /** The sentence being read, if any. */
  get current(): SpokenSentence | undefined {
    return this.#sentences[this.index];
  }

  /**
   * Called once the article is shown: starts reading if the queue brought the reader here; else
   * loads the voice and makes the sentence at the reading position ahead of time, so that play
   * sounds at once (one sentence, off the UI thread: about 0.3 s of a worker's time per article).
   */
  ready(): void {
    if (continueOnNextArticle) {
      continueOnNextArticle = false;
      this.#prepare();
      void this.#playFrom(0);
      return;
    }
    void api
      .prepareSpeech({})
      .then(() => {
        if (this.active || systemVoiceFor(this.#context.language())) return;
        this.#sentences = this.#split();
        void this.#synthesized(this.#startIndex())?.catch(() => undefined);
      })
      .catch(() => undefined);
  }

  /** Play or pause (the `r` key, the play button). */
  toggle(): void {
    if (this.playing) this.pause();
    else if (this.active) this.resume();
    else this.start();
  }

  /** Starts reading at the selection, else at the reading position. */
  start(): void {
    this.#prepare();
    void this.#playFrom(this.#startIndex());
  }

  /** The sentence at the selection, else at the reading position. */
  #startIndex(): number {
    const from = this.#selectionOffset() ?? this.#positionOffset();
    return Math.max(
      0,
      this.#sentences.findIndex((sentence) => sentence.end > from),
    );
  }

  pause(): void {
    if (!this.active) return;
    this.playing = false;
    this.#audio?.pause();
    if (typeof speechSynthesis !== 'undefined' && this.voice === 'system') speechSynthesis.pause();
    this.#stopWatchdog(true);
  }

  resume(): void {
    if (!this.active || this.playing) return;
    this.playing = true;
    if (this.voice === 'system') {
      speechSynthesis.resume();
      return;
    }
    if (this.#audio && this.#audio.src) {
      this.#audio.play().catch((error: unknown) => this.#fail(error));
      this.#startWatchdog(this.#remainingMs);
    } else {
      void this.#playFrom(this.index);
    }
  }

  /** Stops and removes the mark. */
  stop(): void {
    this.#generation += 1;
    this.active = false;
    this.playing = false;
    this.loading = false;
    this.#stopWatchdog(false);
    this.#audio?.pause();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    this.#releaseUrl();
    CSS.highlights?.delete(SPEECH_HIGHLIGHT);
  }

  /** Next (+1) or previous (−1) sentence. */
  stepSentence(direction: 1 | -1): void {
    if (!this.active) return;
    const target = Math.min(this.#sentences.length - 1, Math.max(0, this.index + direction));
    void this.#playFrom(target, this.playing);
  }

  /** The first sentence of the next (+1) or previous (−1) paragraph (or of this one, going back mid-way). */
  stepParagraph(direction: 1 | -1): void {
    const current = this.current;
    if (!this.active || !current) return;
    let target: number;
    if (direction > 0) {
      target = this.#sentences.findIndex((sentence) => sentence.block > current.block);
      if (target < 0) return;
    } else {
      const firstOfBlock = this.#sentences.findIndex((sentence) => sentence.block === current.block);
      const block =
        firstOfBlock === this.index
          ? (this.#sentences[Math.max(0, firstOfBlock - 1)]?.block ?? 0)
          : current.block;
      target = this.#sentences.findIndex((sentence) => sentence.block === block);
    }
    void this.#playFrom(Math.max(0, target), this.playing);
  }

  /** Faster (+1) or slower (−1) by one step, within 0.5×–3×; the current sentence restarts at the new speed. */
  changeRate(direction: 1 | -1): void {
    const next = Math.min(
      MAX_SPEECH_RATE,
      Math.max(MIN_SPEECH_RATE, this.rate + direction * SPEECH_RATE_STEP),
    );
    if (next === this.rate) return;
    void settings.update({ readAloudRate: next }).catch(() => undefined);
    if (this.active) void this.#playFrom(this.index, this.playing);
  }

  #split(): SpokenSentence[] {
    const body = this.#context.body();
    return body ? speakableSentences(body, this.#context.language()) : [];
  }

  #prepare(): void {
    this.#sentences = this.#split();
    this.active = true;
    this.error = null;
  }

  #selectionOffset(): number | null {
    const root = this.#context.root();
    const body = this.#context.body();
    const selection = getSelection();
    if (!root || !body || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return null;
    return rangeToOffsets(range, root, body)?.start ?? null;
  }

  #positionOffset(): number {
    const body = this.#context.body();
    const position = this.#context.position();
    if (!body || !position) return 0;
    const start = body.starts[position.blockIndex] ?? 0;
    const length = body.lengths[position.blockIndex] ?? 0;
    return start + Math.floor(position.blockOffset * length);
  }

  /** The synthesized sentence `index`, asked of the voice once per speed. */
  #synthesized(index: number): Promise<SynthesizedSentence> | null {
    const sentence = this.#sentences[index];
    const body = this.#context.body();
    if (!sentence || !body) return null;
    if (this.#cacheRate !== this.rate) {
      this.#cache.clear();
      this.#cacheRate = this.rate;
    }
    let found = this.#cache.get(index);
    if (!found) {
      found = api.synthesizeSentence({
        text: body.text.slice(sentence.start, sentence.end),
        language: this.#context.language(),
        rate: this.rate,
      });
      // A failed request is asked again next time rather than kept.
      found.catch(() => this.#cache.delete(index));
      this.#cache.set(index, found);
      // Keep memory bounded: only sentences near the one being read are kept.
      for (const key of this.#cache.keys()) if (key < index - 2) this.#cache.delete(key);
    }
    return found;
  }

  /** Marks sentence `index` and plays it (or only marks it, when `play` is false). */
  async #playFrom(index: number, play = true): Promise<void> {
    const generation = (this.#generation += 1);
    this.#stopWatchdog(false);
    this.#audio?.pause();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    const sentence = this.#sentences[index];
    if (!sentence) {
      this.stop();
      return;
    }
    this.active = true;
    this.index = index;
    this.#mark(sentence);
    if (!play) {
      this.playing = false;
      this.#releaseUrl();
      return;
    }
    this.playing = true;
    const system = systemVoiceFor(this.#context.language());
    this.voice = system ? 'system' : 'shipped';
    if (system) {
      this.#speakWithSystem(system, sentence, generation);
      return;
    }
    const pending = this.#synthesized(index);
    if (!pending) return;
    this.loading = true;
    let spoken: SynthesizedSentence;
    try {
      spoken = await pending;
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
      return;
    }
    if (generation !== this.#generation) return;
    this.loading = false;
    // A sentence ahead of the voice: the next one is synthesized while this one plays.
    void this.#synthesized(index + 1)?.catch(() => undefined);
    const audio = this.#ensureAudio();
    this.#releaseUrl();
    this.#url = wavUrl(spoken.wavBase64);
    audio.src = this.#url;
    const { playbackRate } = ratePlan(this.rate);
    audio.playbackRate = playbackRate;
    audio.preservesPitch = true;
    const budget = spoken.durationMs / playbackRate + WATCHDOG_MARGIN_MS;
    if (!this.playing) {
      // Paused while the sentence was being made: resume plays it from its start.
      this.#remainingMs = budget;
      return;
    }
    audio.play().catch((error: unknown) => {
      if (generation === this.#generation) this.#fail(error);
    });
    this.#startWatchdog(budget);
  }

  #speakWithSystem(voice: SpeechSynthesisVoice, sentence: SpokenSentence, generation: number): void {
    const body = this.#context.body();
    if (!body) return;
    const utterance = new SpeechSynthesisUtterance(body.text.slice(sentence.start, sentence.end));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = this.rate;
    utterance.onend = () => {
      if (generation === this.#generation && this.playing) this.#next();
    };
    utterance.onerror = (event) => {
      if (generation === this.#generation && event.error !== 'interrupted' && event.error !== 'canceled')
        this.#fail(new Error(event.error));
    };
    speechSynthesis.speak(utterance);
  }

  #ensureAudio(): HTMLAudioElement {
    if (this.#audio) return this.#audio;
    const audio = new Audio();
    audio.addEventListener('ended', () => {
      if (this.playing) this.#next();
    });
    this.#audio = audio;
    return audio;
  }

  #next(): void {
    this.#stopWatchdog(false);
    if (this.index + 1 < this.#sentences.length) {
      void this.#playFrom(this.index + 1);
      return;
    }
    const queued = this.queue;
    this.stop();
    if (queued) {
      continueOnNextArticle = true;
      if (!this.#context.onfinished()) continueOnNextArticle = false;
    }
  }

  /** Marks `sentence` and keeps it in view (in the upper part of the page, as search matches are). */
  #mark(sentence: SpokenSentence): void {
    const root = this.#context.root();
    const body = this.#context.body();
    const scroller = this.#context.scroller();
    if (!root || !body || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = offsetsToRanges(root, body, sentence.start, sentence.end);
    CSS.highlights.set(SPEECH_HIGHLIGHT, new Highlight(...ranges));
    const first = ranges[0]?.getBoundingClientRect();
    const last = ranges.at(-1)?.getBoundingClientRect();
    if (!scroller || !first || !last) return;
    const view = scroller.getBoundingClientRect();
    // Scrolls only when the sentence leaves the band between the top and four fifths of the page:
    // the page turns as the voice goes down it, rather than moving under the reader's eyes at
    // every sentence. The scroll saves the reading position (the page's own scroll handler).
    if (first.top < view.top || last.bottom > view.top + view.height * 0.8)
      scrollToUpperThird(scroller, first);
  }

  #startWatchdog(ms: number): void {
    this.#stopWatchdog(false);
    this.#remainingMs = ms;
    this.#startedAt = performance.now();
    const generation = this.#generation;
    this.#watchdog = setTimeout(() => {
      if (generation === this.#generation && this.playing) this.#next();
    }, ms);
  }

  /** Stops the watchdog; `keep` remembers how long it had left (for a pause). */
  #stopWatchdog(keep: boolean): void {
    if (this.#watchdog !== undefined) {
      clearTimeout(this.#watchdog);
      this.#watchdog = undefined;
      if (keep) this.#remainingMs = Math.max(0, this.#remainingMs - (performance.now() - this.#startedAt));
    }
  }

  #releaseUrl(): void {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = null;
    if (this.#audio) this.#audio.removeAttribute('src');
  }

  #fail(error: unknown): void {
    this.stop();
    this.error = errorMessage(error);
  }
}
