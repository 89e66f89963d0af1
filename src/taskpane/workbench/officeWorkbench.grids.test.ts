/**
 * The real workbench over the recording Excel fake: a second team's "Create
 * grid" adds a grid beside the first, "Update this grid" rebuilds only the one
 * chosen, and heatmaps and calibration on either grid leave every sheet of the
 * other exactly as it was (the fake's record of each sheet: id, cells,
 * formulas, rules, dropdowns).
 */
import { officeGlobalsPerTest } from '../../../tests/fakes/officeGlobalsPerTest';
import { builtIn } from '../../core/frameworks/library';
import type { FrameworkModel } from '../../core/framework/model';
import { GRID_SHAPE } from '../../core/layouts/gridShape';
import { columnLetters } from '../../core/layouts/a1';
import { createOfficeWorkbench } from './officeWorkbench';
import type { RunControl, Workbench } from './types';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');
const run = (): RunControl => ({ onProgress: () => undefined, signal: new AbortController().signal });
const fake = officeGlobalsPerTest();

function rosterCsv(model: FrameworkModel, ids: string[], managers = ['Grace', 'Ken']): string {
  const rows = ids.map((id, i) => `${id},Person ${id},${model.roles[i % 2].name},${managers[i % managers.length]}`);
  return ['id,name,role,manager', ...rows].join('\n');
}

async function createGrid(bench: Workbench, model: FrameworkModel, fileName: string, ids: string[], update?: string) {
  return bench.createGrid(
    { framework: model, roster: { kind: 'csv', fileName, text: rosterCsv(model, ids) }, formulas: 'portable', update },
    run(),
  );
}

/** The cell of a person's first rating on a grid (person 0 is the first row). */
function ratingCell(person: number, competency = 0): string {
  return `${columnLetters(GRID_SHAPE.firstRatingCol + competency)}${GRID_SHAPE.firstPersonRow + person + 1}`;
}

function records(sheets: string[]): unknown[] {
  return sheets.map((s) => fake().sheetRecord(s));
}

/** Formulas on a sheet that lost a reference. */
function brokenFormulas(sheet: string): string[] {
  return fake()
    .read(sheet, 'A1:BZ60')
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.includes('#REF!'));
}

describe('two teams on one framework', () => {
  it('gives two grids side by side that share the matrix, scales and targets, and a rating on the first stays', async () => {
    const bench = createOfficeWorkbench();
    await createGrid(bench, MIT, 'devops-a.csv', ['A1', 'A2', 'A3']);
    const level = MIT.scaleOf(MIT.competencies[0]).levels[1].code;
    fake().type('Team grid', ratingCell(1), level);
    const firstSheets = fake()
      .sheetNames()
      .filter((n) => n !== 'Sheet1' && !n.startsWith('CompetencyMatrix.') && !n.startsWith('CM-undo '));
    const before = records(firstSheets);

    const added = await createGrid(bench, MIT, 'devops-b.csv', ['B1', 'B2']);
    expect(added.grid).toEqual({
      sheet: 'devops-b grid',
      added: true,
      shared: expect.arrayContaining(['Matrix', 'Scales', 'Targets']),
      others: 1,
    });
    expect(added.sheetsCreated).toEqual(['devops-b grid']);
    expect(added.sheetsReplaced).toEqual([]);
    // Nothing of the first grid was touched: not its grid, not the framework sheets it reads.
    expect(records(firstSheets)).toEqual(before);
    expect(fake().read('Team grid', ratingCell(1))).toEqual([[level]]);
    expect(brokenFormulas('Team grid')).toEqual([]);
    expect(brokenFormulas('devops-b grid')).toEqual([]);

    const grids = await bench.listGrids();
    expect(grids.map((g) => [g.sheet, g.label, g.frameworkId, g.people])).toEqual([
      ['Team grid', 'devops-a', 'mit-devops', 3],
      ['devops-b grid', 'devops-b', 'mit-devops', 2],
    ]);
    expect(grids.every((g) => /^\d{4}-\d\d-\d\dT/.test(g.writtenAt ?? ''))).toBe(true);
  });

  it('updates only the grid chosen, keeping its ratings, and heatmaps and calibration on either grid leave the other untouched', async () => {
    const bench = createOfficeWorkbench();
    await createGrid(bench, MIT, 'devops-a.csv', ['A1', 'A2', 'A3', 'A4']);
    await createGrid(bench, MIT, 'devops-b.csv', ['B1', 'B2', 'B3', 'B4']);
    const levels = MIT.scaleOf(MIT.competencies[0]).levels.map((l) => l.code);
    for (const sheet of ['Team grid', 'devops-b grid'])
      for (let p = 0; p < 4; p++) fake().type(sheet, ratingCell(p), levels[p % levels.length]);

    const first = () => records(['Team grid', 'Matrix', 'Scales', 'Targets']);
    const second = () => records(['devops-b grid']);

    let untouched = first();
    const updated = await createGrid(bench, MIT, 'devops-b.csv', ['B1', 'B2', 'B3', 'B4', 'B5'], 'devops-b grid');
    expect(updated.grid).toMatchObject({ sheet: 'devops-b grid', added: false, others: 1 });
    expect(updated.sheetsReplaced).toEqual(['devops-b grid']);
    expect(updated.ratingsKept).toBe(4);
    expect(first()).toEqual(untouched);
    expect((await bench.listGrids()).map((g) => g.people)).toEqual([4, 5]);

    untouched = first();
    await bench.addHeatmaps({ framework: MIT, gridSheet: 'devops-b grid' }, run());
    expect(first()).toEqual(untouched);
    await bench.buildCalibration({ framework: MIT, gridSheet: 'devops-b grid', minGroupSize: 2 }, run());
    expect(first()).toEqual(untouched);

    let other = second();
    const heat = await bench.addHeatmaps({ framework: MIT, gridSheet: 'Team grid' }, run());
    expect(heat.sheetsReplaced).toEqual(['Team grid']);
    expect(heat.ratingsKept).toBe(4);
    expect(second()).toEqual(other);
    other = second();
    const calibrationsBefore = fake()
      .sheetNames()
      .filter((n) => n.startsWith('Calibration'));
    const pack = records(calibrationsBefore);
    await bench.buildCalibration({ framework: MIT, gridSheet: 'Team grid', minGroupSize: 2 }, run());
    expect(second()).toEqual(other);
    // The first pack (of the second grid) is still there as it was.
    expect(records(calibrationsBefore)).toEqual(pack);
    expect(brokenFormulas('Team grid')).toEqual([]);
    expect(brokenFormulas('devops-b grid')).toEqual([]);
  });
});

