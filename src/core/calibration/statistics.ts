/**
 * The calibration statistics of a set of ratings (definitions in
 * docs/calibration.md and shared/docs/domain.md): for the whole group, per
 * rater (manager), per competency, and a manager x competency heatmap.
 *
 * One pass over the ratings fills counts per level for each manager and each
 * competency, and a sum and count per heatmap cell; every figure then follows
 * from those counts, as it does in the calibration sheet.
 */
import { personLabel, type RatedCompetency, type RatingMatrix } from './ratingMatrix';
import type { CalibrationSettings } from './settings';
import { levelDistribution, modeShare, shareAt, type LevelDistribution } from './levelDistribution';
import { managerGroups, type ManagerGroups } from './managerGroups';
import { raterEffects, type RaterEffects } from './raterEffect/raterEffects';

/** Figures every group has: the whole team, a manager's ratings. */
export interface GroupStatistics extends LevelDistribution {
  /** Share of ratings on the top level / on the bottom level. */
  topShare: number | null;
  bottomShare: number | null;
  /** Share of ratings on the most used level. */
  modeShare: number | null;
  /** Share at each level minus the guideline's share, lowest level first; null when nothing is rated. */
  guidelineDifference: number[] | null;
}

export type RaterFlag = 'lenient' | 'harsh';

export interface ManagerStatistics extends GroupStatistics {
  manager: string;
  /** People in the grid with this manager (rated or not). */
  people: number;
  /** mean - overall mean, unadjusted: a simple figure (a senior team gets a higher one without any leniency). */
  leniency: number | null;
  /** The naive rule the rater effect replaces: leniency / (sigma / sqrt(n ratings)). Not shown on the sheet; kept for the bench's comparison. */
  z: number | null;
  /** The naive rule's flag: |z| > settings.flagZ and n >= settings.flagMinRatings. Use CalibrationStatistics.raterEffects for flags. */
  flag: RaterFlag | null;
  /** Standard deviation well below everyone's, or most ratings on one level (n >= flagMinRatings). */
  compressed: boolean;
}

export type CoverageStatus = 'nobody' | 'single' | 'covered';

export interface CompetencyStatistics extends LevelDistribution {
  competency: RatedCompetency;
  /** People at or above the coverage level. */
  covered: number;
  coverage: CoverageStatus;
  /** The only person at or above the coverage level (a single point of expertise). */
  soleExpert: string | null;
}

export interface Heatmap {
  /** People rated per manager (row) and competency (column). */
  people: number[][];
  /** Group mean minus the competency's overall mean; null where fewer than minGroup people are rated. */
  difference: (number | null)[][];
}

export interface CalibrationStatistics {
  settings: CalibrationSettings;
  overall: GroupStatistics;
  managers: ManagerStatistics[];
  competencies: CompetencyStatistics[];
  heatmap: Heatmap;
  groups: ManagerGroups;
  /** The rater effect adjusted for role and competency, with flags under false-discovery control (raterEffect/raterEffects.ts). */
  raterEffects: RaterEffects;
}

function groupStatistics(counts: number[], values: readonly number[], guideline: readonly number[]): GroupStatistics {
  const d = levelDistribution(counts, values);
  const top = counts.length - 1;
  return {
    ...d,
    topShare: shareAt(d, top),
    bottomShare: shareAt(d, 0),
    modeShare: modeShare(d),
    guidelineDifference: d.n ? counts.map((c, k) => c / d.n - guideline[k]) : null,
  };
}

