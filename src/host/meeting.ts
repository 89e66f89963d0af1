/**
 * A calibration meeting in the open workbook, the Excel side only: listen to
 * the grid's change event, append each change core says to log to the
 * Decisions sheet (serially, so rows never collide), write a reason typed in
 * the pane, and close the log (the changes it missed, the summary, sheet
 * protection). What is logged and what the summary holds is core's
 * (src/core/calibration/meeting); this module only reads and writes.
 *
 * Excel's change event gives a cell's value before and after from ExcelApi 1.9,
 * and only for a change of one cell (meetingApi.ts); a paste over several
 * cells carries none, so it is left to the end of the meeting, when core
 * compares the grid with the snapshot taken at the start.
 */
import type { XRequestContext } from './excelApi';
import type { ExcelHost } from './excelHost';
import type { XChangedEventArgs, XEventHandlerResult, XMeetingWorksheet } from './meetingApi';
import { textInput } from './cellInput';
import { readRowsInSlices } from './readSlices';
import { liveEntries, readWorkbookState } from './workbookState';
import { parseCellRef } from '../core/layouts/a1';
import type { PlanCell, Rect } from '../core/layouts/plan';
import { isFormula } from '../core/layouts/plan';
import {
  DECISIONS_SHAPE as S,
  decisionRow,
  meetingTime,
  readDecisionLog,
  type Decision,
  type MeetingHeader,
} from '../core/calibration/meeting/decisionLog';
import { decisionFromEdit, type MeetingFrame } from '../core/calibration/meeting/meeting';
import { CompetencyError } from '../core/problems';

function sheet(ctx: XRequestContext, name: string): XMeetingWorksheet {
  // The real worksheet has these members (meetingApi.ts proves it); the subset type leaves them out.
  return ctx.workbook.worksheets.getItem(name) as XMeetingWorksheet;
}

function input(cell: PlanCell | undefined): string | number | boolean {
  if (cell === null || cell === undefined || isFormula(cell)) return '';
  return typeof cell === 'string' ? textInput(cell) : cell;
}

/** Appends log rows from entry `index` on (0-based). */
function writeDecisions(ctx: XRequestContext, decisionsSheet: string, index: number, decisions: readonly Decision[]): void {
  if (!decisions.length) return;
  const rows = decisions.map((d) => decisionRow(d).map(input));
  sheet(ctx, decisionsSheet).getRangeByIndexes(S.firstEntryRow + index, 0, rows.length, S.header.length).values = rows;
}

export interface MeetingListener {
  /** A change was logged, as row `index` of the log. */
  logged(decision: Decision, index: number): void;
  /** Cells changed together (a paste): they are compared with the snapshot when the meeting ends. */
  deferred(address: string): void;
  /** Excel refused to log a change; it is found again when the meeting ends. */
  failed(error: unknown): void;
}

/**
 * Records the grid's edits into the log until stopped. Excel keeps an event
 * handler for as long as the pane is open, so stop() removes it (a closed or
 * reloaded pane drops it with the add-in's runtime); edits seen before it
 * went are still written.
 */
export class MeetingRecorder {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private handler?: XEventHandlerResult;

