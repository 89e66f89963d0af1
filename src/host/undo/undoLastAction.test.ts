/**
 * Undo of each kind of action the pane runs, on the recording fake: snapshot
 * the whole workbook before the action, act, undo, and compare deeply. The
 * user's sheets must not be touched on the way, entries typed since must not be
 * lost, and the kept sheets must not pile up.
 */
import { applyLayoutPlan } from '../applyLayoutPlan';
import { readWorkbookGrids } from '../readGrids';
import { checkUndo, keepLastAction, undoLastAction } from './undoLastAction';
import { KEPT_PREFIX } from './keepForUndo';
import { UNDO_SHEET_NAME } from './undoRecord';
import { ExcelFake } from '../../../tests/fakes/excelFake';
import { snapshotWorkbook } from '../../../tests/fakes/fakeSnapshot';
import { workbookLayout } from '../../core/layouts/workbook';
import { builtIn } from '../../core/frameworks/library';
import { parseRoster } from '../../core/roster';
import type { FrameworkModel } from '../../core/framework/model';
import type { LayoutPlan } from '../../core/layouts/plan';
import { cellRef } from '../../core/layouts/a1';
import { calibrateGrid } from '../../core/calibration/calibrateGrid';
import { UNPLACED_SHEET_NAME } from '../../core/layouts/unplacedRatingsSheet';

const model = builtIn('mit-devops');

function roster(m: FrameworkModel, ids: number[]) {
  const rows: unknown[][] = [['Id', 'Name', 'Role', 'Manager']];
  for (const i of ids) rows.push([`E${i}`, `Person ${i}`, m.roles[i % m.roles.length].name, i % 2 ? 'Ann' : 'Bo']);
  return parseRoster(rows, m);
}

/** A workbook with the user's own sheet (values, a formula on the product's grid, a name) beside the product's. */
function userWorkbook(): ExcelFake {
  const fake = new ExcelFake();
  fake.addSheet('Budget', [
    ['Item', 'Cost'],
    ['Laptops', 1200],
  ]);
  fake.addName('BudgetTotal', '=Budget!$B$2');
  return fake;
}

const keep = { keepForUndo: true } as const;

/** The A1 address of the rating cell for person `p` (0-based) and competency `c` of the grid plan. */
function ratingCell(plan: LayoutPlan, p: number, c: number): { sheet: string; at: string } {
  const sheet = plan.sheets.find((s) => s.inputs?.some((i) => i.id === 'ratings'))!;
  const r = sheet.inputs!.find((i) => i.id === 'ratings')!.range;
  return { sheet: sheet.name, at: cellRef(r.row + p, r.col + c) };
}

function gridPlan(ids: number[]) {
  return workbookLayout(model, { roster: roster(model, ids) }).plan;
}

async function calibrationPlan(fake: ExcelFake): Promise<LayoutPlan> {
  const { grids, sheetNames } = await readWorkbookGrids({ host: fake.host });
  const { grid, values } = grids[0];
  return calibrateGrid({ model, geometry: grid.geometry, rows: values, settings: { minGroup: 2 }, takenSheetNames: sheetNames }).plan;
}