function minus(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

export function calibrationStatistics(matrix: RatingMatrix, settings: CalibrationSettings): CalibrationStatistics {
  const { scale, ranks } = matrix;
  const values = scale.levels.map((l) => l.value);
  const K = values.length;
  const C = matrix.competencies.length;
  const P = matrix.people.length;
  const groups = managerGroups(matrix.people);
  const G = groups.labels.length;
  const coverageRank = scale.levels.findIndex((l) => l.code === settings.coverageLevel);

  const cells = countRatings(ranks, groups.group, P, C, K, G);

  const managerCounts = Array.from({ length: G }, () => new Array<number>(K).fill(0));
  const competencyCounts = Array.from({ length: C }, () => new Array<number>(K).fill(0));
  const cellPeople = Array.from({ length: G }, () => new Array<number>(C).fill(0));
  const cellSum = Array.from({ length: G }, () => new Array<number>(C).fill(0));
  for (let g = 0; g < G; g++) {
    for (let c = 0; c < C; c++) {
      const at = (g * C + c) * (K + 1) + 1; // past the "not rated" slot
      for (let k = 0; k < K; k++) {
        const n = cells[at + k];
        if (!n) continue;
        managerCounts[g][k] += n;
        competencyCounts[c][k] += n;
        cellPeople[g][c] += n;
        cellSum[g][c] += n * values[k];
      }
    }
  }

  const overallCounts = new Array<number>(K).fill(0);
  for (const counts of competencyCounts) for (let k = 0; k < K; k++) overallCounts[k] += counts[k];
  const overall = groupStatistics(overallCounts, values, settings.guideline);
  const mu = overall.mean;
  const sigma = overall.sd;

  const managers: ManagerStatistics[] = groups.labels.map((manager, g) => {
    const s = groupStatistics(managerCounts[g], values, settings.guideline);
    const leniency = minus(s.mean, mu);
    const z = leniency === null || !sigma ? null : leniency / (sigma / Math.sqrt(s.n));
    const enough = s.n >= settings.flagMinRatings;
    const flag: RaterFlag | null = enough && z !== null && Math.abs(z) > settings.flagZ ? (z > 0 ? 'lenient' : 'harsh') : null;
    const compressed =
      enough && ((sigma !== null && s.sd! < settings.compressionSdRatio * sigma) || s.modeShare! >= settings.compressionModeShare);
    return { ...s, manager, people: groups.people[g], leniency, z, flag, compressed };
  });

  const competencies: CompetencyStatistics[] = matrix.competencies.map((competency, c) => {
    const counts = competencyCounts[c];
    const covered = counts.reduce((n, count, k) => (k >= coverageRank ? n + count : n), 0);
    return {
      ...levelDistribution(counts, values),
      competency,
      covered,
      coverage: covered === 0 ? 'nobody' : covered === 1 ? 'single' : 'covered',
      soleExpert: covered === 1 ? personLabel(matrix.people[soleExpertOf(matrix, c, coverageRank)]) : null,
    };
  });

  const difference = cellPeople.map((row, g) =>
    row.map((n, c) => {
      const mean = competencies[c].mean;
      return n < settings.minGroup || n === 0 || mean === null ? null : cellSum[g][c] / n - mean;
    }),
  );

  return {
    settings,
    overall,
    managers,
    competencies,
    heatmap: { people: cellPeople, difference },
    groups,
    raterEffects: raterEffects(matrix, groups, settings),
  };
}

/**
 * The one pass over the ratings: how many at each level, per manager and
 * competency. Each (manager, competency) cell has K + 1 slots, the first for
 * "not rated" (rank -1), so the loop has no branch: cells[(g * C + c) * (K + 1) + rank + 1].
 * A small function of its own so the engine compiles the hot loop alone.
 */
function countRatings(ranks: Int8Array, group: Int32Array, P: number, C: number, K: number, G: number): Int32Array {
  const stride = K + 1;
  const cells = new Int32Array(G * C * stride);
  for (let person = 0, base = 0; person < P; person++, base += C) {
    for (let c = 0, at = group[person] * C * stride + 1; c < C; c++, at += stride) cells[at + ranks[base + c]]++;
  }
  return cells;
}

/** The person rated at or above the coverage level on a competency where exactly one is (the last one, as the sheet's SUMPRODUCT finds it). */
function soleExpertOf(matrix: RatingMatrix, competency: number, coverageRank: number): number {
  const C = matrix.competencies.length;
  for (let person = matrix.people.length - 1; person >= 0; person--)
    if (matrix.ranks[person * C + competency] >= coverageRank) return person;
  return -1;
}
