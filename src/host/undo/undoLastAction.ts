/**
 * Undoing the last task-pane action from what it kept (keepForUndo.ts): the
 * sheets it made go, the old product sheets, registry and defined names come
 * back under their names, visibility and places in the tab order. The user's
 * own sheets are never written to.
 *
 * What the user typed into the new sheets since is not lost: ratings that are
 * not among the old sheets' go on the "Unplaced ratings" sheet (written by the
 * renderer, so it merges with one that is there), and a new sheet holding other
 * entries of theirs is kept under another name rather than deleted.
 * `checkUndo` says all this before anything is changed, so the pane can ask.
 */
import type { XRequestContext } from '../excelApi';
import type { ExcelHost } from '../excelHost';
import { officeHost } from '../excelHost';
import { hostCapabilities } from '../capabilities';
import { DEFAULT_READ_BUDGET_BYTES } from '../payload';
import type { LiveEntry, LiveSheet, Round, WorkbookState } from '../workbookState';
import { liveEntries, readRegistry, readWorkbookState } from '../workbookState';
import type { OldRating, OldSheetReading } from '../oldSheets';
import { readOldSheets, rectContains } from '../oldSheets';
import { quoted } from '../writes';
import { applyLayoutPlan } from '../applyLayoutPlan';
import type { ApplyProgress } from '../applyReport';
import { emptyRegistry } from '../../core/layouts/registry';
import type { UnplacedRating } from '../../core/layouts/carryRatings';
import { typedSinceAction } from '../../core/undo/typedSince';
import { UNPLACED_STYLES, unplacedRatingsSheet } from '../../core/layouts/unplacedRatingsSheet';
import { uniqueSheetName } from '../../core/layouts/sheetNames';
import { CompetencyError } from '../../core/problems';
import type { UndoRecord } from './undoRecord';
import { UNDO_SHEET_NAME } from './undoRecord';
import { queueDiscard, readUndoRecord } from './keepForUndo';

export interface UndoOptions {
  /** Defaults to the Excel this page runs in (Office.js globals). */
  host?: ExcelHost;
  onProgress?: (progress: ApplyProgress) => void;
  readBudgetBytes?: number;
}

/** What undoing would cost, found without changing anything. */
export interface UndoCheck {
  /** The undone action's plan title. */
  title: string;
  /** Ratings typed (or changed) on the action's sheets since; they would go to "Unplaced ratings". */
  typed: number;
  typedPeople: number;
  /** Ratings cleared on the action's sheets since; undo brings the old values back. */
  cleared: number;
  /** The action's sheets holding other entries of the user's: kept under another name, not deleted. */
  keptAside: string[];
}

export interface UndoReport {
  title: string;
  /** The product's sheets as they were before the action, back under these names. */
  restored: string[];
  /** Sheets the action made, now removed. */
  removed: string[];
  /** Sheets of the action kept because they held the user's entries: their name then and now. */
  keptAside: { was: string; now: string }[];
  /** Ratings typed since, now on `unplacedSheet`. */
  ratingsMoved: number;
  unplacedSheet?: string;
  warnings: string[];
}

const NOTHING_TO_UNDO =
  'There is nothing to undo: the last action kept nothing in this workbook (it was kept with "Keep", or another action or a colleague removed it). Nothing was changed.';

interface Inspection {
  record: UndoRecord;
  state: WorkbookState;
  byId: Map<string, LiveSheet>;
  /** The action's sheets still in the workbook, with what was found on them. */
  created: { sheet: LiveSheet; reading?: OldSheetReading; keepAside: boolean }[];
  typed: UnplacedRating[];
  cleared: number;
  /** Ratings on an "Unplaced ratings" sheet the undo brings back or leaves: merged with the typed ones. */
  earlierUnplaced: OldRating[];
}

