/**
 * Gap scoring on level values. Convention everywhere: gap = rating - target
 * (negative is a shortfall, zero meets, positive exceeds). A missing rating or
 * target is `null`, never zero: "not rated" must not count as the lowest level.
 */

/** A level value, or null for not rated / no target. */
export type LevelValue = number | null;

export function levelGap(rating: LevelValue, target: LevelValue): LevelValue {
  return rating === null || target === null ? null : rating - target;
}

/** How far below target: max(0, target - rating); null when either is missing. */
export function shortfall(rating: LevelValue, target: LevelValue): LevelValue {
  return rating === null || target === null ? null : Math.max(0, target - rating);
}

export interface MeetsResult {
  /** Competencies both rated and required. */
  counted: number;
  /** Of those, at or above target. */
  met: number;
  /** met / counted, or null when nothing is both rated and required. */
  share: number | null;
}

/** Meets %: competencies at or above target / competencies rated and required. */
export function meets(ratings: readonly LevelValue[], targets: readonly LevelValue[]): MeetsResult {
  let counted = 0;
  let met = 0;
  const n = Math.min(ratings.length, targets.length);
  for (let i = 0; i < n; i++) {
    const r = ratings[i];
    const t = targets[i];
    if (r === null || t === null) continue;
    counted++;
    if (r >= t) met++;
  }
  return { counted, met, share: counted ? met / counted : null };
}

/** Sum of shortfalls over rated, required competencies. */
export function totalShortfall(ratings: readonly LevelValue[], targets: readonly LevelValue[]): number {
  let sum = 0;
  const n = Math.min(ratings.length, targets.length);
  for (let i = 0; i < n; i++) {
    const r = ratings[i];
    const t = targets[i];
    if (r !== null && t !== null && r < t) sum += t - r;
  }
  return sum;
}

export interface ReadinessResult {
  /** Share of the next role's required competencies met (unrated counts as not met). */
  share: number | null;
  /** Indexes of required competencies below target or not rated: what blocks. */
  blocking: number[];
  /** Every required competency at or above target. */
  ready: boolean;
  /** Share at or above `threshold` and no shortfall greater than one level step. */
  readyTolerant: boolean;
}

/**
 * Readiness for the next role: against that role's targets, every required
 * competency counts, and one not rated blocks (there is no evidence it is met).
 */
export function readiness(
  ratings: readonly LevelValue[],
  nextTargets: readonly LevelValue[],
  options: { threshold?: number; maxStep?: number } = {},
): ReadinessResult {
  const threshold = options.threshold ?? 0.8;
  const maxStep = options.maxStep ?? 1;
  let required = 0;
  let met = 0;
  let worst = 0;
  const blocking: number[] = [];
  for (let i = 0; i < nextTargets.length; i++) {
    const t = nextTargets[i];
    if (t === null) continue;
    required++;
    const r = ratings[i] ?? null;
    if (r !== null && r >= t) {
      met++;
    } else {
      blocking.push(i);
      worst = Math.max(worst, r === null ? Infinity : t - r);
    }
  }
  const share = required ? met / required : null;
  return {
    share,
    blocking,
    ready: required > 0 && blocking.length === 0,
    readyTolerant: share !== null && share >= threshold && worst <= maxStep,
  };
}

/** Coverage: how many ratings are at or above a level value. */
export function coverage(ratings: readonly LevelValue[], level: number): number {
  let n = 0;
  for (const r of ratings) if (r !== null && r >= level) n++;
  return n;
}
