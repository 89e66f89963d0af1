/**
 * A calibration meeting run from the task pane, decided in core: what starting
 * it writes (a snapshot of the grid and an empty decision log), which edits
 * of the grid are logged, what the log lacks when the meeting ends (compared
 * with the snapshot), and the summary written then. The before/after counts
 * and the changes per manager come from compareSnapshot.ts, the code the
 * command line's `calibration --snapshot` and the Changes sheet use, so the
 * pane and the command line give one answer. The host only reads and writes.
 */
import type { LayoutPlan, PlanCell, Rect } from '../../layouts/plan';
import { uniqueSheetName } from '../../layouts/sheetNames';
import type { GridRatings } from '../calibrateGrid';
import type { RatedCompetency, RatedPerson, RatingMatrix } from '../ratingMatrix';
import { NOT_RATED, personLabel } from '../ratingMatrix';
import type { Scale } from '../../scale';
import { LevelReader, excelText } from '../levelReader';
import { takeSnapshot, type RatingSnapshot } from '../snapshot';
import { snapshotSheet } from '../sheets/snapshotSheet';
import { beforeAfterDistribution, compareWithSnapshot, type ManagerChange } from '../compareSnapshot';
import { managerLabel } from '../managerGroups';
import { CALIBRATION_STYLES, SheetCanvas } from '../sheets/sheetCanvas';
import { DECISIONS_SHAPE as S, DECISIONS_SHEET_NAME, type Decision, type MeetingHeader } from './decisionLog';

/** Where the grid's ratings are and whose they are: what the edit handler needs to log a change. */
export interface MeetingFrame {
  gridSheet: string;
  /** The people rows of the grid when the meeting started (0-based, first and count). */
  firstRow: number;
  rows: number;
  idCol: number;
  /** The rating column of each competency on the calibration scale. */
  ratingCols: readonly number[];
  competencies: readonly RatedCompetency[];
  scale: Scale;
  /** The grid's people by id, lower case (ids match ignoring case, as MATCH does). */
  people: ReadonlyMap<string, RatedPerson>;
}

export function meetingFrame(ratings: GridRatings): MeetingFrame {
  const { matrix, grid } = ratings;
  const people = new Map<string, RatedPerson>();
  for (const p of matrix.people) if (p.id && !people.has(p.id.toLowerCase())) people.set(p.id.toLowerCase(), p);
  return {
    gridSheet: grid.sheet,
    firstRow: grid.firstRow,
    rows: grid.rows,
    idCol: grid.idCol,
    ratingCols: grid.ratingCols,
    competencies: matrix.competencies,
    scale: matrix.scale,
    people,
  };
}

/** The snapshot's cycle label for a meeting on this day. */
export function meetingCycle(day: string): string {
  return `Meeting ${day}`;
}

export interface MeetingStart {
  plan: LayoutPlan;
  decisionsSheet: string;
  snapshotSheet: string;
  snapshot: RatingSnapshot;
}

/**
 * Starting a meeting: the grid's ratings now as a snapshot sheet (the same
 * sheet `calibration --snapshot` reads) and an empty decision log. Both get
 * names no sheet has yet, so an earlier meeting's log is never replaced.
 */
export function meetingStartPlan(input: {
  ratings: GridRatings;
  /** Local time the meeting starts ("YYYY-MM-DD HH:MM:SS"). */
  started: string;
  takenSheetNames: readonly string[];
}): MeetingStart {
  const day = input.started.slice(0, 10);
  const snapshot = takeSnapshot(input.ratings.matrix, meetingCycle(day), day);
  const taken = [...input.takenSheetNames];
  const decisionsSheet = uniqueSheetName(DECISIONS_SHEET_NAME, taken);
  taken.push(decisionsSheet);
  const snapshotName = uniqueSheetName(`Snapshot ${snapshot.cycle}`, taken);
  const header: MeetingHeader = { gridSheet: input.ratings.grid.sheet, snapshotSheet: snapshotName, started: input.started, ended: '' };
  return {
    plan: {
      title: `Calibration meeting on ${header.gridSheet}`,
      sheets: [decisionsSheetPlan(decisionsSheet, header), snapshotSheet(snapshotName, snapshot)],
      names: [],
      styles: { ...CALIBRATION_STYLES },
    },
    decisionsSheet,
    snapshotSheet: snapshotName,
    snapshot,
  };
}

function decisionsSheetPlan(name: string, header: MeetingHeader) {
  const canvas = new SheetCanvas();
  canvas.set(0, 0, S.marker);
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  canvas.setRow(S.gridRow, 0, ['Grid', header.gridSheet]);
  canvas.setRow(S.snapshotRow, 0, ['Snapshot', header.snapshotSheet]);
  canvas.setRow(S.startedRow, 0, ['Started', header.started]);
  canvas.setRow(S.endedRow, 0, ['Ended', '']);
  canvas.style({ row: S.gridRow, col: 0, rows: 4, cols: 1 }, 'cal-label');
  canvas.set(
    S.noteRow,
    0,
    'Every rating changed on the grid during the meeting, with the reason given. Personnel data: share it only with the people in the meeting. When the meeting ends the sheet is locked.',
  );
  canvas.style({ row: S.noteRow, col: 0, rows: 1, cols: 1 }, 'cal-note');
  canvas.setRow(S.headerRow, 0, [...S.header]);
  canvas.style({ row: S.headerRow, col: 0, rows: 1, cols: S.header.length }, 'cal-header');
  [19, 10, 22, 18, 16, 24, 8, 8, 40, 16].forEach((w, c) => canvas.width(c, w));
  return canvas.toSheet(name, 'decisions', { freeze: { rows: S.firstEntryRow, cols: 0 }, tabColor: '7030A0' });
}

