/**
 * Benjamini-Hochberg step-up across raters: with m p-values, find the largest
 * rank k whose p-value is at most k/m × q, and flag every rater ranked k or
 * better. Across many raters this keeps the expected share of fair raters
 * among those flagged at or below q, where |z| > 2 flags 5% of fair raters
 * whatever their number.
 *
 * Rank is the sheet's SUMPRODUCT(ISNUMBER(ps)*(ps<=p)), how many p-values are
 * at most this one: tied p-values take the last of their places, so they are
 * flagged together or not at all.
 */
export interface StepUp {
  /** rank[i]: the place of ps[i] among the p-values, smallest first (null where ps[i] is null). */
  rank: (number | null)[];
  /** The largest rank that passes (0: none). */
  cutoff: number;
  flagged: boolean[];
}

export function benjaminiHochberg(ps: readonly (number | null)[], q: number): StepUp {
  const present = ps.filter((p): p is number => p !== null).sort((a, b) => a - b);
  const m = present.length;
  const rank = ps.map((p) => (p === null ? null : countAtMost(present, p)));
  let cutoff = 0;
  ps.forEach((p, i) => {
    const k = rank[i];
    if (p !== null && k !== null && p <= (k * q) / m && k > cutoff) cutoff = k;
  });
  return { rank, cutoff, flagged: rank.map((k) => k !== null && k <= cutoff) };
}

/** How many of the sorted values are at most x (binary search). */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
