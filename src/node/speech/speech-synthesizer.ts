/**
 * Read-aloud's service in the main process: sends each sentence to the shipped voice on its own
 * worker thread and resolves to the spoken sentence (a WAV, its length, its words' times).
 */
import { Worker } from 'node:worker_threads';
import { ratePlan, speechLanguageFor, type SynthesizedSentence } from '../../core/speech/voice';
import type { SpeechRequest, SpeechResponse } from './speech-messages';

/** What to speak: a sentence, the article's language tag (it picks the voice), the speed (0.5–3). */
export interface SentenceToSpeak {
  text: string;
  language: string;
  rate: number;
}

interface Pending {
  resolve: (sentence: SynthesizedSentence) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread running eSpeak NG, started on first use (or by `warmUp`, so that the first
 * sentence does not wait for the engine to load). Requests are answered in order. If the thread
 * dies, the requests it held fail with a clear message and the next request starts a new one.
 */
export class SpeechSynthesizer {
  readonly #workerUrl: URL;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** `workerUrl`: the built `speech-worker.js` in the app, or `speechWorkerFromSources()` under tsx. */
  constructor(workerUrl: URL) {
    this.#workerUrl = workerUrl;
  }

  /**
   * Starts the thread and loads the voice now, ahead of the first sentence; resolves once it is
   * loaded (the first call pays about 150 ms of WebAssembly and voice data, more on a busy machine).
   */
  async warmUp(): Promise<void> {
    await this.#request('', 'en', 1);
  }

  /**
   * Speaks one sentence with the shipped voice of its language (French for French articles,
   * English otherwise) at `rate` × the normal speed; the part of the speed beyond what eSpeak NG
   * does itself is left to the player (`ratePlan` in core/speech/voice.ts).
   * @throws Error when the engine fails or its thread stops.
   */
  synthesize({ text, language, rate }: SentenceToSpeak): Promise<SynthesizedSentence> {
    if (text.trim() === '') return Promise.reject(new Error('There is nothing to read in this sentence.'));
    return this.#request(text, language, rate);
  }

  #request(text: string, language: string, rate: number): Promise<SynthesizedSentence> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const request: SpeechRequest = {
      id,
      text,
      language: speechLanguageFor(language),
      wordsPerMinute: ratePlan(rate).wordsPerMinute,
    };
    return new Promise<SynthesizedSentence>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Stops the thread; pending requests fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failAll(new Error('Read-aloud was stopped.'));
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#workerUrl);
    // The thread must never keep a command or a test process alive on its own.
    worker.unref();
    worker.on('message', (response: SpeechResponse) => {
      const pending = this.#pending.get(response.id);
      if (!pending) return;
      this.#pending.delete(response.id);
      if (response.ok) pending.resolve(response.sentence);
      else pending.reject(new Error(`The voice could not read this sentence: ${response.message}`));
    });
    const stopped = (reason: string): void => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(new Error(`The voice stopped (${reason}); press play to try again.`));
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/** The worker script from TypeScript sources (tsx registers its loader in the thread first). */
export function speechWorkerFromSources(): URL {
  return new URL('./speech-worker-from-sources.mjs', import.meta.url);
}
