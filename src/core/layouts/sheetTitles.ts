/**
 * The title each product sheet carries in A1 ("<framework>: <what>"). Besides
 * telling people what they are looking at, it lets a rebuild check that a
 * registered sheet is still the product's before replacing it: a sheet a
 * user made under the same name has another first cell.
 */
import type { SheetKind } from './plan';
import { UNPLACED_SHEET_TITLE } from './unplacedRatingsSheet';

export const SHEET_TITLES: Partial<Record<SheetKind, string>> = {
  grid: 'team assessment grid',
  matrix: 'proficiency matrix',
  scale: 'proficiency scales',
  descriptors: 'what each level means',
  roles: 'roles',
  'framework-data': 'target values by role',
};

export function sheetTitle(kind: SheetKind, frameworkName: string): string {
  return `${frameworkName}: ${SHEET_TITLES[kind] ?? kind}`;
}

/** Does this A1 text look like the title the product writes on a sheet of this kind? */
export function isProductTitle(kind: string, a1: string): boolean {
  if (kind === 'unplaced') return a1 === UNPLACED_SHEET_TITLE;
  const what = SHEET_TITLES[kind as SheetKind];
  return what !== undefined && a1.endsWith(`: ${what}`);
}
