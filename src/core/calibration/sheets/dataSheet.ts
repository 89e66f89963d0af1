/**
 * The "Calibration data" sheet: one row per grid row with the numeric value of
 * each rating and the count of ratings per level. It is the bridge between a
 * grid of level codes and the statistics: the calibration sheet's SUMIF,
 * COUNTIFS, AVERAGE, MEDIAN and STDEVP all read these columns.
 *
 * Beside them, the rater effect's helpers (see ../raterEffect/raterEffects.ts):
 * each person's role, its row in the role x competency table of expected
 * ratings (far right), and the person's residual: (sum of their ratings - sum
 * of the expected ratings of the same cells) / their number of ratings, one
 * SUMPRODUCT of the person's row against the roles x competencies table, so
 * recalculation stays linear in the grid (times the number of roles).
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
import { exactCriterion, formula, formulaText, SheetCanvas } from './sheetCanvas';
import { NO_ROLE, roleGroups } from '../raterEffect/roleGroups';
import type { RaterEffects } from '../raterEffect/raterEffects';

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
  /** Rater-effect helpers per person: role label, its row in the expectation table, residual, rated (1/0), residual squared. */
  roleCol: number;
  roleNoCol: number;
  residualCol: number;
  ratedCol: number;
  residualSqCol: number;
  /** The level table: code and value, lowest level first. */
  levelCodeCol: number;
  levelValueCol: number;
  levelFirstRow: number;
  levelCount: number;
  /** The cell holding the COUNTIFS criterion that counts level values only (">=" & the lowest value). */
  countedCriterionCol: number;
  /** Expected rating per role (rows from levelFirstRow) and competency (columns from expectedCol): role labels in expectedRoleCol. */
  expectedRoleCol: number;
  expectedCol: number;
  roleCount: number;
}

const HEADER_ROW = 3;