  constructor(
    private readonly host: ExcelHost,
    private readonly frame: MeetingFrame,
    readonly decisionsSheet: string,
    /** Entries in the log already (a meeting picked up again after the pane was closed). */
    private count: number,
    private readonly listener: MeetingListener,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get entries(): number {
    return this.count;
  }

  async listen(): Promise<void> {
    await this.host.run(async (ctx) => {
      this.handler = sheet(ctx, this.frame.gridSheet).onChanged.add((args) => {
        this.chain = this.chain.then(() => this.record(args));
        return this.chain;
      });
      await ctx.sync();
    });
  }

  /** Ignores any later change, removes the handler from Excel, and waits for the changes already seen to be written. */
  async stop(): Promise<void> {
    this.stopped = true;
    const handler = this.handler;
    this.handler = undefined;
    if (handler) {
      handler.remove();
      try {
        await handler.context.sync();
      } catch {
        // The grid sheet was deleted (its handler with it); `stopped` keeps a late event out of the log anyway.
      }
    }
    await this.chain;
  }

  private async record(args: XChangedEventArgs): Promise<void> {
    if (this.stopped) return;
    if (!args.details || args.address.includes(':')) {
      this.listener.deferred(args.address);
      return;
    }
    const at = parseCellRef(args.address.slice(args.address.lastIndexOf('!') + 1));
    try {
      await this.host.run(async (ctx) => {
        const id = sheet(ctx, this.frame.gridSheet).getRangeByIndexes(at.row, this.frame.idCol, 1, 1).load('values');
        await ctx.sync();
        const decision = decisionFromEdit(this.frame, {
          ...at,
          personId: id.values[0]?.[0],
          before: args.details!.valueBefore,
          after: args.details!.valueAfter,
          when: meetingTime(this.now()),
        });
        if (!decision || this.stopped) return;
        writeDecisions(ctx, this.decisionsSheet, this.count, [decision]);
        await ctx.sync();
        this.listener.logged(decision, this.count++);
      });
    } catch (e) {
      this.listener.failed(e);
    }
  }
}

/** Writes the facilitator's reason into row `index` of the log. */
export async function writeReason(host: ExcelHost, decisionsSheet: string, index: number, reason: string): Promise<void> {
  await host.run(async (ctx) => {
    sheet(ctx, decisionsSheet).getRangeByIndexes(S.firstEntryRow + index, S.reasonCol, 1, 1).values = [[textInput(reason)]];
    await ctx.sync();
  });
}

/** The log as it is in the workbook: its header and entries. */
export async function readMeetingLog(host: ExcelHost, decisionsSheet: string): Promise<{ header: MeetingHeader; decisions: Decision[] }> {
  return host.run(async (ctx) => {
    const ws = sheet(ctx, decisionsSheet);
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    await ctx.sync();
    if (used.isNullObject) throw new CompetencyError('invalid-file', 'the decision log is empty; it was cleared by hand', decisionsSheet);
    const rect = { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: S.header.length };
    return readDecisionLog(await readRowsInSlices(ctx, ws, rect, { label: `“${decisionsSheet}”` }), decisionsSheet);
  });
}

/** The cells of a sheet from A1 to the end of its used range (a snapshot sheet). */
export async function readSheetRows(host: ExcelHost, name: string): Promise<unknown[][]> {
  return host.run(async (ctx) => {
    const ws = sheet(ctx, name);
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    if (used.isNullObject) return [];
    const rect = { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
    return readRowsInSlices(ctx, ws, rect, { label: `“${name}”` });
  });
}

/** Closes the log: the changes it missed, the end time, the summary beside it, then protection (the log is read-only from now on). */
export async function closeMeetingLog(
  host: ExcelHost,
  decisionsSheet: string,
  close: {
    logged: number;
    missing: readonly Decision[];
    ended: string;
    summary: { cells: PlanCell[][]; percent: Rect[]; origin: { row: number; col: number } };
  },
): Promise<void> {
  await host.run(async (ctx) => {
    const ws = sheet(ctx, decisionsSheet);
    writeDecisions(ctx, decisionsSheet, close.logged, close.missing);
    ws.getRangeByIndexes(S.endedRow, 1, 1, 1).values = [[textInput(close.ended)]];
    const { cells, origin, percent } = close.summary;
    const width = Math.max(...cells.map((r) => r.length));
    const rows = cells.map((r) => Array.from({ length: width }, (_, j) => input(r[j])));
    ws.getRangeByIndexes(origin.row, origin.col, rows.length, width).values = rows;
    for (const p of percent) ws.getRangeByIndexes(p.row, p.col, p.rows, p.cols).numberFormat = [['0%']];
    ws.getRangeByIndexes(origin.row, origin.col, 1, 1).format.font.bold = true;
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    await ctx.sync();
  });
}

/** The decision logs the registry lists (in sheet order), whatever they are called now. */
export async function decisionLogSheets(host: ExcelHost): Promise<string[]> {
  return host.run(async (ctx) => {
    const state = await readWorkbookState(ctx, async () => void (await ctx.sync()));
    return liveEntries(state)
      .filter((e) => e.entry.kind === 'decisions')
      .sort((a, b) => a.sheet.position - b.sheet.position)
      .map((e) => e.sheet.name);
  });
}
