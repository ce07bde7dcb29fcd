import { afterAll, describe, expect, it } from 'vitest';
import { decodeWav } from './wav';
import { SpeechSynthesizer, speechWorkerFromSources } from './speech-synthesizer';

/** Root mean square of the samples, as a fraction of full scale. */
function rms(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

const synthesizer = new SpeechSynthesizer(speechWorkerFromSources());
afterAll(() => synthesizer.close());

describe('the shipped voice (eSpeak NG on a worker thread)', () => {
  const sentences = [
    {
      language: 'fr',
      text: 'Le Premier ministre a annoncé mardi une réforme des retraites, très attendue.',
      firstWord: 'Le',
    },
    {
      language: 'en',
      text: 'The prime minister announced a long-awaited pension reform on Tuesday.',
      firstWord: 'The',
    },
  ];

  for (const { language, text, firstWord } of sentences) {
    it(`speaks a ${language} sentence: audio of a plausible length, not silence, with word times`, async () => {
      const spoken = await synthesizer.synthesize({ text, language, rate: 1 });
      const wav = decodeWav(Buffer.from(spoken.wavBase64, 'base64'));
      expect(wav.sampleRate).toBe(spoken.sampleRate);
      expect(spoken.durationMs).toBeCloseTo((wav.samples.length / wav.sampleRate) * 1000, 5);
      // Some 10 to 12 words at a normal pace: between 2 and 8 seconds.
      expect(spoken.durationMs).toBeGreaterThan(2000);
      expect(spoken.durationMs).toBeLessThan(8000);
      // Speech, not silence: eSpeak's speech sits around 0.05–0.2 of full scale.
      expect(rms(wav.samples)).toBeGreaterThan(0.02);
      // The words' events point at the words of the text, in order, inside the audio.
      const words = spoken.words.map((word) => text.slice(word.start, word.end));
      expect(words[0]).toBe(firstWord);
      expect(words.length).toBeGreaterThanOrEqual(8);
      const times = spoken.words.map((word) => word.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)).toBeLessThan(spoken.durationMs);
    });
  }

  it('speaks faster when asked, and the two languages sound different', async () => {
    const text = 'The prime minister announced a long-awaited pension reform on Tuesday.';
    const normal = await synthesizer.synthesize({ text, language: 'en', rate: 1 });
    const fast = await synthesizer.synthesize({ text, language: 'en', rate: 2 });
    expect(fast.durationMs).toBeLessThan(normal.durationMs * 0.7);
    const readInFrench = await synthesizer.synthesize({ text, language: 'fr-FR', rate: 1 });
    expect(readInFrench.wavBase64).not.toBe(normal.wavBase64);
  });
});
