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
import type { XNamedItem, XRequestContext, XWorksheet } from '../excelApi';
import type { LiveEntry, LiveSheet, Round, WorkbookState } from '../workbookState';
import type { OldSheetReading } from '../oldSheets';
import { readOldSheets } from '../oldSheets';
import { ratingKey } from '../../core/layouts/carryRatings';
import type { LayoutPlan } from '../../core/layouts/plan';
import { uniqueSheetName } from '../../core/layouts/sheetNames';
import type { KeptSheet, UndoRecord } from './undoRecord';
import { UNDO_SHEET_NAME, parseUndoRecord, undoRecordRows } from './undoRecord';

/** A sheet kept for undo is called "CM-undo <its name>" while it waits, hidden. */
export const KEPT_PREFIX = 'CM-undo ';

function text(v: unknown): string {
  return String(v ?? '').trim();
}

export interface FoundRecord {
  record: UndoRecord | null;
  /** A sheet of the record's name holds something else: it is the user's, and left alone. */
  foreign: boolean;
  sheets: XWorksheet[];
}

/**
 * The previous action's record, if any. The worksheets are loaded in the round
 * trip the caller has already queued things for; the record's cells cost one
 * more only when the record sheet is there.
 */
export async function readUndoRecord(ctx: XRequestContext, round: Round): Promise<FoundRecord> {
  const sheets = ctx.workbook.worksheets.load('items/name,items/id');
  await round('reading', 'Looking for what the last action kept for undo');
  const recordSheet = sheets.items.find((s) => s.name.toLowerCase() === UNDO_SHEET_NAME.toLowerCase());
  if (!recordSheet) return { record: null, foreign: false, sheets: sheets.items };
  const used = recordSheet.getUsedRangeOrNullObject(true).load('values');
  await round('reading', 'Reading what the last action kept for undo');
  const record = used.isNullObject ? null : parseUndoRecord(used.values);
  return { record, foreign: !record, sheets: sheets.items };
}

/** The record's kept sheets and the record sheet, queued for deletion (sent with the caller's next sync). */
export function queueDiscard(found: FoundRecord): void {
  if (!found.record) return;
  const byId = new Map(found.sheets.map((s) => [s.id, s]));
  for (const k of found.record.kept) {
    const sheet = byId.get(k.id);
    // Only while it still carries the name it was kept under: a kept sheet the user renamed is theirs now.
    if (sheet && sheet.name === k.keptAs) sheet.delete();
  }
  found.sheets.find((s) => s.name.toLowerCase() === UNDO_SHEET_NAME.toLowerCase())?.delete();
}

export class UndoKeeper {
  private readonly kept: UndoRecord['kept'] = [];
  private names: { name: string; item: XNamedItem }[] = [];
  private record?: UndoRecord;
  private recordSheet?: XWorksheet;
  /** Why nothing can be kept for undo this time, when that is so. */
  blocked?: string;

  private constructor(private readonly plan: LayoutPlan) {}

  /** Removes what the previous action kept and reads the names this plan will write; one round trip. */
  static async start(ctx: XRequestContext, plan: LayoutPlan, round: Round): Promise<UndoKeeper> {
    const keeper = new UndoKeeper(plan);
    keeper.names = plan.names.map((n) => ({ name: n.name, item: ctx.workbook.names.getItemOrNullObject(n.name).load('formula,comment') }));
    const previous = await readUndoRecord(ctx, round);
    queueDiscard(previous);
    if (previous.foreign)
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
  writeRecord(ctx: XRequestContext, state: WorkbookState, created: { name: string; id: string }[], aside: UndoRecord['aside']): void {
    const owned = new Set(state.registry.names.map((n) => n.toLowerCase()));
    const names: UndoRecord['names'] = [];
    for (const { name, item } of this.names) {
      // A name of the user's is left as it is by the renderer, so undo leaves it too.
      if (item.isNullObject) names.push({ name, formula: null, comment: '' });
      else if (owned.has(name.toLowerCase())) names.push({ name, formula: String(item.formula), comment: item.comment ?? '' });
    }
    this.record = { title: this.plan.title, kept: this.kept, aside, created, names };
    const rows = undoRecordRows(this.record);
    this.recordSheet = ctx.workbook.worksheets.add(UNDO_SHEET_NAME);
    this.recordSheet.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
    this.recordSheet.visibility = 'Hidden';
  }

  /**
   * After the new sheets are in place: reads their input regions back and
   * notes the entries that did not come from the old sheets (the plan's own),
   * so undo can tell them from entries typed since. A failure here leaves the
   * record as it was: undo then treats those entries as typed and keeps them.
   */
  async notePlanInputs(
    ctx: XRequestContext,
    lives: LiveEntry[],
    old: readonly OldSheetReading[],
    round: Round,
    readBudget: number,
  ): Promise<void> {
    if (!this.record || !this.recordSheet || !lives.some((l) => l.entry.inputs.length)) return;
    try {
      const carried = new Set(
        old.flatMap((r) => r.ratings).map((r) => `${ratingKey(r.region, r.person, r.competency)}\u0000${text(r.value)}`),
      );
      const now = await readOldSheets(ctx, lives, round, readBudget);
      const own = now
        .flatMap((r) => r.ratings)
        .filter((r) => !carried.has(`${ratingKey(r.region, r.person, r.competency)}\u0000${text(r.value)}`))
        .map((r) => ({ region: r.region, person: r.person, competency: r.competency, value: text(r.value) }));
      if (!own.length) return;
      this.record = { ...this.record, planInputs: own };
      const rows = undoRecordRows(this.record);
      this.recordSheet.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
      await round('finishing', 'Noting what the new sheets hold');
    } catch {
      // The action itself is done; only the finer account for undo is missing.
    }
  }
}
