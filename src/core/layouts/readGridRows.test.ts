import { builtIn } from '../frameworks/library';
import { parseRoster } from '../roster';
import { workbookLayout } from './workbook';
import { isFormula, type SheetPlan } from './plan';
import { readGridRows } from './readGridRows';
import { gridRosterRows } from './gridRosterRows';

const MIT = builtIn('mit-devops');
const roster = parseRoster(
  [
    ['id', 'name', 'role', 'manager'],
    ['E1', 'Ada', 'DevOps Engineer I', 'Grace'],
    ['E2', 'Alan', 'DevOps Engineer III', 'Ken'],
    ['E3', 'Edsger', 'DevOps Engineer II', 'Ken'],
  ],
  MIT,
);

/** A sheet's cells as a workbook reader gives them from A1 (formulas read as their cached result). */
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

describe("reading a team grid from its cells' values", () => {
  const layout = workbookLayout(MIT, { roster, formulas: 'portable' });
  const sheet = layout.plan.sheets.find((s) => s.kind === 'grid')!;
  const expected = layout.grid!;

  it('rebuilds where everything is from the hidden key row, as the layout placed it', () => {
    const found = readGridRows(sheet.name, valuesOf(sheet))!;
    expect(found.geometry).toEqual({ ...expected, scaleIds: [] });
    expect(found.people.map((p) => [p.id, p.name, p.role, p.manager])).toEqual([
      ['E1', 'Ada', 'DevOps Engineer I', 'Grace'],
      ['E2', 'Alan', 'DevOps Engineer III', 'Ken'],
      ['E3', 'Edsger', 'DevOps Engineer II', 'Ken'],
    ]);
    expect(found.coverageLevels.size).toBe(expected.competencyIds.length);
    expect(found.problems).toEqual([]);
  });

  it('reads every rating as it stands: codes, numbers, typed text; blanks as not rated', () => {
    const values = valuesOf(sheet);
    const [c0, c1, c2] = expected.ratingCols;
    values[expected.firstPersonRow][c0] = 'A';
    values[expected.firstPersonRow][c1] = 3;
    values[expected.firstPersonRow][c2] = '  ';
    values[expected.firstPersonRow + 1][c0] = 'Advnced';
    const people = readGridRows(sheet.name, values)!.people;
    const [k0, k1, k2] = expected.competencyIds;
    expect(people[0].ratings).toMatchObject({ [k0]: 'A', [k1]: 3, [k2]: null });
    expect(people[1].ratings[k0]).toBe('Advnced');
  });

  it('still finds a grid with rows inserted above it', () => {
    const g = readGridRows(sheet.name, valuesOf(sheet, 3))!.geometry;
    expect(g.keyRow).toBe(expected.keyRow + 3);
    expect(g.firstPersonRow).toBe(expected.firstPersonRow + 3);
    expect(g.coverageLevelRow).toBe(expected.coverageLevelRow + 3);
  });

  it('finds nothing on a sheet that is not a grid', () => {
    const matrix = layout.plan.sheets.find((s) => s.kind === 'matrix')!;
    expect(readGridRows(matrix.name, valuesOf(matrix))).toBeUndefined();
    expect(readGridRows('Empty', [])).toBeUndefined();
  });

  it('reports a person whose id was cleared, under the "(row N)" key their ratings are kept by', () => {
    const values = valuesOf(sheet);
    const row = expected.firstPersonRow + 1;
    values[row][expected.idCol] = '';
    values[row][expected.ratingCols[0]] = 'I';
    const found = readGridRows(sheet.name, values)!;
    expect(found.people.map((p) => p.id)).toEqual(['E1', 'E3']);
    expect(found.problems).toEqual([
      { row, key: `(row ${row + 1})`, blank: false, message: `row ${row + 1} of the grid "Team grid" has no id, between two people` },
    ]);
  });

  it('reports a blank row between people, but not the blank rows below everyone', () => {
    const values = valuesOf(sheet);
    const row = expected.firstPersonRow + 1;
    values[row] = [];
    values.push([], []);
    const found = readGridRows(sheet.name, values)!;
    expect(found.problems.map((p) => [p.row, p.blank])).toEqual([[row, true]]);
  });

  it('reports a row typed below the last person without an id', () => {
    const values = valuesOf(sheet);
    const row = values.length;
    values[row] = [];
    values[row][expected.nameCol] = 'Barbara';
    const found = readGridRows(sheet.name, values)!;
    expect(found.problems).toEqual([
      expect.objectContaining({ row, blank: false, message: `row ${row + 1} of the grid "Team grid" has no id but is not empty` }),
    ]);
  });

  it('gives the grid back as roster rows that parse to the same people, roles and ratings', () => {
    const values = valuesOf(sheet);
    values[expected.firstPersonRow][expected.ratingCols[0]] = 'B';
    const grid = readGridRows(sheet.name, values)!;
    const again = parseRoster(gridRosterRows(grid), MIT);
    expect(again.people.map((p) => [p.id, p.role.id, p.manager])).toEqual(roster.people.map((p) => [p.id, p.role.id, p.manager]));
    expect(again.people[0].ratings.size).toBe(0);
    const withRatings = parseRoster(gridRosterRows(grid, { ratings: true }), MIT);
    expect(withRatings.people[0].ratings.get(expected.competencyIds[0])?.code).toBe('B');
  });
});
