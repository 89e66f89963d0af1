/**
 * Which frameworks the worksheet functions know: the workbook's own first
 * (workbookFrameworks.ts), then the built-in library.
 */
import type { FrameworkModel } from '../core/framework/model';
import { builtInScoringFrameworks } from './builtInScoringFrameworks';
import { workbookFrameworks, workbookFrameworksVersion } from './workbookFrameworks';

export { setWorkbookFrameworks } from './workbookFrameworks';

/** Changes whenever the known frameworks do: caches keyed on frameworks or scales compare it. */
export function registryVersion(): number {
  return workbookFrameworksVersion();
}

let cached: { version: number; list: readonly FrameworkModel[] } | undefined;

/** Workbook frameworks, then built-ins; a workbook framework hides a built-in with its id. */
export function knownFrameworks(): readonly FrameworkModel[] {
  const version = workbookFrameworksVersion();
  if (cached?.version !== version) {
    const own = workbookFrameworks();
    const ids = new Set(own.map((f) => f.id));
    cached = { version, list: [...own, ...builtInScoringFrameworks().filter((f) => !ids.has(f.id))] };
  }
  return cached.list;
}
