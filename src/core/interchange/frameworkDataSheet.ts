/**
 * The layout plan of the hidden sheet that keeps frameworks in the workbook
 * (see frameworkSheet.ts for its rows). Renderers write it like any other sheet;
 * they must replace the whole sheet, since it is the product's own.
 */
import type { Framework } from '../framework/validate';
import type { SheetPlan } from '../layouts/plan';
import { FRAMEWORKS_SHEET, frameworksToSheetRows } from './frameworkSheet';

export function frameworkDataSheetPlan(frameworks: readonly Framework[]): SheetPlan {
  return {
    name: FRAMEWORKS_SHEET,
    kind: 'framework-data',
    hidden: true,
    blocks: [{ row: 0, col: 0, cells: frameworksToSheetRows(frameworks) }],
    styles: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
  };
}
