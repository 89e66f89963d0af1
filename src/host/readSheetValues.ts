/**
 * The cells of the sheet the user is looking at, from A1 to the end of its used
 * range, as rows of plain values (the shape core's sheet readers take: row 0 is
 * sheet row 1, so their messages name the cells people see). Read in row
 * chunks that keep each response under the budget.
 */
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { DEFAULT_READ_BUDGET_BYTES } from './payload';
import { CompetencyError } from '../core/problems';

/** Matrix and table cells are short names and level codes, with a few long descriptors. */
const BYTES_PER_CELL = 48;

export interface SheetValues {
  sheet: string;
  values: unknown[][];
}

export interface ReadSheetOptions {
  host?: ExcelHost;
  readBudgetBytes?: number;
}

/** The active sheet's values from A1; an empty sheet is refused in plain words. */
export async function readActiveSheetValues(options: ReadSheetOptions = {}): Promise<SheetValues> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx) => {
    // The selection is always on the active sheet.
    const sheet = ctx.workbook.getSelectedRange().worksheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    if (used.isNullObject) {
      throw new CompetencyError('invalid-argument', 'The sheet is empty. Go to the sheet that holds the table and try again.', sheet.name);
    }
    const rows = used.rowIndex + used.rowCount;
    const cols = used.columnIndex + used.columnCount;
    const perChunk = Math.max(1, Math.floor(budget / (cols * BYTES_PER_CELL)));
    const values: unknown[][] = [];
    for (let from = 0; from < rows; from += perChunk) {
      const part = sheet.getRangeByIndexes(from, 0, Math.min(perChunk, rows - from), cols).load('values');
      await ctx.sync();
      values.push(...part.values);
    }
    return { sheet: sheet.name, values };
  });
}
