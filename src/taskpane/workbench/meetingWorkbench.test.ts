/**
 * A calibration meeting through the real workbench over the recording Excel
 * fake: what reaches the Decisions sheet when cells are pasted rather than
 * typed, when the pane is closed mid-meeting and opened again, when a change
 * is undone, and when a second meeting follows the first.
 */
import { officeGlobalsPerTest } from '../../../tests/fakes/officeGlobalsPerTest';
import { builtIn } from '../../core/frameworks/library';
import { columnLetters } from '../../core/layouts/a1';
import { GRID_SHAPE } from '../../core/layouts/gridShape';
import { DECISIONS_SHAPE } from '../../core/calibration/meeting/decisionLog';
import { createOfficeWorkbench } from './officeWorkbench';
import type { RunControl, Workbench } from './types';

const model = builtIn('mit-devops');
const roles = model.roles.map((r) => r.name);
const csv = ['id,name,role,manager', `E1,Ada,${roles[0]},Grace`, `E2,Alan,${roles[1]},Grace`, `E3,Edsger,${roles[0]},Ken`].join('\n');
const run = (): RunControl => ({ onProgress: () => undefined, signal: new AbortController().signal });
const fake = officeGlobalsPerTest();
const levels = model.scaleOf(model.competencies[0]).levels.map((l) => l.code);
/** A rating cell of the grid: person p (0-based), competency c. */
const cell = (p: number, c: number) => `${columnLetters(GRID_SHAPE.firstRatingCol + c)}${GRID_SHAPE.firstPersonRow + p + 1}`;

async function gridWithRatings(): Promise<{ bench: Workbench; sheet: string }> {
  const bench = createOfficeWorkbench();
  await bench.createGrid({ framework: model, roster: { kind: 'csv', fileName: 'team.csv', text: csv }, formulas: 'portable' }, run());
  const [grid] = await bench.listGrids();
  for (let p = 0; p < 3; p++) for (let c = 0; c < 2; c++) fake().type(grid.sheet, cell(p, c), levels[1]);
  return { bench, sheet: grid.sheet };
}

/** The log's rows: id, competency id, before, after, how recorded. */
function logRows(sheet = 'Decisions'): string[][] {
  const first = DECISIONS_SHAPE.firstEntryRow + 1;
  return fake()
    .read(sheet, `A${first}:J${first + 9}`)
    .filter((r) => r[1] !== '')
    .map((r) => [r[1], r[4], r[6], r[7], r[9]].map(String));
}

