/**
 * The charts part of the Office.js fake (excelFake.ts): worksheet.charts.add,
 * a chart's position, titles, legend, axes and series, each call recorded
 * with the requirement set Microsoft's reference gives it, so a renderer that
 * uses a newer API than the Excel it runs in fails here as it would there
 * ("ApiNotFound"). What a test reads back is the chart as Excel would hold it:
 * its series as ranges of a sheet (followed through renames, as Excel's
 * references are), colours, titles and the cells it covers.
 *
 * Requirement sets (learn.microsoft.com, Excel JavaScript API reference):
 * ChartCollection.add, Chart.name / setPosition / title, ChartSeries.name,
 * ChartFill.setSolidColor, ChartLineFormat.color, ChartAxis.minimum / maximum
 * and ChartAxisTitle.text: ExcelApi 1.1. ChartSeriesCollection.add,
 * ChartSeries.setValues / setXAxisValues, ChartAxis.reversePlotOrder:
 * ExcelApi 1.7. ChartAxis.numberFormat and ChartAxis.position: ExcelApi 1.8.
 */
import type { XChart, XChartAxis, XChartCollection, XChartSeries, XRange } from '../../src/host/excelApi';
import { FakeOfficeError, type FakeContext, type FakeRect, type FakeSheet } from './excelFake';

/** A series' data as Excel holds it: cells of a sheet. */
export interface FakeChartData {
  sheet: FakeSheet;
  rect: FakeRect;
}

export interface FakeChartAxis {
  title?: string;
  minimum?: number;
  maximum?: number;
  reversePlotOrder?: boolean;
  numberFormat?: string;
  position?: string;
}

export interface FakeChartSeries {
  name?: string;
  values?: FakeChartData;
  categories?: FakeChartData;
  fill?: string;
  line?: string;
}

export interface FakeChart {
  type: string;
  name?: string;
  title?: string;
  /** The cells it covers, from setPosition. */
  topLeft?: string;
  bottomRight?: string;
  legend: { visible?: boolean; position?: string };
  categoryAxis: FakeChartAxis;
  valueAxis: FakeChartAxis;
  series: FakeChartSeries[];
}

const charts = new WeakMap<FakeSheet, FakeChart[]>();

/** The charts on a sheet of the fake workbook, in the order they were added. */
export function chartsOn(sheet: FakeSheet): FakeChart[] {
  return charts.get(sheet) ?? [];
}

/** What the fake's worksheet and range proxies offer the charts API. */
interface SheetProxy {
  readonly ctx: FakeContext;
  readonly path: string;
  live(): FakeSheet;
}
interface RangeProxy {
  readonly path: string;
  readonly sheet: SheetProxy;
  rect(): FakeRect;
}

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Radar']);

