/**
 * Reading a team grid back from a workbook the product wrote, through ExcelJS:
 * the sheet's cells go to core's readGridRows (the same reader the add-in
 * uses), and the one thing values cannot show, whether the grid scores with
 * the add-in's functions, is read from a gap cell's formula.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { readGridRows, type GridRows } from '../core/layouts/readGridRows';
import { CompetencyError } from '../core/problems';
import { worksheetValues } from './worksheetValues';
import type { PlainValue } from './cellValue';
import type { SheetValues, WorkbookFile } from './readWorkbook';
import { readRegistryFrom } from './workbookRegistry';

export type GridRead = GridRows;

/** The grid on a sheet, if any; `formulaAt` gives a cell's formula (the first person's gap cell tells the formula mode). */
function gridOf(name: string, rows: PlainValue[][], formulaAt: (row: number, col: number) => string | undefined): GridRead | undefined {
  const grid = readGridRows(name, rows);
  if (!grid) return undefined;
  const g = grid.geometry;
  if (grid.people.length && g.gapCols.length) {
    const gap = formulaAt(grid.people[0].row, g.gapCols[0]);
    if (gap && gap.includes('COMPETENCY.')) g.formulas = 'addin';
  }
  return grid;
}

function readSheet(ws: Worksheet): GridRead | undefined {
  return gridOf(ws.name, worksheetValues(ws), (r, c) => ws.getCell(r + 1, c + 1).formula);
}

/** The grid in a sheet's values as the streaming reader gives them, if there is one. */
export function gridFromValues(name: string, { rows, firstFormula }: SheetValues): GridRead | undefined {
  return gridOf(name, rows, (r, c) => {
    const f = firstFormula(c);
    return f && f.row === r ? f.formula : undefined;
  });
}

async function readFileSheet(file: WorkbookFile, name: string): Promise<GridRead | undefined> {
  return gridFromValues(name, await file.values(name));
}

const NO_GRID = 'no team grid written by competency-matrix was found (its hidden key row is missing); write one with the workbook command';

function noGridOn(sheetName: string, grids: string[], fileName: string): CompetencyError {
  return new CompetencyError(
    'invalid-file',
    `no team grid on a sheet named "${sheetName}"; the grids are on ${grids.map((g) => `"${g}"`).join(', ') || 'no sheet'}`,
    fileName,
  );
}

/**
 * The team grid of a workbook opened with openWorkbook (the one on `sheetName`
 * if given). Only the sheets needed are read: the named one, else the grids the
 * registry lists, else each sheet in turn up to the first grid.
 */
export async function readGridFrom(file: WorkbookFile, sheetName?: string): Promise<GridRead> {
  const grid = await findGridFrom(file, sheetName);
  if (grid) return grid;
  throw new CompetencyError('invalid-file', NO_GRID, file.fileName);
}

/** The same, undefined when the workbook has no grid at all (a named sheet that is no grid is still an error). */
export async function findGridFrom(file: WorkbookFile, sheetName?: string): Promise<GridRead | undefined> {
  if (sheetName !== undefined) {
    const sheet = file.sheet(sheetName);
    const g = sheet && (await readFileSheet(file, sheet.name));
    if (g) return g;
    const grids: string[] = [];
    for (const s of file.sheets) if (s !== sheet && (await readFileSheet(file, s.name))) grids.push(s.name);
    throw noGridOn(sheetName, grids, file.fileName);
  }
  const registered = (await readRegistryFrom(file)).sheets.filter((s) => s.kind === 'grid' && file.sheet(s.name)).map((s) => s.name);
  const order = [...registered, ...file.sheets.map((s) => s.name).filter((n) => !registered.includes(n))];
  for (const name of order) {
    const g = await readFileSheet(file, name);
    if (g) return g;
  }
  return undefined;
}

/** Every team grid in the workbook, in sheet order. */
export function readGrids(workbook: Workbook): GridRead[] {
  const out: GridRead[] = [];
  for (const ws of workbook.worksheets) {
    const grid = readSheet(ws);
    if (grid) out.push(grid);
  }
  return out;
}

/**
 * The team grid of a workbook (the one on `sheetName` if given); a clear error when there is none.
 * Only the sheets needed are read: the named one, or those up to the first grid.
 */
export function readGrid(workbook: Workbook, sheetName?: string, fileName = 'workbook'): GridRead {
  if (sheetName !== undefined) {
    const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
    const g = ws && readSheet(ws);
    if (g) return g;
    throw noGridOn(
      sheetName,
      readGrids(workbook).map((x) => x.geometry.sheetName),
      fileName,
    );
  }
  for (const ws of workbook.worksheets) {
    const g = readSheet(ws);
    if (g) return g;
  }
  throw new CompetencyError('invalid-file', NO_GRID, fileName);
}
