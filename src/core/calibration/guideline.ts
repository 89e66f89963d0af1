/**
 * A guideline distribution: the share of ratings a calibration expects at
 * each level, lowest level first (e.g. 10/20/40/20/10). Shares are fractions
 * in core and percentages where people type them.
 */
import { CompetencyError } from '../problems';

/** Bell-shaped defaults by number of levels; 5 levels gives the common 10/20/40/20/10. */
const DEFAULTS: Record<number, number[]> = {
  1: [100],
  2: [50, 50],
  3: [20, 60, 20],
  4: [15, 35, 35, 15],
  5: [10, 20, 40, 20, 10],
  6: [5, 15, 30, 30, 15, 5],
  7: [5, 10, 20, 30, 20, 10, 5],
};

export function defaultGuideline(levelCount: number): number[] {
  const percentages = DEFAULTS[levelCount] ?? Array.from({ length: levelCount }, () => 100 / levelCount);
  return percentages.map((p) => p / 100);
}

/** Within half a percentage point of 100 % counts as adding up (people round). */
const SUM_TOLERANCE = 0.005;

/** Checks shares (fractions) against a scale's level count; throws a message that says how to fix it. */
export function checkGuideline(shares: readonly number[], levelCodes: readonly string[], where = 'guideline'): number[] {
  if (shares.length !== levelCodes.length) {
    throw new CompetencyError(
      'invalid-argument',
      `the guideline has ${shares.length} percentages but the scale has ${levelCodes.length} levels (${levelCodes.join(', ')}); give one percentage per level, lowest first`,
      where,
    );
  }
  if (shares.some((s) => !Number.isFinite(s) || s < 0 || s > 1)) {
    throw new CompetencyError('invalid-argument', 'each guideline percentage must be a number from 0 to 100', where);
  }
  const total = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > SUM_TOLERANCE) {
    throw new CompetencyError(
      'invalid-argument',
      `the guideline percentages add up to ${round(total * 100)}%, not 100%; adjust them so they do`,
      where,
    );
  }
  return [...shares];
}

/** Parses "10,20,40,20,10" (or "10%, 20%, ...") into fractions for the given levels. */
export function parseGuideline(text: string, levelCodes: readonly string[], where = '--guideline'): number[] {
  const parts = text.split(/[,;/\s]+/).filter(Boolean);
  const shares = parts.map((part) => {
    const n = Number(part.replace(/%$/, ''));
    if (!Number.isFinite(n)) {
      throw new CompetencyError('invalid-argument', `"${part}" is not a percentage; write numbers such as 10,20,40,20,10`, where);
    }
    return n / 100;
  });
  return checkGuideline(shares, levelCodes, where);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
