/** Messages between `SpeechSynthesizer` and its worker thread (speech-worker.ts). */
import type { SpeechLanguage, SynthesizedSentence } from '../../core/speech/voice';

/** A sentence to speak; `text` empty asks only that the voice be loaded (a warm-up). */
export interface SpeechRequest {
  id: number;
  text: string;
  language: SpeechLanguage;
  wordsPerMinute: number;
}

export type SpeechResponse =
  { id: number; ok: true; sentence: SynthesizedSentence } | { id: number; ok: false; message: string };
