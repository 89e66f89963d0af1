/**
 * The part of the Excel JavaScript API (Office.js) the product uses, as types.
 * Member types are taken from @types/office-js, and the check at the bottom
 * makes the compiler prove that the real `Excel.RequestContext` fits this
 * shape: the renderer is written against these types, so it runs unchanged on
 * real Excel and on the recording fake the tests use (tests/fakes/excelFake.ts).
 *
 * Requirement sets (ExcelApi) noted where a member needs more than 1.1.
 */

export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export type XRangeFill = Pick<Excel.RangeFill, 'color'>;
export type XRangeFont = Pick<Excel.RangeFont, 'bold' | 'italic' | 'color' | 'size'>;
export type XRangeBorder = Pick<Excel.RangeBorder, 'style' | 'weight' | 'color'>;

export interface XRangeBorderCollection {
  getItem(index: BorderSide): XRangeBorder;
}

/** columnWidth and rowHeight: 1.2; textOrientation: 1.7. */
export interface XRangeFormat extends Pick<
  Excel.RangeFormat,
  'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'textOrientation' | 'columnWidth' | 'rowHeight'
> {
  readonly fill: XRangeFill;
  readonly font: XRangeFont;
  readonly borders: XRangeBorderCollection;
}

export interface XConditionalRangeFormat {
  readonly fill: Pick<Excel.ConditionalRangeFill, 'color'>;
  readonly font: Pick<Excel.ConditionalRangeFont, 'color' | 'bold'>;
}

/** ExcelApi 1.6. */
export interface XConditionalFormat {
  readonly colorScale: Pick<Excel.ColorScaleConditionalFormat, 'criteria'>;
  readonly cellValue: Pick<Excel.CellValueConditionalFormat, 'rule'> & { readonly format: XConditionalRangeFormat };
  readonly custom: { readonly rule: Pick<Excel.ConditionalFormatRule, 'formula'>; readonly format: XConditionalRangeFormat };
}

export interface XConditionalFormatCollection {
  add(type: 'ColorScale' | 'CellValue' | 'Custom'): XConditionalFormat;
}

/** ExcelApi 1.8. */
export type XDataValidation = Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks'>;

/** columnHidden and rowHidden: ExcelApi 1.2. */
export interface XRange extends Pick<
  Excel.Range,
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'address'
  | 'rowCount'
  | 'columnCount'
  | 'rowIndex'
  | 'columnIndex'
  | 'isNullObject'
  | 'columnHidden'
  | 'rowHidden'
> {
  readonly format: XRangeFormat;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: XConditionalFormatCollection;
  /** ExcelApi 1.8. */
  readonly dataValidation: XDataValidation;
  readonly worksheet: XWorksheet;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  /** ExcelApi 1.7. */
  getSurroundingRegion(): XRange;
  load(propertyNames?: string | string[]): XRange;
}

/** ExcelApi 1.7. */
export interface XFreezePanes {
  freezeAt(frozenRange: XRange | string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
}

/** ExcelApi 1.9. `zoom` is set as a whole object (fit to pages wide and tall, or a scale). */
export interface XPageLayout extends Pick<Excel.PageLayout, 'orientation' | 'zoom'> {
  setPrintTitleRows(printTitleRows: string): void;
}

/**
 * Charts. Requirement sets (Microsoft's Excel JavaScript API reference):
 * charts.add, setPosition, name, titles, series name and colours, axis
 * minimum: ExcelApi 1.1; series.add, setValues, setXAxisValues and
 * axis.reversePlotOrder: 1.7; axis.numberFormat and axis.position: 1.8.
 */
export interface XChartAxis extends Pick<Excel.ChartAxis, 'minimum' | 'maximum' | 'reversePlotOrder' | 'numberFormat' | 'position'> {
  readonly title: Pick<Excel.ChartAxisTitle, 'text'>;
}

export interface XChartSeries extends Pick<Excel.ChartSeries, 'name'> {
  readonly format: { readonly fill: Pick<Excel.ChartFill, 'setSolidColor'>; readonly line: Pick<Excel.ChartLineFormat, 'color'> };
  setValues(sourceData: XRange): void;
  setXAxisValues(sourceData: XRange): void;
}

export interface XChart extends Pick<Excel.Chart, 'name'> {
  readonly title: Pick<Excel.ChartTitle, 'text'>;
  readonly axes: { readonly categoryAxis: XChartAxis; readonly valueAxis: XChartAxis };
  readonly legend: Pick<Excel.ChartLegend, 'visible' | 'position'>;
  readonly series: { add(name?: string): XChartSeries; getItemAt(index: number): XChartSeries };
  setPosition(startCell: XRange | string, endCell?: XRange | string): void;
}

export interface XChartCollection {
  add(type: 'ColumnClustered' | 'BarClustered' | 'Radar', sourceData: XRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XChart;
}

export interface XWorksheet extends Pick<
  Excel.Worksheet,
  'name' | 'id' | 'visibility' | 'position' | 'tabColor' | 'isNullObject' | 'delete' | 'activate'
> {
  readonly freezePanes: XFreezePanes;
  readonly pageLayout: XPageLayout;
  /** ExcelApi 1.1. */
  readonly charts: XChartCollection;
  getRange(address?: string): XRange;
  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  load(propertyNames?: string | string[]): XWorksheet;
}

export interface XWorksheetCollection {
  readonly items: XWorksheet[];
  add(name?: string): XWorksheet;
  getItem(key: string): XWorksheet;
  getActiveWorksheet(): XWorksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XWorksheet;
  load(propertyNames?: string | string[]): XWorksheetCollection;
}

/** formula: ExcelApi 1.7; comment: 1.4 (read to put a name back as it was, on undo). */
export interface XNamedItem extends Pick<Excel.NamedItem, 'name' | 'isNullObject' | 'delete' | 'formula' | 'comment'> {
  load(propertyNames?: string | string[]): XNamedItem;
}

export interface XNamedItemCollection {
  readonly items: XNamedItem[];
  /** ExcelApi 1.4. */
  add(name: string, reference: string, comment?: string): XNamedItem;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): XNamedItem;
  load(propertyNames?: string | string[]): XNamedItemCollection;
}

export interface XTable extends Pick<Excel.Table, 'name' | 'isNullObject'> {
  readonly worksheet: XWorksheet;
  getRange(): XRange;
  load(propertyNames?: string | string[]): XTable;
}

export interface XTableCollection {
  readonly items: XTable[];
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XTable;
  load(propertyNames?: string | string[]): XTableCollection;
}

export interface XApplication extends Pick<Excel.Application, 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync'> {
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void;
}

/** ExcelApi 1.9: the selection as one or more rectangular areas. */
export interface XRangeAreas extends Pick<Excel.RangeAreas, 'areaCount' | 'address'> {
  readonly worksheet: XWorksheet;
  load(propertyNames?: string | string[]): XRangeAreas;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  readonly names: XNamedItemCollection;
  readonly tables: XTableCollection;
  readonly application: XApplication;
  /** Throws at sync when several areas are selected. */
  getSelectedRange(): XRange;
  /** ExcelApi 1.9. */
  getSelectedRanges(): XRangeAreas;
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  sync<T>(passThroughValue?: T): Promise<T>;
}

/** Compile-time proof that real Office.js objects satisfy these types (fails `npm run typecheck` if they drift). */
type Fits<Subset, _Real extends Subset> = true;
export type ExcelFitsSubset = Fits<XRequestContext, Excel.RequestContext>;
