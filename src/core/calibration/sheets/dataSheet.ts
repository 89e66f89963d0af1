/**
 * The "Calibration data" sheet: one row per grid row with the numeric value of
 * each rating and the count of ratings per level. It is the bridge between a
 * grid of level codes and the statistics: the calibration sheet's SUMIF,
 * COUNTIFS, AVERAGE, MEDIAN and STDEVP all read these columns.
 *
 * Value cell: IFERROR(INDEX(values, MATCH(grid cell & "", codes, 0)), "")
 * - `& ""` makes a code typed as a number (3) match the text code "3";
 * - blank, N/A or anything that is not a level code gives "" (not rated, never
 *   0), so one bad entry on the grid cannot turn every figure into #N/A.
 */
import type { SheetPlan } from '../../layouts/plan';
import { cellRef, columnLetters, quoteSheet, rectRef } from '../../layouts/a1';
import { personLabel, type RatingMatrix } from '../ratingMatrix';
import type { GridSource } from '../gridSource';
import { managerLabel, NO_MANAGER } from '../managerGroups';
import { formula, formulaText, SheetCanvas } from './sheetCanvas';

/** Where things sit on the data sheet, for the formulas of the other sheets. */
export interface DataSheetLayout {
  name: string;
  firstRow: number;
  rows: number;
  indexCol: number;
  idCol: number;
  nameCol: number;
  managerCol: number;
  /** First value column; competency c is at valueCol + c. */
  valueCol: number;
  /** First count column; level k is at countCol + k. */
  countCol: number;
  /** The level table: code and value, lowest level first. */
  levelCodeCol: number;
  levelValueCol: number;
  levelFirstRow: number;
  levelCount: number;
}

const HEADER_ROW = 3;

export function dataSheetLayout(name: string, matrix: RatingMatrix): DataSheetLayout {
  const C = matrix.competencies.length;
  const K = matrix.scale.levels.length;
  const valueCol = 4;
  const countCol = valueCol + C;
  return {
    name,
    firstRow: HEADER_ROW + 1,
    rows: matrix.people.length,
    indexCol: 0,
    idCol: 1,
    nameCol: 2,
    managerCol: 3,
    valueCol,
    countCol,
    levelCodeCol: countCol + K + 1,
    levelValueCol: countCol + K + 2,
    levelFirstRow: HEADER_ROW + 1,
    levelCount: K,
  };
}

/** Absolute references into the data sheet, with its name, for formulas on other sheets. */
export class DataRefs {
  constructor(readonly layout: DataSheetLayout) {}

  private column(col: number): string {
    const l = this.layout;
    const rows = Math.max(1, l.rows);
    return `${quoteSheet(l.name)}!${rectRef({ row: l.firstRow, col, rows, cols: 1 }, true)}`;
  }

  /** One cell of a person's row, absolute, with the sheet name. */
  cell(person: number, col: number): string {
    return `${quoteSheet(this.layout.name)}!${cellRef(this.layout.firstRow + person, col, true)}`;
  }
  get managers(): string {
    return this.column(this.layout.managerCol);
  }
  get names(): string {
    return this.column(this.layout.nameCol);
  }
  get ids(): string {
    return this.column(this.layout.idCol);
  }
  get index(): string {
    return this.column(this.layout.indexCol);
  }
  values(competency: number): string {
    return this.column(this.layout.valueCol + competency);
  }
  /** Every value cell: people x competencies. */
  get allValues(): string {
    const l = this.layout;
    const cols = l.countCol - l.valueCol;
    return `${quoteSheet(l.name)}!${rectRef({ row: l.firstRow, col: l.valueCol, rows: Math.max(1, l.rows), cols: Math.max(1, cols) }, true)}`;
  }
  counts(level: number): string {
    return this.column(this.layout.countCol + level);
  }
  /** The level codes, lowest first: a dropdown source. */
  get levelCodes(): string {
    const l = this.layout;
    return `${quoteSheet(l.name)}!${rectRef({ row: l.levelFirstRow, col: l.levelCodeCol, rows: l.levelCount, cols: 1 }, true)}`;
  }
  get levelCodeValues(): string {
    const l = this.layout;
    return `${quoteSheet(l.name)}!${rectRef({ row: l.levelFirstRow, col: l.levelValueCol, rows: l.levelCount, cols: 1 }, true)}`;
  }
}

