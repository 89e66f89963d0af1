/**
 * "Collect returned workbooks" through the real workbench over the recording
 * Excel fake: a master written into the fake by the host's layout writer with
 * the records `cycle split` makes, returns written by the real split code as
 * .xlsx bytes (edited with ExcelJS, as a manager would in Excel), collected
 * through the pane's path. Expected cells and counts are written by hand.
 */
import ExcelJS from 'exceljs';
import { officeGlobalsPerTest } from '../../../tests/fakes/officeGlobalsPerTest';
import { builtIn } from '../../core/frameworks/library';
import { parseRosterCsv } from '../../core/roster';
import { planSplit, type SplitPlan } from '../../core/cycle/splitCycle';
import { cycleWorkbookPlan } from '../../core/cycle/cycleWorkbook';
import { GRID_SHAPE } from '../../core/layouts/gridShape';
import { columnLetters } from '../../core/layouts/a1';
import { applyLayoutPlan } from '../../host/applyLayoutPlan';
import { withWorkbookState } from '../../host/stateRead';
import { writeCycleWorkbook } from '../../xlsx/cycleWorkbookFile';
import { encryptWorkbook } from '../../xlsx/workbookEncryption';
import { createOfficeWorkbench } from './officeWorkbench';
import type { RunControl } from './types';

const MIT = builtIn('mit-devops');
const run = (): RunControl => ({ onProgress: () => undefined, signal: new AbortController().signal });
const fake = officeGlobalsPerTest();
const ROSTER = [
  'id,name,role,manager',
  `M1,Mara Lead,${MIT.roles[0].name},`,
  `A1,Ann Able,${MIT.roles[0].name},M1`,
  `A2,Abe Brown,${MIT.roles[1].name},M1`,
  `M2,Milo Head,${MIT.roles[0].name},`,
  `B1,Bea Cole,${MIT.roles[1].name},M2`,
].join('\n');

function split(cycleId: string, label: string): SplitPlan {
  const roster = parseRosterCsv(ROSTER, MIT);
  return planSplit(MIT, roster, {
    cycleId,
    label,
    writtenAt: '2026-03-01T09:00:00.000Z',
    include: 'direct',
    self: true,
    source: 'org.csv',
  });
}

async function putMasterInExcel(s: SplitPlan): Promise<void> {
  const built = cycleWorkbookPlan(MIT, s.master.roster, { kind: 'master', formulas: 'portable', readiness: 'strict', withSelfSheet: true });
  await applyLayoutPlan({ ...built.plan, cycle: s.records }, { host: fake().host });
}

