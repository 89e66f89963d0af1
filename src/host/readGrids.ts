/**
 * The team grids in the open workbook, as the add-in's heatmap and calibration
 * actions need them: the registry says which sheets are the product's grids,
 * their cells are read in slices sized from the measured responses and handed to
 * core's readGridRows (the reader the command line uses too), and one more
 * small read tells portable formulas from add-in ones.
 */
import type { XRequestContext } from './excelApi';
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { DEFAULT_READ_BUDGET_BYTES } from './payload';
import { readRowsInSlices } from './readSlices';
import { liveEntries, readWorkbookState } from './workbookState';
import { readGridRows, type GridRows } from '../core/layouts/readGridRows';

export interface WorkbookGrids {
  /** Grids in sheet order, with their cells from A1. */
  grids: { grid: GridRows; values: unknown[][] }[];
  /** Every sheet name in the workbook, so new sheets get unique names. */
  sheetNames: string[];
}

export interface ReadGridsOptions {
  host?: ExcelHost;
  readBudgetBytes?: number;
}

export async function readWorkbookGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx: XRequestContext) => {
    const state = await readWorkbookState(ctx, async () => void (await ctx.sync()), budget);
    const grids: WorkbookGrids['grids'] = [];
    const entries = liveEntries(state)
      .filter((e) => e.entry.kind === 'grid' && e.entry.footprint && !e.entry.damaged)
      .sort((a, b) => a.sheet.position - b.sheet.position);
    for (const { entry, sheet } of entries) {
      const foot = entry.footprint!;
      const rows = foot.row + foot.rows;
      const cols = foot.col + foot.cols;
      const values = await readRowsInSlices(
        ctx,
        sheet.handle,
        { row: 0, col: 0, rows, cols },
        { budgetBytes: budget, label: `“${sheet.name}”` },
      );
      const found = readGridRows(sheet.name, values);
      if (!found) continue;
      const g = found.geometry;
      if (g.personCount > 0 && g.gapCols.length) {
        const firstGap = sheet.handle.getRangeByIndexes(g.firstPersonRow, g.gapCols[0], 1, 1).load('formulas');
        await ctx.sync();
        if (String(firstGap.formulas[0]?.[0] ?? '').includes('COMPETENCY.')) g.formulas = 'addin';
      }
      grids.push({ grid: found, values });
    }
    return { grids, sheetNames: state.sheets.map((s) => s.name) };
  });
}