describe('undo of each action, compared with the whole workbook before it', () => {
  it('takes back a first matrix: only the user sheet and name are left, as they were', async () => {
    const fake = userWorkbook();
    const before = snapshotWorkbook(fake);
    const report = await applyLayoutPlan(workbookLayout(model).plan, { host: fake.host, ...keep });
    expect(report.undoable).toBe(true);
    const undone = await undoLastAction({ host: fake.host });
    expect(undone.removed).toEqual(expect.arrayContaining(report.sheetsCreated));
    expect(snapshotWorkbook(fake)).toEqual(before);
    expect(fake.damage).toEqual([]);
  });

  it('takes back a matrix rebuilt with fewer roles: the old matrix, scales, registry and names come back', async () => {
    const fake = userWorkbook();
    await applyLayoutPlan(workbookLayout(model).plan, { host: fake.host });
    const before = snapshotWorkbook(fake);
    const fewer = workbookLayout(model, { roles: model.roles.slice(0, 2) }).plan;
    const report = await applyLayoutPlan(fewer, { host: fake.host, ...keep });
    expect(report.sheetsReplaced.length).toBeGreaterThan(0);
    // While the undo waits the old sheets are kept hidden, not deleted.
    expect(fake.sheetNames().filter((n) => n.startsWith(KEPT_PREFIX)).length).toBe(report.sheetsReplaced.length + 1);
    expect(fake.visibleSheetNames().some((n) => n.startsWith(KEPT_PREFIX))).toBe(false);
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(before);
    expect(fake.damage).toEqual([]);
  });

  it('takes back a grid rebuilt from another roster, ratings and unplaced sheet included', async () => {
    const fake = userWorkbook();
    const first = gridPlan([1, 2, 3, 4]);
    await applyLayoutPlan(first, { host: fake.host });
    const a = ratingCell(first, 0, 0);
    const b = ratingCell(first, 3, 1);
    fake.type(a.sheet, a.at, 2);
    fake.type(b.sheet, b.at, 3);
    // The user's formula on the grid follows it while it is kept, and comes back with it.
    fake.type('Budget', 'C1', `='${a.sheet}'!${a.at}`);
    const before = snapshotWorkbook(fake);
    // Person 4 leaves: the rebuild moves their rating to "Unplaced ratings".
    const report = await applyLayoutPlan(gridPlan([1, 2, 3, 5]), { host: fake.host, ...keep });
    expect(report.ratingsUnplaced).toBe(1);
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(before);
    expect(fake.sheetNames()).not.toContain(UNPLACED_SHEET_NAME);
    expect(fake.damage).toEqual([]);
  });

  it('takes back heatmaps (the grid rebuilt in place from its own people)', async () => {
    const fake = userWorkbook();
    const plan = gridPlan([1, 2, 3]);
    await applyLayoutPlan(plan, { host: fake.host });
    const a = ratingCell(plan, 1, 2);
    fake.type(a.sheet, a.at, 1);
    const before = snapshotWorkbook(fake);
    await applyLayoutPlan(gridPlan([1, 2, 3]), { host: fake.host, ...keep });
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(before);
  });

  it('takes back a calibration pack, and a rebuilt one', async () => {
    const fake = userWorkbook();
    const plan = gridPlan([1, 2, 3, 4, 5, 6]);
    await applyLayoutPlan(plan, { host: fake.host });
    for (let p = 0; p < 6; p++) {
      const c = ratingCell(plan, p, 0);
      fake.type(c.sheet, c.at, (p % 4) + 1);
    }
    const fresh = snapshotWorkbook(fake);
    const pack = await calibrationPlan(fake);
    await applyLayoutPlan(pack, { host: fake.host, ...keep });
    // The pack's own settings are not entries typed since.
    expect(await checkUndo({ host: fake.host })).toEqual(expect.objectContaining({ typed: 0, cleared: 0, keptAside: [] }));
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(fresh);

    await applyLayoutPlan(pack, { host: fake.host });
    const once = snapshotWorkbook(fake);
    await applyLayoutPlan(await calibrationPlan(fake), { host: fake.host, ...keep });
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(once);
    expect(fake.damage).toEqual([]);
  });

  it('works on the oldest Excel the add-in loads in (ExcelApi 1.9): every API it uses is there', async () => {
    const fake = new ExcelFake({ apiVersion: '1.9' });
    fake.addSheet('Budget', [['Item']]);
    await applyLayoutPlan(gridPlan([1, 2]), { host: fake.host });
    const before = snapshotWorkbook(fake);
    await applyLayoutPlan(gridPlan([1, 3]), { host: fake.host, ...keep });
    await undoLastAction({ host: fake.host });
    expect(snapshotWorkbook(fake)).toEqual(before);
    expect(fake.requests.every((r) => !r.failed)).toBe(true);
  });
});

