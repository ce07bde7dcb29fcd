import { runCli } from '../run-cli';

/** What one in-process run of the command line printed and returned. */
export interface GazetteRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `gazette <argv> --data <dataDir>` in this process, as the tests of every layer do. */
export async function runGazette(dataDir: string, ...argv: string[]): Promise<GazetteRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data', dataDir], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    terminal: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
