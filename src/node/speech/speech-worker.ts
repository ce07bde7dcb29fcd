/**
 * The shipped voice's thread: loads eSpeak NG once, then answers synthesis requests one at a
 * time, so the main process (and the window it serves) never waits on the engine. Started by
 * `SpeechSynthesizer`; the WAV is base64-encoded here too, off the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { EspeakEngine } from './espeak-engine';
import { encodeWav } from './wav';
import type { SpeechRequest, SpeechResponse } from './speech-messages';

if (!parentPort) throw new Error('speech-worker.ts must run in a worker thread.');
const port = parentPort;
const engine = EspeakEngine.load();

port.on('message', (request: SpeechRequest) => {
  engine
    .then((loaded) => {
      // An empty text is a warm-up: the answer says the voice is loaded, with no audio.
      const { samples, sampleRate, words } =
        request.text === ''
          ? { samples: new Int16Array(0), sampleRate: loaded.sampleRate, words: [] }
          : loaded.synthesize(request.text, request.language, request.wordsPerMinute);
      const response: SpeechResponse = {
        id: request.id,
        ok: true,
        sentence: {
          wavBase64: Buffer.from(encodeWav(samples, sampleRate)).toString('base64'),
          sampleRate,
          durationMs: (samples.length / sampleRate) * 1000,
          words,
        },
      };
      port.postMessage(response);
    })
    .catch((error: unknown) => {
      const response: SpeechResponse = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(response);
    });
});
