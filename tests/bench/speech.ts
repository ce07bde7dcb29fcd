/**
 * Read-aloud's shipped voice (eSpeak NG, WebAssembly, on a worker thread), measured:
 * - in Chromium on the built renderer with the real services behind the test bridge: the time
 *   from pressing `r` on an article just opened (the voice warmed as it opened) to the moment
 *   its `<audio>` starts playing the first sentence; the bridge's HTTP hop makes it pessimistic;
 * - in Node: the voice's cold start (thread, WebAssembly and voice data), the warm round trip of
 *   one sentence, and the synthesis speed, seconds of speech made per second, over every
 *   sentence of the French seed and of an English BBC article, at 1×.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticleText } from '../../src/core/parse/structure';
import { SpeechSynthesizer, speechWorkerFromSources } from '../../src/node/speech';
import { closeSharedBrowser, launchApp } from '../e2e/harness';
import { makeLibraryWithCli } from '../e2e/library-fixture';
import { SEED_TITLE, openArticle } from '../e2e/app-actions';
import { median, type BenchResult } from './stats';

const FIRST_SOUND_RUNS = 5;

/** The sentences of a text file as the importer reads it (Intl.Segmenter, as the page splits them). */
async function sentencesOf(file: string, language: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const blocks = parseArticleText(text.replace(/\r\n/g, '\n')).blocks.map((block) => block.text);
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  return blocks.flatMap((block) =>
    [...segmenter.segment(block)].map((part) => part.segment.trim()).filter((part) => part !== ''),
  );
}

async function firstSoundInChromium(): Promise<number[]> {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, target: 'browser' });
  const { page } = app;
  // Notes when an <audio> element actually starts playing (its `playing` event).
  await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, number>;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      this.addEventListener('playing', () => (scope['__playing'] ??= performance.now()), { once: true });
      return play.call(this);
    };
  });
  const times: number[] = [];
  for (let run = 0; run < FIRST_SOUND_RUNS; run += 1) {
    // A fresh page for each run: nothing synthesized yet, the voice warmed as the article opens.
    await openArticle(page, SEED_TITLE);
    // The reader starts listening a few seconds after opening (the voice loads and makes the first sentence meanwhile).
    await page.waitForTimeout(3_000);
    await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, number | undefined>;
      scope['__playing'] = undefined;
      document.addEventListener('keydown', () => (scope['__pressed'] = performance.now()), {
        capture: true,
        once: true,
      });
    });
    await page.keyboard.press('r');
    await page.waitForFunction(
      () => (globalThis as unknown as Record<string, number>)['__playing'] !== undefined,
      {
        timeout: 20_000,
      },
    );
    times.push(
      await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, number>;
        return (scope['__playing'] ?? 0) - (scope['__pressed'] ?? 0);
      }),
    );
    await page.keyboard.press('r'); // pause
    await page.keyboard.press('Escape'); // back to the library (the bar stops the voice)
  }
  await app.close();
  await closeSharedBrowser();
  return times;
}

export async function benchSpeech(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const firstSound = await firstSoundInChromium();
  const firstMedian = median(firstSound);
  results.push({
    name: 'Play to first sound (Chromium, built renderer, voice warmed at open; median of 5)',
    value: `${firstMedian.toFixed(0)} ms`,
    detail: `runs: ${firstSound.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    goal: '≤ 300 ms',
    met: firstMedian <= 300,
  });

  const root = process.cwd();
  const french = await sentencesOf(path.join(root, 'seeds', '000_fa55918c37a99e94.txt'), 'fr');
  const english = await sentencesOf(path.join(root, 'tests/fixtures/bbc-news/business/001.txt'), 'en');

  const synthesizer = new SpeechSynthesizer(speechWorkerFromSources());
  const coldStart = performance.now();
  await synthesizer.synthesize({ text: french[0] ?? 'Bonjour.', language: 'fr', rate: 1 });
  const cold = performance.now() - coldStart;
  results.push({
    name: 'Voice cold start: thread, WebAssembly and voice data, then one sentence (Node)',
    value: `${cold.toFixed(0)} ms`,
    detail: 'paid once, as the reading page opens (prepareSpeech), not at play',
  });

  const warm: number[] = [];
  for (const text of french.slice(0, 5)) {
    const start = performance.now();
    await synthesizer.synthesize({ text, language: 'fr', rate: 1 });
    warm.push(performance.now() - start);
  }
  results.push({
    name: 'One sentence, voice warm, round trip to the worker (Node; median of 5 French sentences)',
    value: `${median(warm).toFixed(0)} ms`,
    goal: '≤ 300 ms',
    met: median(warm) <= 300,
  });

  for (const [label, language, sentences] of [
    ['French seed', 'fr', french],
    ['English BBC article', 'en', english],
  ] as const) {
    const start = performance.now();
    let speechMs = 0;
    for (const text of sentences)
      speechMs += (await synthesizer.synthesize({ text, language, rate: 1 })).durationMs;
    const wallMs = performance.now() - start;
    const speed = speechMs / wallMs;
    results.push({
      name: `Synthesis speed, ${label} (${sentences.length} sentences, ${(speechMs / 1000).toFixed(0)} s of speech)`,
      value: `${speed.toFixed(1)}× real time`,
      goal: '> 1×',
      met: speed > 1,
    });
  }
  await synthesizer.close();
  return results;
}
