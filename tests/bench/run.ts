/**
 * `npm run bench`: runs every benchmark and prints its figures, each beside its goal.
 * Figures vary with the machine and its load; the goals are those of the issues.
 */
import { benchAnnotationSave } from './annotation-save';
import { benchImportThroughput } from './import-throughput';
import { benchReadingPage } from './reading-page';
import { benchSearch } from './search';
import { benchSpeech } from './speech';
import type { BenchResult } from './stats';

const benches: { title: string; run: () => Promise<BenchResult[]> }[] = [
  { title: 'Import', run: benchImportThroughput },
  { title: 'Reading page and library (Chromium, built renderer)', run: benchReadingPage },
  { title: 'Annotations: saving highlights and notes', run: benchAnnotationSave },
  { title: 'Search (20,000 articles)', run: benchSearch },
  { title: 'Read-aloud: the shipped voice (speech)', run: benchSpeech },
];

// `npm run bench -- reading` runs only the benchmarks whose title contains "reading".
const only = process.argv[2]?.toLowerCase();
for (const bench of benches.filter((entry) => !only || entry.title.toLowerCase().includes(only))) {
  console.log(`\n== ${bench.title}`);
  for (const result of await bench.run()) {
    const verdict = result.met === undefined ? '' : result.met ? '  [goal met]' : '  [goal NOT met]';
    const goal = result.goal ? `  (goal ${result.goal})` : '';
    console.log(`${result.name}: ${result.value}${goal}${verdict}`);
    if (result.detail) console.log(`    ${result.detail}`);
  }
}
