/**
 * The layout plan of the hidden sheet that keeps frameworks in the workbook
 * (see frameworkSheet.ts for its rows). Renderers write it like any other sheet;
 * they must replace the whole sheet, since it is the product's own.
 */
import type { Framework } from '../framework/validate';
import type { LayoutPlan, SheetPlan } from '../layouts/plan';
import { FRAMEWORKS_SHEET, frameworksToSheetRows, withStoredFramework } from './frameworkSheet';

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

/**
 * A plan that also keeps `framework` in the workbook: the hidden sheet is
 * rewritten with the frameworks already `stored` there, this one added (or
 * replacing the stored one with its id). The task pane and the command line
 * both store an imported framework this way.
 */
export function planKeepingFramework(plan: LayoutPlan, stored: readonly Framework[], framework: Framework): LayoutPlan {
  return { ...plan, sheets: [...plan.sheets, frameworkDataSheetPlan(withStoredFramework(stored, framework))] };
}
