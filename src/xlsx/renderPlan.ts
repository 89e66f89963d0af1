/**
 * The ExcelJS renderer: writes a LayoutPlan into a workbook, sheet by sheet,
 * without any decision of its own. Strings are written as string cells (never
 * formulas, whatever they start with); a FormulaCell is written with core's
 * `result` as its cached value. Validations and conditional formats go in as
 * one rule per range. A plan sheet whose name is taken gets a unique name, and
 * every reference to it in formulas, dropdown sources and names follows.
 */
import { EXCEL_CELL_TEXT_MAX } from '../core/cellText';
import { clipText } from '../core/layouts/validationText';
import type {
  AddWorksheetOptions,
  Cell,
  CellValue,
  ConditionalFormattingRule,
  PageSetup,
  Workbook,
  Worksheet,
  WorksheetProperties,
} from 'exceljs';
import { stream } from 'exceljs';
import { Writable } from 'stream';
import './exceljsTypes';
import type { CellStyle, ConditionalFormat, LayoutPlan, PlanCell, SheetPlan } from '../core/layouts/plan';
import { rectRef } from '../core/layouts/a1';
import { uniqueSheetName } from '../core/layouts/sheetNames';
import { renameSheetRefs, sheetRenames, type SheetRenames } from '../core/layouts/sheetRefs';
import { excelStyle, type ExcelStyleParts } from './excelStyle';
import { addCharts, drawingPartName, planHasCharts, renderedCharts, wireDrawing } from './charts';

export interface RenderedSheet {
  plan: SheetPlan;
  worksheet: Worksheet;
  /** The name it was written under (the plan's, unless that was taken). */
  name: string;
}

export interface RenderResult {
  sheets: RenderedSheet[];
  /** Plan name (lower case) -> name written, for sheets that had to be renamed. */
  renames: SheetRenames;
}

export interface RenderOptions {
  /** Called after each sheet, for progress on large plans. */
  onSheet?: (name: string, index: number, count: number) => void;
  /** The password of sheets the plan protects; none by default (protection against accidents, not a lock). */
  password?: string;
}

/**
 * What a protected sheet still lets people do: select cells and resize rows
 * and columns. Inserting, deleting, sorting and filtering stay off, so a
 * person or competency cannot be moved off its key.
 */
const PROTECTION_ALLOWS = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  sort: false,
  autoFilter: false,
};

/** Excel's note limit is not stated; its cell limit (32,767 characters, "Excel specifications and limits") bounds the text we write. */
export const NOTE_MAX = EXCEL_CELL_TEXT_MAX;

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function cellValue(cell: PlanCell, rename: (f: string) => string): CellValue | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'object') {
    const formula = rename(cell.formula);
    return cell.result === undefined || cell.result === null
      ? { formula, date1904: false }
      : { formula, result: cell.result, date1904: false };
  }
  return cell; // string, number or boolean: a string cell stays text
}

function applyParts(cell: Cell, parts: ExcelStyleParts): void {
  if (parts.font) cell.font = cell.font ? { ...cell.font, ...parts.font } : parts.font;
  if (parts.fill) cell.fill = parts.fill;
  if (parts.alignment) cell.alignment = cell.alignment ? { ...cell.alignment, ...parts.alignment } : parts.alignment;
  if (parts.numFmt) cell.numFmt = parts.numFmt;
  if (parts.border) cell.border = parts.border;
  if (parts.protection) cell.protection = parts.protection;
}

function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function differentialStyle(style: Pick<CellStyle, 'fill' | 'fontColor' | 'bold'>): ConditionalFormattingRule['style'] {
  const out: NonNullable<ConditionalFormattingRule['style']> = {};
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } };
  if (style.fontColor || style.bold !== undefined) {
    out.font = {};
    if (style.fontColor) out.font.color = { argb: argb(style.fontColor) };
    if (style.bold !== undefined) out.font.bold = style.bold;
  }
  return out;
}

function conditionalRule(cf: ConditionalFormat, rename: (f: string) => string): ConditionalFormattingRule {
  switch (cf.kind) {
    case 'colorScale':
      return {
        type: 'colorScale',
        priority: 0,
        cfvo: cf.points.map((p) =>
          p.kind === 'min' || p.kind === 'max' ? { type: p.kind } : { type: p.kind === 'number' ? 'num' : 'percentile', value: p.value },
        ),
        color: cf.points.map((p) => ({ argb: argb(p.color) })),
      } as ConditionalFormattingRule;
    case 'cellValue':
      return {
        type: 'cellIs',
        priority: 0,
        operator: cf.operator,
        formulae: cf.values.map((v) => (typeof v === 'number' ? String(v) : quoteText(v))),
        style: differentialStyle(cf.style),
      } as ConditionalFormattingRule;
    case 'formula':
      return {
        type: 'expression',
        priority: 0,
        formulae: [rename(cf.formula)],
        style: differentialStyle(cf.style),
      } as ConditionalFormattingRule;
  }
}

