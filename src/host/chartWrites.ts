/**
 * A sheet plan's charts as writes through the Office.js charts API: each chart
 * is added over its first series' cells, placed on the cells it covers, and
 * given its series (values and categories as ranges of the sheet, so the
 * chart follows every edit), colours, titles and axes. Error bars from cells
 * are left out: Office.js can show error bars (ExcelApi 1.9) but cannot point
 * them at a range, so the estimate's uncertainty stays in the table beside
 * the chart. Every call here is in ExcelApi 1.9, the add-in's minimum.
 */
import type { XChartAxis, XWorksheet } from './excelApi';
import { FormatWrite, rangeOf } from './writes';
import type { WriteOp } from './writes';
import { color } from './formatWrites';
import type { ChartKind, ChartPlan, SheetPlan } from '../core/layouts/plan';
import { chartShapeName } from '../core/layouts/plan';
import { cellRef } from '../core/layouts/a1';

const CHART_TYPE: Record<ChartKind, 'ColumnClustered' | 'BarClustered' | 'Radar'> = {
  clusteredColumn: 'ColumnClustered',
  clusteredBar: 'BarClustered',
  radar: 'Radar',
};

function axis(a: XChartAxis, title: string | undefined): number {
  if (!title) return 0;
  a.title.text = title;
  return 1;
}

/** Adds one chart; returns how many actions it queued. */
export function addChart(ws: XWorksheet, chart: ChartPlan): number {
  let n = 0;
  const first = chart.series[0];
  const c = ws.charts.add(CHART_TYPE[chart.kind], rangeOf(ws, first.values), 'Auto');
  c.name = chartShapeName(chart);
  c.title.text = chart.title;
  const { anchor } = chart;
  c.setPosition(cellRef(anchor.row, anchor.col), cellRef(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1));
  n += 4;
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    if (i > 0) series.setValues(rangeOf(ws, s.values));
    series.setXAxisValues(rangeOf(ws, chart.categories));
    series.name = s.name;
    if (chart.kind === 'radar') series.format.line.color = color(s.color);
    else series.format.fill.setSolidColor(color(s.color));
    n += 4;
  });
  c.legend.visible = chart.series.length > 1;
  n++;
  if (chart.series.length > 1) ((c.legend.position = 'Bottom'), n++);
  const { categoryAxis, valueAxis } = c.axes;
  n += axis(categoryAxis, chart.axisTitles?.category) + axis(valueAxis, chart.axisTitles?.value);
  if (chart.valueAxis?.min !== undefined) ((valueAxis.minimum = chart.valueAxis.min), n++);
  if (chart.valueAxis?.max !== undefined) ((valueAxis.maximum = chart.valueAxis.max), n++);
  if (chart.firstCategoryOnTop) ((categoryAxis.reversePlotOrder = true), n++);
  if (chart.valueFormat) ((valueAxis.numberFormat = chart.valueFormat), n++);
  // Reversed categories put the value axis on top unless it crosses at the last category.
  if (chart.firstCategoryOnTop) ((categoryAxis.position = 'Maximum'), n++);
  return n;
}

/** One write per chart of the sheet. */
export function chartWrites(sheet: SheetPlan, target: number, at: (what: string) => string): WriteOp[] {
  return (sheet.charts ?? []).map(
    (chart) => new FormatWrite(target, at(`the chart “${chart.title}”`), chart, 12 + 4 * chart.series.length, (ws) => addChart(ws, chart)),
  );
}
