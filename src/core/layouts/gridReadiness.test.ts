import { builtIn } from '../frameworks/library';
import type { Competency } from '../framework/schema';
import { parseRosterCsv } from '../roster';
import { readiness } from '../scoring';
import { isFormula, type PlanCell, type SheetPlan } from './plan';
import { workbookLayout } from './workbook';
import { readGridRows } from './readGridRows';
import { generatedRoster } from '../../../tests/xlsx/support/rosters';
import { GRID_SHAPE } from './gridShape';

function cellAt(sheet: SheetPlan, row: number, col: number): PlanCell | undefined {
  for (const b of sheet.blocks) {
    const line = b.cells[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return undefined;
}
const result = (c: PlanCell | undefined) => (c !== undefined && isFormula(c) ? c.result : c);

/** The sheet's cells as rows of plain values (formula results), as a workbook reader would hand them over. */
function valuesOf(sheet: SheetPlan): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        (rows[b.row + i] ??= [])[b.col + j] = result(c);
      }),
    );
  return Array.from(rows, (r) => r ?? []);
}

const mit = builtIn('mit-devops');
const current = mit.role('DevOps Engineer II');
const next = mit.role('DevOps Engineer III');
const comps = mit.competencies;
const code = (c: Competency, stepsBelow: number) => {
  const levels = mit.scaleOf(c).levels;
  return levels[levels.findIndex((l) => l.code === mit.target(next, c)!.code) - stepsBelow].code;
};
// The competency with the highest next-role target, so two levels below it exist.
const deep = [...comps].sort((a, b) => mit.target(next, b)!.value - mit.target(next, a)!.value)[0];
const row = (id: string, change: (c: Competency) => string) =>
  [id, `Person ${id}`, current.name, '', ...comps.map((c) => (c === deep ? change(c) : code(c, 0)))].join(',');
const csv = [
  ['id', 'name', 'role', 'manager', ...comps.map((c) => c.id)].join(','),
  row('ALL', () => code(deep, 0)), // meets every target
  row('ONE', () => code(deep, 1)), // one competency one level short
  row('TWO', () => code(deep, 2)), // one competency two levels short
  row('GAP', () => ''), // one competency not rated
].join('\n');
const roster = parseRosterCsv(csv, mit);

