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

export type GridRead = GridRows;

function readSheet(ws: Worksheet): GridRead | undefined {
  const grid = readGridRows(ws.name, worksheetValues(ws));
  if (!grid) return undefined;
  const g = grid.geometry;
  if (grid.people.length && g.gapCols.length) {
    const gap = ws.getCell(grid.people[0].row + 1, g.gapCols[0] + 1).formula;
    if (gap && gap.includes('COMPETENCY.')) g.formulas = 'addin';
  }
  return grid;
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
    const grids = readGrids(workbook).map((x) => `"${x.geometry.sheetName}"`);
    throw new CompetencyError(
      'invalid-file',
      `no team grid on a sheet named "${sheetName}"; the grids are on ${grids.join(', ') || 'no sheet'}`,
      fileName,
    );
  }
  for (const ws of workbook.worksheets) {
    const g = readSheet(ws);
    if (g) return g;
  }
  throw new CompetencyError(
    'invalid-file',
    'no team grid written by competency-matrix was found (its hidden key row is missing); write one with the workbook command',
    fileName,
  );
}
