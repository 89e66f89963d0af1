/**
 * The rater table's "Self − manager (mean)" column on a cycle master with a
 * Self ratings sheet, computed in HyperFormula and checked against means
 * worked out by hand; it follows a self rating edited afterwards, and a
 * manager none of whose people rated themselves shows "no self ratings".
 */
import { tinyFramework } from '../../src/core/layouts/testing/tinyFramework';
import { workbookLayout } from '../../src/core/layouts/workbook';
import { parseRosterCsv } from '../../src/core/roster';
import { selfRatingsSheet, SELF_SHAPE } from '../../src/core/cycle/selfRatingsSheet';
import { calibrateGrid } from '../../src/core/calibration/calibrateGrid';
import { NO_SELF_RATINGS } from '../../src/core/calibration/sheets/calibrationTables/raterTable';
import type { SheetPlan } from '../../src/core/layouts/plan';
import { buildEngine, cellValue, mismatches } from '../support/hyperformulaPlan';
import { sheetValues } from './team';

const model = tinyFramework();
// Levels L=1, M=2, H=3. Ann's team: Ann, Bo, Cy; Dee's team: Di, Ed.
const csv = `id,name,role,manager,Deploy,Review
A1,Al,Junior,Ann,M,L
A2,Bo,Junior,Ann,H,M
A3,Cy,Senior,Ann,L,
D1,Di,Junior,Dee,M,M
D2,Ed,Senior,Dee,H,L`;
/** Self codes typed on the Self ratings sheet: [person row, Deploy, Review]. */
const selfTyped: [number, string | null, string | null][] = [
  [0, 'H', 'L'], // Al: Deploy H−M = +1, Review L−L = 0
  [1, 'H', 'H'], // Bo: Deploy 0, Review H−M = +1
  [2, 'M', 'H'], // Cy: Deploy M−L = +1, Review: no manager rating, not counted
];
// Ann: (1 + 0 + 0 + 1 + 1) / 5 = 0.6; Dee: no self ratings; everyone: the same five differences, 0.6.

/** The Self ratings sheet's column for a competency: self columns follow the grid's competency order. */
const selfCol = (order: readonly string[], id: string) => SELF_SHAPE.firstSelfCol + order.indexOf(id);

function master() {
  const roster = parseRosterCsv(csv, model);
  const layout = workbookLayout(model, { roster });
  const grid = layout.grid!;
  const self = selfRatingsSheet(model, roster, grid, layout.sheetNames);
  const rows = sheetValues(self);
  for (const [i, deploy, review] of selfTyped) {
    const r = (rows[SELF_SHAPE.firstPersonRow + i] ??= []);
    r[selfCol(grid.competencyIds, 'deploy')] = deploy;
    r[selfCol(grid.competencyIds, 'review')] = review;
  }
  const gridSheet = layout.plan.sheets.find((s) => s.name === grid.sheetName)!;
  const pack = calibrateGrid({
    model,
    geometry: grid,
    rows: sheetValues(gridSheet),
    takenSheetNames: [...layout.plan.sheets.map((s) => s.name), self.name],
    selfRatings: { sheet: self.name, rows },
  });
  return { layout, self, pack };
}

function withSelfCodes(sheet: SheetPlan, order: readonly string[]): SheetPlan {
  const blocks = selfTyped.flatMap(([i, d, r]) => [
    { row: SELF_SHAPE.firstPersonRow + i, col: selfCol(order, 'deploy'), cells: [[d]] },
    { row: SELF_SHAPE.firstPersonRow + i, col: selfCol(order, 'review'), cells: [[r]] },
  ]);
  return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
}

describe('the mean self − manager per manager in the calibration pack', () => {
  it('computes each manager’s mean from the Self ratings sheet, live, to the hand-worked figures', () => {
    const { layout, self, pack } = master();
    const sheets = [...layout.plan.sheets, withSelfCodes(self, layout.grid!.competencyIds), ...pack.plan.sheets];
    const hf = buildEngine(sheets, layout.plan.names);
    const name = pack.sheetNames.calibration;
    const cal = pack.plan.sheets.find((s) => s.name === name)!;
    const header = sheetValues(cal).findIndex((r) => r?.[0] === 'Manager');
    const col = sheetValues(cal)[header].indexOf('Self − manager (mean)');
    expect(col).toBeGreaterThan(0);
    const rowOf = (label: string) => sheetValues(cal).findIndex((r, i) => i > header && r?.[0] === label);
    expect(cellValue(hf, name, rowOf('Everyone'), col)).toBeCloseTo(0.6, 12);
    expect(cellValue(hf, name, rowOf('Ann'), col)).toBeCloseTo(0.6, 12);
    expect(cellValue(hf, name, rowOf('Dee'), col)).toBe(NO_SELF_RATINGS);
    // Core's cached results agree with the engine everywhere in the pack.
    expect(mismatches(hf, pack.plan.sheets)).toEqual([]);

    // Di rates herself H on Deploy (manager M): Dee's mean becomes +1, everyone's (1+0+0+1+1+1)/6.
    hf.setCellContents(
      { sheet: hf.getSheetId(self.name)!, row: SELF_SHAPE.firstPersonRow + 3, col: selfCol(layout.grid!.competencyIds, 'deploy') },
      'H',
    );
    expect(cellValue(hf, name, rowOf('Dee'), col)).toBe(1);
    expect(cellValue(hf, name, rowOf('Everyone'), col)).toBeCloseTo(4 / 6, 9);
    expect(cellValue(hf, name, rowOf('Ann'), col)).toBeCloseTo(0.6, 12);
  });

  it('adds no column to a pack on a grid without a Self ratings sheet', () => {
    const roster = parseRosterCsv(csv, model);
    const layout = workbookLayout(model, { roster });
    const gridSheet = layout.plan.sheets.find((s) => s.name === layout.grid!.sheetName)!;
    const pack = calibrateGrid({ model, geometry: layout.grid!, rows: sheetValues(gridSheet) });
    const cal = pack.plan.sheets.find((s) => s.name === pack.sheetNames.calibration)!;
    expect(sheetValues(cal).some((r) => r?.includes('Self − manager (mean)'))).toBe(false);
  });
});
