/**
 * What the room set on the workbook's earlier calibration packs of a grid (the
 * Calibration sheet's settings and guideline, the Talent grid's cut-offs), read
 * through the registered input regions so the pane's next pack starts from
 * them, as the command line's rebuild does. The newest pack wins.
 */
import type { XRange } from './excelApi';
import { liveEntries } from './workbookState';
import { withWorkbookState, type StateRead, type StateReadOptions } from './stateRead';
import { calibrationSheetSettings, type SheetSettings } from '../core/calibration/sheetSettings';
import { isPackOfGrid } from '../core/layouts/calibration';

export async function readCalibrationSettings(gridSheet: string, options: StateReadOptions = {}): Promise<SheetSettings> {
  return withWorkbookState(options, (read) => calibrationSettingsIn(read, gridSheet));
}

/** The settings, read inside a workbook read that already holds the state. */
export async function calibrationSettingsIn({ ctx, state }: StateRead, gridSheet: string): Promise<SheetSettings> {
  const packs = liveEntries(state).filter(
    (e) =>
      e.entry.kind === 'calibration' &&
      isPackOfGrid(e.entry.title, gridSheet) &&
      e.entry.inputs.some((r) => r.id.startsWith('calibration-')),
  );
  const reads = packs.map((e) => {
    const ws = ctx.workbook.worksheets.getItem(e.sheet.name);
    const ranges = new Map<string, XRange>();
    for (const r of e.entry.inputs)
      ranges.set(r.id, ws.getRangeByIndexes(r.range.row, r.range.col, r.range.rows, r.range.cols).load('values'));
    return { regions: e.entry.inputs, ranges };
  });
  if (reads.length) await ctx.sync();
  const kept: SheetSettings = { settings: {} };
  // Registered later is newer: read from the end, the first value found stays.
  for (const { regions, ranges } of reads.reverse()) {
    const cellAt = (row: number, col: number) => {
      const r = regions.find(
        (x) => row >= x.range.row && row < x.range.row + x.range.rows && col >= x.range.col && col < x.range.col + x.range.cols,
      );
      return r ? (ranges.get(r.id)!.values[row - r.range.row]?.[col - r.range.col] ?? null) : null;
    };
    const read = calibrationSheetSettings(regions, cellAt);
    kept.settings = { ...read.settings, ...kept.settings };
    kept.guideline ??= read.guideline;
    kept.talentCutoffs ??= read.talentCutoffs;
  }
  return kept;
}
