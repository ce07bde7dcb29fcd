/**
 * `npm run bench`: runs every benchmark and prints its figures, each beside its goal.
 * Figures vary with the machine and its load; the goals are those of the issues.
 *
 * `npm run bench -- search` runs only the groups whose title contains "search";
 * `GAZETTE_BENCH_ARTICLES=100000 npm run bench -- search` (or `-- search 100000`) runs the search
 * group at 100,000 articles besides 20,000.
 */
import { benchAnnotationSave } from './annotation-save';
import { benchCliStartup } from './cli-startup';
import { benchImportThroughput } from './import-throughput';
import { benchReadingPage } from './reading-page';
import { benchSearch, searchSizes } from './search';
import { benchSpeech } from './speech';
import type { BenchResult } from './stats';

const benches: { title: string; run: () => Promise<BenchResult[]> }[] = [
  { title: 'Import', run: benchImportThroughput },
  { title: 'Reading page and library (Chromium, built renderer)', run: benchReadingPage },
  { title: 'Annotations: saving highlights and notes', run: benchAnnotationSave },
  ...searchSizes(process.argv[3] ?? process.env.GAZETTE_BENCH_ARTICLES).map((articles) => ({
    title: `Search (${articles.toLocaleString('en')} articles)`,
    run: () => benchSearch(articles),
  })),
  { title: 'Read-aloud: the shipped voice (speech)', run: benchSpeech },
  { title: 'Command line start-up (gazette list, built CLI)', run: benchCliStartup },
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

// Every benchmark closes what it opened (worker pools, browsers, stores), so the process ends by
// itself. Should one forget, say what is left open rather than hang without a word, then end.
await new Promise<void>((resolve) => setTimeout(resolve, 100));
const open = process
  .getActiveResourcesInfo()
  .filter((kind) => !['TTYWrap', 'PipeWrap', 'Timeout'].includes(kind));
if (open.length > 0) {
  console.error(`\nA benchmark left open: ${open.join(', ')}; ending the process.`);
  process.exit(process.exitCode ?? 0);
}
