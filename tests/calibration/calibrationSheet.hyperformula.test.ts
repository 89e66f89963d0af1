/**
 * The calibration sheets in a real formula engine (HyperFormula): every native
 * formula computes to the value core wrote beside it, and edits on the grid or
 * in the settings move the figures as a calibration meeting expects.
 */
import { calibrationPlan } from '../../src/core/layouts/calibration';
import type { PlanCell } from '../../src/core/layouts/plan';
import { buildEngine, cellValue, mismatches } from '../support/hyperformulaPlan';
import { ratedGrid } from './grids';
import { Scale } from '../../src/core/scale';

// The hand-computed fixture of statistics.test.ts (Ana lenient-ish, Ben harsh, Cy a small team).
const people: PlanCell[][] = [
  ['p1', 'Pat', 'Engineer', 'Ana', 'E', 'A'],
  ['p2', 'Lee', 'Engineer', 'Ana', 'A', 'A'],
  ['p3', 'Kim', 'Engineer', 'Ana', 'E', 'E'],
  ['p4', 'Sam', 'Engineer', 'Ana', 'A', null],
  ['p5', 'Jo', 'Engineer', 'Ben', 'B', 'I'],
  ['p6', 'Max', 'Engineer', 'Ben', 'I', 'B'],
  ['p7', 'Ari', 'Engineer', 'Ben', 'BD', 'B'],
  ['p8', 'Val', 'Engineer', 'Ben', 'I', 'I'],
  ['p9', 'Ola', 'Engineer', 'Cy', 'E', 'E'],
  ['p10', 'Ren', 'Engineer', 'Cy', null, 'E'],
];

function build(rows: PlanCell[][], settings = {}) {
  const { grid, matrix } = ratedGrid(rows);
  const pack = calibrationPlan({ matrix, grid: grid.source, settings });
  return { grid, pack, matrix };
}