export function calibrationDataSheet(layout: DataSheetLayout, matrix: RatingMatrix, grid: GridSource): SheetPlan {
  const canvas = new SheetCanvas();
  const { scale, competencies, people } = matrix;
  const C = competencies.length;
  const K = scale.levels.length;
  const gridSheet = quoteSheet(grid.sheet);
  const levelCodes = rectRef({ row: layout.levelFirstRow, col: layout.levelCodeCol, rows: K, cols: 1 }, true);
  const levelValues = rectRef({ row: layout.levelFirstRow, col: layout.levelValueCol, rows: K, cols: 1 }, true);

  canvas.set(0, 0, 'Calibration data');
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  canvas.set(
    1,
    0,
    `Helper for the Calibration sheet: the value of each rating on the grid "${grid.sheet}", found in the level table on the right (a cell that is not a level code counts as not rated), and the ratings at each level per person. Do not edit here: change ratings on the grid and every figure follows.`,
  );
  canvas.style({ row: 1, col: 0, rows: 1, cols: 1 }, 'cal-note');

  canvas.setRow(HEADER_ROW, 0, ['#', 'Id', 'Name', 'Manager']);
  competencies.forEach((c, i) => canvas.set(HEADER_ROW, layout.valueCol + i, c.id));
  scale.levels.forEach((l, k) => canvas.set(HEADER_ROW, layout.countCol + k, `At ${l.code}`));
  canvas.style({ row: HEADER_ROW, col: 0, rows: 1, cols: layout.countCol + K }, 'cal-header');

  const firstValue = columnLetters(layout.valueCol);
  const lastValue = columnLetters(layout.valueCol + C - 1);
  people.forEach((p, i) => {
    const row = layout.firstRow + i;
    const gridRow = grid.firstRow + i;
    const at = (col: number) => `${gridSheet}!${cellRef(gridRow, col)}`;
    const label = managerLabel(p.manager);
    canvas.set(row, layout.indexCol, i + 1);
    canvas.set(row, layout.idCol, formula(`${at(grid.idCol)}&""`, p.id));
    // The name, or the id where the grid has no name: how the room knows a person.
    canvas.set(row, layout.nameCol, formula(`IF(${at(grid.nameCol)}&""="",${at(grid.idCol)}&"",${at(grid.nameCol)}&"")`, personLabel(p)));
    canvas.set(
      row,
      layout.managerCol,
      formula(`IF(TRIM(${at(grid.managerCol)}&"")="",${formulaText(NO_MANAGER)},TRIM(${at(grid.managerCol)}&""))`, label),
    );
    const counts = new Array<number>(K).fill(0);
    for (let c = 0; c < C; c++) {
      const rank = matrix.ranks[i * C + c];
      if (rank >= 0) counts[rank]++;
      canvas.set(
        row,
        layout.valueCol + c,
        formula(
          `IFERROR(INDEX(${levelValues},MATCH(${at(grid.ratingCols[c])}&"",${levelCodes},0)),"")`,
          rank >= 0 ? scale.levels[rank].value : null,
        ),
      );
    }
    const valueRow = `${firstValue}${row + 1}:${lastValue}${row + 1}`;
    for (let k = 0; k < K; k++) {
      const levelValue = cellRef(layout.levelFirstRow + k, layout.levelValueCol, true);
      canvas.set(row, layout.countCol + k, formula(`COUNTIF(${valueRow},${levelValue})`, counts[k]));
    }
  });

  canvas.setRow(HEADER_ROW, layout.levelCodeCol, ['Level', 'Value']);
  canvas.style({ row: HEADER_ROW, col: layout.levelCodeCol, rows: 1, cols: 2 }, 'cal-header');
  scale.levels.forEach((l, k) => canvas.setRow(layout.levelFirstRow + k, layout.levelCodeCol, [l.code, l.value]));
  canvas.style({ row: layout.levelFirstRow, col: layout.levelCodeCol, rows: K, cols: 2 }, 'cal-text');

  canvas.width(0, 6);
  canvas.width(layout.idCol, 12);
  canvas.width(layout.nameCol, 22);
  canvas.width(layout.managerCol, 22);
  canvas.width(layout.levelCodeCol, 18);
  return canvas.toSheet(layout.name, 'calibration', { freeze: { rows: HEADER_ROW + 1, cols: 2 } });
}
