/**
 * The frameworks kept in the open workbook (the hidden sheet the product
 * writes beside a matrix or grid of an imported framework), as the cells of
 * that sheet. Core's frameworksFromSheetRows turns them into frameworks. Each
 * stored framework is a row of JSON chunks of up to 32,000 characters, so a
 * few rows can weigh megabytes: they are read in slices sized from the
 * measured responses, each under Excel's response limit (readSlices.ts).
 */
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { readRowsInSlices } from './readSlices';
import { FRAMEWORKS_SHEET, MAX_CHUNK } from '../core/interchange/frameworkSheet';

/** The sheet's cells from A1, or undefined when the workbook keeps no frameworks. */
export async function readStoredFrameworkRows(
  options: { host?: ExcelHost; readBudgetBytes?: number } = {},
): Promise<unknown[][] | undefined> {
  const host = options.host ?? officeHost();
  return host.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(FRAMEWORKS_SHEET).load('name');
    await ctx.sync();
    if (sheet.isNullObject) return undefined;
    const used = sheet.getUsedRangeOrNullObject(true).load('rowCount,columnCount,rowIndex,columnIndex');
    await ctx.sync();
    if (used.isNullObject) return [];
    const rect = { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
    // Until a row is measured, expect every cell to be a full chunk.
    return readRowsInSlices(ctx, sheet, rect, {
      budgetBytes: options.readBudgetBytes,
      guessBytesPerCell: MAX_CHUNK,
      label: `the hidden sheet “${FRAMEWORKS_SHEET}”`,
    });
  });
}
