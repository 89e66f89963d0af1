import { REGISTRY_SHEET_NAME } from '../core/layouts/registry';
import ExcelJS from 'exceljs';
import { FrameworkModel } from '../core/framework/model';
import { validateFramework } from '../core/framework/validate';
import { parseRosterCsv } from '../core/roster';
import { workbookLayout } from '../core/layouts/workbook';
import { cellRef } from '../core/layouts/a1';
import { tinyFramework } from '../core/layouts/testing/tinyFramework';
import { renderPlan } from './renderPlan';
import { readGrid } from './readGrid';
import { rebuildWorkbook } from './rebuildWorkbook';
import { registryFor, writeRegistry } from './workbookRegistry';

const tiny = tinyFramework();
const team = `id,name,role,manager,Deploy,Review
K1,Kim,Junior,Lee,M,
K2,Lee,Senior,,H,L
K3,Max,Junior,Lee,L,M`;

/** A workbook as the workbook command writes it, with a user's own sheet, reloaded from bytes. */
async function productWorkbook(csv = team, edit?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const layout = workbookLayout(tiny, { roster: parseRosterCsv(csv, tiny) });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Budget').getCell('B2').value = 1234;
  const rendered = renderPlan(wb, layout.plan);
  writeRegistry(
    wb,
    registryFor(
      rendered,
      layout.plan.title,
      layout.plan.names.map((n) => n.name),
    ),
  );
  edit?.(wb);
  return reload(wb);
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

function ratings(wb: ExcelJS.Workbook, sheet = 'Team grid'): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    readGrid(wb, sheet).people.map((p) => [p.id, Object.fromEntries(Object.entries(p.ratings).filter(([, v]) => v !== null))]),
  );
}

function setRating(wb: ExcelJS.Workbook, person: number, competency: number, value: string): void {
  const g = readGrid(wb).geometry;
  wb.getWorksheet(g.sheetName)!.getCell(cellRef(g.firstPersonRow + person, g.ratingCols[competency])).value = value;
}

