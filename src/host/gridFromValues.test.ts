import { builtIn } from '../core/frameworks/library';
import { parseRoster } from '../core/roster';
import { workbookLayout } from '../core/layouts/workbook';
import { isFormula, type SheetPlan } from '../core/layouts/plan';
import { gridFromValues, gridRosterRows } from './gridFromValues';

const MIT = builtIn('mit-devops');
const roster = parseRoster(
  [
    ['id', 'name', 'role', 'manager'],
    ['E1', 'Ada', 'DevOps Engineer I', 'Grace'],
    ['E2', 'Alan', 'DevOps Engineer III', 'Ken'],
  ],
  MIT,
);

/** A sheet's cells as Office.js `values` would give them from A1 (formulas read as their cached result). */
function valuesOf(sheet: SheetPlan, shiftRows = 0): unknown[][] {
  const out: unknown[][] = Array.from({ length: shiftRows }, () => []);
  for (const b of sheet.blocks) {
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const r = shiftRows + b.row + i;
        out[r] ??= [];
        out[r][b.col + j] = isFormula(cell) ? (cell.result ?? '') : (cell ?? '');
      }),
    );
  }
  return Array.from(out, (row) => Array.from(row ?? [], (v) => v ?? ''));
}

describe("finding a team grid in a sheet's values", () => {
  const layout = workbookLayout(MIT, { roster, formulas: 'portable' });
  const sheet = layout.plan.sheets.find((s) => s.kind === 'grid')!;
  const expected = layout.grid!;

  it('rebuilds where everything is from the hidden key row', () => {
    const found = gridFromValues(sheet.name, valuesOf(sheet))!;
    const g = found.geometry;
    expect(g.frameworkId).toBe('mit-devops');
    expect(g.personIds).toEqual(['E1', 'E2']);
    expect(g.competencyIds).toEqual(expected.competencyIds);
    for (const key of [
      'keyRow',
      'firstPersonRow',
      'idCol',
      'nameCol',
      'roleCol',
      'managerCol',
      'nextRoleCol',
      'blockingCol',
      'ratingCols',
      'gapCols',
      'valueCols',
      'ratings',
      'gaps',
    ] as const) {
      expect([key, g[key]]).toEqual([key, expected[key]]);
    }
    expect(found.people.map((p) => [p.id, p.name, p.role, p.manager])).toEqual([
      ['E1', 'Ada', 'DevOps Engineer I', 'Grace'],
      ['E2', 'Alan', 'DevOps Engineer III', 'Ken'],
    ]);
    expect(found.coverageLevels.size).toBe(expected.competencyIds.length);
  });

  it('still finds a grid with rows inserted above it', () => {
    const g = gridFromValues(sheet.name, valuesOf(sheet, 3))!.geometry;
    expect(g.keyRow).toBe(expected.keyRow + 3);
    expect(g.firstPersonRow).toBe(expected.firstPersonRow + 3);
    expect(g.coverageLevelRow).toBe(expected.coverageLevelRow + 3);
  });

  it('finds nothing on a sheet that is not a grid', () => {
    const matrix = layout.plan.sheets.find((s) => s.kind === 'matrix')!;
    expect(gridFromValues(matrix.name, valuesOf(matrix))).toBeUndefined();
    expect(gridFromValues('Empty', [])).toBeUndefined();
  });

  it('gives the grid back as roster rows that parse to the same people and roles', () => {
    const again = parseRoster(gridRosterRows(gridFromValues(sheet.name, valuesOf(sheet))!), MIT);
    expect(again.people.map((p) => [p.id, p.role.id, p.manager])).toEqual(roster.people.map((p) => [p.id, p.role.id, p.manager]));
  });
});