export function dataSheetLayout(name: string, matrix: RatingMatrix): DataSheetLayout {
  const C = matrix.competencies.length;
  const K = matrix.scale.levels.length;
  const valueCol = 4;
  const countCol = valueCol + C;
  const roleCol = countCol + K;
  const levelCodeCol = roleCol + 6;
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
    roleCol,
    roleNoCol: roleCol + 1,
    residualCol: roleCol + 2,
    ratedCol: roleCol + 3,
    residualSqCol: roleCol + 4,
    levelCodeCol,
    levelValueCol: levelCodeCol + 1,
    levelFirstRow: HEADER_ROW + 1,
    levelCount: K,
    countedCriterionCol: levelCodeCol + 2,
    expectedRoleCol: levelCodeCol + 4,
    expectedCol: levelCodeCol + 5,
    roleCount: roleGroups(matrix.people).labels.length,
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
  get residuals(): string {
    return this.column(this.layout.residualCol);
  }
  get rated(): string {
    return this.column(this.layout.ratedCol);
  }
  get residualSquares(): string {
    return this.column(this.layout.residualSqCol);
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

export function calibrationDataSheet(layout: DataSheetLayout, matrix: RatingMatrix, grid: GridSource, effects: RaterEffects): SheetPlan {
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
  canvas.setRow(HEADER_ROW, layout.roleCol, ['Role', 'Role row', 'Residual', 'Rated', 'Residual²']);
  canvas.style({ row: HEADER_ROW, col: 0, rows: 1, cols: layout.roleCol + 5 }, 'cal-header');
  const R = layout.roleCount;
  const E = effects.roles.labels.length === R ? effects : undefined;
  if (!E) throw new Error('calibrationDataSheet: the rater effects and the layout disagree on the roles');
  const expectedTable = `${cellRef(layout.levelFirstRow, layout.expectedCol, true)}:${cellRef(layout.levelFirstRow + R - 1, layout.expectedCol + C - 1, true)}`;
  // The expectation table's row numbers (1..R) beside its labels: the residual picks its role's row by them.
  const roleNumbers = `${cellRef(layout.levelFirstRow, layout.expectedRoleCol - 1, true)}:${cellRef(layout.levelFirstRow + R - 1, layout.expectedRoleCol - 1, true)}`;
  const roleLabels = `${cellRef(layout.levelFirstRow, layout.expectedRoleCol, true)}:${cellRef(layout.levelFirstRow + R - 1, layout.expectedRoleCol, true)}`;
  const column = (col: number) =>
    `${cellRef(layout.firstRow, col, true)}:${cellRef(layout.firstRow + Math.max(1, people.length) - 1, col, true)}`;

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
    const r = E.roles.role[i];
    const role = `${at(grid.roleCol)}&""`;
    canvas.set(row, layout.roleCol, formula(`IF(TRIM(${role})="",${formulaText(NO_ROLE)},TRIM(${role}))`, E.roles.labels[r]));
    const roleNo = cellRef(row, layout.roleNoCol);
    canvas.set(row, layout.roleNoCol, formula(`IFERROR(MATCH(${cellRef(row, layout.roleCol)},${roleLabels},0),"")`, r + 1));
    const residual = cellRef(row, layout.residualCol);
    canvas.set(
      row,
      layout.residualCol,
      formula(
        `IF(OR(COUNT(${valueRow})=0,${roleNo}=""),"",(SUM(${valueRow})-SUMPRODUCT(ISNUMBER(${valueRow})*(${roleNumbers}=${roleNo})*${expectedTable}))/COUNT(${valueRow}))`,
        E.residual[i],
      ),
    );
    canvas.set(row, layout.ratedCol, formula(`IF(${residual}="",0,1)`, E.residual[i] === null ? 0 : 1));
    canvas.set(
      row,
      layout.residualSqCol,
      formula(`IF(${residual}="","",${residual}^2)`, E.residual[i] === null ? null : E.residual[i]! ** 2),
    );
  });
  canvas.style({ row: layout.firstRow, col: layout.residualCol, rows: Math.max(1, people.length), cols: 1 }, 'cal-number');

  canvas.setRow(HEADER_ROW, layout.levelCodeCol, ['Level', 'Value']);
  canvas.style({ row: HEADER_ROW, col: layout.levelCodeCol, rows: 1, cols: 2 }, 'cal-header');
  scale.levels.forEach((l, k) => canvas.setRow(layout.levelFirstRow + k, layout.levelCodeCol, [l.code, l.value]));
  canvas.style({ row: layout.levelFirstRow, col: layout.levelCodeCol, rows: K, cols: 2 }, 'cal-text');

  // COUNTIFS counts numbers only with a numeric criterion: ">=" & the lowest level value.
  const lowest = Math.min(...scale.levels.map((l) => l.value));
  const counted = cellRef(layout.levelFirstRow, layout.countedCriterionCol, true);
  canvas.set(HEADER_ROW, layout.countedCriterionCol, 'Counted');
  canvas.set(layout.levelFirstRow, layout.countedCriterionCol, formula(`">="&MIN(${levelValues})`, `>=${lowest}`));

  // Expected rating: the mean of everyone's ratings of people in the role on the competency (0 where there are none; never used then).
  canvas.set(HEADER_ROW - 1, layout.expectedRoleCol, 'Expected rating: everyone’s mean for the role on each competency');
  canvas.setRow(HEADER_ROW, layout.expectedRoleCol - 1, ['Row', 'Role']);
  competencies.forEach((c, j) => canvas.set(HEADER_ROW, layout.expectedCol + j, c.id));
  canvas.style({ row: HEADER_ROW, col: layout.expectedRoleCol - 1, rows: 1, cols: C + 2 }, 'cal-header');
  E.roles.labels.forEach((label, r) => {
    const row = layout.levelFirstRow + r;
    canvas.set(row, layout.expectedRoleCol - 1, r + 1);
    canvas.set(row, layout.expectedRoleCol, label);
    const criterion = exactCriterion(label, cellRef(row, layout.expectedRoleCol, true));
    for (let c = 0; c < C; c++) {
      const values = column(layout.valueCol + c);
      const n = `COUNTIFS(${column(layout.roleCol)},${criterion},${values},${counted})`;
      canvas.set(
        row,
        layout.expectedCol + c,
        formula(`IF(${n}=0,0,SUMIF(${column(layout.roleCol)},${criterion},${values})/${n})`, E.expected[r][c] ?? 0),
      );
    }
  });
  canvas.style({ row: layout.levelFirstRow, col: layout.expectedCol, rows: R, cols: C }, 'cal-number');

  canvas.width(0, 6);
  canvas.width(layout.idCol, 12);
  canvas.width(layout.nameCol, 22);
  canvas.width(layout.managerCol, 22);
  canvas.width(layout.levelCodeCol, 18);
  return canvas.toSheet(layout.name, 'calibration', { freeze: { rows: HEADER_ROW + 1, cols: 2 } });
}
