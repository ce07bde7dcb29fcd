/** One figure a benchmark prints; `met` says whether its goal was reached. */
export interface BenchResult {
  name: string;
  value: string;
  detail?: string;
  goal?: string;
  met?: boolean;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
