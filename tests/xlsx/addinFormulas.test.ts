/**
 * The same grid in both formula styles gives the same numbers: the add-in
 * style (COMPETENCY.LEVELVALUE, LEVELGAP, COVERAGE) evaluated by HyperFormula
 * with the add-in's functions registered, against core's results, which the
 * LibreOffice suite proves the portable style reaches. Every built-in
 * framework; an edit to a rating moves the gap as it should.
 */
import { DetailedCellError } from 'hyperformula';
import { builtIn, builtInFrameworks } from '../../src/core/frameworks/library';
import { isFormula } from '../../src/core/layouts/plan';
import { cellRef } from '../../src/core/layouts/a1';
import { workbookLayout } from '../../src/core/layouts/workbook';
import { competencyEngine } from '../formulas/hyperformulaPlugin';
import { sameValue, sheetContent } from '../support/hyperformulaPlan';
import { generatedRoster } from './support/rosters';

describe('the add-in formula style gives the same numbers as core (and so as the portable style)', () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))('%s', (_id, model) => {
    const { plan, grid } = workbookLayout(model, { roster: generatedRoster(model, 25, { seed: 5 }), formulas: 'addin' });
    const sheet = plan.sheets.find((s) => s.kind === 'grid')!;
    const addinCells = sheet.blocks.flatMap((b) => b.cells.flat()).filter((c) => isFormula(c) && c.formula.includes('COMPETENCY.'));
    expect(addinCells.length).toBeGreaterThan(grid!.personCount * grid!.competencyIds.length);
    const hf = competencyEngine(Object.fromEntries(plan.sheets.map((s) => [s.name, sheetContent(s)])));
    const wrong: string[] = [];
    const id = hf.getSheetId(sheet.name)!;
    for (const b of sheet.blocks) {
      b.cells.forEach((line, i) =>
        line.forEach((c, j) => {
          if (!isFormula(c)) return;
          const v = hf.getCellValue({ sheet: id, row: b.row + i, col: b.col + j });
          const actual = v instanceof DetailedCellError ? `${v.value} ${v.message}` : v;
          if (!sameValue(actual, c.result, 1e-9))
            wrong.push(`${cellRef(b.row + i, b.col + j)} =${c.formula}: ${JSON.stringify(actual)} vs core ${JSON.stringify(c.result)}`);
        }),
      );
    }
    hf.destroy();
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it.each(builtInFrameworks().map((f) => [f.id, f] as const))(
    '%s: both styles, evaluated side by side, agree cell by cell',
    (_id, model) => {
      const roster = generatedRoster(model, 12, { seed: 9 });
      const evaluate = (formulas: 'portable' | 'addin') => {
        const { plan, grid } = workbookLayout(model, { roster, formulas });
        const hf = competencyEngine(Object.fromEntries(plan.sheets.map((s) => [s.name, sheetContent(s)])));
        const values = hf.getSheetValues(hf.getSheetId(grid!.sheetName)!);
        hf.destroy();
        return values;
      };
      const portable = evaluate('portable');
      const addin = evaluate('addin');
      const differ: string[] = [];
      portable.forEach((row, r) =>
        row.forEach(
          (v, c) =>
            !sameValue(addin[r]?.[c], v, 1e-9) &&
            differ.push(`${cellRef(r, c)}: portable ${JSON.stringify(v)}, add-in ${JSON.stringify(addin[r]?.[c])}`),
        ),
      );
      expect(differ.slice(0, 10)).toEqual([]);
    },
  );

  it('follows an edited rating: the gap, meets % and coverage recalculate', () => {
    const mit = builtIn('mit-devops');
    const roster = generatedRoster(mit, 3, { blankShare: 0 });
    const { plan, grid } = workbookLayout(mit, { roster, formulas: 'addin' });
    const g = grid!;
    const hf = competencyEngine(Object.fromEntries(plan.sheets.map((s) => [s.name, sheetContent(s)])));
    const sheet = hf.getSheetId(g.sheetName)!;
    const at = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
    const target = at(g.firstPersonRow, g.targetCols[0]) as string;
    const targetValue = mit.primaryScale.byCode(target)!.value;
    hf.setCellContents({ sheet, row: g.firstPersonRow, col: g.ratingCols[0] }, [['E']]);
    expect(at(g.firstPersonRow, g.gapCols[0])).toBe(5 - targetValue);
    hf.setCellContents({ sheet, row: g.firstPersonRow, col: g.ratingCols[0] }, [[null]]);
    expect(at(g.firstPersonRow, g.gapCols[0])).toBe('');
    hf.destroy();
  });
});
