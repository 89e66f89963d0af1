/**
 * The standard normal distribution's lower tail, Φ(x), to about 1e-15
 * relative, so core and the sheet (ERFC(|z|/√2) = 2Φ(-|z|)) agree on p-values.
 * Two pieces: the series Φ(x) = 1/2 + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)) near the
 * middle, and the continued fraction of Mills' ratio in the tails, where the
 * series would lose the tiny tail to cancellation.
 */
const SQRT_2PI = Math.sqrt(2 * Math.PI);

function density(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(-t) for t > 3 by the Laplace continued fraction φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))), evaluated from the tail up. */
function upperTail(t: number): number {
  let fraction = t;
  for (let k = 120; k >= 1; k--) fraction = t + k / fraction;
  return density(t) / fraction;
}

export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < -3) return upperTail(-x);
  if (x > 3) return 1 - upperTail(x);
  let term = x;
  let sum = x;
  for (let k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
  }
  return 0.5 + density(x) * sum;
}

/** Two-sided p-value of a z statistic: 2·Φ(-|z|), the sheet's ERFC(ABS(z)/SQRT(2)). */
export function twoSidedP(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}
