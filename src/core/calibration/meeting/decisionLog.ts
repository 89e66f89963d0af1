/**
 * The decision log of a calibration meeting: one row per rating changed while
 * the meeting ran (when, person, competency, before, after, the reason the
 * facilitator typed, how it was recorded), on a "Decisions" sheet so it
 * travels with the workbook. The sheet's fixed places are shared by the plan
 * that starts it, the host that appends to it, and the reader that reads it
 * back when the meeting ends (or the pane is opened again).
 */
import { excelText } from '../levelReader';
import { CompetencyError } from '../../problems';

/** How a change reached the log. */
export type DecisionSource =
  /** Excel's change event gave the cell's value before and after (ExcelApi 1.9, one cell at a time). */
  | 'edit'
  /** Found by comparing with the snapshot when the meeting ended (a paste over several cells, or edits while the pane was closed). */
  | 'end of meeting';

export interface Decision {
  /** Local time, "YYYY-MM-DD HH:MM:SS". */
  when: string;
  personId: string;
  person: string;
  manager: string;
  competencyId: string;
  competency: string;
  /** The cell's text before and after ("" for blank). */
  before: string;
  after: string;
  reason: string;
  source: DecisionSource;
}

/** What the log's header says about the meeting. */
export interface MeetingHeader {
  gridSheet: string;
  snapshotSheet: string;
  started: string;
  /** "" while the meeting runs. */
  ended: string;
}

/** The fixed places of a Decisions sheet (0-based). */
export const DECISIONS_SHAPE = {
  marker: 'Calibration decisions',
  gridRow: 1,
  snapshotRow: 2,
  startedRow: 3,
  endedRow: 4,
  noteRow: 5,
  headerRow: 7,
  firstEntryRow: 8,
  header: ['When', 'Id', 'Person', 'Manager', 'Competency id', 'Competency', 'Before', 'After', 'Reason', 'Recorded'],
  /** Column of the reason, the one cell the facilitator fills in through the pane. */
  reasonCol: 8,
  /** Where the end-of-meeting summary starts, right of the log so appended rows never reach it. */
  summaryCol: 11,
} as const;

export const DECISIONS_SHEET_NAME = 'Decisions';

/** The cells of one log row, in header order. */
export function decisionRow(d: Decision): string[] {
  return [d.when, d.personId, d.person, d.manager, d.competencyId, d.competency, d.before, d.after, d.reason, d.source];
}

/** A meeting time as people read it: local "YYYY-MM-DD HH:MM:SS". */
export function meetingTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Is this the first row of a Decisions sheet? */
export function isDecisionsSheet(rows: readonly (readonly unknown[])[]): boolean {
  return excelText(rows[0]?.[0]).trim() === DECISIONS_SHAPE.marker;
}

/** Reads a Decisions sheet (rows from A1) back: the meeting's header and its logged changes. */
export function readDecisionLog(
  rows: readonly (readonly unknown[])[],
  where = DECISIONS_SHEET_NAME,
): { header: MeetingHeader; decisions: Decision[] } {
  const S = DECISIONS_SHAPE;
  const text = (r: number, c: number) => excelText(rows[r]?.[c]).trim();
  if (!isDecisionsSheet(rows))
    throw new CompetencyError('invalid-file', `this is not a decision log (cell A1 should say "${S.marker}")`, where);
  if (S.header.some((h, i) => text(S.headerRow, i) !== h)) {
    throw new CompetencyError(
      'invalid-file',
      `row ${S.headerRow + 1} should read ${S.header.join(', ')}; the decision log was changed by hand, so the meeting cannot be closed from it`,
      where,
    );
  }
  const header: MeetingHeader = {
    gridSheet: text(S.gridRow, 1),
    snapshotSheet: text(S.snapshotRow, 1),
    started: text(S.startedRow, 1),
    ended: text(S.endedRow, 1),
  };
  const decisions: Decision[] = [];
  for (let r = S.firstEntryRow; r < rows.length; r++) {
    const cells = S.header.map((_, c) => excelText(rows[r]?.[c]));
    if (cells.every((c) => c === '')) break;
    const [when, personId, person, manager, competencyId, competency, before, after, reason, source] = cells;
    decisions.push({
      when,
      personId,
      person,
      manager,
      competencyId,
      competency,
      before,
      after,
      reason,
      source: source === 'end of meeting' ? 'end of meeting' : 'edit',
    });
  }
  return { header, decisions };
}
