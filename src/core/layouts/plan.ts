/**
 * A layout plan: everything the product writes into a workbook, as plain data.
 * Core computes it once; a renderer (Office.js in the add-in, ExcelJS for files)
 * walks it and applies it without making any decision of its own.
 *
 * Coordinates are 0-based (row 0, column 0 is A1). Content is stored in
 * rectangular blocks of 2-D arrays so a 5,000 x 40 grid is a few arrays, not a
 * million objects, and so the Office.js renderer can assign whole ranges at once.
 */

import type { PlacedCell } from '../cycle/ratedRecord';
import type { GridRecord } from './gridRecords';
import type { CycleRecords } from '../cycle/identity';

/** A rectangle on a sheet, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A formula, written without the leading "=" in A1 style; `result` is core's value for it. */
export interface FormulaCell {
  formula: string;
  result?: number | string | null;
}

/**
 * A cell's content. Strings are always text, whatever they start with: a
 * renderer must never let "=...", "+...", "-..." or "@..." become a formula.
 */
export type PlanCell = string | number | boolean | null | FormulaCell;

export function isFormula(cell: PlanCell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null;
}

/** A block of content whose top-left cell is `at`. Rows may be ragged; missing cells are left alone. */
export interface CellBlock {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string; // "RRGGBB"
  fill?: string; // "RRGGBB"
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  numberFormat?: string; // e.g. "0%", "0.0"
  border?: 'thin';
  fontSize?: number;
  rotate?: number; // text rotation in degrees, e.g. 90 for vertical headers
  /** A cell people may type into when the sheet is protected (every other cell stays locked). */
  unlocked?: boolean;
}

/** A style applied to a rectangle, by id into the plan's style table. */
export interface StyleBlock {
  range: Rect;
  style: string;
}

/** A dropdown of valid levels, sourced from a range (never an inline list). */
export interface ListValidation {
  range: Rect;
  /** An absolute A1 reference with its sheet, e.g. "'Scale'!$B$2:$B$6" (no leading "="). */
  source: string;
  title?: string;
  prompt?: string;
  errorMessage: string;
}

export interface ColorPoint {
  kind: 'min' | 'max' | 'number' | 'percentile';
  value?: number;
  color: string; // "RRGGBB"
}

/** One rule per block, never per cell and never whole columns. */
export type ConditionalFormat =
  | { kind: 'colorScale'; range: Rect; points: ColorPoint[] }
  | {
      kind: 'cellValue';
      range: Rect;
      operator: 'equal' | 'notEqual' | 'greaterThan' | 'greaterThanOrEqual' | 'lessThan' | 'lessThanOrEqual' | 'between';
      values: (number | string)[];
      style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
    }
  | {
      /** A formula relative to the range's top-left cell, without "=", true where the style applies. */
      kind: 'formula';
      range: Rect;
      formula: string;
      style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>;
    };

export interface ColumnWidth {
  col: number;
  width: number; // in characters, as Excel's column width
  /** Helper columns the formulas need but people need not see (e.g. a role's row number). */
  hidden?: boolean;
}

/**
 * Cells people fill in (ratings), keyed so that a regenerated grid can carry
 * every rating over: rowKeys[i] x colKeys[j] names the cell at (range.row + i, range.col + j).
 */
export interface InputRegion {
  id: string;
  range: Rect;
  rowKeys: string[];
  colKeys: string[];
  /**
   * Cells left blank on purpose: a person cleared them in the workbook and a rebuild kept that over
   * a roster's rating. The registry records them as decided, like a rating, so the next rebuild
   * keeps them blank too instead of taking them for never rated.
   */
  cleared?: { rowKey: string; colKey: string }[];
}

/**
 * A native chart drawn over a sheet, reading that sheet's own cells, so an edit
 * redraws it. Ranges are rectangles of the chart's sheet: a renderer names
 * the sheet as it wrote it. Colours come from the plan's chart palette
 * (chartPalette.ts), never from the renderer.
 */
export type ChartKind = 'clusteredColumn' | 'clusteredBar' | 'radar';

export interface ChartSeries {
  /** The legend text. */
  name: string;
  /** One row or one column of values, as long as the chart's categories. */
  values: Rect;
  color: string; // "RRGGBB"
  /** Plus-and-minus error bars read from these cells (same shape as `values`), where a renderer can draw them. */
  errorBars?: Rect;
}

