/**
 * A roster sheet of an .xlsx workbook (an HR export) as rows of plain values
 * from A1, for core's parseRoster: the first sheet, or the one named. Kept to
 * this one function; it reads through the one workbook reader (readWorkbook.ts).
 */
import { CompetencyError } from '../core/problems';
import { openWorkbook } from './readWorkbook';
import type { PlainValue } from './cellValue';

export async function rosterSheetRows(
  bytes: Uint8Array,
  fileName: string,
  sheetName?: string,
): Promise<{ sheet: string; rows: PlainValue[][] }> {
  const workbook = await openWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  const sheets = workbook.sheets;
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
  return { sheet: ws.name, rows: (await workbook.values(ws.name)).rows };
}
