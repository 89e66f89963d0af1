/**
 * The frameworks kept in the open workbook (the hidden sheet the product
 * writes beside a matrix or grid of an imported framework), as the cells of
 * that sheet. Core's frameworksFromSheetRows turns them into frameworks. Each
 * stored framework is a row of JSON chunks of up to 32,000 characters, so the
 * rows are read a few at a time to keep every response well under the limit.
 */
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { FRAMEWORKS_SHEET } from '../core/interchange/frameworkSheet';

/** Rows per read: a stored framework is rarely over 200 KB of JSON. */
const ROWS_PER_READ = 5;

/** The sheet's cells from A1, or undefined when the workbook keeps no frameworks. */
export async function readStoredFrameworkRows(options: { host?: ExcelHost } = {}): Promise<unknown[][] | undefined> {
  const host = options.host ?? officeHost();
  return host.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(FRAMEWORKS_SHEET).load('name');
    await ctx.sync();
    if (sheet.isNullObject) return undefined;
    const used = sheet.getUsedRangeOrNullObject(true).load('rowCount,columnCount,rowIndex,columnIndex');
    await ctx.sync();
    if (used.isNullObject) return [];
    const rows = used.rowIndex + used.rowCount;
    const cols = used.columnIndex + used.columnCount;
    const out: unknown[][] = [];
    for (let from = 0; from < rows; from += ROWS_PER_READ) {
      const part = sheet.getRangeByIndexes(from, 0, Math.min(ROWS_PER_READ, rows - from), cols).load('values');
      await ctx.sync();
      out.push(...part.values);
    }
    return out;
  });
}
