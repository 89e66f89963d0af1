/**
 * The target table: each role's target values, roles down and competencies
 * across (in the grid's order), computed from the matrix sheet. The grid looks
 * a person's targets up by their role's row here, and their next role's row for
 * readiness, so changing a person's role (or a target in the matrix)
 * recalculates everything that depends on it.
 */
import type { FrameworkModel } from '../framework/model';
import type { Role } from '../framework/schema';
import type { Rect, SheetPlan } from './plan';
import { cellRef, quoteSheet, sheetRef } from './a1';
import type { MatrixGeometry } from './matrix';
import type { GridFormulas, ScaleRefs } from './formulas';
import { SheetBuilder } from './sheetBuilder';
import { STYLE } from './styles';
import { sheetTitle } from './sheetTitles';

export interface TargetTableGeometry {
  sheetName: string;
  /** Role names, one a row, framework order: the grid's role dropdown and MATCH range. */
  roleNamesRef: string;
  /** Target values: one row per role (as `roleNamesRef`), one column per competency (grid order). */
  valuesRef: string;
  values: Rect;
  roleCount: number;
  /** With `floors`: each target value less one level (blank where none), laid out as `valuesRef`, for tolerant readiness. */
  floorsRef?: string;
}

export interface TargetTableLayout {
  sheet: SheetPlan;
  geometry: TargetTableGeometry;
}

export function targetTableLayout(
  model: FrameworkModel,
  sheetName: string,
  roles: readonly Role[],
  matrix: MatrixGeometry,
  scaleRefs: (scaleId: string) => ScaleRefs,
  formulas: GridFormulas,
  options: { floors?: boolean } = {},
): TargetTableLayout {
  const b = new SheetBuilder(sheetName, 'framework-data');
  const competencies = matrix.competencyIds.map((id) => model.competency(id));
  b.cell(0, 0, sheetTitle('framework-data', model.name));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.cell(1, 0, `Computed from the ${matrix.sheetName} sheet: edit targets there. The grid's formulas read this table.`);
  b.style({ row: 1, col: 0, rows: 1, cols: 1 }, STYLE.note);
  const headerRow = 3;
  b.row(headerRow, 0, ['Role', 'Next role', ...competencies.map((c) => c.name)]);
  b.style({ row: headerRow, col: 0, rows: 1, cols: 2 + competencies.length }, STYLE.header);
  b.row(headerRow + 1, 0, ['role', 'next-role', ...competencies.map((c) => c.id)]);
  b.style({ row: headerRow + 1, col: 0, rows: 1, cols: 2 + competencies.length }, STYLE.key);

  const first = headerRow + 2;
  const q = quoteSheet(matrix.sheetName);
  b.block(
    first,
    0,
    roles.map((role, r) => {
      // The next role is the next one in the workbook's role list (the framework's order).
      const next = roles[r + 1];
      return [
        role.name,
        next ? next.name : '',
        ...competencies.map((c, j) => {
          const matrixCell = `${q}!${cellRef(matrix.targets.row + j, matrix.targets.col + r, true)}`;
          return { formula: formulas.targetValue(matrixCell, scaleRefs(c.scale)), result: model.target(role, c)?.value ?? '' };
        }),
      ];
    }),
  );
  const values: Rect = { row: first, col: 2, rows: roles.length, cols: competencies.length };
  b.style(values, STYLE.code);
  b.style({ row: first, col: 0, rows: roles.length, cols: 1 }, STYLE.group);
  b.width(0, 24);
  b.width(1, 24);
  competencies.forEach((_, j) => b.width(2 + j, 12));

  // Tolerant readiness: one level below each target, beside the table after a blank column.
  let floors: Rect | undefined;
  if (options.floors && competencies.length) {
    const col0 = 2 + competencies.length + 1;
    b.cell(headerRow - 1, col0, 'Within one level: target − 1 (tolerant readiness)');
    b.style({ row: headerRow - 1, col: col0, rows: 1, cols: 1 }, STYLE.group);
    b.row(
      headerRow,
      col0,
      competencies.map((c) => c.name),
    );
    b.style({ row: headerRow, col: col0, rows: 1, cols: competencies.length }, STYLE.header);
    b.row(
      headerRow + 1,
      col0,
      competencies.map((c) => `floor:${c.id}`),
    );
    b.style({ row: headerRow + 1, col: col0, rows: 1, cols: competencies.length }, STYLE.key);
    b.block(
      first,
      col0,
      roles.map((role, r) =>
        competencies.map((c, j) => {
          const value = model.target(role, c)?.value;
          return { formula: formulas.targetFloor(cellRef(first + r, 2 + j)), result: value === undefined ? '' : value - 1 };
        }),
      ),
    );
    floors = { row: first, col: col0, rows: roles.length, cols: competencies.length };
    b.style(floors, STYLE.code);
    competencies.forEach((_, j) => b.width(col0 + j, 12));
  }
  b.plan.freeze = { rows: first, cols: 1 };
  b.plan.tabColor = 'A6A6A6';
  return {
    sheet: b.plan,
    geometry: {
      sheetName,
      roleNamesRef: sheetRef(sheetName, { row: first, col: 0, rows: roles.length, cols: 1 }),
      valuesRef: sheetRef(sheetName, values),
      values,
      roleCount: roles.length,
      ...(floors ? { floorsRef: sheetRef(sheetName, floors) } : {}),
    },
  };
}
