/**
 * The calibration meeting for the real workbench: start (snapshot and an empty
 * log, written as a plan), record the grid's changes, pick up a meeting left
 * open when the pane was closed, and end it. Core decides what is logged and
 * what the end writes (src/core/calibration/meeting); src/host reads and
 * writes. Loaded as its own chunk on first use.
 */
import type { FrameworkModel } from '../../core/framework/model';
import type { GridRows } from '../../core/layouts/readGridRows';
import type { LayoutPlan } from '../../core/layouts/plan';
import type { Decision } from '../../core/calibration/meeting/decisionLog';
import type { MeetingFrame } from '../../core/calibration/meeting/meeting';
import type { ActionSummary, MeetingEntry, MeetingProgress, MeetingRequest, MeetingSession, RunControl } from './types';
import { strings } from '../strings';
import { CompetencyError } from '../../core/problems';

/** The grid on a sheet, made with this framework (officeWorkbench's lookup, with its plain errors). */
export type FindGrid = (sheet: string, model: FrameworkModel) => Promise<{ grid: GridRows; values: unknown[][]; sheetNames: string[] }>;

function loadMeeting() {
  return Promise.all([
    import(/* webpackChunkName: "meeting" */ '../../host/meeting'),
    import(/* webpackChunkName: "meeting" */ '../../host/excelHost'),
    import(/* webpackChunkName: "meeting" */ '../../core/calibration/meeting/meeting'),
    import(/* webpackChunkName: "meeting" */ '../../core/calibration/meeting/decisionLog'),
    import(/* webpackChunkName: "calibration" */ '../../core/calibration/calibrateGrid'),
    import(/* webpackChunkName: "calibration" */ '../../core/calibration/requireIdentifiedRows'),
    import(/* webpackChunkName: "calibration" */ '../../core/calibration/snapshot'),
  ]).then(([host, excel, meeting, log, calibrate, identified, snapshot]) => ({
    ...host,
    ...excel,
    ...meeting,
    ...log,
    ...calibrate,
    ...identified,
    ...snapshot,
  }));
}

type Meeting = Awaited<ReturnType<typeof loadMeeting>>;

function entryOf(d: Decision, index: number): MeetingEntry {
  return { index, person: d.person, competency: d.competency, before: d.before, after: d.after, reason: d.reason };
}

/** The grid's ratings as core reads them, on the snapshot's scale when there is one. */
async function gridRatings(m: Meeting, findGrid: FindGrid, sheet: string, model: FrameworkModel, scaleId?: string) {
  const { grid, values, sheetNames } = await findGrid(sheet, model);
  m.requireIdentifiedRows(grid.problems);
  const ratings = m.readGridRatings({ model, geometry: grid.geometry, rows: values, scaleId: scaleId || undefined });
  return { ratings, sheetNames };
}

