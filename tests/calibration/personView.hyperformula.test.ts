/**
 * The person view of a calibration pack on a real team grid, in a formula
 * engine: picking another person's id moves every cell under the pick to that
 * person's ratings, their role's targets and the next role's, as the
 * framework and the grid give them; the radar chart reads those cells.
 */
import { builtIn } from '../../src/core/frameworks/library';
import { PERSON_VIEW } from '../../src/core/calibration/sheets/personViewSheet';
import { buildEngine, cellValue, mismatches } from '../support/hyperformulaPlan';
import { calibratedTeam } from './calibratedTeam';
import { sheetValues } from './team';

const model = builtIn('mit-devops');

describe('the person view', () => {
  const { workbook, calibration } = calibratedTeam(model, { people: 12, managers: 3, seed: 5 });
  const name = calibration.sheetNames.person!;
  const view = calibration.plan.sheets.find((s) => s.name === name)!;
  const grid = workbook.grid!;
  const gridRows = sheetValues(workbook.plan.sheets.find((s) => s.name === grid.sheetName)!);
  const hf = buildEngine([...workbook.plan.sheets, ...calibration.plan.sheets], workbook.plan.names);
  const C = calibration.matrix.competencies.length;
  const table = (col: number) => Array.from({ length: C }, (_, i) => cellValue(hf, name, PERSON_VIEW.firstCompetencyRow + i, col));

  it('shows the first person with a next role as the pack is written, every formula at core’s value', () => {
    expect(name).toBe('Person view');
    expect(mismatches(hf, [view])).toEqual([]);
    const shown = calibration.matrix.people.find((p) => model.nextRole(model.roles.find((r) => r.name === p.role)!))!;
    expect(cellValue(hf, name, PERSON_VIEW.pickRow, PERSON_VIEW.pickCol)).toBe(shown.id);
    expect(table(3).some((v) => typeof v === 'number')).toBe(true);
    expect(view.validations[0].source).toBe(`'${grid.sheetName}'!$A$${grid.firstPersonRow + 1}:$A$${grid.firstPersonRow + 12}`);
  });

  it('follows the pick: ratings from the grid, targets of the role and of the next role from the framework', () => {
    // Someone whose role has a next role, picked by id as the dropdown would.
    const p = calibration.matrix.people.findIndex((person) => {
      const role = model.roles.find((r) => r.name === person.role);
      return role && model.nextRole(role) && person.id !== calibration.matrix.people[0].id;
    });
    expect(p).toBeGreaterThan(0);
    const person = calibration.matrix.people[p];
    hf.setCellContents({ sheet: hf.getSheetId(name)!, row: PERSON_VIEW.pickRow, col: PERSON_VIEW.pickCol }, person.id);
    expect(cellValue(hf, name, PERSON_VIEW.pickRow + 1, PERSON_VIEW.pickCol)).toBe(person.name);
    const role = model.roles.find((r) => r.name === person.role)!;
    const next = model.nextRole(role)!;
    const competencies = calibration.matrix.competencies.map((c) => model.competency(c.id));
    const value = (v: number | undefined) => (v === undefined ? '' : v);
    const ratings = calibration.matrix.competencies.map((_, c) => {
      const rank = calibration.matrix.ranks[p * C + c];
      return rank < 0 ? '' : calibration.matrix.scale.levels[rank].value;
    });
    expect(table(1)).toEqual(ratings);
    expect(table(2)).toEqual(competencies.map((c) => value(model.target(role, c)?.value)));
    expect(table(3)).toEqual(competencies.map((c) => value(model.target(next, c)?.value)));
    expect(gridRows[grid.firstPersonRow + p][grid.idCol]).toBe(person.id);
  });

  it('shows nothing for an id that is not on the grid, rather than someone else', () => {
    hf.setCellContents({ sheet: hf.getSheetId(name)!, row: PERSON_VIEW.pickRow, col: PERSON_VIEW.pickCol }, 'nobody');
    expect(table(1).every((v) => v === '')).toBe(true);
    expect(cellValue(hf, name, PERSON_VIEW.pickRow + 4, PERSON_VIEW.pickCol)).toBe(''); // the manager: empty, not 0
    expect(table(3).every((v) => v === '')).toBe(true);
  });

  it('draws a radar of the three columns, on the level values’ range', () => {
    const [chart] = view.charts!;
    expect(chart.kind).toBe('radar');
    expect(chart.series.map((s) => [s.name, s.values.col, s.values.rows])).toEqual([
      ['Rating', 1, C],
      ['Role target', 2, C],
      ['Next role target', 3, C],
    ]);
    expect(chart.valueAxis).toEqual({ min: 0, max: 5 });
  });
});
