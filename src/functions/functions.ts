/**
 * Worksheet functions under the COMPETENCY namespace. Each is a thin wrapper
 * over core; metadata (functions.json) is generated from these JSDoc blocks.
 */
import { findBuiltInScale } from '../core/frameworks/library';

/**
 * The numeric value of a proficiency level on a scale.
 * @customfunction LEVELVALUE
 * @param level A level code, name or number, e.g. "A" or "Advanced".
 * @param [scale] A built-in framework id or scale id. Defaults to mit-devops.
 * @returns The level's value.
 */
export function levelValue(level: string, scale?: string | null): number {
  const s = findBuiltInScale(scale ?? 'mit-devops');
  if (!s) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `unknown scale ${scale}`);
  const parsed = s.parse(level);
  if (!parsed) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'not rated');
  return parsed.value;
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('LEVELVALUE', levelValue);
}
