/**
 * Reading a block of cells back from Excel in slices of rows sized from what
 * the responses actually weigh, not from a fixed row count. Excel on the web
 * refuses a response over 5 MB and any get operation over five million cells
 * ("Resource limits and performance optimization for Office Add-ins"), and a
 * sheet of long texts (stored frameworks, descriptors) reaches 5 MB in a few
 * rows while a grid of level codes takes tens of thousands.
 *
 * The first slice is sized from a guess per cell; every later one from the
 * largest row measured so far, so that each response stays under the budget.
 * Should a slice still come back too large, it is halved and read again.
 */
import type { XRequestContext, XWorksheet } from './excelApi';
import { DEFAULT_READ_BUDGET_BYTES, READ_BYTES_PER_CELL, jsonBytes } from './payload';
import type { Rect } from '../core/layouts/plan';
import { CompetencyError } from '../core/problems';

/** Excel's cap on the cells of one get operation. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;

export interface SliceOptions {
  /** The budget for one response, in bytes (Excel's cap is 5 MB). */
  budgetBytes?: number;
  /** What a cell is expected to weigh before anything is measured. */
  guessBytesPerCell?: number;
  property?: 'values' | 'formulas';
  /** One round trip; the caller's counted sync, or ctx.sync. */
  round?: () => Promise<void>;
  /** The sheet in the user's words, for messages: “Team grid”. */
  label?: string;
}

/** How many rows the next slice takes: within the budget at the given row size and within Excel's cells per read. */
export function sliceRows(rowBytes: number, cols: number, budgetBytes: number, remaining: number): number {
  const byBytes = Math.floor(budgetBytes / Math.max(1, rowBytes));
  const byCells = Math.floor(EXCEL_MAX_CELLS_PER_READ / Math.max(1, cols));
  return Math.max(1, Math.min(remaining, byBytes, byCells));
}

function tooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** The cells of `rect` on `sheet`, row by row, read in as few round trips as the response limit allows. */
export async function readRowsInSlices(
  ctx: XRequestContext,
  sheet: XWorksheet,
  rect: Rect,
  options: SliceOptions = {},
): Promise<unknown[][]> {
  const budget = options.budgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  const property = options.property ?? 'values';
  const round = options.round ?? (async () => void (await ctx.sync()));
  const out: unknown[][] = [];
  if (rect.rows < 1 || rect.cols < 1) return out;
  let measured = 0;
  let from = 0;
  while (from < rect.rows) {
    const rowBytes = measured || rect.cols * (options.guessBytesPerCell ?? READ_BYTES_PER_CELL) + 2;
    let n = sliceRows(rowBytes, rect.cols, budget, rect.rows - from);
    for (;;) {
      const part = sheet.getRangeByIndexes(rect.row + from, rect.col, n, rect.cols).load(property);
      try {
        await round();
      } catch (e) {
        if (!tooLarge(e)) throw e;
        if (n > 1) {
          n = Math.ceil(n / 2);
          continue;
        }
        throw new CompetencyError(
          'invalid-argument',
          `Row ${rect.row + from + 1} of ${options.label ?? 'the sheet'} holds more than Excel can send to an add-in at once (5 MB). Shorten the texts in that row and try again.`,
        );
      }
      const rows = (property === 'values' ? part.values : part.formulas) as unknown[][];
      for (const row of rows) measured = Math.max(measured, jsonBytes(row) + 1);
      out.push(...rows);
      from += n;
      break;
    }
  }
  return out;
}
