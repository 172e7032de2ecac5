/** The median of times sorted ascending. */
export const median = (sorted: number[]) =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;

/** Nearest rank: the smallest time at least 95 % of the runs were as fast as. */
export const p95 = (sorted: number[]) => sorted[Math.ceil(0.95 * sorted.length) - 1]!;
