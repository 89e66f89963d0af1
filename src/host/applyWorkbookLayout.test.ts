/**
 * The Office.js renderer on the product's real plans (core/layouts/workbook.ts):
 * every built-in framework's matrix, and a team grid with a roster, written,
 * regenerated and checked for references that point nowhere.
 */
import { applyLayoutPlan } from './applyLayoutPlan';
import { ExcelFake, mapSheetRefs } from '../../tests/fakes/excelFake';
import { workbookLayout } from '../core/layouts/workbook';
import { builtIn, builtInFrameworks } from '../core/frameworks/library';
import { parseRoster } from '../core/roster';
import type { FrameworkModel } from '../core/framework/model';
import { columnLetters } from '../core/layouts/a1';
import { UNPLACED_SHEET_NAME } from '../core/layouts/unplacedRatingsSheet';
import { REGISTRY_SHEET_NAME } from '../core/layouts/registry';
import { GRID_SHAPE } from '../core/layouts/gridShape';
import { FrameworkModel as Model } from '../core/framework/model';

function roster(model: FrameworkModel, count: number, drop: string[] = []) {
  const rows: unknown[][] = [['Id', 'Name', 'Role', 'Manager']];
  for (let i = 1; i <= count; i++) {
    const id = `E${String(i).padStart(5, '0')}`;
    if (!drop.includes(id))
      rows.push([id, i === 1 ? '=Robert"); DROP TABLE' : `Person ${i}`, model.roles[i % model.roles.length].name, 'Ann']);
  }
  return parseRoster(rows, model);
}

/** Every sheet a formula, dropdown, rule or name of the workbook refers to. */
function referencedSheets(fake: ExcelFake): Set<string> {
  const seen = new Set<string>();
  const collect = (f: string) => void mapSheetRefs(f, (n) => void seen.add(n));
  for (const s of fake.model.sheets) {
    for (const c of s.formulaCells) collect(c.formula!);
    for (const v of s.validations) collect(String(v.rule?.list?.source ?? ''));
    for (const cf of s.conditionalFormats) collect(cf.rule?.formula ?? '');
  }
  for (const n of fake.model.names.values()) collect(n.formula);
  return seen;
}

