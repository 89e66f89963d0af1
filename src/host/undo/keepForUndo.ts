/**
 * Keeping what an action replaces, so the pane can undo it. The renderer
 * calls this at three points: before it reads the workbook (the copies kept by
 * the previous action are removed, and the defined names the plan will write
 * are read as they are), when it puts the new sheets in place (each old
 * product sheet and the old registry are renamed and hidden instead of
 * deleted), and in that same round trip the record of it all is written.
 *
 * The old sheets themselves are kept, not copies (Worksheet.copy, ExcelApi
 * 1.7): a kept sheet keeps its id, every cell, format, rule and dropdown, and
 * formulas elsewhere that pointed at it follow it and come back with it.
 * Renaming and hiding need only ExcelApi 1.1 and 1.2, inside the add-in's 1.9.
 */
import type { XNamedItem, XRange, XRequestContext, XWorksheet } from '../excelApi';
import type { LiveSheet, Round, WorkbookState } from '../workbookState';
import type { LayoutPlan } from '../../core/layouts/plan';
import { uniqueSheetName } from '../../core/layouts/sheetNames';
import type { KeptSheet, UndoRecord } from './undoRecord';
import { UNDO_SHEET_NAME, parseUndoRecord, undoRecordRows } from './undoRecord';

/** A sheet kept for undo is called "CM-undo <its name>" while it waits, hidden. */
export const KEPT_PREFIX = 'CM-undo ';

/** Reads the previous record, if any, with the worksheets, in a round trip the caller pays for. */
export function loadUndoRecord(ctx: XRequestContext): { used: XRange; sheets: { items: XWorksheet[] } } {
  const used = ctx.workbook.worksheets.getItemOrNullObject(UNDO_SHEET_NAME).getUsedRangeOrNullObject(true).load('values');
  const sheets = ctx.workbook.worksheets.load('items/name,items/id');
  return { used, sheets };
}

/**
 * The previous record's kept sheets and the record sheet, queued for deletion
 * (sent with the caller's next sync). `foreign` when a sheet of the record's
 * name holds something else: it is the user's, and left alone.
 */
export function queueDiscard(loaded: ReturnType<typeof loadUndoRecord>): { record: UndoRecord | null; foreign: boolean } {
  const recordSheet = loaded.sheets.items.find((s) => s.name.toLowerCase() === UNDO_SHEET_NAME.toLowerCase());
  const record = loaded.used.isNullObject ? null : parseUndoRecord(loaded.used.values);
  if (!record) return { record: null, foreign: !!recordSheet };
  const byId = new Map(loaded.sheets.items.map((s) => [s.id, s]));
  for (const k of record.kept) {
    const sheet = byId.get(k.id);
    // Only while it still carries the name it was kept under: a kept sheet the user renamed is theirs now.
    if (sheet && sheet.name === k.keptAs) sheet.delete();
  }
  recordSheet?.delete();
  return { record, foreign: false };
}

export class UndoKeeper {
  private readonly kept: UndoRecord['kept'] = [];
  private names: { name: string; item: XNamedItem }[] = [];
  /** Why nothing can be kept for undo this time, when that is so. */
  blocked?: string;

  private constructor(private readonly plan: LayoutPlan) {}

  /** Removes what the previous action kept and reads the names this plan will write; one round trip. */
  static async start(ctx: XRequestContext, plan: LayoutPlan, round: Round): Promise<UndoKeeper> {
    const keeper = new UndoKeeper(plan);
    const previous = loadUndoRecord(ctx);
    keeper.names = plan.names.map((n) => ({ name: n.name, item: ctx.workbook.names.getItemOrNullObject(n.name).load('formula,comment') }));
    await round('reading', 'Removing what the last action kept for undo');
    if (queueDiscard(previous).foreign)
      keeper.blocked = `A sheet named “${UNDO_SHEET_NAME}” that Competency Matrix did not make is in this workbook, so this action cannot be undone from the pane; rename that sheet to have undo again.`;
    return keeper;
  }

  /** Instead of deleting an old product sheet: renamed out of the way and hidden. Returns the name it now has. */
  keep(sheet: LiveSheet, kind: 'sheet' | 'registry', taken: Set<string>): string {
    const keptAs = uniqueSheetName(`${KEPT_PREFIX}${sheet.name}`, taken);
    taken.add(keptAs.toLowerCase());
    const entry: KeptSheet = { name: sheet.name, keptAs, id: sheet.id, position: sheet.position, visibility: sheet.visibility };
    this.kept.push({ ...entry, kind });
    sheet.handle.name = keptAs;
    if (sheet.visibility === 'Visible') sheet.handle.visibility = 'Hidden';
    return keptAs;
  }

  /** Queues the record sheet (hidden), in the round trip that puts the new sheets in place. */
  writeRecord(
    ctx: XRequestContext,
    state: WorkbookState,
    created: { name: string; id: string }[],
    aside: { was: string; now: string; id: string }[],
  ): void {
    const owned = new Set(state.registry.names.map((n) => n.toLowerCase()));
    const names: UndoRecord['names'] = [];
    for (const { name, item } of this.names) {
      // A name of the user's is left as it is by the renderer, so undo leaves it too.
      if (item.isNullObject) names.push({ name, formula: null, comment: '' });
      else if (owned.has(name.toLowerCase())) names.push({ name, formula: String(item.formula), comment: item.comment ?? '' });
    }
    const record: UndoRecord = { title: this.plan.title, kept: this.kept, aside, created, names };
    const rows = undoRecordRows(record);
    const sheet = ctx.workbook.worksheets.add(UNDO_SHEET_NAME);
    sheet.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
    sheet.visibility = 'Hidden';
  }
}
