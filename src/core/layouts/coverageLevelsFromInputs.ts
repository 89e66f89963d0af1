/**
 * The coverage levels people picked on an earlier grid, taken from what was
 * read out of the product's sheets (ratingKey -> value, as readProductInputs
 * gives it), in the shape workbookLayout's `coverageLevels` option takes, so a
 * new grid starts from the levels the team chose rather than the defaults.
 */
import type { PlanCell } from './plan';
import { splitRatingKey } from './carryRatings';

/** The input region of a grid that holds its coverage levels (see grid.ts). */
const COVERAGE_LEVELS_REGION = 'coverage-levels';

/** Competency id -> the coverage level entered for it; the first one read wins when two grids disagree. */
export function coverageLevelsFromInputs(values: ReadonlyMap<string, PlanCell>): Map<string, string> {
  const levels = new Map<string, string>();
  for (const [key, value] of values) {
    const { region, competency } = splitRatingKey(key);
    if (region === COVERAGE_LEVELS_REGION && value !== null && !levels.has(competency)) levels.set(competency, String(value));
  }
  return levels;
}
