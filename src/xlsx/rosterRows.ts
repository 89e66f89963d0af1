/**
 * A roster sheet of an .xlsx workbook (an HR export) as rows of plain values
 * from A1, for core's parseRoster: the first sheet, or the one named. Kept to
 * this one function so a streaming reader can replace ExcelJS here alone.
 */
import { CompetencyError } from '../core/problems';
import { loadWorkbookBytes } from './workbookFrameworks';
import { worksheetValues } from './worksheetValues';
import type { PlainValue } from './cellValue';

export async function rosterSheetRows(
  bytes: Uint8Array,
  fileName: string,
  sheetName?: string,
): Promise<{ sheet: string; rows: PlainValue[][] }> {
  const workbook = await loadWorkbookBytes(bytes, fileName);
  const sheets = workbook.worksheets;
  const ws = sheetName === undefined ? sheets[0] : sheets.find((w) => w.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (!ws) {
    throw new CompetencyError(
      'invalid-roster',
      sheetName === undefined
        ? 'the workbook has no sheets'
        : `no sheet named "${sheetName}"; its sheets are ${sheets.map((w) => `"${w.name}"`).join(', ')}`,
      fileName,
    );
  }
  return { sheet: ws.name, rows: worksheetValues(ws) };
}
