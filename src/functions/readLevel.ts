/**
 * A cell read as a level of a scale: the level, null for not rated, or a thrown
 * CompetencyError('unknown-level') naming the valid levels.
 */
import type { ScaleLevel } from '../core/framework/schema';
import type { Scale } from '../core/scale';

export function readLevel(scale: Scale, raw: unknown): ScaleLevel | null {
  // Excel desktop hands a custom function an empty cell as 0 (office-js#4702,
  // #5262). On a scale with no level valued 0, a 0 can only be a blank cell.
  if (raw === 0 && scale.levelOfValue(0) === undefined) return null;
  return scale.parse(raw);
}
