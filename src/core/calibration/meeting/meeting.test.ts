import { matrixOf } from '../../../../tests/calibration/fixtures';
import type { GridRatings } from '../calibrateGrid';
import { compareWithSnapshot, beforeAfterDistribution } from '../compareSnapshot';
import { readSnapshot } from '../snapshot';
import { DECISIONS_SHAPE, decisionRow, readDecisionLog, type Decision } from './decisionLog';
import { decisionFromEdit, meetingFrame, meetingOutcome, meetingStartPlan, meetingSummaryCells } from './meeting';

const START = matrixOf([
  ['p1', 'Ana', 'B', 'I'],
  ['p2', 'Ana', 'A', null],
  ['p3', 'Ben', 'I', 'I'],
]);

function ratings(matrix = START): GridRatings {
  return {
    matrix,
    warnings: [],
    grid: { sheet: 'Team grid', firstRow: 9, rows: 3, idCol: 0, nameCol: 1, roleCol: 2, managerCol: 3, ratingCols: [11, 12] },
  };
}

const edit = (row: number, col: number, personId: string, before: unknown, after: unknown) => ({
  row,
  col,
  personId,
  before,
  after,
  when: '2026-12-03 10:00:00',
});

/** The rows of a planned sheet from A1, as a reader would get them back. */
function rowsOf(sheet: { blocks: { row: number; col: number; cells: unknown[][] }[] }): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of sheet.blocks) b.cells.forEach((r, i) => r.forEach((v, j) => ((rows[b.row + i] ??= [])[b.col + j] = v)));
  return rows;
}

describe('starting a meeting', () => {
  it('plans a snapshot of the grid and an empty log, named apart from sheets already there', () => {
    const start = meetingStartPlan({ ratings: ratings(), started: '2026-12-03 09:30:00', takenSheetNames: ['Team grid', 'Decisions'] });
    expect(start.decisionsSheet).toBe('Decisions (2)');
    expect(start.snapshotSheet).toBe('Snapshot Meeting 2026-12-03');
    expect(start.plan.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Decisions (2)', 'decisions'],
      ['Snapshot Meeting 2026-12-03', 'snapshot'],
    ]);
    const log = readDecisionLog(rowsOf(start.plan.sheets[0]));
    expect(log.header).toEqual({
      gridSheet: 'Team grid',
      snapshotSheet: 'Snapshot Meeting 2026-12-03',
      started: '2026-12-03 09:30:00',
      ended: '',
    });
    expect(log.decisions).toEqual([]);
    // The snapshot sheet is the one `calibration --snapshot` reads.
    expect(readSnapshot(rowsOf(start.plan.sheets[1])).codes).toEqual([
      ['B', 'I'],
      ['A', ''],
      ['I', 'I'],
    ]);
  });
});

describe('which edits of the grid are logged', () => {
  const frame = meetingFrame(ratings());

  it('logs a rating cell whose level changed, with the person, manager and competency', () => {
    expect(decisionFromEdit(frame, edit(9, 11, 'p1', 'B', 'I'))).toEqual({
      when: '2026-12-03 10:00:00',
      personId: 'p1',
      person: 'Person p1',
      manager: 'Ana',
      competencyId: 'c1',
      competency: 'Competency 1',
      before: 'B',
      after: 'I',
      reason: '',
      source: 'edit',
    });
    // A rating cleared or first given is a change too.
    expect(decisionFromEdit(frame, edit(10, 12, 'P2', '', 'E'))?.personId).toBe('p2');
    expect(decisionFromEdit(frame, edit(11, 12, 'p3', 'I', ''))?.after).toBe('');
  });

  it('follows the id in the row, so a sorted grid still logs the right person', () => {
    expect(decisionFromEdit(frame, edit(9, 11, 'p3', 'I', 'A'))?.person).toBe('Person p3');
  });

  it('ignores other cells, people not in the meeting, and edits that keep the level', () => {
    expect(decisionFromEdit(frame, edit(9, 5, 'p1', 'x', 'y'))).toBeNull();
    expect(decisionFromEdit(frame, edit(12, 11, 'p4', 'B', 'I'))).toBeNull();
    expect(decisionFromEdit(frame, edit(9, 11, 'nobody', 'B', 'I'))).toBeNull();
    expect(decisionFromEdit(frame, edit(9, 11, 'p1', 'B', 'b'))).toBeNull();
    expect(decisionFromEdit(frame, edit(10, 12, 'p2', '', 'N/A'))).toBeNull();
  });
});