/** Every kept sheet must still be there under its kept name, and no sheet of the user's may hold a name undo gives back. */
function checkKept(record: UndoRecord, state: WorkbookState, byId: Map<string, LiveSheet>): void {
  const back = [
    ...record.kept.map((k) => ({ id: k.id, as: k.keptAs, name: k.name })),
    ...record.aside.map((a) => ({ id: a.id, as: a.now, name: a.was })),
  ];
  for (const k of back) {
    const sheet = byId.get(k.id);
    if (!sheet || sheet.name !== k.as) {
      throw new CompetencyError(
        'sheet-conflict',
        `${quoted(k.as)}, the old ${quoted(k.name)} kept for undo, was renamed or deleted, so ${record.title} cannot be undone. Nothing was changed.`,
      );
    }
  }
  const createdIds = new Set(record.created.map((c) => c.id));
  for (const k of back) {
    // The action's own sheets and registry go before the old ones take their names back.
    const inTheWay = state.sheets.find(
      (s) => s.name.toLowerCase() === k.name.toLowerCase() && !createdIds.has(s.id) && s.id !== k.id && s.id !== state.registrySheet?.id,
    );
    if (inTheWay) {
      throw new CompetencyError(
        'sheet-conflict',
        `A sheet named ${quoted(inTheWay.name)} is in the way of the old one that undo would bring back. Rename it and undo again; nothing was changed.`,
      );
    }
  }
}

async function inspect(ctx: XRequestContext, round: Round, budget: number): Promise<Inspection> {
  const { record } = await readUndoRecord(ctx, round);
  const state = await readWorkbookState(ctx, round, budget);
  if (!record) throw new CompetencyError('invalid-argument', NOTHING_TO_UNDO);
  const byId = new Map(state.sheets.map((s) => [s.id, s]));
  checkKept(record, state, byId);

  const createdIds = new Set(record.created.map((c) => c.id));
  const lives = liveEntries(state);
  const newLives = lives.filter((l) => createdIds.has(l.sheet.id));
  const keptRegistry = record.kept.find((k) => k.kind === 'registry');
  const oldRegistry = keptRegistry ? await readRegistry(byId.get(keptRegistry.id)!.handle, round, budget) : emptyRegistry();
  const oldSheets = new Map<string, LiveSheet>();
  for (const k of record.kept) if (k.kind === 'sheet') oldSheets.set(k.name.toLowerCase(), byId.get(k.id)!);
  for (const a of record.aside) oldSheets.set(a.was.toLowerCase(), byId.get(a.id)!);
  const oldLives: LiveEntry[] = [];
  for (const entry of oldRegistry.sheets) {
    const sheet = oldSheets.get(entry.name.toLowerCase());
    if (sheet) oldLives.push({ entry, sheet });
  }
  const untouchedUnplaced = lives.filter((l) => l.entry.kind === 'unplaced' && !createdIds.has(l.sheet.id));
  const readings = await readOldSheets(ctx, [...newLives, ...oldLives, ...untouchedUnplaced], round, budget);
  const now = readings.slice(0, newLives.length);
  const before = readings.slice(newLives.length, newLives.length + oldLives.length);
  const earlierUnplaced = readings
    .slice(newLives.length)
    .filter((r) => r.live.entry.kind === 'unplaced')
    .flatMap((r) => r.ratings);

  // Every rating on the action's sheets came from the old ones or the action's input; any other was typed since.
  const found = typedSinceAction({
    before: before.flatMap((b) => b.ratings),
    brought: record.planInputs ?? [],
    now: now.flatMap((n) => n.ratings),
  });
  const typed: UnplacedRating[] = found.typed.map((r) => ({ ...r, reason: 'typed-since-undone' }));
  const { cleared } = found;
  const readingOf = new Map(now.map((r) => [r.live.sheet.id, r]));
  const created = record.created
    .map((c) => byId.get(c.id))
    .filter((s): s is LiveSheet => !!s)
    .map((sheet) => {
      const reading = readingOf.get(sheet.id);
      // Entries of the user's outside the product's cells, or a signature cell typed over: the sheet is theirs to keep.
      const keepAside =
        !!reading && (!reading.signatureOk || reading.strays.length > 0 || !rectContains(reading.live.entry.footprint, reading.used));
      return { sheet, reading, keepAside };
    });
  return { record, state, byId, created, typed, cleared, earlierUnplaced };
}

function withHost(options: UndoOptions): ExcelHost {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  return host;
}

function rounds(ctx: XRequestContext, options: UndoOptions): Round {
  let done = 0;
  return async (phase, detail) => {
    await ctx.sync();
    done++;
    options.onProgress?.({ done, total: done + 1, phase, detail });
  };
}

/** What undoing the last action would do to entries made since; changes nothing. */
export async function checkUndo(options: UndoOptions = {}): Promise<UndoCheck> {
  const host = withHost(options);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx) => {
    const found = await inspect(ctx, rounds(ctx, options), budget);
    return {
      title: found.record.title,
      typed: found.typed.length,
      typedPeople: new Set(found.typed.map((t) => t.person)).size,
      cleared: found.cleared,
      keptAside: found.created.filter((c) => c.keepAside).map((c) => c.sheet.name),
    };
  });
}

