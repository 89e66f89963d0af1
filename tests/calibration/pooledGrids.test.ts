/**
 * Several grids on one framework calibrated together (core): the pooled pack
 * counts everyone of both grids, every figure of it (the pooled sheet's live
 * copies included) is what a formula engine computes, and grids that cannot be
 * pooled are refused with a message that names why.
 */
import { builtIn } from '../../src/core/frameworks/library';
import type { FrameworkModel } from '../../src/core/framework/model';
import { parseRoster } from '../../src/core/roster';
import { DEFAULT_SHEET_NAMES, workbookLayout, type WorkbookLayout } from '../../src/core/layouts/workbook';
import { calibratePooledGrids, type PooledMember } from '../../src/core/calibration/pooledGrids';
import { calibrateGrid } from '../../src/core/calibration/calibrateGrid';
import { buildEngine, mismatches } from '../support/hyperformulaPlan';
import { sheetValues, teamRows } from './team';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

/** A workbook with one team's grid on the sheet `gridSheet`. */
function teamBook(model: FrameworkModel, rows: string[][], gridSheet: string): WorkbookLayout {
  return workbookLayout(model, { roster: parseRoster(rows, model), sheetNames: { ...DEFAULT_SHEET_NAMES, grid: gridSheet } });
}

function member(label: string, book: WorkbookLayout): PooledMember {
  const geometry = book.grid!;
  return { label, geometry, rows: sheetValues(book.plan.sheets.find((s) => s.name === geometry.sheetName)!) };
}

const head = ['Id', 'Name', 'Role', 'Manager', 'Adaptability'];
const role = MIT.roles[0].name;
// Adaptability on mit-proficiency: B = 2, I = 3, A = 4, E = 5.
const teamA = teamBook(MIT, [head, ['A1', 'Ann', role, 'Grace', 'B'], ['A2', 'Bo', role, 'Grace', 'I']], 'Team A grid');
const teamB = teamBook(
  MIT,
  [head, ['B1', 'Cy', role, 'Ken', 'A'], ['B2', 'Di', role, 'Ken', 'E'], ['B3', 'Ed', role, 'Ken', '']],
  'Team B grid',
);

function pooled(members: PooledMember[], taken: string[] = []) {
  return calibratePooledGrids({ model: MIT, members, takenSheetNames: taken, settings: { minGroup: 1 } });
}

describe('calibrating two grids on one framework together', () => {
  it('counts every person of both grids once: managers of both teams, expectations over everyone', () => {
    const pack = pooled([member('Team A', teamA), member('Team B', teamB)], ['Matrix', 'Team A grid', 'Team B grid']);
    const s = pack.statistics;
    expect(pack.matrix.people.map((p) => p.id)).toEqual(['A1', 'A2', 'B1', 'B2', 'B3']);
    expect(s.overall.n).toBe(4);
    expect(s.overall.mean).toBeCloseTo(3.5, 12); // (2 + 3 + 4 + 5) / 4
    expect(s.managers.map((m) => [m.manager, m.people, m.n, m.mean])).toEqual([
      ['Grace', 2, 2, 2.5],
      ['Ken', 3, 2, 4.5],
    ]);
    const adaptability = pack.matrix.competencies.findIndex((c) => c.id === 'adaptability');
    expect(s.raterEffects.expected[0][adaptability]).toBeCloseTo(3.5, 12); // everyone is in the first role
    expect(pack.pooledSheet).toBe('Pooled Team A + Team B');
    expect(pack.plan.sheets.map((sh) => sh.name)).toContain('Pooled Team A + Team B');
    expect(pack.plan.sheets.map((sh) => sh.name)).not.toContain('Team A grid');
  });

  it('gives every formula of the pack, the pooled sheet included, the value a formula engine computes from both grids', () => {
    const a = teamRows(MIT, { people: 30, managers: 3, seed: 5 });
    const b = teamRows(MIT, { people: 24, managers: 2, seed: 9 }).map((r, i) =>
      i ? [`B${r[0]}`, r[1], r[2], `Other ${r[3]}`, ...r.slice(4)] : r,
    );
    const bookA = teamBook(MIT, a, 'Team A grid');
    const bookB = teamBook(MIT, b, 'Team B grid');
    const gridB = bookB.plan.sheets.find((s) => s.name === 'Team B grid')!;
    const pack = pooled([member('Team A', bookA), member('Team B', bookB)], [...bookA.plan.sheets.map((s) => s.name), 'Team B grid']);
    expect(pack.matrix.people).toHaveLength(54);
    expect(pack.statistics.managers).toHaveLength(5);
    // Both grids on one framework share its sheets: team B's grid reads team A's workbook's Matrix, Targets...
    const hf = buildEngine([...bookA.plan.sheets, gridB, ...pack.plan.sheets], bookA.plan.names);
    // As for one grid (calibrateGrid.hyperformula.test.ts): HyperFormula cannot evaluate the readiness rows.
    const readiness = pack.layout.readiness;
    const inReadiness = (sheet: string, row: number) =>
      !!readiness && sheet === pack.sheetNames.calibration && row >= readiness.firstRow && row < readiness.firstRow + readiness.rows;
    expect(mismatches(hf, pack.plan.sheets, { skipRows: inReadiness })).toEqual([]);

    // The same people on one grid give the same figures: pooling is counting everyone once, nothing more.
    const together = teamBook(MIT, [...a, ...b.slice(1)], 'Team grid');
    const one = calibrateGrid({
      model: MIT,
      geometry: together.grid!,
      rows: sheetValues(together.plan.sheets.find((s) => s.name === 'Team grid')!),
    });
    expect(pack.statistics.overall).toEqual(one.statistics.overall);
    expect(pack.statistics.managers).toEqual(one.statistics.managers);
    expect(pack.statistics.raterEffects.expected).toEqual(one.statistics.raterEffects.expected);
  });

  it('refuses a person on both grids (the one id rule: " a1 " is A1), naming them and the grids', () => {
    const again = teamBook(MIT, [head, [' a1 ', 'Ann', role, 'Ken', 'A']], 'Team C grid');
    expect(() => pooled([member('Team A', teamA), member('Team C', again)])).toThrow(
      'a person is on two of the grids: a1 (on "Team A" and "Team C"); a pooled calibration counts each person once',
    );
  });

  it('refuses grids on different frameworks, naming the frameworks', () => {
    const sreRole = SRE.roles[0].name;
    const sre = teamBook(
      SRE,
      [
        ['Id', 'Name', 'Role', 'Manager'],
        ['S1', 'Sam', sreRole, 'Lu'],
      ],
      'SRE grid',
    );
    expect(() => pooled([member('Team A', teamA), member('SRE', sre)])).toThrow(
      'grids on different frameworks cannot be calibrated together: "mit-devops" ("Team A") and "sre-ladder" ("SRE")',
    );
  });
});