describe('two teams on two frameworks', () => {
  it('gives the second its own matrix, scales and targets named after its framework, and leaves the first as it was', async () => {
    const bench = createOfficeWorkbench();
    await createGrid(bench, MIT, 'devops.csv', ['A1', 'A2']);
    const level = MIT.scaleOf(MIT.competencies[0]).levels[2].code;
    fake().type('Team grid', ratingCell(0), level);
    const firstSheets = fake()
      .sheetNames()
      .filter((n) => n !== 'Sheet1' && !n.startsWith('CompetencyMatrix.') && !n.startsWith('CM-undo '));
    const before = records(firstSheets);

    const sre = await createGrid(bench, SRE, 'sre.csv', ['S1', 'S2', 'S3']);
    expect(sre.grid).toMatchObject({ sheet: 'sre grid (sre-ladder)', added: true, shared: [] });
    expect(sre.sheetsCreated).toEqual(
      expect.arrayContaining(['sre grid (sre-ladder)', 'Matrix (sre-ladder)', 'Scales (sre-ladder)', 'Targets (sre-ladder)']),
    );
    expect(records(firstSheets)).toEqual(before);
    expect(brokenFormulas('sre grid (sre-ladder)')).toEqual([]);
    const srePerson = SRE.scaleOf(SRE.competencies[0]).levels[1].code;
    fake().type('sre grid (sre-ladder)', ratingCell(2), srePerson);

    // Heatmaps on the second framework's grid: the first grid's sheets stay as they were, and the other way round.
    await bench.addHeatmaps({ framework: SRE, gridSheet: 'sre grid (sre-ladder)' }, run());
    expect(records(firstSheets)).toEqual(before);
    const sreSheets = ['sre grid (sre-ladder)', 'Matrix (sre-ladder)', 'Scales (sre-ladder)', 'Targets (sre-ladder)'];
    const sreBefore = records(sreSheets);
    await bench.addHeatmaps({ framework: MIT, gridSheet: 'Team grid' }, run());
    expect(records(sreSheets)).toEqual(sreBefore);
    expect(fake().read('Team grid', ratingCell(0))).toEqual([[level]]);
    expect(fake().read('sre grid (sre-ladder)', ratingCell(2))).toEqual([[srePerson]]);
    expect((await bench.listGrids()).map((g) => [g.sheet, g.frameworkId])).toEqual([
      ['Team grid', 'mit-devops'],
      ['sre grid (sre-ladder)', 'sre-ladder'],
    ]);
  });
});