/** What both ExcelJS sheet kinds offer: an in-memory Worksheet and a streaming WorksheetWriter. */
type SheetTarget = Pick<Worksheet, 'getRow' | 'getColumn' | 'mergeCells' | 'dataValidations' | 'addConditionalFormatting' | 'protect'>;

/** A sheet's options at creation: visibility, tab colour, frozen panes, page setup. */
export function worksheetOptions(sheet: SheetPlan): Partial<AddWorksheetOptions> {
  const pageSetup: Partial<PageSetup> = {};
  if (sheet.printTitleRows) pageSetup.printTitlesRow = `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}`;
  if (sheet.landscape) pageSetup.orientation = 'landscape';
  if (sheet.fitToWidth) Object.assign(pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  return {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? ({ tabColor: { argb: argb(sheet.tabColor) } } as Partial<WorksheetProperties>) : {},
    views:
      sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols)
        ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
        : [],
    pageSetup,
  };
}

/**
 * Writes one sheet row by row, top to bottom: every row gets its values,
 * styles and height before the next, so a streaming writer can commit (and
 * forget) each row as it goes. Merges, dropdowns and heatmaps go first.
 * It yields after each row, so a streaming caller can let the zip take
 * what was written before it goes on.
 */
function* renderSheet(
  ws: SheetTarget,
  sheet: SheetPlan,
  styles: Record<string, CellStyle>,
  rename: (f: string) => string,
  commitRows: boolean,
  password?: string,
): Generator<number, void> {
  // Synchronous in ExcelJS (the promise resolves at once), and it must precede the streaming writer's first row.
  if (sheet.protect) void ws.protect(password ?? '', { ...PROTECTION_ALLOWS, ...(password ? { spinCount: 10000 } : {}) });
  for (const w of sheet.columnWidths) {
    const column = ws.getColumn(w.col + 1);
    column.width = w.width;
    if (w.hidden) column.hidden = true;
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const v of sheet.validations) {
    ws.dataValidations.add(rectRef(v.range), {
      type: 'list',
      allowBlank: true,
      formulae: [rename(v.source)],
      showErrorMessage: true,
      errorStyle: 'stop',
      // Core has fitted these texts to Excel's lengths (core/layouts/validationText.ts).
      errorTitle: v.title,
      error: v.errorMessage,
      showInputMessage: v.prompt !== undefined,
      promptTitle: v.title,
      prompt: v.prompt,
    });
  }
  for (const cf of sheet.conditionalFormats) ws.addConditionalFormatting({ ref: rectRef(cf.range), rules: [conditionalRule(cf, rename)] });

  const parts = new Map<string, ExcelStyleParts>();
  const partsOf = (id: string) => {
    let p = parts.get(id);
    if (!p) {
      const style = styles[id];
      if (!style) throw new Error(`layout plan: sheet "${sheet.name}" names an unknown style "${id}"`);
      parts.set(id, (p = excelStyle(style)));
    }
    return p;
  };
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h]));
  const notes = new Map<number, { col: number; text: string }[]>();
  for (const n of sheet.notes ?? []) notes.set(n.row, [...(notes.get(n.row) ?? []), n]);
  let last = -1;
  for (const b of sheet.blocks) last = Math.max(last, b.row + b.cells.length - 1);
  for (const st of sheet.styles) last = Math.max(last, st.range.row + st.range.rows - 1);
  for (const h of heights.keys()) last = Math.max(last, h);
  for (const n of sheet.notes ?? []) last = Math.max(last, n.row);
  // Blocks and style ranges by the row they start on, so each row looks only at those covering it
  // (a pack's sheet can have thousands of one-row ranges).
  const startsAt = <T>(list: readonly T[], top: (x: T) => number) => {
    const by = new Map<number, T[]>();
    list.forEach((x) => {
      const at = Math.max(0, top(x));
      const bucket = by.get(at);
      if (bucket) bucket.push(x);
      else by.set(at, [x]);
    });
    return by;
  };
  const blockStarts = startsAt(sheet.blocks, (b) => b.row);
  const styleStarts = startsAt(sheet.styles, (st) => st.range.row);
  const blockOrder = new Map(sheet.blocks.map((b, i) => [b, i]));
  const styleOrder = new Map(sheet.styles.map((st, i) => [st, i]));
  let blocks: SheetPlan['blocks'] = [];
  let styleRanges: SheetPlan['styles'] = [];
  for (let r = 0; r <= last; r++) {
    const row = ws.getRow(r + 1);
    // Keep plan order within a row (later ranges win), as the plan lists them.
    const newBlocks = blockStarts.get(r);
    blocks = blocks.filter((b) => r < b.row + b.cells.length);
    if (newBlocks) blocks = [...blocks, ...newBlocks].sort((a, b) => blockOrder.get(a)! - blockOrder.get(b)!);
    const newStyles = styleStarts.get(r);
    styleRanges = styleRanges.filter((st) => r < st.range.row + st.range.rows);
    if (newStyles) styleRanges = [...styleRanges, ...newStyles].sort((a, b) => styleOrder.get(a)! - styleOrder.get(b)!);
    for (const b of blocks) {
      const line = b.cells[r - b.row];
      if (!line) continue;
      for (let j = 0; j < line.length; j++) {
        const value = cellValue(line[j], rename);
        if (value !== undefined) row.getCell(b.col + j + 1).value = value;
      }
    }
    for (const st of styleRanges) {
      const { row: top, col, rows, cols } = st.range;
      if (r < top || r >= top + rows) continue;
      const p = partsOf(st.style);
      for (let c = col; c < col + cols; c++) applyParts(row.getCell(c + 1), p);
    }
    for (const n of notes.get(r) ?? []) row.getCell(n.col + 1).note = clipText(n.text, NOTE_MAX);
    const h = heights.get(r);
    if (h) {
      row.height = h.height;
      if (h.hidden) row.hidden = true;
    }
    if (commitRows) row.commit();
    yield r;
  }
}

