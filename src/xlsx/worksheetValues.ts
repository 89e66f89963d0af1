/**
 * A worksheet's cells as rows of plain values from A1 (rows[r][c] is the cell
 * at 0-based row r, column c), the shape Office.js `range.values` gives: what
 * core's readers (grids, snapshots, calibration) take from either renderer.
 */
import { ValueType, type CellValue, type Worksheet } from 'exceljs';
import { plainValue, type PlainValue } from './cellValue';

export function worksheetValues(ws: Worksheet): PlainValue[][] {
  const rows: PlainValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: PlainValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A formula's cached 0, FALSE or "" is dropped from `cell.value` by ExcelJS; `cell.result` keeps it.
      cells[c - 1] = cell.type === ValueType.Formula ? plainValue(cell.result as CellValue) : plainValue(cell.value);
    });
    rows[n - 1] = cells;
  });
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}
