import type { ImportProgress } from '../core/import-report';

/**
 * A one-line progress bar on a terminal's stderr, redrawn at most every 50 ms so that a
 * fast import is not slowed by drawing. Silent when stderr is not a terminal.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  update(progress: ImportProgress): void;
  finish(): void;
} {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = 0;
  let drawn = false;
  const draw = ({ done, total }: ImportProgress): void => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    stream.write(`\r${bar} ${done}/${total} files`);
    drawn = true;
  };
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 50 && progress.done !== progress.total) return;
      last = now;
      draw(progress);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
