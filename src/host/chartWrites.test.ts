/**
 * The plan's charts drawn through the Office.js charts API, against the
 * recording fake: the same charts the .xlsx writer draws, their series as
 * ranges of the sheet (under its final name, after the temporary one), and
 * only calls the Excel in use supports.
 */
import { applyLayoutPlan } from './applyLayoutPlan';
import { ExcelFake } from '../../tests/fakes/excelFake';
import { chartsOn, type FakeChartData } from '../../tests/fakes/excelFakeCharts';
import { calibrationPlan } from '../core/layouts/calibration';
import type { LayoutPlan, PlanCell } from '../core/layouts/plan';
import { rectRef } from '../core/layouts/a1';
import { ratedGrid } from '../../tests/calibration/grids';
import { CHART_PALETTE } from '../core/layouts/chartPalette';

// Ana rates softest, Ben hardest (means 31/7, 19/8; Cy 15/3 on a small team).
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

function packPlan(): LayoutPlan {
  const { grid, matrix } = ratedGrid(people);
  const { plan } = calibrationPlan({ matrix, grid: grid.source });
  return { ...plan, sheets: [grid.sheet, ...plan.sheets] };
}

const where = (d: FakeChartData | undefined) => d && `${d.sheet.name}!${rectRef(d.rect)}`;

describe('charts drawn through Office.js', () => {
  it('adds the calibration charts over the sheet’s own cells, named, placed and coloured as planned', async () => {
    const fake = new ExcelFake();
    const plan = packPlan();
    await applyLayoutPlan(plan, { host: fake.host });
    const sheet = fake.model.find('Calibration')!;
    const charts = chartsOn(sheet);
    expect(charts.map((c) => [c.type, c.name])).toEqual([
      ['ColumnClustered', 'competency-matrix: calibration-distribution'],
      ['BarClustered', 'competency-matrix: calibration-rater-estimates'],
    ]);
    const planned = plan.sheets.find((s) => s.name === 'Calibration')!.charts!;
    const [distribution, raters] = charts;
    expect(distribution.topLeft).toBe(rectRef({ ...planned[0].anchor, rows: 1, cols: 1 }));
    expect(distribution.series.map((s) => [s.name, s.fill, where(s.values), where(s.categories)])).toEqual([
      [
        'Everyone',
        `#${CHART_PALETTE.actual}`,
        `Calibration!${rectRef(planned[0].series[0].values)}`,
        `Calibration!${rectRef(planned[0].categories)}`,
      ],
      [
        'Guideline',
        `#${CHART_PALETTE.expected}`,
        `Calibration!${rectRef(planned[0].series[1].values)}`,
        `Calibration!${rectRef(planned[0].categories)}`,
      ],
    ]);
    expect(distribution.valueAxis).toMatchObject({ title: 'Share of ratings', numberFormat: '0%' });
    expect(distribution.legend).toEqual({ visible: true, position: 'Bottom' });

    // The bars read the managers in order (first place first, drawn on top), not the rater table itself;
    // that the order is right, live, the formula-engine test of the calibration sheet shows.
    expect(raters.categoryAxis).toMatchObject({ reversePlotOrder: true, position: 'Maximum' });
    const names = fake.read('Calibration', rectRef(raters.series[0].categories!.rect));
    expect(names.map(([f]) => /MATCH\((\d),/.exec(String(f))?.[1])).toEqual(['1', '2', '3']);
    expect(raters.legend.visible).toBe(false);
  });

  it('is refused by the fake, as by Excel, where the API level lacks a chart call', async () => {
    const fake = new ExcelFake({ apiVersion: '1.6' });
    fake.addSheet('Data', [
      ['a', 1],
      ['b', 2],
    ]);
    const run = fake.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const chart = ws.charts.add('ColumnClustered', ws.getRange('B1:B2'), 'Auto');
      chart.series.add('Second').setValues(ws.getRange('B1:B2'));
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
