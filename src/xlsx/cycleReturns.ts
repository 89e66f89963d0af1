/**
 * A returned cycle workbook as plain data for core's merge: the identity in
 * its registry, and from its grid each person row and every filled rating and
 * comment cell with its address. Nothing is judged here. From an ExcelJS
 * workbook (the task pane, in the browser) or from a file opened with the
 * streaming reader (the command line), with the same result.
 */
import type { Workbook } from 'exceljs';
import type { ReturnedWorkbook } from '../core/cycle/merge';
import { readReturnedSheets, type SheetRows } from '../core/cycle/collectInputs';
import { CompetencyError } from '../core/problems';
import type { WorkbookFile } from './readWorkbook';
import { readRegistry, readRegistryFrom } from './workbookRegistry';
import { worksheetValues } from './worksheetValues';

const unreadable = (file: string, why: string): ReturnedWorkbook => ({ file, unreadable: why, sheet: '', people: [], cells: [] });

export function readReturnedWorkbook(workbook: Workbook, file: string): ReturnedWorkbook {
  let identity;
  try {
    identity = readRegistry(workbook).cycle?.identity;
  } catch (e) {
    return unreadable(file, `its registry cannot be read (${(e as Error).message})`);
  }
  return readReturnedSheets(file, identity, sheetRows(workbook));
}

/**
 * The same from a file opened with the streaming reader: the registry, then
 * the sheets in workbook order up to the first with a grid (the grid is the
 * first sheet of a file the product wrote), each unpacked only when reached.
 */
export async function readReturnedFile(workbook: WorkbookFile, file: string): Promise<ReturnedWorkbook> {
  let identity;
  try {
    identity = (await readRegistryFrom(workbook)).cycle?.identity;
  } catch (e) {
    return unreadable(file, `its registry cannot be read (${(e as Error).message})`);
  }
  for (const sheet of workbook.sheets) {
    let rows;
    try {
      rows = (await workbook.values(sheet.name)).rows;
    } catch (e) {
      if (!(e instanceof CompetencyError)) throw e;
      return { ...unreadable(file, e.where ? e.message.slice(e.where.length + 2) : e.message), identity };
    }
    const read = readReturnedSheets(file, identity, [{ name: sheet.name, rows }]);
    if (read.sheet) return read;
  }
  return readReturnedSheets(file, identity, []);
}

function* sheetRows(workbook: Workbook): Iterable<SheetRows> {
  for (const ws of workbook.worksheets) yield { name: ws.name, rows: worksheetValues(ws) };
}