describe('next-role readiness on the grid', () => {
  it('needs every next-role competency in MIT’s III for these checks', () => {
    expect(comps.every((c) => mit.target(next, c))).toBe(true);
    expect(comps.length).toBeGreaterThanOrEqual(5);
  });

  it('is strict by default: the same plan as asking for strict, with no Ready column or threshold', () => {
    const byDefault = workbookLayout(mit, { roster });
    const strict = workbookLayout(mit, { roster, readiness: 'strict' });
    expect(strict.plan).toEqual(byDefault.plan);
    expect(strict.grid).toMatchObject({ readiness: 'strict', readinessCol: GRID_SHAPE.columns.readiness, readyCol: undefined });
    expect(strict.grid!.readinessThresholdCell).toBeUndefined();
    expect(strict.grid!.ratingCols[0]).toBe(GRID_SHAPE.firstRatingCol);
  });

  describe('tolerant', () => {
    const { plan, grid } = workbookLayout(mit, { roster, readiness: 'tolerant' });
    const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
    const g = grid!;
    const ready = (i: number) => result(cellAt(sheet, g.firstPersonRow + i, g.readyCol!));

    it('says Ready within one level on one competency, and Not yet two levels short or not rated', () => {
      expect([0, 1, 2, 3].map(ready)).toEqual(['Ready', 'Ready', 'Not yet', 'Not yet']);
      // Strict readiness would block ONE: its Blocking count is still 1.
      expect(result(cellAt(sheet, g.firstPersonRow + 1, g.blockingCol!))).toBe(1);
    });

    it('puts the threshold in an input cell above the Readiness column, 80% by default, read by every Ready formula', () => {
      const at = g.readinessThresholdCell!;
      expect(at).toEqual({ row: GRID_SHAPE.ratedRow, col: g.readinessCol });
      expect(cellAt(sheet, at.row, at.col)).toBe(0.8);
      const formula = cellAt(sheet, g.firstPersonRow, g.readyCol!) as { formula: string };
      expect(formula.formula).toContain('>=$H$6');
      expect(formula.formula).toContain('Targets!$');
    });

    it('follows a threshold given as an option: at 95% one competency short of nine is not enough', () => {
      const strictAt95 = workbookLayout(mit, { roster, readiness: 'tolerant', readinessThreshold: 0.95 });
      const s = strictAt95.plan.sheets.find((x) => x.kind === 'grid')!;
      expect(result(cellAt(s, g.firstPersonRow + 1, g.readyCol!))).toBe('Not yet');
      expect(cellAt(s, g.readinessThresholdCell!.row, g.readinessThresholdCell!.col)).toBe(0.95);
    });

    it('refuses a threshold outside 0..1, saying what to give', () => {
      expect(() => workbookLayout(mit, { roster, readiness: 'tolerant', readinessThreshold: 80 })).toThrow(
        /share from 0 to 1 \(e\.g\. 0\.8 for 80%\)/,
      );
    });

    it('gives every Ready cell of a generated roster core’s tolerant verdict', () => {
      const big = generatedRoster(mit, 60, { seed: 3 });
      const built = workbookLayout(mit, { roster: big, readiness: 'tolerant' });
      const s = built.plan.sheets.find((x) => x.kind === 'grid')!;
      const words = big.people.map((p, i) => {
        const ri = mit.roles.indexOf(p.role);
        const nextRole = mit.roles[ri + 1];
        const expected = nextRole
          ? readiness(
              g.competencyIds.map((id) => p.ratings.get(id)?.value ?? null),
              g.competencyIds.map((id) => mit.target(nextRole, mit.competency(id))?.value ?? null),
            )
          : undefined;
        const want = !expected || expected.share === null ? '' : expected.readyTolerant ? 'Ready' : 'Not yet';
        expect(result(cellAt(s, g.firstPersonRow + i, g.readyCol!))).toBe(want);
        return want;
      });
      expect(new Set(words).size).toBeGreaterThan(1);
    });

    it('adds a target − 1 table to the Targets sheet for the formulas to compare with', () => {
      const targets = plan.sheets.find((s) => s.kind === 'framework-data')!;
      const texts = valuesOf(targets).flat();
      expect(texts).toContain('Within one level: target − 1 (tolerant readiness)');
    });

    it('reads back as a tolerant grid with its threshold cell', () => {
      const read = readGridRows(g.sheetName, valuesOf(sheet))!;
      expect(read.geometry).toMatchObject({
        readiness: 'tolerant',
        readyCol: g.readyCol,
        blockingCol: g.blockingCol,
        readinessThresholdCell: g.readinessThresholdCell,
        ratingCols: g.ratingCols,
      });
    });
  });

  describe('none', () => {
    const { plan, grid } = workbookLayout(mit, { roster, readiness: 'none' });
    const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
    const g = grid!;

    it('has no next role, readiness, blocking or ready columns, and the ratings start right after the summary', () => {
      expect(g).toMatchObject({ readiness: 'none' });
      for (const col of [g.nextRoleCol, g.readinessCol, g.readyCol, g.blockingCol, g.nextRoleNumberCol, g.readinessThresholdCell])
        expect(col).toBeUndefined();
      const header = valuesOf(sheet)[g.headerRow];
      expect(header.slice(0, g.ratingCols[0])).toEqual(['Id', 'Name', 'Role', 'Manager', 'Meets %', 'Total shortfall', 'Role no.']);
      expect(valuesOf(sheet)[1][0]).not.toMatch(/Readiness/);
      expect(sheet.columnWidths.filter((w) => w.hidden).map((w) => w.col)).toEqual([g.roleNumberCol]);
    });

    it('still looks targets up by role and computes gaps', () => {
      const target = cellAt(sheet, g.firstPersonRow, g.targetCols[0]) as { formula: string; result: unknown };
      expect(target.formula).toContain(`$G${g.firstPersonRow + 1}`);
      expect(target.result).toBe(mit.target(current, mit.competency(g.competencyIds[0]))!.code);
      const rated = mit.scaleOf(deep).byCode(code(deep, 1))!.value;
      expect(result(cellAt(sheet, g.firstPersonRow + 1, g.gapCols[g.competencyIds.indexOf(deep.id)]))).toBe(
        rated - mit.target(current, deep)!.value,
      );
    });

    it('reads back with the readiness columns undefined', () => {
      const read = readGridRows(g.sheetName, valuesOf(sheet))!;
      expect(read.geometry.readiness).toBe('none');
      expect(read.geometry.blockingCol).toBeUndefined();
      expect(read.geometry.nextRoleCol).toBeUndefined();
      expect(read.geometry.ratingCols).toEqual(g.ratingCols);
      expect(read.people.map((p) => p.id)).toEqual(['ALL', 'ONE', 'TWO', 'GAP']);
    });
  });
});