describe('entries typed after the action', () => {
  it('are counted before anything changes, then the ratings go to "Unplaced ratings" and nothing else of the old workbook differs', async () => {
    const fake = userWorkbook();
    const first = gridPlan([1, 2]);
    await applyLayoutPlan(first, { host: fake.host });
    const old = ratingCell(first, 0, 0);
    fake.type(old.sheet, old.at, 2);
    const before = snapshotWorkbook(fake);
    const second = gridPlan([1, 2, 3]);
    await applyLayoutPlan(second, { host: fake.host, ...keep });
    // A manager rates the new person, and changes the old rating.
    const typed = ratingCell(second, 2, 1);
    fake.type(typed.sheet, typed.at, 4);
    fake.type(old.sheet, old.at, 3);
    const afterTyping = snapshotWorkbook(fake);

    const check = await checkUndo({ host: fake.host });
    expect(check).toEqual(expect.objectContaining({ typed: 2, typedPeople: 2, cleared: 0, keptAside: [] }));
    expect(snapshotWorkbook(fake)).toEqual(afterTyping);

    const undone = await undoLastAction({ host: fake.host });
    expect(undone.ratingsMoved).toBe(2);
    expect(undone.unplacedSheet).toBe(UNPLACED_SHEET_NAME);
    const unplaced = fake.read(UNPLACED_SHEET_NAME, 'A1:Z20').flat();
    expect(unplaced).toEqual(expect.arrayContaining(['E3', 'E1', 4, 3]));
    // Apart from the new "Unplaced ratings" sheet (and the registry that lists it) the workbook is as before.
    const now = snapshotWorkbook(fake);
    const drop = (s: typeof now) => s.sheets.filter((x) => x.name !== UNPLACED_SHEET_NAME && x.name !== 'CompetencyMatrix.Registry');
    expect(drop(now)).toEqual(drop(before));
    expect(fake.damage).toEqual([]);
  });

  it('keeps a new sheet the user wrote other things on, under another name, instead of deleting it', async () => {
    const fake = userWorkbook();
    const plan = gridPlan([1, 2]);
    await applyLayoutPlan(plan, { host: fake.host, ...keep });
    const grid = ratingCell(plan, 0, 0).sheet;
    fake.type(grid, 'AZ3', 'my note');
    expect((await checkUndo({ host: fake.host })).keptAside).toEqual([grid]);
    const undone = await undoLastAction({ host: fake.host });
    expect(undone.keptAside).toEqual([{ was: grid, now: `${grid} (undone)` }]);
    expect(fake.read(`${grid} (undone)`, 'AZ3')).toEqual([['my note']]);
  });
});

describe('what is kept, and for how long', () => {
  it('"Keep" removes the kept sheets and the record; then there is nothing to undo', async () => {
    const fake = userWorkbook();
    await applyLayoutPlan(gridPlan([1]), { host: fake.host });
    await applyLayoutPlan(gridPlan([1, 2]), { host: fake.host, ...keep });
    const kept = fake.sheetNames().filter((n) => n.startsWith(KEPT_PREFIX)).length;
    expect(await keepLastAction({ host: fake.host })).toBe(kept);
    expect(fake.sheetNames().filter((n) => n.startsWith(KEPT_PREFIX) || n === UNDO_SHEET_NAME)).toEqual([]);
    await expect(undoLastAction({ host: fake.host })).rejects.toThrow('There is nothing to undo');
    expect(fake.damage).toEqual([]);
  });

  it('the next action removes what the previous one kept, so the workbook does not grow', async () => {
    const fake = userWorkbook();
    await applyLayoutPlan(gridPlan([1]), { host: fake.host, ...keep });
    await applyLayoutPlan(gridPlan([1, 2]), { host: fake.host, ...keep });
    const count = fake.sheetNames().length;
    for (let k = 3; k < 6; k++) await applyLayoutPlan(gridPlan([1, k]), { host: fake.host, ...keep });
    expect(fake.sheetNames().length).toBe(count);
  });

  it('refuses, changing nothing, when a kept sheet was renamed by the user', async () => {
    const fake = userWorkbook();
    await applyLayoutPlan(gridPlan([1]), { host: fake.host });
    await applyLayoutPlan(gridPlan([1, 2]), { host: fake.host, ...keep });
    const kept = fake.sheetNames().find((n) => n.startsWith(KEPT_PREFIX) && !n.includes('Registry'))!;
    fake.sheet(kept).name = 'Mine now';
    const before = snapshotWorkbook(fake);
    await expect(undoLastAction({ host: fake.host })).rejects.toThrow(/was renamed or deleted.*Nothing was changed/);
    expect(snapshotWorkbook(fake)).toEqual(before);
  });

  it('leaves a sheet of the user named like the record alone, and says undo is off', async () => {
    const fake = userWorkbook();
    fake.addSheet(UNDO_SHEET_NAME, [['my own']]);
    const report = await applyLayoutPlan(gridPlan([1]), { host: fake.host, ...keep });
    expect(report.undoable).toBe(false);
    expect(report.warnings.join(' ')).toContain('cannot be undone');
    expect(fake.read(UNDO_SHEET_NAME, 'A1')).toEqual([['my own']]);
    expect(fake.damage).toEqual([]);
  });
});
