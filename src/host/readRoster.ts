/**
 * Reading a roster from the workbook: the current selection (a single cell
 * stands for the block of data around it) or an Excel table. This only reads
 * raw rows, in slices sized from the measured responses (readSlices.ts), and
 * never more than the sheet's used range (a selection of whole columns asks
 * for a million rows); turning
 * them into a roster (header detection, trimming, duplicate ids, unknown roles)
 * is core's parseRoster, which `rosterFrom` calls with the place they came from.
 */
import type { XRange, XRequestContext, XWorksheet } from './excelApi';
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { DEFAULT_READ_BUDGET_BYTES } from './payload';
import { readRowsInSlices } from './readSlices';
import type { Rect } from '../core/layouts/plan';
import { rectRef } from '../core/layouts/a1';
import type { FrameworkModel } from '../core/framework/model';
import type { Roster, RosterOptions } from '../core/roster';
import { parseRoster } from '../core/roster';
import { CompetencyError, listForHumans } from '../core/problems';

/** Roster cells are names and titles: estimated longer than level codes. */
const ROSTER_BYTES_PER_CELL = 48;

export interface RosterRows {
  rows: unknown[][];
  sheet: string;
  /** The range read, without the sheet: "A1:F26". */
  address: string;
  /** The sheet row number (1-based) of rows[0], so problems name the rows people see. */
  firstRow: number;
  source: 'selection' | 'table';
  table?: string;
}

export interface ReadOptions {
  host?: ExcelHost;
  readBudgetBytes?: number;
}

/** 'Team A'!B2:F40 for messages. */
export function rosterPlace(r: RosterRows): string {
  const where = `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(r.sheet) ? r.sheet : `'${r.sheet.replace(/'/g, "''")}'`}!${r.address}`;
  return r.table ? `table "${r.table}" (${where})` : where;
}

async function readRows(
  ctx: XRequestContext,
  range: XRange,
  sheet: XWorksheet,
  budget: number,
): Promise<Omit<RosterRows, 'source' | 'table'>> {
  range.load('rowIndex,columnIndex,rowCount,columnCount');
  sheet.load('name');
  await ctx.sync();
  const rect = { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
  return readRect(ctx, sheet, sheet.name, rect, budget);
}

async function readRect(
  ctx: XRequestContext,
  sheet: XWorksheet,
  name: string,
  rect: Rect,
  budget: number,
): Promise<Omit<RosterRows, 'source' | 'table'>> {
  const rows = await readRowsInSlices(ctx, sheet, rect, {
    budgetBytes: budget,
    guessBytesPerCell: ROSTER_BYTES_PER_CELL,
    label: `“${name}”`,
  });
  return { rows, sheet: name, address: rectRef(rect), firstRow: rect.row + 1 };
}

/** The part of `a` inside `b`, or null when they do not meet. */
function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
  return rows > 0 && cols > 0 ? { row, col, rows, cols } : null;
}

function rectOf(range: XRange): Rect {
  return { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

function isBlank(rows: unknown[][]): boolean {
  return rows.every((r) => r.every((v) => v === '' || v === null || v === undefined));
}

/** The selected cells; a single selected cell stands for the block of data around it. */
export async function readRosterFromSelection(options: ReadOptions = {}): Promise<RosterRows> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx) => {
    // getSelectedRange throws when several areas are selected: look at the areas first.
    const areas = ctx.workbook.getSelectedRanges().load('areaCount,address');
    const sheet = areas.worksheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    if (areas.areaCount > 1) {
      const list = areas.address
        .split(',')
        .map((a) => a.slice(a.lastIndexOf('!') + 1).trim())
        .join(', ');
      throw new CompetencyError(
        'invalid-roster',
        `Several separate areas are selected (${list}). Select the roster as one block (a header row with id, name and role, then one row per person), or click a cell inside it, and try again.`,
      );
    }
    const selected = ctx.workbook.getSelectedRange().load('address,rowIndex,columnIndex,rowCount,columnCount');
    const around = selected.getSurroundingRegion().load('rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    const single = selected.rowCount === 1 && selected.columnCount === 1;
    const wanted = single ? rectOf(around) : rectOf(selected);
    // Whole columns (A:D) or rows select a million cells: only the used part holds a roster.
    const rect = used.isNullObject ? null : intersect(wanted, rectOf(used));
    const address = selected.address.slice(selected.address.lastIndexOf('!') + 1);
    const read = rect
      ? await readRect(ctx, sheet, sheet.name, rect, budget)
      : { rows: [], sheet: sheet.name, address, firstRow: wanted.row + 1 };
    if (isBlank(read.rows)) {
      throw new CompetencyError(
        'invalid-roster',
        'The selection is empty. Select the roster (a header row with id, name and role, then one row per person), or click a cell inside it, and try again.',
        read.address,
      );
    }
    return { ...read, source: 'selection' };
  });
}

/** The names of the tables in the workbook, for a picker. */
export async function listTables(options: ReadOptions = {}): Promise<string[]> {
  const host = options.host ?? officeHost();
  return host.run(async (ctx) => {
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    return tables.items.map((t) => t.name);
  });
}

/** All rows of an Excel table, its header row included. */
export async function readRosterFromTable(name: string, options: ReadOptions = {}): Promise<RosterRows> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx) => {
    const found = ctx.workbook.tables.getItemOrNullObject(name).load('name');
    const all = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    if (found.isNullObject) {
      const names = all.items.map((t) => `"${t.name}"`);
      throw new CompetencyError(
        'invalid-roster',
        names.length
          ? `There is no table named "${name}" in this workbook; its tables are ${listForHumans(names, 'and')}.`
          : `There is no table named "${name}": this workbook has no tables. Select the roster's cells instead, or make it a table (Insert > Table).`,
      );
    }
    const read = await readRows(ctx, found.getRange(), found.worksheet, budget);
    return { ...read, source: 'table', table: name };
  });
}

/** Parses rows read from the workbook, naming where they came from, and the sheet's own row numbers, in every problem. */
export function rosterFrom(read: RosterRows, model: FrameworkModel, options: RosterOptions = {}): Roster {
  return parseRoster(read.rows, model, { source: rosterPlace(read), firstRow: read.firstRow, ...options });
}