describe('the calibration sheet in a formula engine', () => {
  it('computes every figure to the value core computed', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    expect(mismatches(hf, pack.plan.sheets)).toEqual([]);
  });

  it('counts level codes in any case and skips N/A, level names and typos, exactly as core does', () => {
    const entries = [
      ['a', 'A1', 'Engineer', 'Ana', 'e', ' Advanced '],
      ['b', 'B1', 'Engineer', ' ana ', 'N/A', 'Adv'],
      ['c', null, 'Engineer', null, 'B', 'BD'],
      ['d', 'D1', 'Engineer', 'Zed*', 'I', 'I'],
      ['e', 'E1', 'Engineer', 'Zed*', 'I', 'E'],
    ];
    const { grid, pack, matrix } = build(entries);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    expect(mismatches(hf, pack.plan.sheets)).toEqual([]);
    expect(pack.statistics.overall.n).toBe(7); // e, B, BD, I, I, I, E
    expect(matrix.notCounted).toBe(3); // N/A, Adv and ' Advanced '
    expect(pack.statistics.managers.map((m) => [m.manager, m.people])).toEqual([
      ['Ana', 2],
      ['Zed*', 2],
      ['(no manager)', 1],
    ]);
  });

  it('matches a level typed as a number to its text code on a numeric scale', () => {
    const numeric = new Scale({
      id: 'n',
      name: 'Numeric',
      levels: [1, 2, 3, 4, 5].map((v) => ({ code: String(v), name: `Level ${v}`, value: v })),
    });
    const { grid, matrix } = ratedGrid(
      [
        ['a', 'A', 'Engineer', 'Ana', 3, '4'],
        ['b', 'B', 'Engineer', 'Ana', 5, '2'],
      ],
      numeric,
    );
    const pack = calibrationPlan({ matrix, grid: grid.source });
    expect(pack.statistics.overall.counts).toEqual([0, 1, 1, 1, 1]);
    expect(mismatches(buildEngine([grid.sheet, ...pack.plan.sheets]), pack.plan.sheets)).toEqual([]);
  });

  it('moves a manager’s leniency by the expected amount when one rating is edited', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    const { firstManagerRow, leniencyCol } = pack.layout.raters;
    const leniency = (g: number) => cellValue(hf, pack.sheetNames.calibration, firstManagerRow + g, leniencyCol) as number;
    const [anaBefore, benBefore] = [leniency(0), leniency(1)];
    expect(benBefore).toBeCloseTo(19 / 8 - 65 / 18, 9);

    // Jo (Ben's team) goes from B (2) to E (5) on c1: Ben's sum +3 over 8 ratings, everyone's +3 over 18.
    hf.setCellContents({ sheet: hf.getSheetId('Team grid')!, row: 5, col: 4 }, "'E");
    expect(leniency(1) - benBefore).toBeCloseTo(3 / 8 - 3 / 18, 9);
    expect(leniency(0) - anaBefore).toBeCloseTo(-3 / 18, 9);

    // And every other figure follows to what core computes for the edited grid.
    const edited = people.map((r) => [...r]);
    edited[4][4] = 'E';
    const rebuilt = build(edited).pack;
    expect(mismatches(hf, rebuilt.plan.sheets)).toEqual([]);
  });

  it('lists the managers for the estimate chart most lenient first, and re-orders them when ratings change', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    const { firstRow, rows } = pack.layout.sortedEstimates;
    const sorted = () =>
      Array.from({ length: rows }, (_, i) => [0, 1].map((col) => cellValue(hf, pack.sheetNames.calibration, firstRow + i, col)));
    // The chart shows the rater effect (the estimate the flags test), not the raw difference: its rows are the
    // rater table's managers and estimates as the engine computes them there, highest first.
    const { firstManagerRow, estimateCol } = pack.layout.raters;
    const table = () =>
      [0, 1, 2]
        .map((g) => [
          cellValue(hf, pack.sheetNames.calibration, firstManagerRow + g, 0),
          cellValue(hf, pack.sheetNames.calibration, firstManagerRow + g, estimateCol),
        ])
        .sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(sorted().map(([name]) => name)).toEqual(['Cy', 'Ana', 'Ben']);
    expect(sorted()).toEqual(table());

    // Cy's three ratings drop from E (5) to BD (1): Cy now rates below what everyone gives, and comes last.
    const team = hf.getSheetId('Team grid')!;
    hf.setCellContents({ sheet: team, row: 9, col: 4 }, [["'BD", "'BD"]]);
    hf.setCellContents({ sheet: team, row: 10, col: 5 }, "'BD");
    expect(sorted().map(([name]) => name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(sorted()).toEqual(table());
    expect(sorted()[2][1]).toBeLessThan(0);
  });

  it('follows a person moved to another manager in the grid', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    hf.setCellContents({ sheet: hf.getSheetId('Team grid')!, row: 10, col: 3 }, "'Ana");
    const moved = people.map((r) => [...r]);
    moved[9][3] = 'Ana';
    expect(mismatches(hf, build(moved).pack.plan.sheets)).toEqual([]);
  });

  it('shows a hidden heatmap group when the smallest group setting is lowered in the sheet', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    const heat = pack.layout.heatmap;
    const anaC2 = () => cellValue(hf, pack.sheetNames.calibration, heat.row, heat.col + 1);
    expect(anaC2()).toBe(''); // Ana rated 3 people on c2
    const setting = pack.layout.settings.minGroup;
    hf.setCellContents({ sheet: hf.getSheetId(pack.sheetNames.calibration)!, row: setting.row, col: setting.col }, 3);
    expect(anaC2()).toBeCloseTo(13 / 3 - 11 / 3, 9);
    expect(mismatches(hf, build(people, { minGroup: 3 }).pack.plan.sheets.slice(1))).toEqual([]);
  });

  it('recomputes the differences from the guideline when its percentages are edited', () => {
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    const g = pack.layout.settings.guideline;
    hf.setCellContents({ sheet: hf.getSheetId(pack.sheetNames.calibration)!, row: g.row, col: g.col }, [[0.2, 0.2, 0.2, 0.2, 0.2]]);
    const expected = build(people, { guideline: [0.2, 0.2, 0.2, 0.2, 0.2] }).pack;
    expect(mismatches(hf, expected.plan.sheets)).toEqual([]);
  });

  it('drops the weakest flag in the sheet when the false-discovery rate is lowered, as core does', () => {
    // One role, so each estimate is the team's mean residual against the competency means (c1 32/9, c2 33/9).
    // p-values: Ben about 1.4e-6, Cy 1.7e-4, Ana 2.4e-3 (z = 0.778 / 0.256). At 5% all pass; at 0.1% the limits are
    // 0.033%, 0.067% and 0.1% for ranks 1-3, so Ana (rank 3) no longer passes.
    const { grid, pack } = build(people);
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    const { firstManagerRow, flagCol, estimateCol } = pack.layout.raters;
    const flags = () => [0, 1, 2].map((g) => cellValue(hf, pack.sheetNames.calibration, firstManagerRow + g, flagCol));
    expect(cellValue(hf, pack.sheetNames.calibration, firstManagerRow, estimateCol)).toBeCloseTo((0.889 + 0.389 + 1.389 + 0.444) / 4, 2);
    expect(flags()).toEqual(['Lenient', 'Harsh', 'Lenient']);
    const fdr = pack.layout.settings.falseDiscoveryRate;
    hf.setCellContents({ sheet: hf.getSheetId(pack.sheetNames.calibration)!, row: fdr.row, col: fdr.col }, 0.001);
    expect(flags()).toEqual(['', 'Harsh', 'Lenient']);
    expect(mismatches(hf, build(people, { falseDiscoveryRate: 0.001 }).pack.plan.sheets.slice(1))).toEqual([]);
  });
});
