/**
 * The voice that ships with Gazette: eSpeak NG compiled to WebAssembly by the Echogarden project
 * (`@echogarden/espeak-ng-emscripten`, GPL-3.0, as eSpeak NG itself). Why this build and not the
 * `espeak-ng` package (also eSpeak NG, GPL-3.0, 18 MB): it exposes eSpeak's library API, so one
 * instance stays loaded and synthesizes sentence after sentence (about 140 ms for 3 s of speech
 * here) with word events giving each word's time in the audio; the `espeak-ng` package only runs
 * eSpeak's command line, one fresh WebAssembly instance per call (270–440 ms a sentence measured,
 * which misses the 300 ms goal for the first sound) and writes a WAV file without events. The
 * voices are the same eSpeak NG data; the Echogarden build is 24 MB (data) + 0.8 MB (code).
 *
 * Runs on whatever thread imports it; the app calls it on a worker thread (speech-worker.ts).
 * Reads its data file from the package's folder: nothing is fetched.
 */
// The package has no types; this declares the part used. A reference rather than an import: the
// e2e and bench tsconfig reach this file through imports only, and would not see the .d.ts else.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./espeak-ng-emscripten.d.ts" />
import createEspeakModule, { type EspeakWorker } from '@echogarden/espeak-ng-emscripten';
import { SHIPPED_VOICES, type SpeechLanguage, type SpokenWord } from '../../core/speech/voice';

/** PCM audio of one text, with its words' times. */
export interface EngineOutput {
  samples: Int16Array;
  sampleRate: number;
  words: SpokenWord[];
}

/** One loaded eSpeak NG instance. Not re-entrant: calls are made one at a time. */
export class EspeakEngine {
  readonly #worker: EspeakWorker;
  readonly sampleRate: number;

  private constructor(worker: EspeakWorker) {
    this.#worker = worker;
    this.sampleRate = worker.get_samplerate();
  }

  /** Loads the WebAssembly module and its voice data (about 150 ms). */
  static async load(): Promise<EspeakEngine> {
    const module = await createEspeakModule();
    return new EspeakEngine(new module.eSpeakNGWorker());
  }

  /**
   * Speaks `text` in `language` at `wordsPerMinute` (80–450).
   * @throws Error when eSpeak NG refuses the voice.
   */
  synthesize(text: string, language: SpeechLanguage, wordsPerMinute: number): EngineOutput {
    const voice = SHIPPED_VOICES[language];
    if (this.#worker.set_voice(voice) !== 0) throw new Error(`eSpeak NG has no voice "${voice}".`);
    this.#worker.set_rate(wordsPerMinute);
    const chunks: Int16Array[] = [];
    const words: SpokenWord[] = [];
    this.#worker.synthesize(text, (samples, events) => {
      if (samples && samples.length > 0) chunks.push(samples);
      for (const event of events) {
        if (event.type !== 'word' || event.word_length <= 0) continue;
        const start = event.text_position - 1; // eSpeak counts characters from 1
        words.push({ start, end: start + event.word_length, atMs: event.audio_position });
      }
      return false; // false: go on synthesizing
    });
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const samples = new Int16Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      samples.set(chunk, offset);
      offset += chunk.length;
    }
    return { samples, sampleRate: this.sampleRate, words };
  }
}
