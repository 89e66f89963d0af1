/**
 * The talent grid (9-box): each person placed by attainment in the current
 * role (meets %) across and readiness for the next role up, each axis cut in
 * three bands by two editable cut-offs. Low is below the first cut-off, high
 * at or above the second. A person the grid shows no figure for on either
 * axis (no targets, no next role) is in no box, and counted as such.
 */
import type { RatedPerson } from './ratingMatrix';
import { personLabel } from './ratingMatrix';
import { CompetencyError } from '../problems';

export interface TalentCutoffs {
  /** Meets %: below `low` is low, at or above `high` is high. */
  meets: { low: number; high: number };
  readiness: { low: number; high: number };
}

export const DEFAULT_TALENT_CUTOFFS: TalentCutoffs = { meets: { low: 0.5, high: 0.8 }, readiness: { low: 0.5, high: 0.8 } };

/** The input region of the cut-off cells, read back so a rebuilt pack keeps what the room set. */
export const TALENT_CUTOFFS_REGION = 'calibration-talent-cutoffs';
/** Row keys of that region, in sheet order. */
export const TALENT_CUTOFF_KEYS = ['meetsLow', 'meetsHigh', 'readinessLow', 'readinessHigh'] as const;

export const BAND_NAMES = ['Low', 'Medium', 'High'] as const;

/** 0, 1 or 2. */
export function band(value: number, cut: { low: number; high: number }): number {
  return value < cut.low ? 0 : value < cut.high ? 1 : 2;
}

/** Box 0..8: meets band + 3 × readiness band (box 0 low on both, 8 high on both). */
export function talentBox(p: Pick<RatedPerson, 'meets' | 'readiness'>, cut: TalentCutoffs): number | null {
  if (typeof p.meets !== 'number' || typeof p.readiness !== 'number') return null;
  return band(p.meets, cut.meets) + 3 * band(p.readiness, cut.readiness);
}

export interface TalentGrid {
  /** Per box (0..8), the people in it in grid order, by the name the room knows them by. */
  names: string[][];
  /** The box of each person, in grid order; null when unplaced. */
  boxes: (number | null)[];
  unplaced: number;
}

export function talentGrid(people: readonly RatedPerson[], cut: TalentCutoffs = DEFAULT_TALENT_CUTOFFS): TalentGrid {
  checkTalentCutoffs(cut);
  const names: string[][] = Array.from({ length: 9 }, () => []);
  const boxes = people.map((p) => talentBox(p, cut));
  boxes.forEach((b, i) => {
    if (b !== null) names[b].push(personLabel(people[i]));
  });
  return { names, boxes, unplaced: boxes.filter((b) => b === null).length };
}

/** Each axis needs its "medium from" at or below its "high from": the message says which axis and what to change. */
export function checkTalentCutoffs(cut: TalentCutoffs): TalentCutoffs {
  const axes = [
    ['meets %', cut.meets],
    ['readiness', cut.readiness],
  ] as const;
  for (const [axis, { low, high }] of axes) {
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low <= high)) {
      throw new CompetencyError(
        'invalid-argument',
        `the talent grid's cut-offs for ${axis} are ${low} (medium from) and ${high} (high from); the medium cut-off must be at or below the high one: correct them on the Talent grid sheet and run again`,
      );
    }
  }
  return cut;
}
