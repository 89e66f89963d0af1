/**
 * The formats of a sheet plan as writes: styles, column widths and row heights,
 * hidden helper columns and key rows, merges, dropdowns (list validation
 * sourced from a range), conditional formats (one rule per block), frozen
 * panes, print setup (titles, orientation, one page wide), tab colour and
 * charts (chartWrites.ts).
 */
import type { BorderSide, XConditionalRangeFormat, XRange } from './excelApi';
import { FormatWrite, quoted, rangeOf } from './writes';
import type { WriteOp } from './writes';
import type { CellStyle, ConditionalFormat, ColorPoint, ListValidation, SheetPlan } from '../core/layouts/plan';
import { rectRef } from '../core/layouts/a1';
import { chartWrites } from './chartWrites';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const CELL_VALUE_OPERATOR = {
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqual',
  between: 'Between',
} as const;

export function color(rrggbb: string): string {
  return rrggbb.startsWith('#') ? rrggbb : `#${rrggbb}`;
}

/** Excel column width in characters to Office.js points: 7 px per character plus 5 px padding, at 0.75 pt per px. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Applies a style to a range; returns how many actions it queued. */
export function applyStyle(range: XRange, style: CellStyle, rows: number, cols: number): number {
  let n = 0;
  const f = range.format;
  if (style.bold !== undefined) ((f.font.bold = style.bold), n++);
  if (style.italic !== undefined) ((f.font.italic = style.italic), n++);
  if (style.fontColor) ((f.font.color = color(style.fontColor)), n++);
  if (style.fontSize) ((f.font.size = style.fontSize), n++);
  if (style.fill) ((f.fill.color = color(style.fill)), n++);
  if (style.wrap !== undefined) ((f.wrapText = style.wrap), n++);
  if (style.hAlign) ((f.horizontalAlignment = H_ALIGN[style.hAlign]), n++);
  if (style.vAlign) ((f.verticalAlignment = V_ALIGN[style.vAlign]), n++);
  if (style.rotate !== undefined) ((f.textOrientation = style.rotate), n++);
  // A 1 x 1 array is copied to every cell of the range (Office.js "single input copy").
  if (style.numberFormat) ((range.numberFormat = [[style.numberFormat]]), n++);
  if (style.border === 'thin') {
    const sides: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (cols > 1) sides.push('InsideVertical');
    if (rows > 1) sides.push('InsideHorizontal');
    for (const side of sides) {
      const b = f.borders.getItem(side);
      b.style = 'Continuous';
      b.weight = 'Thin';
      n += 2;
    }
  }
  return n;
}

function ruleValue(v: number | string): string {
  return typeof v === 'number' ? `=${v}` : `="${v.replace(/"/g, '""')}"`;
}

function criterion(p: ColorPoint): Excel.ConditionalColorScaleCriterion {
  switch (p.kind) {
    case 'min':
      return { type: 'LowestValue', color: color(p.color) };
    case 'max':
      return { type: 'HighestValue', color: color(p.color) };
    case 'number':
      return { type: 'Number', formula: String(p.value ?? 0), color: color(p.color) };
    case 'percentile':
      return { type: 'Percentile', formula: String(p.value ?? 50), color: color(p.color) };
  }
}

function setRuleStyle(format: XConditionalRangeFormat, style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>): void {
  if (style.fill) format.fill.color = color(style.fill);
  if (style.fontColor) format.font.color = color(style.fontColor);
  if (style.bold !== undefined) format.font.bold = style.bold;
}

/** One conditional-format rule over its block. */
export function applyConditionalFormat(range: XRange, cf: ConditionalFormat, formula: (f: string) => string): void {
  switch (cf.kind) {
    case 'colorScale': {
      if (cf.points.length < 2 || cf.points.length > 3) throw new Error(`a colour scale needs 2 or 3 points, not ${cf.points.length}`);
      const rule = range.conditionalFormats.add('ColorScale');
      const [first, ...rest] = cf.points;
      const last = rest[rest.length - 1];
      rule.colorScale.criteria = {
        minimum: criterion(first),
        ...(cf.points.length === 3 ? { midpoint: criterion(cf.points[1]) } : {}),
        maximum: criterion(last),
      };
      return;
    }
    case 'cellValue': {
      const rule = range.conditionalFormats.add('CellValue');
      rule.cellValue.rule = {
        operator: CELL_VALUE_OPERATOR[cf.operator],
        formula1: ruleValue(cf.values[0]),
        ...(cf.values.length > 1 ? { formula2: ruleValue(cf.values[1]) } : {}),
      };
      setRuleStyle(rule.cellValue.format, cf.style);
      return;
    }
    case 'formula': {
      const rule = range.conditionalFormats.add('Custom');
      rule.custom.rule.formula = `=${formula(cf.formula)}`;
      setRuleStyle(rule.custom.format, cf.style);
      return;
    }
  }
}

export function applyListValidation(range: XRange, v: ListValidation, formula: (f: string) => string): void {
  range.dataValidation.rule = { list: { inCellDropDown: true, source: `=${formula(v.source)}` } };
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.title ?? 'Not a valid level', message: v.errorMessage };
  if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: v.title ?? '', message: v.prompt };
}

