/**
 * Cycles in a formula engine: the pack's snapshot keeps the ratings as they
 * were, and the Changes sheet shows, live, who changed and by how much, during
 * a meeting or since an earlier cycle.
 */
import { calibrationPlan } from '../../src/core/layouts/calibration';
import { readSnapshot, takeSnapshot } from '../../src/core/calibration/snapshot';
import type { PlanCell } from '../../src/core/layouts/plan';
import { buildEngine, cellValue, mismatches } from '../support/hyperformulaPlan';
import { ratedGrid } from './grids';
import { sheetValues } from './team';

const people: PlanCell[][] = [
  ['p1', 'Pat', 'Engineer', 'Ana', 'E', 'A'],
  ['p2', 'Lee', 'Engineer', 'Ana', 'A', 'A'],
  ['p3', 'Kim', 'Engineer', 'Ben', 'B', null],
  ['p4', 'Sam', 'Engineer', 'Ben', 'I', 'B'],
];

describe('calibration cycles', () => {
  it('writes a snapshot sheet that reads back to the same ratings', () => {
    const { grid, matrix } = ratedGrid(people);
    const pack = calibrationPlan({ matrix, grid: grid.source, snapshot: { cycle: '2025 H1', taken: '2025-06-30' } });
    const sheet = pack.plan.sheets.find((s) => s.name === pack.sheetNames.snapshot)!;
    expect(sheet.name).toBe('Snapshot 2025 H1');
    expect(readSnapshot(sheetValues(sheet))).toEqual(takeSnapshot(matrix, '2025 H1', '2025-06-30'));
  });

  it('shows, live, what a calibration meeting changes against the snapshot taken before it', () => {
    const { grid, matrix } = ratedGrid(people);
    const pack = calibrationPlan({ matrix, grid: grid.source, snapshot: { cycle: 'Before calibration', taken: '2025-06-30' } });
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    expect(mismatches(hf, pack.plan.sheets)).toEqual([]);
    const changes = pack.changesLayout!;
    const name = pack.sheetNames.changes!;
    expect(cellValue(hf, name, changes.managers.firstRow + 1, 2)).toBe(0); // Ben: nothing changed yet

    // In the meeting, Kim (Ben's team) goes from B to A on c1 and Sam from B to BD on c2.
    const gridId = hf.getSheetId('Team grid')!;
    hf.setCellContents({ sheet: gridId, row: 3, col: 4 }, "'A");
    hf.setCellContents({ sheet: gridId, row: 4, col: 5 }, "'BD");
    expect(cellValue(hf, name, changes.people.firstRow + 2, changes.people.firstChangeCol)).toBe(2);
    expect(cellValue(hf, name, changes.people.firstRow + 3, changes.people.firstChangeCol + 1)).toBe(-1);
    expect(cellValue(hf, name, changes.managers.firstRow + 1, 2)).toBe(2); // Ben: two ratings changed
    expect(cellValue(hf, name, changes.managers.firstRow + 1, 3)).toBe(1); // net +2 - 1
    expect(cellValue(hf, name, changes.managers.firstRow, 2)).toBe(0); // Ana: none

    // Before and after, level by level (BD, B, I, A, E): two B ratings fewer, one more BD and one more A.
    const { beforeRow, nowRow, firstCol } = changes.beforeAfter;
    const row = (r: number) => [0, 1, 2, 3, 4].map((k) => cellValue(hf, name, r, firstCol + k) as number);
    const before = row(beforeRow);
    expect(row(nowRow)).toEqual([before[0] + 1, before[1] - 2, before[2], before[3] + 1, before[4]]);

    // Every figure matches core's comparison of the edited grid with the same snapshot.
    const edited = people.map((r) => [...r]);
    edited[2][4] = 'A';
    edited[3][5] = 'BD';
    const after = calibrationPlan({ matrix: ratedGrid(edited).matrix, grid: grid.source, earlier: pack.snapshot });
    expect(after.comparison!.managers.map((m) => [m.manager, m.changed, m.net])).toEqual([
      ['Ana', 0, 0],
      ['Ben', 2, 1],
    ]);
    const changesNow = after.plan.sheets.find((s) => s.name === after.sheetNames.changes)!;
    expect(mismatches(hf, [{ ...changesNow, name }])).toEqual([]);
  });

  it('compares with an earlier cycle: people who left, joined, and competencies it lacked', () => {
    const earlier = takeSnapshot(
      ratedGrid([
        ['p1', 'Pat', 'Engineer', 'Ana', 'I', 'A'],
        ['P3', 'Kim', 'Engineer', 'Ben', 'BD', 'B'],
        ['p9', 'Gone', 'Engineer', 'Ben', 'E', 'E'],
      ]).matrix,
      '2024 H2',
      '2024-12-15',
    );
    earlier.competencies = [earlier.competencies[0]];
    earlier.codes = earlier.codes.map((r) => [r[0]]);
    const { grid, matrix } = ratedGrid(people);
    const pack = calibrationPlan({ matrix, grid: grid.source, snapshot: { cycle: '2025 H1', taken: '2025-06-30' }, earlier });
    const hf = buildEngine([grid.sheet, ...pack.plan.sheets]);
    expect(mismatches(hf, pack.plan.sheets)).toEqual([]);
    const c = pack.comparison!;
    expect(c.people.map((p) => [p.snapshotRow, p.compared, p.net])).toEqual([
      [0, 1, 2], // p1: I (3) -> E (5)
      [null, 0, 0], // p2: new since
      [1, 1, 1], // p3 matched to "P3" ignoring case: BD (1) -> B (2)
      [null, 0, 0],
    ]);
    expect(c.left).toEqual([{ id: 'p9', name: 'Gone' }]);
    const text = sheetValues(pack.plan.sheets.find((s) => s.name === pack.sheetNames.changes)!)
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    expect(text).toContain('Not in the snapshot, so not compared: Competency 2.');
    expect(text.some((t) => t.startsWith('In the snapshot but not in the grid now (1): p9 (Gone)'))).toBe(true);
  });
});