export interface ChartPlan {
  /** Stable and unique in the plan: "calibration-distribution"; renderers name the chart after it. */
  id: string;
  kind: ChartKind;
  title: string;
  /** The cells the chart covers. */
  anchor: Rect;
  /** One row or one column of category labels. */
  categories: Rect;
  series: ChartSeries[];
  axisTitles?: { category?: string; value?: string };
  /** The value axis' number format, e.g. "0%". */
  valueFormat?: string;
  /** Fixed value-axis bounds (a radar of levels runs from 0 to the top value). */
  valueAxis?: { min?: number; max?: number };
  /** Bars: the first category at the top (Excel draws it at the bottom by default). */
  firstCategoryOnTop?: boolean;
}

/** Both renderers name a chart's shape so: how the product tells its own charts from anyone else's. */
export const PRODUCT_CHART_PREFIX = 'competency-matrix:';

export function chartShapeName(chart: Pick<ChartPlan, 'id'>): string {
  return `${PRODUCT_CHART_PREFIX} ${chart.id}`;
}

export type SheetKind =
  | 'matrix'
  | 'scale'
  | 'descriptors'
  | 'roles'
  | 'grid'
  | 'calibration'
  | 'framework-data'
  /** A calibration cycle's ratings, kept for comparison. */
  | 'snapshot'
  /** Ratings a regeneration could not place (unplacedRatingsSheet.ts). */
  | 'unplaced'
  /** A cycle master's self-assessments beside the manager ratings (cycle/selfRatingsSheet.ts). */
  | 'self-ratings'
  /** A cycle master's collection report (cycle/collectionSheet.ts). */
  | 'collection'
  /** A calibration meeting's decision log (calibration/meeting/decisionLog.ts). */
  | 'decisions';

export interface SheetPlan {
  /** The name the product would like; renderers make it unique and valid (see sheetNames.ts). */
  name: string;
  kind: SheetKind;
  blocks: CellBlock[];
  styles: StyleBlock[];
  columnWidths: ColumnWidth[];
  /** Heights in points; `hidden` hides a machine-readable row (e.g. a grid's key row). */
  rowHeights?: { row: number; height: number; hidden?: boolean }[];
  merges?: Rect[];
  freeze?: { rows: number; cols: number };
  validations: ListValidation[];
  conditionalFormats: ConditionalFormat[];
  inputs?: InputRegion[];
  /** Rows (0-based, inclusive) repeated at the top of each printed page. */
  printTitleRows?: [number, number];
  landscape?: boolean;
  /** Print the sheet one page wide (as many pages tall as it needs). */
  fitToWidth?: boolean;
  hidden?: boolean;
  tabColor?: string;
  /**
   * Protect the sheet: only cells styled `unlocked` can be typed into. The
   * password, if any, is the renderer's option, never part of a plan.
   */
  protect?: boolean;
  /** Notes (Excel's cell comments) on single cells: text only. */
  notes?: { row: number; col: number; text: string }[];
  /** Native charts over this sheet's cells. */
  charts?: ChartPlan[];
}

/** A workbook-level defined name. */
export interface NamedRange {
  name: string;
  /** Absolute A1 reference with its sheet, without "=". */
  ref: string;
  comment?: string;
}

export interface LayoutPlan {
  /** What this plan builds, for messages: "MIT DevOps matrix", "Team grid (25 people)". */
  title: string;
  sheets: SheetPlan[];
  names: NamedRange[];
  styles: Record<string, CellStyle>;
  /** The workbook's team grids once this plan is written (a plan that builds a grid says so): the registry's grid records. */
  grids?: GridRecord[];
  /** The workbook's assessment-cycle records once this plan is written (a collect updates them); absent: kept as they are. */
  cycle?: CycleRecords;
  /**
   * Cells a collect fills in sheets the plan does not rebuild: the registry's rated record marks
   * them rated (core/cycle/ratedRecord.ts), so a later rebuild treats them as decided.
   */
  ratedCells?: PlacedCell[];
}

/** Counts a renderer can report without looking at the workbook. */
export function planSize(plan: LayoutPlan): { sheets: number; cells: number; formulas: number } {
  let cells = 0;
  let formulas = 0;
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (const row of b.cells) {
        cells += row.length;
        for (const c of row) if (isFormula(c)) formulas++;
      }
    }
  }
  return { sheets: plan.sheets.length, cells, formulas };
}