describe('ending a meeting', () => {
  const start = meetingStartPlan({ ratings: ratings(), started: '2026-12-03 09:30:00', takenSheetNames: [] });
  const logged = (d: Partial<Decision>): Decision => ({
    when: '2026-12-03 10:00:00',
    personId: 'p1',
    person: 'Person p1',
    manager: 'Ana',
    competencyId: 'c1',
    competency: 'Competency 1',
    before: 'B',
    after: 'I',
    reason: '',
    source: 'edit',
    ...d,
  });
  const now = matrixOf([
    ['p1', 'Ana', 'I', 'I'],
    ['p2', 'Ana', 'E', null],
    ['p3', 'Ben', 'I', 'B'],
  ]);

  it('adds the changes the log did not see, from the last level it knew', () => {
    const out = meetingOutcome({
      snapshot: start.snapshot,
      now,
      logged: [logged({}), logged({ personId: 'p2', competencyId: 'c1', before: 'A', after: 'B' })],
      when: '2026-12-03 11:00:00',
    });
    expect(out.missing.map((d) => [d.personId, d.competencyId, d.before, d.after, d.source])).toEqual([
      ['p2', 'c1', 'B', 'E', 'end of meeting'],
      ['p3', 'c2', 'I', 'B', 'end of meeting'],
    ]);
    expect(out.changed).toBe(3);
  });

  it('counts a change undone as no change of rating, and adds nothing for it', () => {
    const out = meetingOutcome({
      snapshot: start.snapshot,
      now: START,
      logged: [logged({}), logged({ before: 'I', after: 'B' })],
      when: '2026-12-03 11:00:00',
    });
    expect(out.missing).toEqual([]);
    expect(out.changed).toBe(0);
    expect(out.managers.every((m) => m.changed === 0)).toBe(true);
  });

  it('summarises with the same counts as the Changes sheet and `calibration --snapshot`', () => {
    const out = meetingOutcome({ snapshot: start.snapshot, now, logged: [], when: '2026-12-03 11:00:00' });
    const comparison = compareWithSnapshot(start.snapshot, now);
    expect(out.beforeAfter).toEqual(beforeAfterDistribution(now, start.snapshot, comparison));
    expect(out.beforeAfter).toEqual({ before: [0, 1, 3, 1, 0], now: [0, 1, 3, 0, 1] });
    expect(out.managers).toEqual([
      { manager: 'Ana', compared: 3, changed: 2, net: 2, meanChange: 2 / 3 },
      { manager: 'Ben', compared: 2, changed: 1, net: -1, meanChange: -0.5 },
    ]);
    const { cells } = meetingSummaryCells(out, now.scale, 3);
    expect(cells[3]).toEqual(['Ratings per level', 'Before', 'After', 'Before %', 'After %', 'Change']);
    expect(cells[7]).toEqual(['A', 1, 0, 0.2, 0, -1]);
    expect(cells.slice(-2)).toEqual([
      ['Ana', 3, 2, 2, 2 / 3],
      ['Ben', 2, 1, -1, -0.5],
    ]);
  });
});

describe('the decision log sheet', () => {
  it('reads back the rows the host appends, reasons included', () => {
    const d: Decision = {
      when: '2026-12-03 10:00:00',
      personId: 'p1',
      person: 'Person p1',
      manager: 'Ana',
      competencyId: 'c1',
      competency: 'Competency 1',
      before: 'B',
      after: 'I',
      reason: 'led the migration',
      source: 'edit',
    };
    const start = meetingStartPlan({ ratings: ratings(), started: '2026-12-03 09:30:00', takenSheetNames: [] });
    const rows = rowsOf(start.plan.sheets[0]);
    rows[DECISIONS_SHAPE.firstEntryRow] = decisionRow(d);
    rows[DECISIONS_SHAPE.firstEntryRow + 1] = decisionRow({ ...d, reason: '', source: 'end of meeting' });
    expect(readDecisionLog(rows).decisions).toEqual([d, { ...d, reason: '', source: 'end of meeting' }]);
  });

  it('refuses a log whose header was changed by hand, naming the row', () => {
    const rows: unknown[][] = [['Calibration decisions']];
    rows[DECISIONS_SHAPE.headerRow] = ['When', 'Who'];
    expect(() => readDecisionLog(rows, 'Decisions')).toThrow(/Decisions: row 8 should read When, Id, Person/);
    expect(() => readDecisionLog([['Team grid']], 'Decisions')).toThrow('this is not a decision log');
  });
});
