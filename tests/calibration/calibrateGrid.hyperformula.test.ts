/**
 * A calibration pack on a real team grid (the grid layout with its targets,
 * gaps and readiness), computed in HyperFormula: every figure equals core's.
 */
import { builtIn } from '../../src/core/frameworks/library';
import { buildEngine, cellValue, mismatches } from '../support/hyperformulaPlan';
import { talentGrid } from '../../src/core/calibration/talentGrid';
import { calibratedTeam } from './calibratedTeam';

const model = builtIn('mit-devops');

function pack(people: number) {
  return calibratedTeam(model, {
    people,
    managers: 6,
    seed: 11,
    lenientManager: 'Manager 02',
    smallManager: { name: 'Manager 06', people: 3 },
  });
}

describe('a calibration pack on a team grid', () => {
  it('computes every figure to core’s value in a formula engine', () => {
    const { workbook, calibration } = pack(60);
    const hf = buildEngine([...workbook.plan.sheets, ...calibration.plan.sheets], workbook.plan.names);
    // Readiness counts read the grid's Blocking column, whose INDEX(range, row, 0) HyperFormula cannot evaluate;
    // the LibreOffice suite checks those rows (calibrationPack.libreoffice.test.ts).
    const readiness = calibration.layout.readiness!;
    expect(readiness.rows).toBeGreaterThan(0);
    const inReadiness = (sheet: string, row: number) =>
      sheet === calibration.sheetNames.calibration && row >= readiness.firstRow && row < readiness.firstRow + readiness.rows;
    expect(mismatches(hf, calibration.plan.sheets, { skipRows: inReadiness })).toEqual([]);
  });

  it('hides the small team in the heatmap and flags the planted lenient manager', () => {
    const { calibration } = pack(60);
    const stats = calibration.statistics;
    const small = stats.managers.findIndex((m) => m.manager === 'Manager 06');
    expect(stats.heatmap.difference[small].every((d) => d === null)).toBe(true);
    expect(stats.managers.filter((m) => m.flag).map((m) => [m.manager, m.flag])).toContainEqual(['Manager 02', 'lenient']);
  });

  it('moves people between the talent grid’s boxes when the room edits a cut-off', () => {
    const { workbook, calibration } = pack(60);
    const hf = buildEngine([...workbook.plan.sheets, ...calibration.plan.sheets], workbook.plan.names);
    const { layout } = calibration.talent!;
    const sheet = hf.getSheetId('Talent grid')!;
    const counts = () =>
      Array.from({ length: 9 }, (_, b) => cellValue(hf, 'Talent grid', layout.countCell(b).row, layout.countCell(b).col));
    expect(counts()).toEqual(calibration.talent!.grid.names.map((n) => n.length));
    // Meets % "high from" 80% -> 60%: core's boxes for the same people under the new cut-offs.
    hf.setCellContents({ sheet, row: layout.cutoffs.row + 1, col: layout.cutoffs.col }, 0.6);
    const moved = talentGrid(calibration.matrix.people, { meets: { low: 0.5, high: 0.6 }, readiness: { low: 0.5, high: 0.8 } });
    expect(moved.names.map((n) => n.length)).not.toEqual(calibration.talent!.grid.names.map((n) => n.length));
    expect(counts()).toEqual(moved.names.map((n) => n.length));
    const first = layout.namesFirstRow;
    expect(cellValue(hf, 'Talent grid', first, layout.namesCol(8))).toBe(moved.names[8][0] ?? '');
  });
});
