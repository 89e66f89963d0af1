/**
 * "Collect returned workbooks" in the production task pane over the recording
 * Excel fake: the master that the real `cycle split` code plans is written by
 * the host's layout writer (in Node, into a fake whose sheets then seed the
 * page's fake), two returns are written as .xlsx by the real split code (one
 * edited as a manager would, one from another cycle) and picked in the pane's
 * file input. The master's cells and the report the pane shows are checked
 * against values written by hand.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { builtIn } from '../../src/core/frameworks/library';
import { parseRosterCsv } from '../../src/core/roster';
import { planSplit, type SplitPlan } from '../../src/core/cycle/splitCycle';
import { cycleWorkbookPlan } from '../../src/core/cycle/cycleWorkbook';
import { GRID_SHAPE } from '../../src/core/layouts/gridShape';
import { columnLetters } from '../../src/core/layouts/a1';
import { applyLayoutPlan } from '../../src/host/applyLayoutPlan';
import { writeCycleWorkbook } from '../../src/xlsx/cycleWorkbookFile';
import { strings } from '../../src/taskpane/strings';
import { ExcelFake } from '../fakes/excelFake';
import type { TaskpanePage } from './support/taskpanePage';
import { describeInChromium, paneSession } from './support/paneSession';
import type { FakeHostConfig } from './fakeHost/fakeHostConfig';

const MIT = builtIn('mit-devops');
const ROSTER = [
  'id,name,role,manager',
  `M1,Mara Lead,${MIT.roles[0].name},`,
  `A1,Ann Able,${MIT.roles[0].name},M1`,
  `A2,Abe Brown,${MIT.roles[1].name},M1`,
  `M2,Milo Head,${MIT.roles[0].name},`,
  `B1,Bea Cole,${MIT.roles[1].name},M2`,
].join('\n');
const level = (i: number) => MIT.scaleOf(MIT.competencies[0]).levels[i].code;

function split(cycleId: string, label: string): SplitPlan {
  return planSplit(MIT, parseRosterCsv(ROSTER, MIT), {
    cycleId,
    label,
    writtenAt: '2026-03-01T09:00:00.000Z',
    include: 'direct',
    self: true,
    source: 'org.csv',
  });
}

/** The cell of a rating on a grid: row of the person (0 = first), column of the competency (0 = first). */
function cell(person: number, competency: number): string {
  return `${columnLetters(GRID_SHAPE.firstRatingCol + competency)}${GRID_SHAPE.firstPersonRow + person + 1}`;
}

/** The master as the host writes it, as the page's fake is seeded: every sheet's cells. */
async function masterHost(s: SplitPlan): Promise<FakeHostConfig> {
  const fake = new ExcelFake();
  const built = cycleWorkbookPlan(MIT, s.master.roster, { kind: 'master', formulas: 'portable', readiness: 'strict', withSelfSheet: true });
  await applyLayoutPlan({ ...built.plan, cycle: s.records }, { host: fake.host });
  const sheets = fake
    .sheetNames()
    .filter((n) => n !== 'Sheet1')
    .map((name) => {
      const rows = fake.read(name, 'A1:ZZ400').map((r) => {
        const end = r.reduce<number>((last, v, i) => (v === '' ? last : i + 1), 0);
        return r.slice(0, end);
      });
      while (rows.length && !rows[rows.length - 1].length) rows.pop();
      return { name, rows };
    });
  return { sheets };
}

async function teamFile(dir: string, s: SplitPlan, manager: string, edits: Record<string, string>): Promise<string> {
  const f = s.files.find((x) => x.kind === 'team' && x.holderId === manager)!;
  const built = cycleWorkbookPlan(MIT, f.roster, { kind: 'team', formulas: 'portable', readiness: 'strict', withSelfSheet: true });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeCycleWorkbook(built.plan, { identity: f.identity, issued: [], returned: [], provenance: [] })) as never);
  for (const [a, v] of Object.entries(edits)) book.getWorksheet('Team grid')!.getCell(a).value = v;
  const file = path.join(dir, f.fileName);
  fs.writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
  return file;
}

describeInChromium('Collect returned workbooks (task pane, fake host, production build)', () => {
  const session = paneSession();
  let pane: TaskpanePage | undefined;
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-collect-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('places the edited return, refuses the other cycle’s file by name, and shows the report', async () => {
    const cycle = split('cycle-one', 'Spring 2026');
    const config = await masterHost(cycle);
    const edited = await teamFile(dir, cycle, 'M1', { [cell(0, 0)]: level(2), [cell(1, 1)]: level(1), [cell(1, 0)]: 'Excellent-ish' });
    const other = await teamFile(dir, split('cycle-two', 'Autumn 2025'), 'M2', { [cell(0, 0)]: level(3) });
    pane = await session.open({ width: 450, config });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.collect.heading);
    await page.waitForFunction(() => Boolean(document.querySelector('[data-testid="operation-status"]')));
    await page.evaluate(() => {
      const w = window as never as { __changed: boolean };
      w.__changed = false;
      new MutationObserver(() => (w.__changed = true)).observe(document.querySelector('[data-testid="operation-status"]')!, {
        attributes: true,
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await page.getByTestId('collect-files').setInputFiles([edited, other]);
    await page.waitForFunction(() => (window as never as { __changed: boolean }).__changed);
    const result = await pane.outcome();

    expect(result.state).toBe('succeeded');
    // Master rows: M1, A1, A2, M2, B1. A1's first competency, A2's second; B1 only in the other cycle's file.
    expect(await pane.fake('read', 'Team grid', cell(1, 0))).toEqual([[level(2)]]);
    expect(await pane.fake('read', 'Team grid', cell(2, 1))).toEqual([[level(1)]]);
    expect(await pane.fake('read', 'Team grid', cell(2, 0))).toEqual([['']]);
    expect(await pane.fake('read', 'Team grid', cell(4, 0))).toEqual([['']]);
    expect(await pane.fake<string[]>('sheetNames')).toContain('Collection');
    expect(result.text).toContain(path.basename(edited));
    expect(result.text).toContain(path.basename(other));
    expect(result.text).toContain('another cycle');
    expect(result.text).toContain('Excellent-ish');
    expect(pane.watch.errors).toEqual([]);
  }, 120_000);
});