/** A property that can only be set (reading it would need load and sync, which the renderer never does). */
function setter<T extends object>(target: T, name: string, set: (value: never) => void): void {
  Object.defineProperty(target, name, {
    set,
    get: () => {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available.`);
    },
  });
}

function dataOf(range: XRange, path: string): FakeChartData {
  const r = range as unknown as RangeProxy;
  if (typeof r.rect !== 'function') throw new Error(`${path}: not a range of the fake workbook`);
  return { sheet: r.sheet.live(), rect: r.rect() };
}

function axisProxy(ctx: FakeContext, path: string, axis: FakeChartAxis): XChartAxis {
  const proxy = { title: {} } as XChartAxis;
  setter(proxy.title, 'text', (v: string) => ctx.enqueue(`${path}.title`, 'set', 'text', v, '1.1', () => (axis.title = v)));
  setter(proxy, 'minimum', (v: number) => ctx.enqueue(path, 'set', 'minimum', v, '1.1', () => (axis.minimum = v)));
  setter(proxy, 'maximum', (v: number) => ctx.enqueue(path, 'set', 'maximum', v, '1.1', () => (axis.maximum = v)));
  setter(proxy, 'reversePlotOrder', (v: boolean) =>
    ctx.enqueue(path, 'set', 'reversePlotOrder', v, '1.7', () => (axis.reversePlotOrder = v)),
  );
  setter(proxy, 'numberFormat', (v: string) => ctx.enqueue(path, 'set', 'numberFormat', v, '1.8', () => (axis.numberFormat = v)));
  setter(proxy, 'position', (v: string) => ctx.enqueue(path, 'set', 'position', v, '1.8', () => (axis.position = v)));
  return proxy;
}

function seriesProxy(ctx: FakeContext, path: string, series: () => FakeChartSeries): XChartSeries {
  const proxy = {
    format: {
      fill: {
        setSolidColor: (color: string) =>
          ctx.enqueue(`${path}.format.fill`, 'call', 'setSolidColor', color, '1.1', () => (series().fill = color)),
      },
      line: {},
    },
    setValues: (range: XRange) =>
      ctx.enqueue(path, 'call', 'setValues', (range as unknown as RangeProxy).path, '1.7', () => (series().values = dataOf(range, path))),
    setXAxisValues: (range: XRange) =>
      ctx.enqueue(path, 'call', 'setXAxisValues', (range as unknown as RangeProxy).path, '1.7', () => {
        series().categories = dataOf(range, path);
      }),
  } as unknown as XChartSeries;
  setter(proxy.format.line, 'color', (v: string) =>
    ctx.enqueue(`${path}.format.line`, 'set', 'color', v, '1.1', () => (series().line = v)),
  );
  setter(proxy, 'name', (v: string) => ctx.enqueue(path, 'set', 'name', v, '1.1', () => (series().name = v)));
  return proxy;
}

/** worksheet.charts for one worksheet proxy of the fake. */
export function fakeChartCollection(sheet: SheetProxy): XChartCollection {
  const { ctx } = sheet;
  let added = 0;
  return {
    add(type, sourceData, seriesBy = 'Auto') {
      const path = `${sheet.path}.charts.add#${added++}`;
      const chart: FakeChart = { type, legend: {}, categoryAxis: {}, valueAxis: {}, series: [] };
      ctx.enqueue(`${sheet.path}.charts`, 'call', 'add', [type, (sourceData as unknown as RangeProxy).path, seriesBy], '1.1', () => {
        if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `The chart type ${type} is not valid.`, path);
        const live = sheet.live();
        const data = dataOf(sourceData, path);
        // One row or one column is one series (what the renderer passes); its cells are the values.
        chart.series.push({ values: data });
        charts.set(live, [...chartsOn(live), chart]);
      });
      const seriesAt = (index: number) => () => {
        const s = chart.series[index];
        if (!s) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", `${path}.series[${index}]`);
        return s;
      };
      const proxy = {
        title: {},
        legend: {},
        axes: {
          categoryAxis: axisProxy(ctx, `${path}.axes.categoryAxis`, chart.categoryAxis),
          valueAxis: axisProxy(ctx, `${path}.axes.valueAxis`, chart.valueAxis),
        },
        series: {
          getItemAt: (index: number) => seriesProxy(ctx, `${path}.series.getItemAt(${index})`, seriesAt(index)),
          add: (name?: string) => {
            const index = { value: -1 };
            ctx.enqueue(`${path}.series`, 'call', 'add', name ?? null, '1.7', () => {
              index.value = chart.series.push({ name }) - 1;
            });
            return seriesProxy(ctx, `${path}.series.add(${JSON.stringify(name ?? '')})`, () => seriesAt(index.value)());
          },
        },
        setPosition: (start: XRange | string, end?: XRange | string) => {
          const address = (a: XRange | string | undefined) =>
            typeof a === 'string' || a === undefined ? a : (a as unknown as RangeProxy).path;
          ctx.enqueue(path, 'call', 'setPosition', [address(start), address(end)], '1.1', () => {
            if (typeof start !== 'string' || (end !== undefined && typeof end !== 'string'))
              throw new Error(`${path}.setPosition: the fake takes cell addresses such as "C3"`);
            chart.topLeft = start;
            chart.bottomRight = end;
          });
        },
      } as unknown as XChart;
      setter(proxy, 'name', (v: string) => ctx.enqueue(path, 'set', 'name', v, '1.1', () => (chart.name = v)));
      setter(proxy.title, 'text', (v: string) => ctx.enqueue(`${path}.title`, 'set', 'text', v, '1.1', () => (chart.title = v)));
      setter(proxy.legend, 'visible', (v: boolean) =>
        ctx.enqueue(`${path}.legend`, 'set', 'visible', v, '1.1', () => (chart.legend.visible = v)),
      );
      setter(proxy.legend, 'position', (v: string) =>
        ctx.enqueue(`${path}.legend`, 'set', 'position', v, '1.1', () => (chart.legend.position = v)),
      );
      return proxy;
    },
  };
}
