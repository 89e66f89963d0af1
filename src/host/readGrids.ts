/**
 * The team grids in the open workbook, as the add-in's heatmap and calibration
 * actions need them: the registry says which sheets are the product's grids,
 * their cells are read in slices sized from the measured responses and handed to
 * core's readGridRows (the reader the command line uses too), and one more
 * small read tells portable formulas from add-in ones. The registry's grid
 * records (whose each grid is, which sheets it uses) come with them, with
 * the sheets under the names they have now.
 */
import { readRowsInSlices } from './readSlices';
import { liveEntries } from './workbookState';
import { withWorkbookState, type StateRead, type StateReadOptions } from './stateRead';
import { readGridRows, type GridRows } from '../core/layouts/readGridRows';
import type { Registry } from '../core/layouts/registry';
import { gridSheetName, gridsOf, type GridRecord } from '../core/layouts/gridRecords';

export interface WorkbookGrids {
  /** Grids in sheet order, with their cells from A1 and their registry record. */
  grids: { grid: GridRows; values: unknown[][]; record?: GridRecord }[];
  /** Every sheet name in the workbook, so new sheets get unique names. */
  sheetNames: string[];
  /** The registry, its sheets under the names they have now (a sheet the user renamed is found by its Excel id). */
  registry: Registry;
  /** The workbook's grids as the registry records them (an old registry's one grid worked out from its sheets). */
  records: GridRecord[];
}

export type ReadGridsOptions = StateReadOptions;

export async function readWorkbookGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
  return withWorkbookState(options, workbookGridsIn);
}

/** The grids, read inside a workbook read that already holds the state. */
export async function workbookGridsIn({ ctx, state, budget }: StateRead): Promise<WorkbookGrids> {
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
  const registry: Registry = { ...state.registry, sheets: liveEntries(state).map((l) => ({ ...l.entry, name: l.sheet.name })) };
  const frameworkOf = new Map(grids.map((g) => [g.grid.geometry.sheetName, g.grid.geometry.frameworkId]));
  const records = gridsOf(registry, (sheet) => frameworkOf.get(sheet));
  for (const g of grids) g.record = records.find((r) => gridSheetName(registry, r) === g.grid.geometry.sheetName);
  return { grids, sheetNames: state.sheets.map((s) => s.name), registry, records };
}
