/**
 * Planted-truth organisations for the rater effect: people under managers
 * whose bias is known, so a test or the bench can count right and wrong flags.
 *
 * - Roles Junior ... Principal, each centred on a higher level; a team is
 *   mostly senior, mostly junior or mixed, so the naive "mean against
 *   everyone's" sees seniority as leniency.
 * - Team sizes 1 to 30 (most 3 to 14).
 * - A rating is round(role centre + competency offset + person ability +
 *   rater bias + noise), clipped to the scale; some ratings are missing, and a
 *   few people are not rated at all.
 * - A share of raters is biased by ±bias levels, the sign at random.
 *
 * Deterministic for a seed.
 */
import { Scale } from '../../../src/core/scale';
import { emptyRatingMatrix, type RatedPerson, type RatingMatrix } from '../../../src/core/calibration/ratingMatrix';
import { random } from '../team';

export const PLANTED_SCALE = new Scale({
  id: 'planted',
  name: 'Planted',
  levels: ['L1', 'L2', 'L3', 'L4', 'L5'].map((code, i) => ({ code, name: `Level ${i + 1}`, value: i + 1 })),
});

export const PLANTED_ROLES = ['Junior', 'Engineer', 'Senior', 'Staff', 'Principal'];
/** Each role's centre, as a 0-based rank on the five levels. */
const ROLE_CENTRE = [0.7, 1.4, 2.2, 2.9, 3.5];

export interface PlantedOptions {
  people: number;
  seed: number;
  competencies?: number;
  /** Share of raters given a bias (0 for a null organisation). */
  biasedShare?: number;
  /** Size of a planted bias, in levels. */
  bias?: number;
  /** Share of ratings left blank. */
  missingShare?: number;
  /** Share of people not rated at all. */
  unratedShare?: number;
  /** Standard deviation of true ability within a role, and of the rating noise, in levels. */
  abilitySd?: number;
  noiseSd?: number;
}

export interface PlantedManager {
  name: string;
  /** The planted bias in levels: 0 for a fair rater. */
  bias: number;
  team: number;
  kind: 'senior' | 'junior' | 'mixed';
}

export interface PlantedOrganisation {
  matrix: RatingMatrix;
  managers: PlantedManager[];
  /** [id, name, role, manager, ...level codes or ""]: the rows of a team grid. */
  rows: string[][];
}

function normal(rnd: () => number): number {
  // Box-Muller; 1 - rnd() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** A team size: mostly 3 to 14, now and then 1-2 or up to 30. */
function teamSize(rnd: () => number): number {
  const u = rnd();
  if (u < 0.08) return 1 + Math.floor(rnd() * 2);
  if (u < 0.9) return 3 + Math.floor(rnd() * 12);
  return 15 + Math.floor(rnd() * 16);
}

function roleFor(kind: PlantedManager['kind'], rnd: () => number): number {
  const u = rnd();
  if (kind === 'senior') return u < 0.6 ? 4 - Math.floor(rnd() * 2) : 2 + Math.floor(rnd() * 3);
  if (kind === 'junior') return u < 0.6 ? Math.floor(rnd() * 2) : Math.floor(rnd() * 3);
  return Math.floor(u * 5);
}

export function plantedOrganisation(options: PlantedOptions): PlantedOrganisation {
  const rnd = random(options.seed);
  const C = options.competencies ?? 12;
  const bias = options.bias ?? 0.8;
  const biasedShare = options.biasedShare ?? 0.2;
  const abilitySd = options.abilitySd ?? 0.45;
  const noiseSd = options.noiseSd ?? 0.6;
  const offsets = Array.from({ length: C }, () => (rnd() - 0.5) * 0.8);
  const kinds: PlantedManager['kind'][] = ['senior', 'junior', 'mixed'];

  const managers: PlantedManager[] = [];
  const teamOf: number[] = [];
  while (teamOf.length < options.people) {
    const team = Math.min(teamSize(rnd), options.people - teamOf.length);
    const g = managers.length;
    managers.push({ name: `Manager ${String(g + 1).padStart(4, '0')}`, bias: 0, team, kind: kinds[Math.floor(rnd() * 3)] });
    for (let i = 0; i < team; i++) teamOf.push(g);
  }
  for (const m of managers) if (rnd() < biasedShare) m.bias = rnd() < 0.5 ? bias : -bias;

  const levels = PLANTED_SCALE.levels;
  const people: RatedPerson[] = [];
  const rows: string[][] = [];
  const ranks: number[] = [];
  teamOf.forEach((g, i) => {
    const m = managers[g];
    const role = roleFor(m.kind, rnd);
    const ability = normal(rnd) * abilitySd;
    const unrated = rnd() < (options.unratedShare ?? 0.02);
    const id = `E${String(i + 1).padStart(5, '0')}`;
    const codes: string[] = [];
    for (let c = 0; c < C; c++) {
      if (unrated || rnd() < (options.missingShare ?? 0.1)) {
        ranks.push(-1);
        codes.push('');
        continue;
      }
      const latent = ROLE_CENTRE[role] + offsets[c] + ability + m.bias + normal(rnd) * noiseSd;
      const rank = Math.max(0, Math.min(levels.length - 1, Math.round(latent)));
      ranks.push(rank);
      codes.push(levels[rank].code);
    }
    people.push({ id, name: `Person ${i + 1}`, role: PLANTED_ROLES[role], manager: m.name });
    rows.push([id, `Person ${i + 1}`, PLANTED_ROLES[role], m.name, ...codes]);
  });
  const competencies = Array.from({ length: C }, (_, c) => ({ id: `c${c + 1}`, name: `Competency ${c + 1}` }));
  const matrix = emptyRatingMatrix(PLANTED_SCALE, people, competencies);
  matrix.ranks.set(ranks);
  return { matrix, managers, rows };
}

/** Flags against the truth: right (a biased rater, in the planted direction), wrong (a fair one), and biased raters in teams of at least `minTeam` found. */
export interface FlagScore {
  flagged: number;
  right: number;
  wrong: number;
  biasedInTeams: number;
  foundInTeams: number;
}

export function scoreFlags(
  managers: readonly PlantedManager[],
  flags: ReadonlyMap<string, 'lenient' | 'harsh' | null>,
  minTeam = 5,
): FlagScore {
  const score: FlagScore = { flagged: 0, right: 0, wrong: 0, biasedInTeams: 0, foundInTeams: 0 };
  for (const m of managers) {
    const flag = flags.get(m.name) ?? null;
    const rightWay = flag !== null && m.bias !== 0 && (flag === 'lenient') === m.bias > 0;
    if (flag) {
      score.flagged++;
      if (rightWay) score.right++;
      else score.wrong++;
    }
    if (m.bias !== 0 && m.team >= minTeam) {
      score.biasedInTeams++;
      if (rightWay) score.foundInTeams++;
    }
  }
  return score;
}