async function teamFile(
  s: SplitPlan,
  manager: string,
  edits: Record<string, string | number>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const f = s.files.find((x) => x.kind === 'team' && x.holderId === manager)!;
  const built = cycleWorkbookPlan(MIT, f.roster, { kind: 'team', formulas: 'portable', readiness: 'strict', withSelfSheet: true });
  const bytes = await writeCycleWorkbook(built.plan, { identity: f.identity, issued: [], returned: [], provenance: [] });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const grid = book.worksheets.find((w) => w.name === 'Team grid')!;
  for (const [cell, v] of Object.entries(edits)) grid.getCell(cell).value = v;
  return { name: f.fileName, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** The cell of a rating on a grid: row of the person (0 = first), column of the competency (0 = first). */
function cell(person: number, competency: number): string {
  return `${columnLetters(GRID_SHAPE.firstRatingCol + competency)}${GRID_SHAPE.firstPersonRow + person + 1}`;
}

function value(sheet: string, address: string): unknown {
  return fake().read(sheet, address)[0][0];
}

const level = (i: number) => MIT.scaleOf(MIT.competencies[0]).levels[i].code;

describe('Collect returned workbooks in the pane', () => {
  it('places an edited return by person and competency, refuses another cycle’s file by name, and a second collect changes nothing', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    await putMasterInExcel(cycle);
    // In the master, people are in roster order: M1, A1, A2, M2, B1.
    expect(value('Team grid', `A${GRID_SHAPE.firstPersonRow + 2}`)).toBe('A1');
    const edited = await teamFile(cycle, 'M1', { [cell(0, 0)]: level(2), [cell(1, 1)]: level(1) });
    const other = await teamFile(split('cycle-two', 'Autumn 2025'), 'M2', { [cell(0, 0)]: level(3) });
    const bench = createOfficeWorkbench();

    const summary = await bench.collectReturns!({ framework: MIT, files: [edited, other] }, run());

    expect(value('Team grid', cell(1, 0))).toBe(level(2)); // A1, first competency
    expect(value('Team grid', cell(2, 1))).toBe(level(1)); // A2, second competency
    expect(value('Team grid', cell(4, 0))).toBe(''); // B1: only another cycle's file rated them
    const facts = (summary.facts ?? []).join('\n');
    expect(facts).toContain(edited.name);
    expect(facts).toMatch(new RegExp(`${other.name.replace(/[()]/g, '\\$&')}.*another cycle`));
    expect(fake().sheetNames()).toContain('Collection');
    expect(summary.undoable).toBe(false);

    const before = fake().sheetRecord('Team grid');
    await bench.collectReturns!({ framework: MIT, files: [edited] }, run());
    expect(fake().sheetRecord('Team grid')).toEqual(before);
  });

  it('records what it placed as rated in the registry, so a later rebuild keeps a collected rating HR clears blank', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    await putMasterInExcel(cycle);
    const ratedOfGrid = () =>
      withWorkbookState({ host: fake().host }, async ({ state }) => {
        const grid = state.registry.sheets.find((s) => s.kind === 'grid')!;
        return grid.inputs.find((r) => r.id === 'ratings')!.rated;
      });
    // Written blank by split: nobody rated (M1, A1, A2, M2, B1 by 9 competencies).
    expect(await ratedOfGrid()).toEqual(Array(5).fill('_'.repeat(MIT.competencies.length)));
    const edited = await teamFile(cycle, 'M1', { [cell(0, 0)]: level(2), [cell(1, 1)]: level(1) });
    await createOfficeWorkbench().collectReturns!({ framework: MIT, files: [edited] }, run());
    const rest = '_'.repeat(MIT.competencies.length - 2);
    expect(await ratedOfGrid()).toEqual([
      '_'.repeat(MIT.competencies.length), // M1 is not on their own team file
      `R_${rest}`, // A1, first competency
      `_R${rest}`, // A2, second competency
      '_'.repeat(MIT.competencies.length),
      '_'.repeat(MIT.competencies.length),
    ]);
  });

  it('lists a value that is not a level and never changes a person the file was not issued for', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    await putMasterInExcel(cycle);
    // Row 2 of M1's file typed over with B1, a real id of the other team.
    const file = await teamFile(cycle, 'M1', {
      [cell(0, 0)]: 'Excellent-ish',
      [`A${GRID_SHAPE.firstPersonRow + 2}`]: 'B1',
      [cell(1, 0)]: level(3),
    });
    const summary = await createOfficeWorkbench().collectReturns!({ framework: MIT, files: [file] }, run());
    expect(value('Team grid', cell(1, 0))).toBe('');
    expect(value('Team grid', cell(4, 0))).toBe('');
    const facts = (summary.facts ?? []).join('\n');
    expect(facts).toContain('Excellent-ish');
    expect(facts).toContain('B1');
  });

  it('refuses an encrypted return by name, saying to remove the password or use the command line, and collects the rest', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    await putMasterInExcel(cycle);
    const plain = await teamFile(cycle, 'M2', { [cell(0, 0)]: level(1) });
    const locked = await teamFile(cycle, 'M1', { [cell(0, 0)]: level(2) });
    const encrypted = { name: locked.name, bytes: new Uint8Array(encryptWorkbook(Buffer.from(locked.bytes), 'dMQFJ-REUwp-exhfK-CegzK')) };
    const summary = await createOfficeWorkbench().collectReturns!({ framework: MIT, files: [encrypted, plain] }, run());
    expect(value('Team grid', cell(4, 0))).toBe(level(1));
    expect(value('Team grid', cell(1, 0))).toBe('');
    const facts = (summary.facts ?? []).join('\n');
    expect(facts).toMatch(/password to open.*command line/);
    expect(facts).toContain(encrypted.name);
  });

  it('refuses a workbook that is not a cycle master before anything is written', async () => {
    const file = await teamFile(split('cycle-one', 'Spring 2026'), 'M1', {});
    const names = fake().sheetNames();
    await expect(createOfficeWorkbench().collectReturns!({ framework: MIT, files: [file] }, run())).rejects.toThrow(/not the master/);
    expect(fake().sheetNames()).toEqual(names);
  });
});

describe('the pane’s calibration pack on a cycle master', () => {
  /** Every cell of a sheet as the fake holds it (formulas as "=..."), row by row. */
  function cells(sheet: string): string[] {
    const record = fake().sheetRecord(sheet) as { cells: [string, unknown, string | undefined][] };
    return record.cells.map(([, v, f]) => f ?? String(v));
  }

  it('gains the self − manager column, read live from the master’s Self ratings sheet, as the command line’s does', async () => {
    await putMasterInExcel(split('cycle-one', 'Spring 2026'));
    const bench = createOfficeWorkbench();
    await bench.buildCalibration({ framework: MIT, gridSheet: 'Team grid', minGroupSize: 1 }, run());
    const calibration = cells('Calibration');
    expect(calibration).toContain('Self − manager (mean)');
    expect(calibration.some((c) => c.startsWith('=') && c.includes("'Self ratings'!"))).toBe(true);
  });

  it('has no such column on a grid that is not a cycle master', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    const built = cycleWorkbookPlan(MIT, cycle.master.roster, {
      kind: 'master',
      formulas: 'portable',
      readiness: 'strict',
      withSelfSheet: false,
    });
    await applyLayoutPlan({ ...built.plan, cycle: cycle.records }, { host: fake().host });
    await createOfficeWorkbench().buildCalibration({ framework: MIT, gridSheet: 'Team grid', minGroupSize: 1 }, run());
    expect(cells('Calibration')).not.toContain('Self − manager (mean)');
  });
});