/** Consecutive columns (or rows) of the same size become one write. */
function runs<T extends { at: number; size: number }>(items: T[]): { at: number; count: number; size: number }[] {
  const sorted = items.slice().sort((a, b) => a.at - b.at);
  const out: { at: number; count: number; size: number }[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && last.at + last.count === it.at && last.size === it.size) last.count++;
    else out.push({ at: it.at, count: 1, size: it.size });
  }
  return out;
}

export interface FormatContext {
  target: number;
  /** The sheet's final name, for messages. */
  label: string;
  styles: Record<string, CellStyle>;
  /** Rewrites sheet references for the names the sheets are built under. */
  formula: (f: string) => string;
  warn(message: string): void;
}

export function formatWrites(sheet: SheetPlan, cx: FormatContext): WriteOp[] {
  const out: WriteOp[] = [];
  const at = (what: string) => `${what} on ${quoted(cx.label)}`;
  for (const sb of sheet.styles) {
    const style = cx.styles[sb.style];
    if (!style) {
      cx.warn(`The style "${sb.style}" used on ${quoted(cx.label)} is not defined, so ${rectRef(sb.range)} keeps Excel's default look.`);
      continue;
    }
    const actions = Object.keys(style).length + (style.border ? 12 : 0);
    out.push(
      new FormatWrite(cx.target, at(`the format of ${rectRef(sb.range)}`), style, actions, (ws) =>
        applyStyle(rangeOf(ws, sb.range), style, sb.range.rows, sb.range.cols),
      ),
    );
  }
  for (const r of runs(sheet.columnWidths.map((c) => ({ at: c.col, size: c.width })))) {
    out.push(
      new FormatWrite(cx.target, at('column widths'), r, 1, (ws) => {
        ws.getRangeByIndexes(0, r.at, 1, r.count).format.columnWidth = columnWidthPoints(r.size);
      }),
    );
  }
  for (const r of runs((sheet.rowHeights ?? []).map((h) => ({ at: h.row, size: h.height })))) {
    out.push(
      new FormatWrite(cx.target, at('row heights'), r, 1, (ws) => {
        ws.getRangeByIndexes(r.at, 0, r.count, 1).format.rowHeight = r.size;
      }),
    );
  }
  // Hidden runs are their own writes: a run of widths may mix hidden and shown columns.
  for (const r of runs(sheet.columnWidths.filter((c) => c.hidden).map((c) => ({ at: c.col, size: 0 })))) {
    out.push(
      new FormatWrite(cx.target, at('hidden columns'), r, 1, (ws) => {
        ws.getRangeByIndexes(0, r.at, 1, r.count).columnHidden = true;
      }),
    );
  }
  for (const r of runs((sheet.rowHeights ?? []).filter((h) => h.hidden).map((h) => ({ at: h.row, size: 0 })))) {
    out.push(
      new FormatWrite(cx.target, at('hidden rows'), r, 1, (ws) => {
        ws.getRangeByIndexes(r.at, 0, r.count, 1).rowHidden = true;
      }),
    );
  }
  for (const m of sheet.merges ?? []) {
    out.push(new FormatWrite(cx.target, at(`merging ${rectRef(m)}`), m, 1, (ws) => rangeOf(ws, m).merge(false)));
  }
  for (const v of sheet.validations) {
    out.push(
      new FormatWrite(cx.target, at(`the dropdown in ${rectRef(v.range)}`), v, 5, (ws) =>
        applyListValidation(rangeOf(ws, v.range), v, cx.formula),
      ),
    );
  }
  for (const cf of sheet.conditionalFormats) {
    out.push(
      new FormatWrite(cx.target, at(`the ${cf.kind} rule on ${rectRef(cf.range)}`), cf, 5, (ws) =>
        applyConditionalFormat(rangeOf(ws, cf.range), cf, cx.formula),
      ),
    );
  }
  const freeze = sheet.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    out.push(
      new FormatWrite(cx.target, at('frozen panes'), freeze, 2, (ws) => {
        if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
        else ws.freezePanes.freezeColumns(freeze.cols);
      }),
    );
  }
  out.push(...printSetupWrites(sheet, cx, at));
  out.push(...chartWrites(sheet, cx.target, at));
  const tab = sheet.tabColor;
  if (tab) out.push(new FormatWrite(cx.target, at('tab colour'), tab, 1, (ws) => (ws.tabColor = color(tab))));
  return out;
}

/** Print titles, landscape and "fit to one page wide" (ExcelApi 1.9, which every Excel that loads the add-in has). */
function printSetupWrites(sheet: SheetPlan, cx: FormatContext, at: (what: string) => string): WriteOp[] {
  const titles = sheet.printTitleRows;
  const out: WriteOp[] = [];
  if (titles)
    out.push(
      new FormatWrite(cx.target, at('print titles'), titles, 1, (ws) =>
        ws.pageLayout.setPrintTitleRows(`$${titles[0] + 1}:$${titles[1] + 1}`),
      ),
    );
  if (sheet.landscape)
    out.push(new FormatWrite(cx.target, at('page orientation'), 'Landscape', 1, (ws) => (ws.pageLayout.orientation = 'Landscape')));
  if (sheet.fitToWidth) {
    // Zero pages tall is "automatic" (as fitToHeight="0" in the file format): as many pages down as the rows need.
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    out.push(new FormatWrite(cx.target, at('fitting to one page wide'), zoom, 1, (ws) => (ws.pageLayout.zoom = zoom)));
  }
  return out;
}