/** Puts the workbook back as it was before the last action; see UndoReport. */
export async function undoLastAction(options: UndoOptions = {}): Promise<UndoReport> {
  const host = withHost(options);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  const result = await host.run(async (ctx) => {
    const round = rounds(ctx, options);
    const found = await inspect(ctx, round, budget);
    const { record, state, byId } = found;
    const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    const keptAside: { was: string; now: string }[] = [];
    const removed: string[] = [];
    // Excel needs a visible sheet at every step: the old ones are shown before the new ones go.
    for (const k of record.kept) if (k.visibility !== 'Hidden') byId.get(k.id)!.handle.visibility = k.visibility as 'Visible';
    for (const c of found.created) {
      if (c.keepAside) {
        const now = uniqueSheetName(`${c.sheet.name} (undone)`, taken);
        taken.add(now.toLowerCase());
        c.sheet.handle.name = now;
        keptAside.push({ was: c.sheet.name, now });
      } else {
        c.sheet.handle.delete();
        removed.push(c.sheet.name);
      }
    }
    const keptIds = new Set(record.kept.map((k) => k.id));
    if (state.registrySheet && !keptIds.has(state.registrySheet.id)) state.registrySheet.handle.delete();
    state.sheets.find((s) => s.name.toLowerCase() === UNDO_SHEET_NAME.toLowerCase())?.handle.delete();
    const back = [
      ...record.kept.map((k) => ({ id: k.id, name: k.name, position: k.position })),
      ...record.aside.map((a) => ({ id: a.id, name: a.was, position: a.position })),
    ];
    for (const b of back) byId.get(b.id)!.handle.name = b.name;
    // Put back in ascending order, each takes its old place among sheets that are all where they were.
    for (const b of [...back].sort((x, y) => x.position - y.position)) byId.get(b.id)!.handle.position = b.position;
    const existing = new Set(state.names.map((n) => n.toLowerCase()));
    for (const n of record.names) {
      if (existing.has(n.name.toLowerCase())) ctx.workbook.names.getItemOrNullObject(n.name).delete();
      if (n.formula !== null) ctx.workbook.names.add(n.name, n.formula, n.comment || undefined);
    }
    ctx.workbook.application.calculate('Recalculate');
    await round('finishing', 'Putting the sheets back as they were');
    return {
      title: record.title,
      restored: record.kept
        .filter((k) => k.kind === 'sheet')
        .map((k) => k.name)
        .concat(record.aside.map((a) => a.was)),
      removed,
      keptAside,
      typed: found.typed,
      earlierUnplaced: found.earlierUnplaced,
    };
  });
  const report: UndoReport = {
    title: result.title,
    restored: result.restored,
    removed: result.removed,
    keptAside: result.keptAside,
    ratingsMoved: 0,
    warnings: [],
  };
  if (!result.typed.length) return report;
  // The typed ratings join any unplaced ones of before, on the sheet the renderer keeps for them.
  const all: UnplacedRating[] = [...result.earlierUnplaced.map((r) => ({ ...r, reason: 'person-not-in-plan' as const })), ...result.typed];
  const sheet = unplacedRatingsSheet(all, {
    why: result.earlierUnplaced.length
      ? 'some were typed on sheets whose action was then undone, the others were kept here before'
      : 'they were typed on sheets whose action was then undone',
  });
  const applied = await applyLayoutPlan(
    { title: `the ratings typed since ${result.title}`, sheets: [sheet], names: [], styles: UNPLACED_STYLES },
    { host, readBudgetBytes: options.readBudgetBytes },
  );
  return {
    ...report,
    ratingsMoved: result.typed.length,
    unplacedSheet: applied.sheetsCreated[0] ?? applied.sheetsReplaced[0],
    warnings: applied.warnings,
  };
}

/** "Keep": what the last action kept for undo is removed; returns how many sheets went. */
export async function keepLastAction(options: UndoOptions = {}): Promise<number> {
  const host = withHost(options);
  return host.run(async (ctx) => {
    const found = await readUndoRecord(ctx, rounds(ctx, options));
    queueDiscard(found);
    await ctx.sync();
    return found.record ? found.record.kept.length : 0;
  });
}