describe('a calibration meeting recorded by the task pane', () => {
  it('logs a typed change at once and a pasted block at the end, from the snapshot', async () => {
    const { bench, sheet } = await gridWithRatings();
    const { session } = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    fake().type(sheet, cell(0, 0), levels[2]);
    await fake().settled();
    expect(session.progress().entries.map((e) => [e.person, e.before, e.after])).toEqual([['Ada', levels[1], levels[2]]]);
    // A paste raises one change event without before and after (Excel gives details for one cell only).
    fake().paste(sheet, cell(1, 0), [[levels[3], levels[0]]]);
    await fake().settled();
    expect(session.progress().deferred).toBe(1);
    const summary = await session.end(run());
    const c = model.competencies;
    expect(logRows()).toEqual([
      ['E1', c[0].id, levels[1], levels[2], 'edit'],
      ['E2', c[0].id, levels[1], levels[3], 'end of meeting'],
      ['E2', c[1].id, levels[1], levels[0], 'end of meeting'],
    ]);
    expect(summary.facts).toContain(
      '2 changes were not seen as it happened (pasted, or made while the pane was closed) and were added from the snapshot.',
    );
    expect(fake().isProtected('Decisions')).toBe(true);
  });

  it('removes its change handler when the meeting ends, so later edits are not logged', async () => {
    const { bench, sheet } = await gridWithRatings();
    expect(fake().changeHandlers(sheet)).toBe(0);
    const { session } = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    expect(fake().changeHandlers(sheet)).toBe(1);
    fake().type(sheet, cell(0, 0), levels[2]);
    await fake().settled();
    await session.end(run());
    expect(fake().changeHandlers(sheet)).toBe(0);
    fake().type(sheet, cell(1, 1), levels[0]);
    await fake().settled();
    expect(logRows()).toEqual([['E1', model.competencies[0].id, levels[1], levels[2], 'edit']]);
  });

  it('refuses an undo or an update of its grid while the meeting records, and allows them once it has ended', async () => {
    const { bench, sheet } = await gridWithRatings();
    const { session } = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    const busy = `A meeting on "${sheet}" is being recorded in "Decisions". End the meeting before you`;
    await expect(bench.undo!(run())).rejects.toThrow(`${busy} undo`);
    const roster = { kind: 'csv' as const, fileName: 'team.csv', text: csv };
    await expect(bench.createGrid({ framework: model, roster, formulas: 'portable', update: sheet }, run())).rejects.toThrow(
      `${busy} update its grid`,
    );
    expect(fake().changeHandlers(sheet)).toBe(1); // still one handler: nothing was added or lost
    await session.end(run());
    await bench.createGrid({ framework: model, roster, formulas: 'portable', update: sheet }, run());
    expect(fake().changeHandlers(sheet)).toBe(0);
  });

  it('leaves no handler behind when the pane closes, and one (not two) when the meeting is picked up again', async () => {
    const { bench, sheet } = await gridWithRatings();
    await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    fake().closePane();
    expect(fake().changeHandlers(sheet)).toBe(0);
    const reopened = createOfficeWorkbench();
    await reopened.openMeeting!(model);
    await reopened.openMeeting!(model);
    expect(fake().changeHandlers(sheet)).toBe(1);
  });

  it('picks a meeting up again after the pane was closed, and finds what changed meanwhile', async () => {
    const { bench, sheet } = await gridWithRatings();
    await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    fake().type(sheet, cell(0, 0), levels[2]);
    await fake().settled();
    fake().closePane();
    fake().type(sheet, cell(2, 1), levels[4]); // nobody listening
    const reopened = createOfficeWorkbench();
    const session = (await reopened.openMeeting!(model))!;
    expect(session.resumed).toBe(true);
    expect(session.progress().entries).toHaveLength(1);
    await session.setReason(0, 'agreed by the room');
    fake().type(sheet, cell(1, 1), levels[0]);
    await fake().settled();
    expect(session.progress().entries).toHaveLength(2);
    await session.end(run());
    const c = model.competencies;
    expect(logRows()).toEqual([
      ['E1', c[0].id, levels[1], levels[2], 'edit'],
      ['E2', c[1].id, levels[1], levels[0], 'edit'],
      ['E3', c[1].id, levels[1], levels[4], 'end of meeting'],
    ]);
    expect(fake().read('Decisions', `I${DECISIONS_SHAPE.firstEntryRow + 1}`)).toEqual([['agreed by the room']]);
    expect(await createOfficeWorkbench().openMeeting!(model)).toBeUndefined();
  });

  it('logs a change and its undoing, and the summary counts no change of rating', async () => {
    const { bench, sheet } = await gridWithRatings();
    const { session } = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    fake().type(sheet, cell(0, 0), levels[2]);
    fake().type(sheet, cell(0, 0), levels[1]);
    await fake().settled();
    const summary = await session.end(run());
    expect(logRows().map((r) => [r[2], r[3]])).toEqual([
      [levels[1], levels[2]],
      [levels[2], levels[1]],
    ]);
    expect(summary.facts).toContain('0 ratings differ from the snapshot taken at the start.');
  });

  it('refuses a second meeting while one runs, and gives the next one a log of its own', async () => {
    const { bench, sheet } = await gridWithRatings();
    const { session } = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    await expect(bench.startMeeting!({ framework: model, gridSheet: sheet }, run())).rejects.toThrow(
      'A meeting is already being recorded on "Decisions". End it before starting another.',
    );
    fake().type(sheet, cell(0, 0), levels[2]);
    await fake().settled();
    await session.end(run());
    const next = await bench.startMeeting!({ framework: model, gridSheet: sheet }, run());
    expect(next.session.decisionsSheet).toBe('Decisions (2)');
    fake().type(sheet, cell(1, 0), levels[3]);
    await fake().settled();
    expect(logRows()).toHaveLength(1);
    expect(logRows('Decisions (2)')).toEqual([['E2', model.competencies[0].id, levels[1], levels[3], 'edit']]);
    expect(fake().damage).toEqual([]);
  });
});
