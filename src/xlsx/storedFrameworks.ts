/**
 * The frameworks a workbook keeps on its hidden "CompetencyMatrix.Frameworks"
 * sheet (written by the add-in or the command line), read through ExcelJS with
 * core's frameworksFromSheetRows. A damaged sheet is refused with the row and
 * what to do, never read half-way.
 */
import type { Workbook } from 'exceljs';
import type { Framework } from '../core/framework/validate';
import { FRAMEWORKS_SHEET, frameworksFromSheetRows } from '../core/interchange/frameworkSheet';
import { worksheetValues } from './worksheetValues';

/** The stored frameworks, in sheet order; none when the workbook has no such sheet. */
export function storedFrameworks(workbook: Workbook, fileName = 'workbook'): Framework[] {
  const ws = workbook.getWorksheet(FRAMEWORKS_SHEET);
  if (!ws) return [];
  return frameworksFromSheetRows(worksheetValues(ws), `${fileName}, sheet ${FRAMEWORKS_SHEET}`);
}
