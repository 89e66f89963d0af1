/**
 * The frameworks a workbook keeps on its hidden "CompetencyMatrix.Frameworks"
 * sheet (written by the add-in or the command line), read through ExcelJS or
 * the streaming reader with
 * core's frameworksFromSheetRows. A damaged sheet is refused with the row and
 * what to do, never read half-way.
 */
import type { Workbook } from 'exceljs';
import type { Framework } from '../core/framework/validate';
import { FRAMEWORKS_SHEET, frameworksFromSheetRows } from '../core/interchange/frameworkSheet';
import { worksheetValues } from './worksheetValues';
import type { WorkbookFile } from './readWorkbook';

/** The stored frameworks, in sheet order; none when the workbook has no such sheet. */
export function storedFrameworks(workbook: Workbook, fileName = 'workbook'): Framework[] {
  const ws = workbook.getWorksheet(FRAMEWORKS_SHEET);
  if (!ws) return [];
  return frameworksFromSheetRows(worksheetValues(ws), `${fileName}, sheet ${FRAMEWORKS_SHEET}`);
}

/** The same, from a workbook opened with openWorkbook (only that sheet is read). */
export async function storedFrameworksIn(file: WorkbookFile): Promise<Framework[]> {
  if (!file.sheet(FRAMEWORKS_SHEET)) return [];
  const { rows } = await file.values(FRAMEWORKS_SHEET);
  return frameworksFromSheetRows(rows, `${file.fileName}, sheet ${FRAMEWORKS_SHEET}`);
}
