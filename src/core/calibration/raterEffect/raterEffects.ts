/**
 * The rater effect: how much higher (or lower) a manager rates than everyone
 * rates the same roles on the same competencies, with its uncertainty from
 * the people rated, shrunk for small teams, and flags decided with
 * false-discovery control across all raters (method in docs/calibration.md).
 *
 * 1. Expected rating: for each role and competency, the mean of everyone's
 *    ratings of people in that role on that competency.
 * 2. Person residual: a person's mean over their rated competencies of
 *    (rating - expected). The person is the unit: nine ratings of one person
 *    count once.
 * 3. Rater estimate: the mean residual of the manager's people; its standard
 *    error is √(pooled within-rater variance / people), the variance pooled
 *    over all raters so a team of two does not get a tiny, noisy SE.
 * 4. z = estimate / SE, two-sided p, Benjamini-Hochberg at the sheet's FDR
 *    over raters with at least the smallest team.
 * 5. Shrunk estimate: estimate × τ² / (τ² + SE²), τ² the spread of true rater
 *    effects by the method of moments (mean of estimate² - SE², at least 0):
 *    the empirical-Bayes estimate of a random rater effect.
 *
 * Every step is a sum the sheet also forms (SUMIF, COUNTIFS, SUMPRODUCT), in
 * the same order of operations, so the two agree to rounding.
 */
import type { RatingMatrix } from '../ratingMatrix';
import type { ManagerGroups } from '../managerGroups';
import { roleGroups, type RoleGroups } from './roleGroups';
import { twoSidedP } from './normal';
import { benjaminiHochberg } from './benjaminiHochberg';

export const RATER_EFFECT_METHOD =
  'mean residual per person against the role x competency mean; SE from pooled within-rater variance over people; ' +
  'Benjamini-Hochberg across raters; empirical-Bayes shrinkage toward 0';

export type Direction = 'lenient' | 'harsh';

export interface RaterEffect {
  manager: string;
  /** People of this manager with at least one rating: the unit of the uncertainty. */
  people: number;
  /** Mean person residual (levels): positive rates higher than everyone rates the same roles. Null without people. */
  estimate: number | null;
  /** Standard error of the estimate; null below the smallest team or without a pooled variance. */
  se: number | null;
  z: number | null;
  p: number | null;
  /** Place of p among the raters tested, smallest first. */
  rank: number | null;
  /** Empirical-Bayes estimate (pulled toward 0 the more, the smaller the team) and its posterior SD. */
  shrunk: number | null;
  shrunkSe: number | null;
  flagged: boolean;
  direction: Direction | null;
  method: string;
}

export interface RaterEffectSettings {
  falseDiscoveryRate: number;
  /** Raters with fewer people rated get no SE, test or flag (their residuals still count in the pooled variance). */
  minTeam: number;
}

export interface RaterEffects {
  roles: RoleGroups;
  /** expected[r][c]: mean rating of role r on competency c; null where nobody in the role is rated on it. */
  expected: (number | null)[][];
  /** residual[person]: mean of (rating - expected); null when the person has no rating. */
  residual: (number | null)[];
  /** Within-rater variance of person residuals, pooled over raters. */
  pooledVariance: number | null;
  /** Variance of true rater effects (method of moments, at least 0). */
  tau2: number | null;
  /** Raters tested and the largest BH rank that passed. */
  tested: number;
  cutoff: number;
  raters: RaterEffect[];
}