describe('rebuilding the product’s sheets in an existing workbook', () => {
  it('keeps every rating entered in the workbook, even where the roster file says otherwise', async () => {
    const wb = await productWorkbook(team, (w) => setRating(w, 0, 0, 'H')); // Kim's Review: typed in the workbook
    const report = rebuildWorkbook(wb, tiny, {
      roster: parseRosterCsv(team.replace('K3,Max,Junior,Lee,L,M', 'K3,Max,Junior,Lee,H,M'), tiny),
    });
    const after = await reload(wb);
    expect(ratings(after)).toEqual({
      K1: { review: 'H', deploy: 'M' },
      K2: { review: 'L', deploy: 'H' },
      K3: { review: 'M', deploy: 'L' },
    });
    expect(report.unplaced).toEqual([expect.objectContaining({ person: 'K3', competency: 'deploy', value: 'H', reason: 'conflict' })]);
    // The cached results follow the kept ratings: Kim's Review H is now a rating, with no target for Juniors.
    const g = readGrid(after).geometry;
    const gap = after.getWorksheet('Team grid')!.getCell(cellRef(g.firstPersonRow + 2, g.gapCols[1])).value as { result: unknown };
    expect(gap.result).toBe(-1); // Max: Deploy L against M
  });

  it('keeps an N/A and a cleared cell typed in the workbook over the roster’s levels, and lists each disagreement', async () => {
    const wb = await productWorkbook(team, (w) => {
      setRating(w, 1, 0, 'N/A'); // Lee's Review was L on the roster: a manager typed N/A
      setRating(w, 2, 1, ''); // Max's Deploy was L: cleared
    });
    const report = rebuildWorkbook(wb, tiny, { roster: parseRosterCsv(team, tiny) });
    const after = await reload(wb);
    expect(ratings(after)).toEqual({ K1: { deploy: 'M' }, K2: { review: 'N/A', deploy: 'H' }, K3: { review: 'M' } });
    const g = readGrid(after).geometry;
    expect(after.getWorksheet('Team grid')!.getCell(cellRef(g.firstPersonRow + 1, g.ratingCols[0])).value).toBe('N/A');
    expect(report.disagreements).toEqual([
      { person: 'K2', competency: 'review', typed: 'N/A', roster: 'L' },
      { person: 'K3', competency: 'deploy', typed: '', roster: 'L' },
    ]);
    expect(report.unplaced).toEqual([]);
  });

  it('keeps a cleared cell cleared over a second rebuild with the same roster: the first records it as decided', async () => {
    const wb = await productWorkbook(team, (w) => {
      setRating(w, 2, 1, ''); // Max's Deploy was L: cleared
    });
    rebuildWorkbook(wb, tiny, { roster: parseRosterCsv(team, tiny) });
    const once = await reload(wb);
    const report = rebuildWorkbook(once, tiny, { roster: parseRosterCsv(team, tiny) });
    expect(ratings(await reload(once)).K3).toEqual({ review: 'M' });
    expect(report.disagreements).toEqual([{ person: 'K3', competency: 'deploy', typed: '', roster: 'L' }]);
  });

  it('fills a cell the grid was written blank and still shows blank with the roster’s new level: it was never rated, not cleared', async () => {
    // Kim's Review was never rated (blank on the roster the grid was built from); the new roster file gives H.
    const wb = await productWorkbook();
    const report = rebuildWorkbook(wb, tiny, {
      roster: parseRosterCsv(team.replace('K1,Kim,Junior,Lee,M,', 'K1,Kim,Junior,Lee,M,H'), tiny),
    });
    expect(ratings(await reload(wb)).K1).toEqual({ review: 'H', deploy: 'M' });
    expect(report.disagreements).toEqual([]);
  });

  it('keeps a blank over the roster in a workbook from before the rated record, and says it may never have been rated', async () => {
    const wb = await productWorkbook(team, (w) => {
      const registry = w.getWorksheet(REGISTRY_SHEET_NAME)!;
      registry.eachRow((row) => {
        if (row.getCell(1).value === 'rowKey') row.getCell(5).value = null;
      });
    });
    const report = rebuildWorkbook(wb, tiny, {
      roster: parseRosterCsv(team.replace('K1,Kim,Junior,Lee,M,', 'K1,Kim,Junior,Lee,M,H'), tiny),
    });
    expect(ratings(await reload(wb)).K1).toEqual({ deploy: 'M' });
    expect(report.disagreements).toEqual([{ person: 'K1', competency: 'review', typed: '', roster: 'H', unsure: true }]);
  });

  it('matches people under the one id rule: " k1 " on the roster is the grid’s K1, with its ratings', async () => {
    const wb = await productWorkbook(team, (w) => setRating(w, 0, 0, 'H'));
    const report = rebuildWorkbook(wb, tiny, { roster: parseRosterCsv(team.replace('K1,Kim', ' k1 ,Kim'), tiny) });
    expect(report.unplaced).toEqual([]);
    expect(report.disagreements).toEqual([]);
    expect(ratings(await reload(wb))).toEqual({
      k1: { review: 'H', deploy: 'M' },
      K2: { review: 'L', deploy: 'H' },
      K3: { review: 'M', deploy: 'L' },
    });
  });

  it('keeps the ratings of someone who left on a visible sheet, and puts them back when they return', async () => {
    const wb = await productWorkbook();
    const withoutLee = team
      .split('\n')
      .filter((l) => !l.startsWith('K2'))
      .join('\n');
    const first = rebuildWorkbook(wb, tiny, { roster: parseRosterCsv(withoutLee, tiny) });
    expect(first.unplaced.map((u) => [u.person, u.competency, u.value, u.why])).toEqual([
      ['K2', 'review', 'L', 'the person is not on the new roster'],
      ['K2', 'deploy', 'H', 'the person is not on the new roster'],
    ]);
    const middle = await reload(wb);
    expect(middle.worksheets.map((w) => w.name)).toContain('Unplaced ratings');
    const second = rebuildWorkbook(middle, tiny, { roster: parseRosterCsv(team, tiny) });
    expect(second.unplaced).toEqual([]);
    const after = await reload(middle);
    expect(ratings(after).K2).toEqual({ review: 'L', deploy: 'H' });
    expect(after.worksheets.map((w) => w.name)).not.toContain('Unplaced ratings');
  });

  it('rebuilds from the grid’s own people when no roster is given, following a grid sorted by hand', async () => {
    const wb = await productWorkbook(team, (w) => {
      // Sort by hand: swap Kim's and Max's rows (ids and ratings move together).
      const g = readGrid(w).geometry;
      const ws = w.getWorksheet('Team grid')!;
      const a = ws.getRow(g.firstPersonRow + 1);
      const c = ws.getRow(g.firstPersonRow + 3);
      for (const col of [g.idCol, g.nameCol, g.roleCol, g.managerCol, ...g.ratingCols]) {
        const v = a.getCell(col + 1).value;
        a.getCell(col + 1).value = c.getCell(col + 1).value;
        c.getCell(col + 1).value = v;
      }
    });
    const report = rebuildWorkbook(wb, tiny);
    expect(report.roster!.people.map((p) => p.id)).toEqual(['K3', 'K2', 'K1']);
    expect(ratings(await reload(wb))).toEqual({ K1: { deploy: 'M' }, K2: { review: 'L', deploy: 'H' }, K3: { review: 'M', deploy: 'L' } });
  });

  it('sets aside a typed value that is not a level, saying which levels the scale has', async () => {
    const wb = await productWorkbook(team, (w) => setRating(w, 2, 0, 'Great')); // Max's Review
    const report = rebuildWorkbook(wb, tiny);
    expect(report.unplaced).toEqual([
      expect.objectContaining({
        person: 'K3',
        competency: 'review',
        value: 'Great',
        reason: 'not-a-level',
        why: expect.stringMatching(/^not a level of .* \(use /),
      }),
    ]);
    const after = await reload(wb);
    expect(report.unplacedSheet).toBe('Unplaced ratings');
    expect(String(after.getWorksheet('Unplaced ratings')!.getCell('A2').value)).toContain('not levels of their competency');
  });

  it('keeps the ratings of a row whose id was cleared, under "(row N)", and says so', async () => {
    let row = 0;
    const wb = await productWorkbook(team, (w) => {
      const g = readGrid(w).geometry;
      row = g.firstPersonRow + 1; // Lee
      w.getWorksheet('Team grid')!.getCell(cellRef(row, g.idCol)).value = null;
    });
    const report = rebuildWorkbook(wb, tiny);
    expect(report.roster!.people.map((p) => p.id)).toEqual(['K1', 'K3']);
    expect(report.unplaced.map((u) => [u.person, u.competency, u.value])).toEqual([
      [`(row ${row + 1})`, 'review', 'L'],
      [`(row ${row + 1})`, 'deploy', 'H'],
    ]);
    expect(report.warnings).toEqual([
      `row ${row + 1} of the grid "Team grid" has no id, between two people: it is left out of the new grid, and its ratings are kept on "Unplaced ratings" as "(row ${row + 1})"`,
    ]);
    expect((await reload(wb)).worksheets.map((w) => w.name)).toContain('Unplaced ratings');
  });

  it('leaves the user’s sheets and names alone, and never replaces a user’s sheet that has one of our names', async () => {
    const wb = await productWorkbook(team, (w) => {
      w.addWorksheet('Notes').getCell('A1').value = '=not a formula';
    });
    // A user's own "Targets" sheet that the product never made: registry says nothing about it.
    const mine = await reload(wb);
    mine.removeWorksheet(mine.getWorksheet('Targets')!.id);
    mine.addWorksheet('Targets').getCell('A1').value = 'my targets';
    const report = rebuildWorkbook(mine, tiny, { roster: parseRosterCsv(team, tiny) });
    const after = await reload(mine);
    expect(after.getWorksheet('Budget')!.getCell('B2').value).toBe(1234);
    expect(after.getWorksheet('Notes')!.getCell('A1').value).toBe('=not a formula');
    expect(after.getWorksheet('Targets')!.getCell('A1').value).toBe('my targets');
    expect(report.written).toContain('Targets (2)');
    const g = readGrid(after).geometry;
    const ws = after.getWorksheet('Team grid')!;
    expect((ws.getCell(cellRef(g.firstPersonRow, g.nextRoleCol!)).value as { formula: string }).formula).toContain("'Targets (2)'!");
  });

  it('sets a product sheet aside, untouched, when someone wrote outside what the product made', async () => {
    const wb = await productWorkbook(team, (w) => {
      w.getWorksheet('Team grid')!.getCell('ZZ3').value = 'my note';
    });
    const report = rebuildWorkbook(wb, tiny, { roster: parseRosterCsv(team, tiny) });
    expect(report.setAside).toEqual([{ sheet: 'Team grid', why: 'someone wrote in it outside the cells the product made' }]);
    const after = await reload(wb);
    expect(after.getWorksheet('Team grid')!.getCell('ZZ3').value).toBe('my note');
    expect(report.written[0]).toBe('Team grid (2)');
    expect(ratings(after, 'Team grid (2)')).toEqual(ratings(after, 'Team grid'));
  });

  it('keeps ratings of a competency the new framework version dropped, saying why', async () => {
    const wb = await productWorkbook();
    const data = structuredClone(tiny.data);
    data.competencies = data.competencies.filter((c) => c.id !== 'review');
    data.targets = data.targets.filter((t) => t.competency !== 'review');
    const smaller = new FrameworkModel(validateFramework(data).framework!);
    const report = rebuildWorkbook(wb, smaller);
    expect(report.unplaced.map((u) => [u.person, u.competency, u.value, u.why])).toEqual([
      ['K2', 'review', 'L', 'the competency is not in the framework'],
      ['K3', 'review', 'M', 'the competency is not in the framework'],
    ]);
    expect(report.kept).toBe(3);
  });
});
