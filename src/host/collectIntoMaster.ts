/**
 * Collect returned workbooks into the master open in Excel. The master is read
 * through Office.js (the registry's cycle records, the grid, the Self ratings
 * sheet) into core's MasterReading; the pane merges with core's mergeReturns,
 * the one the command line uses; this writes the plan back: the report as the
 * "Collection" sheet and the updated records through the layout writer, then
 * each placed value into its cell. Decisions are the merge's; this only finds
 * cells and writes them.
 */
import type { XRequestContext } from './excelApi';
import { officeHost } from './excelHost';
import { readRowsInSlices } from './readSlices';
import { liveEntries, type WorkbookState } from './workbookState';
import { withWorkbookState, type StateRead, type StateReadOptions } from './stateRead';
import { applyLayoutPlan } from './applyLayoutPlan';
import type { ApplyReport } from './applyReport';
import { textInput } from './cellInput';
import { masterRecords, readMasterSheets, type MasterReading, type SheetRows } from '../core/cycle/collectInputs';
import { collectionSheet } from '../core/cycle/collectionSheet';
import type { FieldName } from '../core/cycle/collectReport';
import type { CollectPlan } from '../core/cycle/merge';
import { cellRef } from '../core/layouts/a1';
import { LAYOUT_STYLES } from '../core/layouts/styles';
import { personIdKey } from '../core/personId';

export type CollectHostOptions = StateReadOptions;

/** Placed values written per round trip: each is one small range write, far under Excel's 5 MB request cap. */
const PLACEMENTS_PER_SYNC = 2_000;

/** The cells (from A1 to the end of its footprint) of every intact product sheet of one kind, in tab order. */
async function readSheetsOfKind(ctx: XRequestContext, state: WorkbookState, kind: string, budget: number): Promise<SheetRows[]> {
  const live = liveEntries(state).filter((e) => e.entry.kind === kind && e.entry.footprint && !e.entry.damaged);
  const out: SheetRows[] = [];
  for (const { entry, sheet } of live.sort((a, b) => a.sheet.position - b.sheet.position)) {
    const f = entry.footprint!;
    const rows = await readRowsInSlices(
      ctx,
      sheet.handle,
      { row: 0, col: 0, rows: f.row + f.rows, cols: f.col + f.cols },
      { budgetBytes: budget, label: `“${sheet.name}”` },
    );
    out.push({ name: sheet.name, rows });
  }
  return out;
}

/** The open workbook as a cycle master, or a refusal saying what it is instead (nothing is changed). */
export async function readOpenMaster(options: CollectHostOptions = {}): Promise<MasterReading> {
  return withWorkbookState(options, async ({ ctx, state, budget }) => {
    const records = masterRecords(state.registry.cycle, 'This workbook');
    const grids = await readSheetsOfKind(ctx, state, 'grid', budget);
    const [self] = await readSheetsOfKind(ctx, state, 'self-ratings', budget);
    return readMasterSheets(records, grids, self, 'This workbook');
  });
}

/**
 * A cycle master's "Self ratings" sheet, where the product wrote one and it is intact, for the
 * calibration pack's self − manager column; undefined in any other workbook.
 */
export async function readSelfRatingsSheet(options: CollectHostOptions = {}): Promise<SelfRatingsSheet | undefined> {
  return withWorkbookState(options, selfRatingsIn);
}

export interface SelfRatingsSheet {
  sheet: string;
  rows: unknown[][];
}

/** The self ratings, read inside a workbook read that already holds the state. */
export async function selfRatingsIn({ ctx, state, budget }: StateRead): Promise<SelfRatingsSheet | undefined> {
  const [self] = await readSheetsOfKind(ctx, state, 'self-ratings', budget);
  return self && { sheet: self.name, rows: self.rows as unknown[][] };
}

export interface CollectWriteResult {
  collectionSheet: string;
  apply: ApplyReport;
}

/**
 * Writes a collect plan into the open master: first the Collection sheet and
 * the records (the layout writer checks the workbook and refuses before a
 * cell changes), then the placed values. Collecting again is safe either way:
 * values the master holds count as unchanged.
 */
export async function writeCollectPlan(
  master: MasterReading,
  plan: CollectPlan,
  fieldName: FieldName,
  options: CollectHostOptions = {},
): Promise<CollectWriteResult> {
  const host = options.host ?? officeHost();
  const sheet = collectionSheet(plan, master.state.records.identity, fieldName);
  const cells = plan.placements.map((p) => {
    const c = master.cells[p.rater];
    const row = c?.rows.get(personIdKey(p.person));
    const col = c?.cols.get(p.field);
    // The merge only places people and fields the master has; a miss here is a bug, not a user's mistake.
    if (!c || row === undefined || col === undefined)
      throw new Error(`collect: no cell in the master for ${p.rater} ${p.person} / ${p.field}`);
    return { sheet: c.sheet, address: cellRef(row - 1, col - 1), value: p.value, person: p.person, field: p.field };
  });
  const apply = await applyLayoutPlan(
    {
      title: 'Cycle collection',
      sheets: [sheet],
      names: [],
      styles: { ...LAYOUT_STYLES },
      cycle: plan.records,
      ratedCells: cells.map((c) => ({ sheet: c.sheet, person: c.person, field: c.field })),
    },
    { host, readBudgetBytes: options.readBudgetBytes },
  );
  if (cells.length) {
    await host.run(async (ctx: XRequestContext) => {
      for (let i = 0; i < cells.length; i += PLACEMENTS_PER_SYNC) {
        for (const c of cells.slice(i, i + PLACEMENTS_PER_SYNC))
          // As text, as the grid writes ratings: a level code "3" stays the code, not a number.
          ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address).values = [[textInput(c.value)]];
        await ctx.sync();
      }
    });
  }
  const name = apply.sheetsCreated[0] ?? apply.sheetsReplaced[0] ?? sheet.name;
  return { collectionSheet: name, apply };
}
