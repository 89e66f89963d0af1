/**
 * A returned cycle workbook as plain data for core's merge: the identity in
 * its registry, and from its grid each person row and every filled rating and
 * comment cell with its address. Nothing is judged here.
 */
import type { Workbook } from 'exceljs';
import type { ReturnedWorkbook } from '../core/cycle/merge';
import { readReturnedSheets, type SheetRows } from '../core/cycle/collectInputs';
import { readRegistry } from './workbookRegistry';
import { worksheetValues } from './worksheetValues';

export function readReturnedWorkbook(workbook: Workbook, file: string): ReturnedWorkbook {
  let identity;
  try {
    identity = readRegistry(workbook).cycle?.identity;
  } catch (e) {
    return { file, unreadable: `its registry cannot be read (${(e as Error).message})`, sheet: '', people: [], cells: [] };
  }
  return readReturnedSheets(file, identity, sheetRows(workbook));
}

function* sheetRows(workbook: Workbook): Iterable<SheetRows> {
  for (const ws of workbook.worksheets) yield { name: ws.name, rows: worksheetValues(ws) };
}