/** Rows written between two turns of the event loop while streaming (the zip compresses meanwhile). */
const ROWS_PER_TURN = 500;

/**
 * ExcelJS's streaming sheet keeps the model of every formula cell it has
 * written, by address, in case a later cell shares its formula
 * (lib/stream/xlsx/worksheet-writer.js `_formulae`, ExcelJS 4.4). A plan never
 * writes shared formulas, so once rows are committed those models are only
 * memory: for a 50,000-person calibration pack, most of the heap. Emptied as
 * the rows are written.
 */
export function forgetWrittenFormulas(worksheet: unknown): void {
  const sheet = worksheet as { _formulae?: Record<string, unknown> };
  if (sheet._formulae && typeof sheet._formulae === 'object') sheet._formulae = {};
}

/** A stream's queued bytes on both sides (Node's getters, or the readable-stream 2.x state ExcelJS's archiver uses). */
interface QueuedStream {
  writableLength?: number;
  readableLength?: number;
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * Bytes of a streaming sheet's XML written but not yet taken by the zip.
 * ExcelJS 4.4 writes each sheet into a StreamBuf (lib/utils/stream-buf.js),
 * which hands every 64 KB on to the archiver's PassThrough for that entry
 * (archiver-utils `normalizeInputSource`) without waiting for it to drain.
 * The zip deflates on the thread pool, one chunk per turn of the event loop,
 * so while rows are written it falls behind: for a 50,000-person pack about
 * 0.45 GB of sheet XML waited unpacked in that PassThrough by the last sheet.
 */
export function zipBacklog(worksheet: unknown): number {
  const stream = (worksheet as { _stream?: { buffers?: { length: number }[]; pipes?: QueuedStream[] } })._stream;
  if (!stream) return 0;
  let bytes = 0;
  for (const b of stream.buffers ?? []) bytes += b.length;
  for (const p of stream.pipes ?? []) {
    bytes += p.writableLength ?? p._writableState?.length ?? 0;
    bytes += p.readableLength ?? p._readableState?.length ?? 0;
  }
  return bytes;
}

/** The sheet XML that may wait for the zip before writing waits for it to catch up. */
const ZIP_BACKLOG_MAX = 8 * 1024 * 1024;
/** Polls without the backlog moving before writing goes on anyway: it never waits on a zip that has stopped taking data. */
const ZIP_STALL_POLLS = 400;
const ZIP_POLL_MS = 5;

/**
 * Waits while the zip is more than `most` bytes behind this sheet. A timer,
 * unlike setImmediate, lets the event loop wait for the thread pool, so the
 * deflate gets on while nothing else runs.
 */
async function letZipCatchUp(worksheet: unknown, most: number): Promise<void> {
  let backlog = zipBacklog(worksheet);
  for (let still = 0; backlog > most && still < ZIP_STALL_POLLS;) {
    await new Promise<void>((go) => setTimeout(go, ZIP_POLL_MS));
    const now = zipBacklog(worksheet);
    still = now === backlog ? still + 1 : 0;
    backlog = now;
  }
}

/** Sheet names for a plan, unique against those taken; and the renames formulas must follow. */
function planNames(plan: LayoutPlan, taken: string[]): { names: string[]; renames: SheetRenames } {
  const names = plan.sheets.map((s) => {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    return name;
  });
  return { names, renames: sheetRenames(plan.sheets.map((s, i) => [s.name, names[i]] as [string, string])) };
}

/** Writes a plan into an in-memory workbook (one that may already hold sheets). */
export function renderPlan(workbook: Workbook, plan: LayoutPlan, options: RenderOptions = {}): RenderResult {
  const taken = workbook.worksheets.map((w) => w.name);
  const { names, renames } = planNames(plan, taken);
  const rename = (f: string) => renameSheetRefs(f, renames);

  const sheets: RenderedSheet[] = plan.sheets.map((sheet, i) => {
    const worksheet = workbook.addWorksheet(names[i], worksheetOptions(sheet));
    for (const _ of renderSheet(worksheet, sheet, plan.styles, rename, false, options.password));
    options.onSheet?.(names[i], i, plan.sheets.length);
    return { plan: sheet, worksheet, name: names[i] };
  });
  for (const n of plan.names) workbook.definedNames.add(rename(n.ref), n.name);
  return { sheets, renames };
}

/**
 * Writes a plan as a new workbook through ExcelJS's streaming writer: each
 * row is serialised and dropped as soon as it is complete, so a grid of
 * thousands of people takes a fraction of the memory of an in-memory
 * workbook. `extra` adds sheets after the plan's (the registry), and
 * `activeSheet` picks the tab the workbook opens on. Charts are added once
 * the zip is complete (ExcelJS writes none), so a plan with charts is held as
 * compressed bytes until then.
 */
export async function writePlanStream(
  plan: LayoutPlan,
  output: Writable,
  options: RenderOptions & {
    extra?: (workbook: stream.xlsx.WorkbookWriter, rendered: RenderResult) => void;
    activeSheet?: number;
    /** Sheet names already in the workbook these sheets will join (a splice): a plan sheet is renamed around them. */
    taken?: readonly string[];
    /** The most sheet XML (bytes) left waiting for the zip before writing waits for it; 8 MB unless given. */
    zipBacklogMax?: number;
  } = {},
): Promise<RenderResult> {
  const charted = planHasCharts(plan.sheets);
  const zipped: Buffer[] = [];
  const target = charted
    ? new Writable({
        write(chunk: Buffer, _encoding, done) {
          zipped.push(chunk);
          done();
        },
      })
    : output;
  const workbook = new stream.xlsx.WorkbookWriter({ stream: target, useStyles: true, useSharedStrings: true });
  const { names, renames } = planNames(plan, [...(options.taken ?? [])]);
  const rename = (f: string) => renameSheetRefs(f, renames);
  const sheets: RenderedSheet[] = [];
  const wired = new Map<string, string>();
  for (const [i, sheet] of plan.sheets.entries()) {
    const worksheet = workbook.addWorksheet(names[i], worksheetOptions(sheet));
    // Every few hundred rows the event loop turns, so the zip deflates the rows written
    // instead of holding a whole pack's XML unpacked until the last sheet is done.
    for (const r of renderSheet(worksheet, sheet, plan.styles, rename, true, options.password)) {
      if (r % ROWS_PER_TURN !== ROWS_PER_TURN - 1) continue;
      forgetWrittenFormulas(worksheet);
      await new Promise<void>((go) => setImmediate(go));
      await letZipCatchUp(worksheet, options.zipBacklogMax ?? ZIP_BACKLOG_MAX);
    }
    // The sheet points to its drawing as it streams, so adding the charts never unpacks its XML.
    if (sheet.charts?.length) {
      const drawing = drawingPartName(wired.size + 1);
      wireDrawing(worksheet, drawing);
      wired.set(names[i], drawing);
    }
    worksheet.commit();
    forgetWrittenFormulas(worksheet);
    options.onSheet?.(names[i], i, plan.sheets.length);
    sheets.push({ plan: sheet, worksheet, name: names[i] });
  }
  for (const n of plan.names) workbook.definedNames.add(rename(n.ref), n.name);
  const rendered = { sheets, renames };
  options.extra?.(workbook, rendered);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: options.activeSheet ?? 0, visibility: 'visible' }];
  await workbook.commit();
  if (charted) {
    const charts = renderedCharts(rendered).map((c) => ({ ...c, wiredDrawing: wired.get(c.sheet) }));
    const bytes = addCharts(Buffer.concat(zipped), charts);
    await new Promise<void>((done, fail) => {
      output.once('error', fail);
      output.end(bytes, () => done());
    });
  }
  return rendered;
}

/** writePlanStream into memory: the .xlsx bytes of the plan (and the extra sheets), for a splice into another file. */
export async function writePlanBytes(
  plan: LayoutPlan,
  options: Parameters<typeof writePlanStream>[2] = {},
): Promise<{ bytes: Buffer; rendered: RenderResult }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const rendered = await writePlanStream(plan, sink, options);
  return { bytes: Buffer.concat(chunks), rendered };
}