/** One cell typed on the grid, as Excel's change event reports it. */
export interface GridEdit {
  /** 0-based cell on the grid sheet. */
  row: number;
  col: number;
  /** The id in that row now (rows may have been sorted since the meeting started). */
  personId: unknown;
  before: unknown;
  after: unknown;
  when: string;
}

/**
 * The log entry for an edit of the grid, or null when it is not a rating
 * change: outside the rating cells, a row of someone not in the meeting, or
 * the same level before and after ("a" for "A"). Only the level counts, as
 * on the calibration sheets: "N/A" to blank is no change of rating.
 */
export function decisionFromEdit(frame: MeetingFrame, edit: GridEdit): Decision | null {
  const c = frame.ratingCols.indexOf(edit.col);
  if (c < 0 || edit.row < frame.firstRow || edit.row >= frame.firstRow + frame.rows) return null;
  const person = frame.people.get(excelText(edit.personId).trim().toLowerCase());
  if (!person) return null;
  const reader = new LevelReader(frame.scale);
  const before = reader.rank(edit.before);
  const after = reader.rank(edit.after);
  if (before === after) return null;
  const competency = frame.competencies[c];
  return {
    when: edit.when,
    personId: person.id,
    person: personLabel(person),
    manager: managerLabel(person.manager),
    competencyId: competency.id,
    competency: competency.name,
    before: excelText(edit.before),
    after: excelText(edit.after),
    reason: '',
    source: 'edit',
  };
}

export interface MeetingOutcome {
  /** Changes the log does not have (pasted over several cells, or made while the pane was closed), to add to it. */
  missing: Decision[];
  /** Ratings per level (lowest first) in the snapshot and now, on the competencies both have. */
  beforeAfter: { before: number[]; now: number[] };
  managers: ManagerChange[];
  /** Ratings changed since the snapshot, net of changes undone. */
  changed: number;
}

/**
 * The end of a meeting: what the log lacks, and the summary. For each rating
 * the log's last "after" (or the snapshot's level, where nothing was logged)
 * should be the grid's level now; where it is not, a change went unseen and
 * is added, from that level to today's.
 */
export function meetingOutcome(input: {
  snapshot: RatingSnapshot;
  now: RatingMatrix;
  logged: readonly Decision[];
  when: string;
}): MeetingOutcome {
  const { snapshot, now } = input;
  const comparison = compareWithSnapshot(snapshot, now);
  const reader = new LevelReader(now.scale);
  const lastLogged = new Map<string, string>();
  for (const d of input.logged) lastLogged.set(`${d.personId.toLowerCase()}\u0000${d.competencyId}`, d.after);
  const C = now.competencies.length;
  const missing: Decision[] = [];
  let changed = 0;
  comparison.people.forEach((pc) => {
    if (pc.snapshotRow === null) return;
    const p = now.people[pc.person];
    now.competencies.forEach((comp, c) => {
      const col = comparison.snapshotColumn[c];
      if (col === null) return;
      const rankNow = now.ranks[pc.person * C + c];
      const then = snapshot.codes[pc.snapshotRow!][col];
      if (reader.rank(then) !== rankNow) changed++;
      const known = lastLogged.get(`${p.id.toLowerCase()}\u0000${comp.id}`) ?? then;
      if (reader.rank(known) === rankNow) return;
      missing.push({
        when: input.when,
        personId: p.id,
        person: personLabel(p),
        manager: managerLabel(p.manager),
        competencyId: comp.id,
        competency: comp.name,
        before: known,
        after: rankNow === NOT_RATED ? '' : now.scale.levels[rankNow].code,
        reason: '',
        source: 'end of meeting',
      });
    });
  });
  return { missing, beforeAfter: beforeAfterDistribution(now, snapshot, comparison), managers: comparison.managers, changed };
}

/** The summary the log gets when the meeting ends, as cells from (0, summaryCol), with the cells to show as percentages. */
export function meetingSummaryCells(
  outcome: MeetingOutcome,
  scale: Scale,
  logged: number,
): { cells: PlanCell[][]; percent: Rect[]; origin: { row: number; col: number } } {
  const { before, now } = outcome.beforeAfter;
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const nBefore = total(before);
  const nNow = total(now);
  const share = (k: number, n: number) => (n ? k / n : null);
  const cells: PlanCell[][] = [
    ['At the end of the meeting'],
    [`${logged} changes logged; ${outcome.changed} ratings differ from the snapshot (a change undone counts once in the log, not here).`],
    [],
    ['Ratings per level', 'Before', 'After', 'Before %', 'After %', 'Change'],
    ...scale.levels.map((l, k) => [l.code, before[k], now[k], share(before[k], nBefore), share(now[k], nNow), now[k] - before[k]]),
    ['Total', nBefore, nNow, null, null, nNow - nBefore],
    [],
    ['Changes per manager', 'Compared', 'Changed', 'Net change', 'Mean change'],
    ...outcome.managers.map((m) => [m.manager, m.compared, m.changed, m.net, m.meanChange]),
  ];
  const firstLevel = 4;
  const percent: Rect[] = [{ row: firstLevel, col: S.summaryCol + 3, rows: scale.levels.length, cols: 2 }];
  return { cells, percent, origin: { row: 0, col: S.summaryCol } };
}
