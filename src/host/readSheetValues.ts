/**
 * The cells of the sheet the user is looking at, from A1 to the end of its used
 * range, as rows of plain values (the shape core's sheet readers take: row 0 is
 * sheet row 1, so their messages name the cells people see). Read in slices
 * of rows sized from the measured responses (readSlices.ts).
 */
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { readRowsInSlices } from './readSlices';
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
  return host.run(async (ctx) => {
    // The active sheet itself, not the selection's: a selection of several areas has no single range.
    const sheet = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    if (used.isNullObject) {
      throw new CompetencyError('invalid-argument', 'The sheet is empty. Go to the sheet that holds the table and try again.', sheet.name);
    }
    const rect = { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
    const values = await readRowsInSlices(ctx, sheet, rect, {
      budgetBytes: options.readBudgetBytes,
      guessBytesPerCell: BYTES_PER_CELL,
      label: `“${sheet.name}”`,
    });
    return { sheet: sheet.name, values };
  });
}
