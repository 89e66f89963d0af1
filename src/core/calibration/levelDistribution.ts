/**
 * Statistics of ratings on an ordinal scale, computed from the count of
 * ratings at each level. Ratings are discrete, so counts hold everything a
 * mean, a median or a spread needs; the calibration sheet computes the same
 * figures from the same counts (see sheets/calibrationTables/raterTable.ts),
 * which keeps core and spreadsheet on one definition.
 */

export interface LevelDistribution {
  /** Ratings at each level, lowest level first. */
  counts: number[];
  /** Ratings in all (not rated is never counted). */
  n: number;
  /** Mean of level values; null when nothing is rated. */
  mean: number | null;
  /** Median level value (the mean of the two middle ratings when n is even); null when nothing is rated. */
  median: number | null;
  /** Population standard deviation (STDEV.P) of level values; null when nothing is rated. */
  sd: number | null;
}

/** The value of the p-th smallest rating (1-based), from counts per level. */
export function valueAtPosition(counts: readonly number[], values: readonly number[], p: number): number {
  let cumulative = 0;
  for (let k = 0; k < counts.length; k++) {
    cumulative += counts[k];
    if (cumulative >= p) return values[k];
  }
  return values[values.length - 1];
}

export function levelDistribution(counts: readonly number[], values: readonly number[]): LevelDistribution {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    n += counts[k];
    sum += counts[k] * values[k];
  }
  if (n === 0) return { counts: [...counts], n, mean: null, median: null, sd: null };
  const mean = sum / n;
  // Two passes (mean first, then squared deviations) for an exact spread.
  let squares = 0;
  for (let k = 0; k < counts.length; k++) squares += counts[k] * (values[k] - mean) ** 2;
  const median = (valueAtPosition(counts, values, Math.floor((n + 1) / 2)) + valueAtPosition(counts, values, Math.floor(n / 2) + 1)) / 2;
  return { counts: [...counts], n, mean, median, sd: Math.sqrt(squares / n) };
}

/** Share of ratings at one level (0..1); null when nothing is rated. */
export function shareAt(d: LevelDistribution, level: number): number | null {
  return d.n ? d.counts[level] / d.n : null;
}

/** Share of ratings on the most used level; null when nothing is rated. */
export function modeShare(d: LevelDistribution): number | null {
  return d.n ? Math.max(...d.counts) / d.n : null;
}
