/**
 * The talent grid (9-box): each person placed by attainment in the current
 * role (meets %) across and readiness for the next role up, each axis cut in
 * three bands by two editable cut-offs. Low is below the first cut-off, high
 * at or above the second. A person the grid shows no figure for on either
 * axis (no targets, no next role) is in no box, and counted as such.
 *
 * Where the roster carries performance and potential columns, those are the
 * axes instead (performance across, potential up), each a 1-3 or 1-5 scale.
 */
import type { RatedPerson } from './ratingMatrix';
import { personLabel } from './ratingMatrix';
import { CompetencyError } from '../problems';

export interface TalentCut {
  low: number;
  high: number;
}

export interface TalentCutoffs {
  /** Meets %: below `low` is low, at or above `high` is high. */
  meets: TalentCut;
  readiness: TalentCut;
  /** Kept from a performance/potential talent grid; absent, each axis's default. */
  performance?: TalentCut;
  potential?: TalentCut;
}

export type TalentAxisField = 'meets' | 'readiness' | 'performance' | 'potential';

/** One axis of the grid: which figure of a person it reads, its name on the sheet, its default cut-offs. */
export interface TalentAxis {
  field: TalentAxisField;
  name: string;
  /** Shares 0..1 (meets %, readiness), shown as percentages; otherwise a 1..steps scale. */
  percent: boolean;
  /** For a scale axis: 3 (Low/Medium/High or 1-3) or 5 (1-5). */
  steps?: 3 | 5;
  defaultCut: TalentCut;
}

export interface TalentAxes {
  /** Across (columns of boxes) and up (rows). */
  across: TalentAxis;
  up: TalentAxis;
}

export const DEFAULT_TALENT_CUTOFFS: TalentCutoffs = { meets: { low: 0.5, high: 0.8 }, readiness: { low: 0.5, high: 0.8 } };

export const MEETS_READINESS_AXES: TalentAxes = {
  across: { field: 'meets', name: 'Meets %', percent: true, defaultCut: DEFAULT_TALENT_CUTOFFS.meets },
  up: { field: 'readiness', name: 'Readiness', percent: true, defaultCut: DEFAULT_TALENT_CUTOFFS.readiness },
};

/** A 1-3 axis: medium from 2, high from 3; a 1-5 axis: medium from 3, high from 4. */
function scaleAxis(field: 'performance' | 'potential', steps: 3 | 5): TalentAxis {
  return {
    field,
    name: field === 'performance' ? 'Performance' : 'Potential',
    percent: false,
    steps,
    defaultCut: steps === 5 ? { low: 3, high: 4 } : { low: 2, high: 3 },
  };
}

/**
 * Performance across and potential up. The grid holds plain numbers, so the scale of
 * each axis is read from them: any value above 3 makes it 1-5, otherwise 1-3.
 */
export function performancePotentialAxes(people: readonly Pick<RatedPerson, 'performance' | 'potential'>[]): TalentAxes {
  const steps = (field: 'performance' | 'potential'): 3 | 5 => (people.some((p) => (p[field] ?? 0) > 3) ? 5 : 3);
  return { across: scaleAxis('performance', steps('performance')), up: scaleAxis('potential', steps('potential')) };
}

/** The cut-offs an axis uses: the ones kept for it, or its default. */
export function axisCut(axis: TalentAxis, cut: TalentCutoffs): TalentCut {
  return cut[axis.field] ?? axis.defaultCut;
}

/** The input region of the cut-off cells, read back so a rebuilt pack keeps what the room set. */
export const TALENT_CUTOFFS_REGION = 'calibration-talent-cutoffs';
/** Row keys of that region, in sheet order: `<across>Low`, `<across>High`, `<up>Low`, `<up>High`. */
export const TALENT_CUTOFF_KEYS = ['meetsLow', 'meetsHigh', 'readinessLow', 'readinessHigh'] as const;

export function talentCutoffKeys(axes: TalentAxes): string[] {
  return [axes.across.field, axes.up.field].flatMap((f) => [`${f}Low`, `${f}High`]);
}

export const BAND_NAMES = ['Low', 'Medium', 'High'] as const;

/** 0, 1 or 2. */
export function band(value: number, cut: { low: number; high: number }): number {
  return value < cut.low ? 0 : value < cut.high ? 1 : 2;
}

/** Box 0..8: across band + 3 × up band (box 0 low on both, 8 high on both). */
export function talentBox(
  p: Pick<RatedPerson, TalentAxisField>,
  cut: TalentCutoffs,
  axes: TalentAxes = MEETS_READINESS_AXES,
): number | null {
  const x = p[axes.across.field];
  const y = p[axes.up.field];
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  return band(x, axisCut(axes.across, cut)) + 3 * band(y, axisCut(axes.up, cut));
}

export interface TalentGrid {
  /** Per box (0..8), the people in it in grid order, by the name the room knows them by. */
  names: string[][];
  /** The box of each person, in grid order; null when unplaced. */
  boxes: (number | null)[];
  unplaced: number;
}

export function talentGrid(
  people: readonly RatedPerson[],
  cut: TalentCutoffs = DEFAULT_TALENT_CUTOFFS,
  axes: TalentAxes = MEETS_READINESS_AXES,
): TalentGrid {
  checkTalentCutoffs(cut, axes);
  const names: string[][] = Array.from({ length: 9 }, () => []);
  const boxes = people.map((p) => talentBox(p, cut, axes));
  boxes.forEach((b, i) => {
    if (b !== null) names[b].push(personLabel(people[i]));
  });
  return { names, boxes, unplaced: boxes.filter((b) => b === null).length };
}

/** Each axis needs its "medium from" at or below its "high from": the message says which axis and what to change. */
export function checkTalentCutoffs(cut: TalentCutoffs, axes: TalentAxes = MEETS_READINESS_AXES): TalentCutoffs {
  const pairs = [axes.across, axes.up].map((a) => [a.name.toLowerCase(), axisCut(a, cut)] as const);
  for (const [axis, { low, high }] of pairs) {
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low <= high)) {
      throw new CompetencyError(
        'invalid-argument',
        `the talent grid's cut-offs for ${axis} are ${low} (medium from) and ${high} (high from); the medium cut-off must be at or below the high one: correct them on the Talent grid sheet and run again`,
      );
    }
  }
  return cut;
}
