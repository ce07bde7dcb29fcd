/**
 * Entry point of `gazette` (`npm run gazette -- <command>` or the `gazette` bin). It loads only
 * the argument parser and the command table; the command asked for is imported when it runs.
 */
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  terminal: Boolean(process.stdout.isTTY),
});
