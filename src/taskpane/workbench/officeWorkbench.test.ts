/**
 * The real workbench over the recording Excel fake (installed as the Office
 * and Excel globals): what the task pane's grid actions do with a grid whose
 * rows lost their ids.
 */
import { officeGlobalsPerTest } from '../../../tests/fakes/officeGlobalsPerTest';
import { builtIn } from '../../core/frameworks/library';
import { columnLetters } from '../../core/layouts/a1';
import { UNPLACED_SHEET_NAME } from '../../core/layouts/unplacedRatingsSheet';
import { GRID_SHAPE } from '../../core/layouts/gridShape';
import { createOfficeWorkbench } from './officeWorkbench';
import type { RunControl } from './types';

const model = builtIn('mit-devops');
const roles = model.roles.map((r) => r.name);
const csv = ['id,name,role,manager', `E1,Ada,${roles[0]},Grace`, `E2,Alan,${roles[1]},Grace`, `E3,Edsger,${roles[0]},Ken`].join('\n');
const run = (): RunControl => ({ onProgress: () => undefined, signal: new AbortController().signal });
const fake = officeGlobalsPerTest();

/** Writes the grid, rates Alan, then clears Alan's id as a person might by mistake. */
async function gridWithClearedId() {
  const bench = createOfficeWorkbench();
  await bench.createGrid({ framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable' }, run());
  const [grid] = await bench.listGrids();
  const at = (col: number, row: number) => `${columnLetters(col)}${row + 1}`;
  const alan = GRID_SHAPE.firstPersonRow + 1;
  const level = model.scaleOf(model.competencies[0]).levels[1].code;
  fake().type(grid.sheet, at(GRID_SHAPE.firstRatingCol, alan), level);
  fake().type(grid.sheet, at(GRID_SHAPE.columns.id, alan), '');
  return { bench, sheet: grid.sheet, row: alan + 1, level };
}

describe('the task pane on a grid with a row whose id was cleared', () => {
  it('refuses to build the calibration pack, naming the row', async () => {
    const { bench, sheet, row } = await gridWithClearedId();
    await expect(bench.buildCalibration({ framework: model, gridSheet: sheet, minGroupSize: 4 }, run())).rejects.toThrow(
      `row ${row} of the grid "${sheet}" has no id, between two people; give that person an id or delete the row, then build the pack again`,
    );
  });

  it('refreshes the heatmaps without that row, keeps its rating under "(row N)" and says so', async () => {
    const { bench, sheet, row, level } = await gridWithClearedId();
    const summary = await bench.addHeatmaps({ framework: model, gridSheet: sheet }, run());
    expect(summary.warnings[0]).toBe(
      `Row ${row} of the grid "${sheet}" has no id, between two people, so it was left out of the rebuilt grid; anything rated on it is on the "Unplaced ratings" sheet under "(row ${row})". Add the person again with an id to bring them back.`,
    );
    expect(summary.ratingsUnplaced).toBe(1);
    expect(fake().read(UNPLACED_SHEET_NAME, 'A1:Z40').flat()).toEqual(expect.arrayContaining([`(row ${row})`, level]));
    expect((await bench.listGrids())[0].people).toBe(2);
  });
});

describe('the task pane and the readiness rule of a grid', () => {
  const readinessOfGrid = async () => {
    const { readWorkbookGrids } = await import('../../host/readGrids');
    const { grids } = await readWorkbookGrids();
    return grids[0].grid.geometry.readiness;
  };

  it('builds the grid with the readiness rule the user chose', async () => {
    const bench = createOfficeWorkbench();
    await bench.createGrid(
      { framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable', readiness: 'none' },
      run(),
    );
    expect(await readinessOfGrid()).toBe('none');
  });

  it('keeps a tolerant grid tolerant when its heatmaps are refreshed', async () => {
    const bench = createOfficeWorkbench();
    await bench.createGrid(
      { framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable', readiness: 'tolerant' },
      run(),
    );
    const [grid] = await bench.listGrids();
    await bench.addHeatmaps({ framework: model, gridSheet: grid.sheet }, run());
    expect(await readinessOfGrid()).toBe('tolerant');
  });
});

describe('the task pane building the calibration pack again', () => {
  it('starts the new pack from the settings and talent grid cut-offs the room edited on the earlier one', async () => {
    const bench = createOfficeWorkbench();
    await bench.createGrid({ framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable' }, run());
    const [grid] = await bench.listGrids();
    await bench.buildCalibration({ framework: model, gridSheet: grid.sheet, minGroupSize: 2 }, run());
    expect(fake().read('Talent grid', 'B6:B9')).toEqual([[0.5], [0.8], [0.5], [0.8]]);
    // Edited in the meeting: the false-discovery rate, the smallest team, two cut-offs.
    fake().type('Calibration', 'B7', 0.1);
    fake().type('Calibration', 'B8', 3);
    fake().type('Talent grid', 'B6', 0.3);
    fake().type('Talent grid', 'B9', 0.95);
    const summary = await bench.buildCalibration({ framework: model, gridSheet: grid.sheet, minGroupSize: 2 }, run());
    const calibration = summary.sheetsCreated.find((n) => n.startsWith('Calibration') && !n.includes('data'))!;
    const talent = summary.sheetsCreated.find((n) => n.startsWith('Talent grid'))!;
    expect([calibration, talent]).toEqual(['Calibration (2)', 'Talent grid (2)']);
    expect(fake().read(calibration, 'B6:B8')).toEqual([[2], [0.1], [3]]);
    expect(fake().read(talent, 'B6:B9')).toEqual([[0.3], [0.8], [0.5], [0.95]]);
  });
});

describe('the task pane building a calibration pack', () => {
  /** Reads of the workbook's state (its sheet list, then the registry) since action `from`, up to the first sheet it adds. */
  const stateReadsBeforeWriting = (from: number) => {
    const actions = fake().actions.slice(from);
    const firstAdd = actions.findIndex((a) => a.target.startsWith('ws.add('));
    return actions
      .slice(0, firstAdd < 0 ? actions.length : firstAdd)
      .filter((a) => a.kind === 'load' && a.target === 'worksheets' && JSON.stringify(a.args).includes('position')).length;
  };

  it('reads the workbook once for its inputs (grid, earlier settings, self ratings), then once more to check before writing', async () => {
    const bench = createOfficeWorkbench();
    await bench.createGrid({ framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable' }, run());
    const [grid] = await bench.listGrids();
    const from = fake().actions.length;
    const summary = await bench.buildCalibration({ framework: model, gridSheet: grid.sheet, minGroupSize: 2 }, run());
    expect(summary.sheetsCreated).toEqual(expect.arrayContaining(['Calibration', 'Talent grid']));
    // Once per reader before (grids, settings, self ratings): 3 reads and the writer's check.
    expect(stateReadsBeforeWriting(from)).toBe(2);
  });
});