describe('applying the real workbook plans', () => {
  it.each(builtInFrameworks().map((m) => [m.id, m] as const))(
    'writes the %s matrix in three round trips with every reference resolved',
    async (_id, model) => {
      const fake = new ExcelFake();
      const { plan } = workbookLayout(model);
      const report = await applyLayoutPlan(plan, { host: fake.host });
      expect(report.syncs).toBe(3);
      expect(report.warnings).toEqual([]);
      expect(report.sheetsCreated).toEqual(plan.sheets.map((s) => s.name));
      for (const name of referencedSheets(fake)) expect(fake.sheetNames()).toContain(name);
      expect(fake.damage).toEqual([]);
    },
  );

  it('writes a 1,000-person MIT DevOps workbook under the payload limit, text as text, one rule per block', async () => {
    const model = builtIn('mit-devops');
    const { plan } = workbookLayout(model, { roster: roster(model, 1_000) });
    const fake = new ExcelFake();
    const report = await applyLayoutPlan(plan, { host: fake.host });
    expect(report.syncs).toBeLessThanOrEqual(5);
    expect(fake.largestRequestBytes).toBeLessThan(4_000_000);
    const gridPlan = plan.sheets.find((s) => s.kind === 'grid')!;
    const grid = fake.sheet(gridPlan.name);
    expect(grid.validations).toHaveLength(gridPlan.validations.length);
    expect(grid.conditionalFormats.map((c) => c.address)).toEqual(gridPlan.conditionalFormats.map((c) => fakeAddress(c.range)));
    for (const v of grid.validations) expect(String(v.rule?.list?.source)).toMatch(/^=/);
    expect(fake.model.sheets.flatMap((s) => [...s.formulaCells]).some((c) => c.formula!.includes('#REF!'))).toBe(false);
    for (const name of referencedSheets(fake)) expect(fake.sheetNames()).toContain(name);
    const nameCell = [...fake.sheet(gridPlan.name).rows.values()].flat().find((c) => c?.value === '=Robert"); DROP TABLE');
    expect(nameCell?.type).toBe('text');
  });

  it('regenerates a real grid keeping the ratings of people still there and setting aside those who left', async () => {
    const model = builtIn('sre-ladder');
    const fake = new ExcelFake();
    const first = workbookLayout(model, { roster: roster(model, 30) });
    await applyLayoutPlan(first.plan, { host: fake.host });
    const g = first.grid!;
    const level = model.scaleOf(model.competencies[0]).levels[1].code;
    const cell = (person: number, comp: number) => `${columnLetters(g.ratingCols[comp])}${g.firstPersonRow + person + 1}`;
    fake.type(g.sheetName, cell(0, 0), level);
    fake.type(g.sheetName, cell(4, 1), level);

    const second = workbookLayout(model, { roster: roster(model, 30, ['E00005']) });
    const report = await applyLayoutPlan(second.plan, { host: fake.host });
    expect(report.keptByRegion).toEqual({ ratings: 1, 'coverage-levels': g.competencyIds.length });
    expect(report.ratingsUnplaced).toBe(1);
    expect(report.unplacedRatings[0]).toMatchObject({ person: 'E00005', competency: g.competencyIds[1], value: level });
    expect(fake.read(g.sheetName, cell(0, 0))).toEqual([[level]]);
    expect(fake.sheetNames()).toContain(UNPLACED_SHEET_NAME);
    expect(fake.sheetNames().filter((n) => n.startsWith('CM-new') || / \(2\)$/.test(n))).toEqual([]);
    expect(fake.sheet(REGISTRY_SHEET_NAME).visibility).toBe('Hidden');
    for (const name of referencedSheets(fake)) expect(fake.sheetNames()).toContain(name);
    expect(fake.damage).toEqual([]);
  });

  it('hides the grid helper columns and its key row, and prints the matrix sheets one page wide, without another round trip', async () => {
    const model = builtIn('mit-devops');
    const { plan, grid } = workbookLayout(model, { roster: roster(model, 20) });
    const fake = new ExcelFake();
    const report = await applyLayoutPlan(plan, { host: fake.host });
    expect(report.warnings).toEqual([]);
    const gridPlan = plan.sheets.find((s) => s.kind === 'grid')!;
    const sheet = fake.sheet(grid!.sheetName);
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([GRID_SHAPE.columns.roleNumber, GRID_SHAPE.columns.nextRoleNumber]);
    expect([...sheet.hiddenRows]).toEqual([GRID_SHAPE.keyRow]);
    expect(gridPlan.columnWidths.filter((w) => w.hidden).map((w) => w.col)).toEqual([...sheet.hiddenColumns]);
    // Adjacent hidden columns go out as one range, not one per column.
    expect(fake.actionsNamed('columnHidden').filter((a) => a.target.startsWith(`ws.add("CM-new`))).toHaveLength(
      plan.sheets.reduce((n, s) => n + (s.columnWidths.some((w) => w.hidden) ? 1 : 0), 0),
    );
    const fitted = plan.sheets.filter((s) => s.fitToWidth);
    expect(fitted.map((s) => s.kind)).toEqual(expect.arrayContaining(['matrix', 'scale']));
    for (const s of plan.sheets) {
      expect(fake.sheet(s.name).zoom).toEqual(s.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : null);
    }
    // The same round trips as before these fields were applied: they ride in the format requests.
    expect(report.syncs).toBeLessThanOrEqual(4);
  });

  it('writes the dropdowns of an imported framework whose scale and role names are longer than Excel lets a dropdown say', async () => {
    const mit = builtIn('mit-devops').data;
    const scaleName = 'Proficiency scale of the MIT Information Systems and Technology DevOps position';
    const long = new Model({
      ...mit,
      scales: mit.scales.map((s) => ({ ...s, name: scaleName })),
      roles: mit.roles.map((r, i) => ({ ...r, name: `${'Senior Site Reliability and Platform Engineering Lead'} ${i + 1}` })),
    });
    const fake = new ExcelFake();
    const report = await applyLayoutPlan(workbookLayout(long, { roster: roster(long, 5) }).plan, { host: fake.host });
    expect(report.warnings).toEqual([]);
    const validations = fake.model.sheets.flatMap((s) => s.validations);
    expect(validations.length).toBeGreaterThan(0);
    // Excel's limits ([MS-XLS] DValStrings): titles 32, prompt 255, error message 225 characters.
    for (const v of validations) {
      expect(v.prompt!.title!.length).toBeLessThanOrEqual(32);
      expect(v.errorAlert!.title!.length).toBeLessThanOrEqual(32);
      expect(v.prompt!.message!.length).toBeLessThanOrEqual(255);
      expect(v.errorAlert!.message!.length).toBeLessThanOrEqual(225);
    }
    const ratings = validations.find((v) => v.prompt?.message?.startsWith('Pick a level'))!;
    expect(ratings.prompt!.title).toBe('Proficiency scale of the MIT…');
  });
});

function fakeAddress(r: { row: number; col: number; rows: number; cols: number }): string {
  const a = `${columnLetters(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

describe('reading what people entered before building a new plan', () => {
  it('gives the coverage levels chosen in the grid, so the new plan can keep them', async () => {
    const { readProductInputs } = await import('./readProductInputs');
    const { coverageLevelsFromInputs } = await import('../core/layouts/coverageLevelsFromInputs');
    const model = builtIn('sre-ladder');
    const fake = new ExcelFake();
    const first = workbookLayout(model, { roster: roster(model, 5) });
    await applyLayoutPlan(first.plan, { host: fake.host });
    const g = first.grid!;
    const high = model.scaleOf(model.competencies[0]).highest.code;
    fake.type(g.sheetName, `${columnLetters(g.ratingCols[0])}${g.coverageLevelRow + 1}`, high);

    const { values, sheets } = await readProductInputs({ host: fake.host });
    expect(sheets).toContain(g.sheetName);
    const coverageLevels = coverageLevelsFromInputs(values);
    expect(coverageLevels.get(g.competencyIds[0])).toBe(high);

    const report = await applyLayoutPlan(workbookLayout(model, { roster: roster(model, 5), coverageLevels }).plan, { host: fake.host });
    expect(report.ratingsUnplaced).toBe(0);
    expect(fake.read(g.sheetName, `${columnLetters(g.ratingCols[0])}${g.coverageLevelRow + 1}`)).toEqual([[high]]);
  });
});