export function raterEffects(matrix: RatingMatrix, groups: ManagerGroups, settings: RaterEffectSettings): RaterEffects {
  const { ranks, people } = matrix;
  const values = Float64Array.from(matrix.scale.levels.map((l) => l.value));
  const C = matrix.competencies.length;
  const P = people.length;
  const roles = roleGroups(people);
  const R = roles.labels.length;

  // 1. Role x competency sums and counts, and each person's total and number of ratings.
  // Branch-free over ranks: slot 0 is "not rated" (value 0, counts 0), slot k + 1 is level k.
  const K = values.length;
  const valueAt = new Float64Array(K + 1);
  const ratedAt = new Float64Array(K + 1);
  for (let k = 0; k < K; k++) {
    valueAt[k + 1] = values[k];
    ratedAt[k + 1] = 1;
  }
  const sum = new Float64Array(R * C);
  const count = new Float64Array(R * C);
  const personTotal = new Float64Array(P);
  const personRated = new Float64Array(P);
  for (let p = 0, at = 0; p < P; p++) {
    const base = roles.role[p] * C;
    let total = 0;
    let rated = 0;
    for (let c = 0; c < C; c++, at++) {
      const slot = ranks[at] + 1;
      const v = valueAt[slot];
      const r = ratedAt[slot];
      sum[base + c] += v;
      count[base + c] += r;
      total += v;
      rated += r;
    }
    personTotal[p] = total;
    personRated[p] = rated;
  }
  const mean = new Float64Array(R * C);
  for (let i = 0; i < R * C; i++) mean[i] = count[i] ? sum[i] / count[i] : 0;
  const expected = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => (count[r * C + c] ? mean[r * C + c] : null)));

  // 2. Person residuals: (sum of ratings - sum of their expectations) / ratings.
  const residualOf = new Float64Array(P).fill(NaN);
  for (let p = 0, at = 0; p < P; p++) {
    const base = roles.role[p] * C;
    let expectedTotal = 0;
    for (let c = 0; c < C; c++, at++) expectedTotal += mean[base + c] * ratedAt[ranks[at] + 1];
    if (personRated[p]) residualOf[p] = (personTotal[p] - expectedTotal) / personRated[p];
  }
  const residual = Array.from(residualOf, (d) => (Number.isNaN(d) ? null : d));

  // 3. Per rater: people, sum and sum of squares of residuals; the pooled within-rater variance.
  const G = groups.labels.length;
  const n = new Array<number>(G).fill(0);
  const s1 = new Array<number>(G).fill(0);
  const s2 = new Array<number>(G).fill(0);
  for (let p = 0; p < P; p++) {
    const d = residualOf[p];
    if (Number.isNaN(d)) continue;
    const g = groups.group[p];
    n[g]++;
    s1[g] += d;
    s2[g] += d * d;
  }
  const estimate = n.map((k, g) => (k ? s1[g] / k : null));
  const within = estimate.map((m, g) => (m === null ? 0 : s2[g] - n[g] * m * m));
  const totalPeople = n.reduce((a, b) => a + b, 0);
  const ratersWithPeople = n.filter((k) => k > 0).length;
  const df = totalPeople - ratersWithPeople;
  const pooledVariance = df > 0 ? within.reduce((a, b) => a + b, 0) / df : null;

  // 4. SE, z and p for raters with at least the smallest team; BH across them.
  const se = n.map((k) => (pooledVariance !== null && pooledVariance > 0 && k >= settings.minTeam ? Math.sqrt(pooledVariance / k) : null));
  const z = se.map((s, g) => (s === null ? null : estimate[g]! / s));
  const p = z.map((x) => (x === null ? null : twoSidedP(x)));
  const bh = benjaminiHochberg(p, settings.falseDiscoveryRate);

  // 5. Shrinkage: τ² = max(0, Σ (estimate² - SE²) / raters tested), summed per rater as the sheet does.
  const tested = p.filter((x) => x !== null).length;
  let tau2: number | null = null;
  if (tested) {
    let excess = 0;
    se.forEach((s, g) => {
      if (s !== null) excess += estimate[g]! * estimate[g]! - s * s;
    });
    tau2 = Math.max(0, excess / tested);
  }

  const raters = groups.labels.map((manager, g): RaterEffect => {
    const s = se[g];
    const m = estimate[g];
    const weight = s === null || tau2 === null ? null : tau2 / (tau2 + s * s);
    const flagged = bh.flagged[g];
    return {
      manager,
      people: n[g],
      estimate: m,
      se: s,
      z: z[g],
      p: p[g],
      rank: bh.rank[g],
      shrunk: weight === null ? null : weight * m!,
      shrunkSe: weight === null ? null : Math.sqrt(weight) * s!,
      flagged,
      direction: flagged ? (m! > 0 ? 'lenient' : 'harsh') : null,
      method: RATER_EFFECT_METHOD,
    };
  });
  return { roles, expected, residual, pooledVariance, tau2, tested, cutoff: bh.cutoff, raters };
}
