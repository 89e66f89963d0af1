import { builtIn, builtInFrameworks } from '../frameworks/library';
import { parseRosterCsv } from '../roster';
import { levelGap } from '../scoring';
import { isFormula, type PlanCell, type SheetPlan } from './plan';
import { cellRef } from './a1';
import { workbookLayout } from './workbook';
import { sheetPlanText } from './planText';
import { generatedRoster } from '../../../tests/xlsx/support/rosters';
import { GAP_ABOVE, GAP_BELOW, GAP_ON_TARGET } from './heatmap';
import { tinyFramework } from './testing/tinyFramework';

function cellAt(sheet: SheetPlan, row: number, col: number): PlanCell | undefined {
  for (const b of sheet.blocks) {
    const line = b.cells[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return undefined;
}

const mit = builtIn('mit-devops');
const csv = `id,name,role,manager,Adaptability,Teamwork
E1,Ann,DevOps Engineer II,,A,
E2,Bob,DevOps Engineer IV,Ann,BD,E
E3,"=HYPERLINK(""http://x"",""y"")",DevOps Engineer I,Ann,,`;

describe('the team grid', () => {
  const roster = parseRosterCsv(csv, mit);
  const { plan, grid } = workbookLayout(mit, { roster });
  const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
  const g = grid!;
  const j = (id: string) => g.competencyIds.indexOf(id);

  it('reads as a small snapshot: rows of people, formulas with the values core computed', () => {
    const tiny = tinyFramework();
    const small = workbookLayout(tiny, {
      roster: parseRosterCsv('id,name,role,manager,Deploy,Review\nK1,Kim,Junior,Lee,M,\nK2,Lee,Senior,,H,L', tiny),
    });
    expect(sheetPlanText(small.plan.sheets[0])).toMatchSnapshot();
  });

  it('writes each rating as the level code and computes gap = rating − target from the person’s role', () => {
    const r = g.firstPersonRow; // Ann, Engineer II, Adaptability A; target I
    expect(cellAt(sheet, r, g.ratingCols[j('adaptability')])).toBe('A');
    const target = cellAt(sheet, r, g.targetCols[j('adaptability')]);
    expect(isFormula(target!) && target.result).toBe('I');
    const gap = cellAt(sheet, r, g.gapCols[j('adaptability')]);
    expect(isFormula(gap!) && gap.result).toBe(1);
    expect(isFormula(gap!) && gap.formula).toMatch(/^IF\(OR\(.*=""\),"",.*-INDEX\(Scales!\$C\$\d+:\$C\$\d+,MATCH\(/);
  });

  it('leaves the gap blank, never zero, where a competency is not rated', () => {
    const gap = cellAt(sheet, g.firstPersonRow, g.gapCols[j('teamwork')]);
    expect(isFormula(gap!) && gap.result).toBe('');
    const meets = cellAt(sheet, g.firstPersonRow + 2, g.meetsCol); // nobody rated anything for E3
    expect(isFormula(meets!) && meets.result).toBe('');
  });

  it('gives the most senior role no next role and no readiness, and others a share of the next role’s targets', () => {
    const bob = g.firstPersonRow + 1;
    const next = cellAt(sheet, bob, g.nextRoleCol!);
    expect(isFormula(next!) && next.result).toBe('');
    expect((cellAt(sheet, bob, g.readinessCol!) as { result: unknown }).result).toBe('');
    const ann = cellAt(sheet, g.firstPersonRow, g.readinessCol!);
    expect(isFormula(ann!) && ann.formula).toContain('SUMPRODUCT((Targets!$A$6:$A$9=$G10)*ISNUMBER(Targets!');
    // Ann (II) against III: Adaptability A meets A; the other eight are not rated, so they block.
    expect(isFormula(ann!) && ann.result).toBeCloseTo(1 / 9);
    expect((cellAt(sheet, g.firstPersonRow, g.blockingCol!) as { result: unknown }).result).toBe(8);
  });

  it('keeps a name that looks like a formula as plain text', () => {
    expect(cellAt(sheet, g.firstPersonRow + 2, g.nameCol)).toBe('=HYPERLINK("http://x","y")');
  });

  it('offers each competency’s levels in a dropdown sourced from the scale sheet, and the roles in the role column', () => {
    const sources = sheet.validations.map((v) => v.source);
    expect(sources).toContain('Scales!$A$7:$A$11');
    expect(sources).toContain('Targets!$A$6:$A$9');
    expect(sheet.validations.every((v) => !v.source.includes(','))).toBe(true);
  });

  it('colours gaps on a diverging scale with number points centred at 0', () => {
    const gapScale = sheet.conditionalFormats.find((f) => f.kind === 'colorScale' && f.range.col === g.gapCols[0]);
    expect(gapScale).toMatchObject({
      kind: 'colorScale',
      points: [
        { kind: 'number', value: -2, color: GAP_BELOW },
        { kind: 'number', value: 0, color: GAP_ON_TARGET },
        { kind: 'number', value: 2, color: GAP_ABOVE },
      ],
    });
  });

  it('keys the rating cells by person id and competency id, so a rebuild can carry them over', () => {
    const input = sheet.inputs!.find((i) => i.id === 'ratings')!;
    expect(input.rowKeys).toEqual(['E1', 'E2', 'E3']);
    expect(input.colKeys).toEqual(g.competencyIds);
    expect(input.range).toEqual(g.ratings);
  });

  it('hides the helper columns and the key row that a grid file is read back by', () => {
    expect(sheet.columnWidths.filter((w) => w.hidden).map((w) => w.col)).toEqual([g.roleNumberCol, g.nextRoleNumberCol]);
    expect(sheet.rowHeights!.find((h) => h.hidden)!.row).toBe(g.keyRow);
    expect(cellAt(sheet, g.keyRow, g.ratingCols[0])).toBe(`rating:${g.competencyIds[0]}`);
    expect(sheet.freeze).toEqual({ rows: g.firstPersonRow, cols: 2 });
  });
});

describe('grids for every built-in framework', () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))(
    '%s: every gap result is core’s levelGap of rating and target',
    (_id, model) => {
      const roster = generatedRoster(model, 40);
      const { plan, grid } = workbookLayout(model, { roster });
      const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
      const g = grid!;
      roster.people.forEach((p, i) => {
        g.competencyIds.forEach((id, k) => {
          const c = model.competency(id);
          const expected = levelGap(p.ratings.get(id)?.value ?? null, model.target(p.role, c)?.value ?? null);
          const gap = cellAt(sheet, g.firstPersonRow + i, g.gapCols[k]) as { result: unknown };
          expect(gap.result).toBe(expected ?? '');
        });
      });
    },
  );

  it('gives each competency the dropdown of its own scale where a framework has two (DDaT)', () => {
    const ddat = builtIn('ddat-devops');
    const { plan, grid } = workbookLayout(ddat, { roster: generatedRoster(ddat, 3) });
    const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
    const ratingDropdowns = sheet.validations.filter((v) => v.range.row === grid!.firstPersonRow && v.range.col >= grid!.ratingCols[0]);
    expect(new Set(ratingDropdowns.map((v) => v.source)).size).toBe(2);
    const depth = ddat.scale('ddat-depth');
    for (const v of ratingDropdowns) {
      const first = grid!.competencyIds[v.range.col - grid!.ratingCols[0]];
      const scaleId = ddat.competency(first).scale;
      expect(v.errorMessage).toContain(scaleId === depth.id ? 'Aware' : '1, 2, 3, 4');
    }
  });

  it('writes formulas in the add-in style when asked, with the built-in scale named', () => {
    const { plan, grid } = workbookLayout(mit, { roster: generatedRoster(mit, 2), formulas: 'addin' });
    const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
    const gap = cellAt(sheet, grid!.firstPersonRow, grid!.gapCols[0]) as { formula: string };
    expect(gap.formula).toBe(
      `COMPETENCY.LEVELGAP(${cellRef(grid!.firstPersonRow, grid!.ratingCols[0])},${cellRef(grid!.firstPersonRow, grid!.targetCols[0])},"mit-proficiency")`,
    );
  });
});