/** A meeting recording into `decisionsSheet`, its entries so far given. */
async function session(
  m: Meeting,
  findGrid: FindGrid,
  model: FrameworkModel,
  frame: MeetingFrame,
  sheets: { decisionsSheet: string; snapshotSheet: string },
  logged: readonly Decision[],
  resumed: boolean,
): Promise<MeetingSession> {
  const host = m.officeHost();
  let progress: MeetingProgress = { entries: logged.map(entryOf), deferred: 0, failed: 0 };
  const listeners = new Set<(p: MeetingProgress) => void>();
  const update = (patch: Partial<MeetingProgress>) => {
    progress = { ...progress, ...patch };
    for (const l of listeners) l(progress);
  };
  const recorder = new m.MeetingRecorder(host, frame, sheets.decisionsSheet, logged.length, {
    logged: (d, index) => update({ entries: [...progress.entries, entryOf(d, index)] }),
    deferred: () => update({ deferred: progress.deferred + 1 }),
    failed: () => update({ failed: progress.failed + 1 }),
  });
  await recorder.listen();
  return {
    gridSheet: frame.gridSheet,
    ...sheets,
    resumed,
    progress: () => progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async setReason(index, reason) {
      await m.writeReason(host, sheets.decisionsSheet, index, reason);
      update({ entries: progress.entries.map((e) => (e.index === index ? { ...e, reason } : e)) });
    },
    async end(run: RunControl): Promise<ActionSummary> {
      run.onProgress({ done: 0, total: 0, detail: strings.progress.readingGrid });
      await recorder.stop();
      const log = await m.readMeetingLog(host, sheets.decisionsSheet);
      const snapshot = m.readSnapshot(await m.readSheetRows(host, log.header.snapshotSheet), log.header.snapshotSheet);
      const { ratings } = await gridRatings(m, findGrid, log.header.gridSheet, model, snapshot.scaleId);
      const ended = m.meetingTime(new Date());
      const outcome = m.meetingOutcome({ snapshot, now: ratings.matrix, logged: log.decisions, when: ended });
      const total = log.decisions.length + outcome.missing.length;
      await m.closeMeetingLog(host, sheets.decisionsSheet, {
        logged: log.decisions.length,
        missing: outcome.missing,
        ended,
        summary: m.meetingSummaryCells(outcome, ratings.matrix.scale, total),
      });
      listeners.clear();
      const facts = [strings.meeting.ended(sheets.decisionsSheet), strings.meeting.loggedCount(total)];
      if (outcome.missing.length) facts.push(strings.meeting.foundAtEnd(outcome.missing.length));
      facts.push(strings.meeting.differ(outcome.changed));
      return { sheetsCreated: [], sheetsReplaced: [], ratingsKept: 0, ratingsUnplaced: 0, warnings: ratings.warnings, facts };
    },
  };
}

/**
 * The meeting actions. The session being recorded is kept here, not in a
 * component: the pane's sections come and go, and picking the same meeting up
 * twice would add a second change handler and log every change twice.
 */
export function meetingActions(findGrid: FindGrid, apply: (plan: LayoutPlan, run: RunControl) => Promise<ActionSummary>) {
  let current: MeetingSession | undefined;
  const keep = (s: MeetingSession): MeetingSession => {
    current = s;
    const end = s.end;
    s.end = async (run) => {
      const summary = await end(run);
      if (current === s) current = undefined;
      return summary;
    };
    return s;
  };
  return {
    /** Refuses an action that rewrites the meeting's grid (an undo, or updating that grid) while the meeting records. */
    refuseWhileRecording(action: string, gridSheet?: string): void {
      if (current && (gridSheet === undefined || gridSheet === current.gridSheet))
        throw new CompetencyError('invalid-argument', strings.meeting.busy(current.gridSheet, current.decisionsSheet, action));
    },
    async startMeeting(request: MeetingRequest, run: RunControl) {
      if (current) throw new CompetencyError('invalid-argument', strings.meeting.alreadyRunning(current.decisionsSheet));
      const m = await loadMeeting();
      run.onProgress({ done: 0, total: 0, detail: strings.progress.readingGrid });
      const { ratings, sheetNames } = await gridRatings(m, findGrid, request.gridSheet, request.framework);
      if (run.signal.aborted) throw new DOMException(strings.summary.cancelledBody, 'AbortError');
      const start = m.meetingStartPlan({ ratings, started: m.meetingTime(new Date()), takenSheetNames: sheetNames });
      const summary = await apply(start.plan, run);
      const s = keep(await session(m, findGrid, request.framework, m.meetingFrame(ratings), start, [], false));
      return { summary: { ...summary, warnings: [...ratings.warnings, ...summary.warnings] }, session: s };
    },
    async openMeeting(framework: FrameworkModel): Promise<MeetingSession | undefined> {
      if (current) return current;
      const m = await loadMeeting();
      const host = m.officeHost();
      for (const decisionsSheet of (await m.decisionLogSheets(host)).reverse()) {
        const log = await m.readMeetingLog(host, decisionsSheet);
        if (log.header.ended) continue;
        const snapshot = m.readSnapshot(await m.readSheetRows(host, log.header.snapshotSheet), log.header.snapshotSheet);
        const { ratings } = await gridRatings(m, findGrid, log.header.gridSheet, framework, snapshot.scaleId);
        const sheets = { decisionsSheet, snapshotSheet: log.header.snapshotSheet };
        return keep(await session(m, findGrid, framework, m.meetingFrame(ratings), sheets, log.decisions, true));
      }
      return undefined;
    },
  };
}
