/**
 * The built-in frameworks as the functions runtime sees them: built from the
 * compact data generated at build time (scripts/build-functions-data.js), which
 * was validated in full there. No zod and no descriptor texts reach the bundle.
 */
import data from './data/builtInFrameworks.json';
import { FrameworkModel } from '../core/framework/model';
import type { Framework } from '../core/framework/validate';

let models: readonly FrameworkModel[] | undefined;

export function builtInScoringFrameworks(): readonly FrameworkModel[] {
  models ??= (data.frameworks as unknown as Framework[]).map((f) => new FrameworkModel(f));
  return models;
}
