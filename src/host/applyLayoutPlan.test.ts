/**
 * The Office.js renderer against the recording fake: what it writes, in how
 * many round trips, how big each request is, and that it never damages what
 * the user had, whatever fails.
 */
import { applyLayoutPlan } from './applyLayoutPlan';
import { ApplyError } from './applyReport';
import type { ApplyProgress } from './applyReport';
import { ExcelFake } from '../../tests/fakes/excelFake';
import { GRID_FIRST_RATING_COL, GRID_HEADER_ROWS, LEVELS, competencyId, gridLikePlan, personId } from '../../tests/fakes/gridLikePlan';
import { columnLetters } from '../core/layouts/a1';
import { REGISTRY_SHEET_NAME, parseRegistry } from '../core/layouts/registry';
import { UNPLACED_SHEET_NAME } from '../core/layouts/unplacedRatingsSheet';
import { CompetencyError } from '../core/problems';
import type { LayoutPlan } from '../core/layouts/plan';

const FOUR_MB = 4_000_000;

/** The Excel address of the rating of person i (0-based) on competency j. */
function ratingCell(i: number, j: number): string {
  return `${columnLetters(GRID_FIRST_RATING_COL + j)}${GRID_HEADER_ROWS + i + 1}`;
}

function userWorkbook(): ExcelFake {
  const fake = new ExcelFake();
  fake.addSheet('Budget', [
    ['Item', 'Cost'],
    ['=1+1 is text here', 100],
    ['Laptops', 2500],
  ]);
  fake.addName('MyTotal', '=Budget!B2:B3');
  return fake;
}

function expectUserDataIntact(fake: ExcelFake): void {
  expect(fake.damage).toEqual([]);
  expect(fake.read('Budget', 'A1:B3')).toEqual([
    ['Item', 'Cost'],
    ['=1+1 is text here', 100],
    ['Laptops', 2500],
  ]);
  expect(fake.model.names.get('mytotal')?.formula).toBe('=Budget!B2:B3');
}

function tempSheets(fake: ExcelFake): string[] {
  return fake.sheetNames().filter((n) => n.startsWith('CM-new'));
}

describe('writing a layout plan into Excel', () => {
  it('writes a 10-person grid with its values, formulas, dropdowns, rules, names and frozen panes in three round trips', async () => {
    const fake = userWorkbook();
    const report = await applyLayoutPlan(gridLikePlan({ people: 10, competencies: 40, rated: 0.5 }), { host: fake.host });

    expect(report).toMatchObject({ sheetsCreated: ['Scale', 'Team grid'], sheetsReplaced: [], renamed: [], warnings: [], syncs: 3 });
    expect(fake.syncCount).toBe(3);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Budget', 'Scale', 'Team grid', REGISTRY_SHEET_NAME]);
    expect(fake.visibleSheetNames()).toEqual(['Sheet1', 'Budget', 'Scale', 'Team grid']);
    expect(fake.read('Team grid', 'A4:C4')).toEqual([[personId(0), 'Person 1 (P00001)', 'Engineer']]);
    expect(fake.read('Team grid', 'AR4:AS4')).toEqual([
      ['=COUNTA(D4:AQ4)', '=IFERROR(SUMPRODUCT(--(MATCH(D4:AQ4,Scale!$B$2:$B$6,0)>=3))/COUNTA(D4:AQ4),"")'],
    ]);
    expect(fake.read('Scale', 'A2:C2')).toEqual([['1', 'Basic', 1]]);

    const grid = fake.sheet('Team grid');
    expect(grid.validations.map((v) => [v.address, v.rule?.list?.source, v.errorAlert?.style])).toEqual([
      ['D4:AQ13', '=Scale!$B$2:$B$6', 'Stop'],
    ]);
    // One rule per block, over the block only: never per cell, never whole columns.
    expect(grid.conditionalFormats.map((c) => [c.type, c.address])).toEqual([
      ['ColorScale', 'AS4:AS13'],
      ['CellValue', 'D4:AQ13'],
      ['Custom', 'D4:AQ13'],
    ]);
    expect(grid.conditionalFormats[2].rule?.formula).toBe('=AND(D4<>"",COUNTIF(Scale!$B$2:$B$6,D4)=0)');
    expect(grid.freeze).toEqual({ rows: 3, cols: 3 });
    expect(grid.columnWidths.get(1)).toBe(129.75);
    expect(grid.formatAt('AS5', 'numberFormat')).toBe('0%');
    expect(grid.formatAt('D4', 'fill.color')).toBe('#FFF2CC');
    expect(grid.printTitleRows).toBe('$2:$3');
    expect(grid.orientation).toBe('Landscape');
    expect(fake.model.names.get('cm_levels')).toMatchObject({ name: 'CM_Levels', formula: '=Scale!$B$2:$B$6' });
    expect(fake.model.active?.name).toBe('Scale');
    expect(tempSheets(fake)).toEqual([]);
    expectUserDataIntact(fake);
  });

  it('writes cell values before formats, with calculation suspended in every write request', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 50, competencies: 10 }), { host: fake.host });
    const onGrid = fake.actions.filter((a) => a.target.includes('Team grid'));
    const lastCells = Math.max(...onGrid.map((a, i) => (a.name === 'values' || a.name === 'formulas' ? i : -1)));
    const firstFormat = onGrid.findIndex(
      (a) => a.target.includes('.format') || a.target.includes('conditionalFormats') || a.target.includes('dataValidation'),
    );
    expect(firstFormat).toBeGreaterThan(lastCells);
    const writeSyncs = new Set(
      fake.actions.filter((a) => (a.name === 'values' || a.name === 'formulas') && a.target.includes('Team grid')).map((a) => a.sync),
    );
    expect(writeSyncs.size).toBeGreaterThan(0);
    const suspended = new Set(fake.actions.filter((a) => a.name === 'suspendApiCalculationUntilNextSync').map((a) => a.sync));
    for (const s of writeSyncs) expect(suspended.has(s)).toBe(true);
  });

  it.each([
    [10, 3],
    [1_000, 3],
    [10_000, 4],
  ])('writes %i people x 40 competencies in a handful of round trips (%i), no request over 4 MB', async (people, syncs) => {
    const fake = userWorkbook();
    const report = await applyLayoutPlan(gridLikePlan({ people, competencies: 40, rated: 0.3 }), { host: fake.host });

    const total = fake.requests.reduce((s, r) => s + r.bytes, 0);
    // One round trip to look, one to put the sheets in place, one per payload chunk.
    expect(report.syncs).toBe(syncs);
    expect(fake.syncCount).toBe(syncs);
    expect(report.syncs - 2).toBeLessThanOrEqual(Math.ceil(total / 3_000_000) + 1);
    expect(fake.largestRequestBytes).toBeLessThan(FOUR_MB);
    expect(report.largestRequestBytes).toBeLessThan(FOUR_MB);
    expect(report.largestRequestBytes).toBeGreaterThanOrEqual(fake.largestRequestBytes * 0.9);

    const last = people - 1;
    expect(fake.read('Team grid', `A${GRID_HEADER_ROWS + 1}:A${GRID_HEADER_ROWS + people}`).map((r) => r[0])).toEqual(
      Array.from({ length: people }, (_, i) => personId(i)),
    );
    expect(fake.read('Team grid', `AR${GRID_HEADER_ROWS + people}`)).toEqual([
      [`=COUNTA(D${GRID_HEADER_ROWS + people}:AQ${GRID_HEADER_ROWS + people})`],
    ]);
    const plan = gridLikePlan({ people, competencies: 40, rated: 0.3 });
    const planned = plan.sheets[1].blocks[2].cells[last].slice(GRID_FIRST_RATING_COL, GRID_FIRST_RATING_COL + 40).map((c) => c ?? '');
    expect(fake.read('Team grid', `${ratingCell(last, 0)}:${ratingCell(last, 39)}`)[0]).toEqual(planned);
    expect(fake.sheet('Team grid').validations).toHaveLength(1);
    expect(fake.sheet('Team grid').conditionalFormats).toHaveLength(3);
    expectUserDataIntact(fake);
  });

  it('splits into more round trips, never bigger ones, when the budget is small', async () => {
    const fake = new ExcelFake({ payloadLimitBytes: 400_000 });
    const report = await applyLayoutPlan(gridLikePlan({ people: 2_000, competencies: 40, rated: 0.5 }), {
      host: fake.host,
      requestBudgetBytes: 300_000,
    });
    expect(report.syncs).toBeGreaterThan(5);
    expect(fake.largestRequestBytes).toBeLessThanOrEqual(300_000);
    expect(fake.read('Team grid', 'A2003')).toEqual([[personId(1999)]]);
  });

  it('keeps strings that look like formulas, numbers, dates or booleans as the same text', async () => {
    const tricky = [
      '=HYPERLINK("http://evil","x")',
      '+44 20 7946 0000',
      '-minus',
      '@handle',
      "'quoted",
      '00123',
      'TRUE',
      '2024-01-05',
      '1/2',
      '50%',
      '#N/A',
      ' padded',
    ];
    const fake = new ExcelFake();
    await applyLayoutPlan(
      gridLikePlan({
        people: tricky.length,
        competencies: 3,
        personNames: tricky,
        personIds: tricky.map((t) => `id ${t}`),
        roles: ['=cmd|" /C calc"!A0'],
      }),
      { host: fake.host },
    );
    tricky.forEach((text, i) => {
      expect(fake.cell('Team grid', `B${GRID_HEADER_ROWS + i + 1}`)).toMatchObject({ type: 'text', value: text });
      expect(fake.cell('Team grid', `A${GRID_HEADER_ROWS + i + 1}`)).toMatchObject({ type: 'text', value: `id ${text}` });
    });
    expect(fake.cell('Team grid', `C${GRID_HEADER_ROWS + 1}`)).toMatchObject({ type: 'text', value: '=cmd|" /C calc"!A0' });
    expect(fake.cell('Scale', 'A2')).toMatchObject({ type: 'text', value: '1' });
  });
});

describe('requirement sets', () => {
  // The manifest requires SharedRuntime 1.1, which only Excels with ExcelApi 1.9 or later have.
  it.each(['1.8', '1.7', '1.6'])('on ExcelApi %s refuses before touching the workbook, naming the Excel it needs', async (version) => {
    const fake = new ExcelFake({ apiVersion: version });
    const attempt = applyLayoutPlan(gridLikePlan({ people: 5, competencies: 3 }), { host: fake.host });
    await expect(attempt).rejects.toBeInstanceOf(CompetencyError);
    await expect(attempt).rejects.toThrow(
      `Competency Matrix cannot write sheets in this version of Excel. This Excel supports the add-in API up to ExcelApi ${version} only; the add-in needs ExcelApi 1.9 and the shared runtime, which come with Excel for Microsoft 365 (Version 2002 or later on Windows, 16.35 or later on Mac), Excel 2021 or 2024 (Version 2108 or later), or Excel on the web. Nothing was changed.`,
    );
    expect(fake.syncCount).toBe(0);
  });

  it('on ExcelApi 1.9, the least an Excel that loads the add-in has, writes dropdowns, print setup and frozen panes with no warning', async () => {
    const fake = new ExcelFake({ apiVersion: '1.9' });
    const report = await applyLayoutPlan(gridLikePlan({ people: 20, competencies: 5 }), { host: fake.host });
    expect(report.warnings).toEqual([]);
    expect(fake.sheet('Team grid').validations.length).toBeGreaterThan(0);
    expect(fake.sheet('Team grid').printTitleRows).not.toBeNull();
    expect(fake.sheet('Team grid').freeze).toEqual({ rows: 3, cols: 3 });
    expect(fake.actions.filter((a) => a.name === 'suspendScreenUpdatingUntilNextSync').length).toBeGreaterThan(0);
  });
});

describe("never touching the user's sheets and names", () => {
  it('gives a new sheet a unique name when a sheet of the user has the wanted name, and points formulas at it', async () => {
    const fake = userWorkbook();
    fake.addSheet('Scale', [['My own scale', 'x']]);
    fake.addSheet('team GRID', [['my grid']]);
    const report = await applyLayoutPlan(gridLikePlan({ people: 5, competencies: 3 }), { host: fake.host });
    expect(report.renamed).toEqual([
      { wanted: 'Scale', name: 'Scale (2)' },
      { wanted: 'Team grid', name: 'Team grid (2)' },
    ]);
    expect(report.warnings).toContain(
      'A sheet named “Scale” already exists and is not one Competency Matrix made, so the new sheet is called “Scale (2)”.',
    );
    expect(fake.read('Scale', 'A1:B1')).toEqual([['My own scale', 'x']]);
    expect(fake.read('team GRID', 'A1')).toEqual([['my grid']]);
    const grid = fake.sheet('Team grid (2)');
    expect(grid.validations[0].rule?.list?.source).toBe("='Scale (2)'!$B$2:$B$6");
    expect(fake.read('Team grid (2)', 'H4')[0][0]).toContain("MATCH(D4:F4,'Scale (2)'!$B$2:$B$6,0)");
    expect(fake.model.names.get('cm_levels')?.formula).toBe("='Scale (2)'!$B$2:$B$6");
    expect(fake.damage).toEqual([]);
    expectUserDataIntact(fake);
  });

  it('leaves a defined name of the user alone and says so', async () => {
    const fake = userWorkbook();
    fake.addName('CM_Levels', '=Budget!A1');
    const report = await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(report.warnings).toContain(
      'The name “CM_Levels” already exists in this workbook and is not one Competency Matrix made, so it was left as it is; formulas that use it may show other cells than intended.',
    );
    expect(fake.model.names.get('cm_levels')?.formula).toBe('=Budget!A1');
    expect(fake.damage).toEqual([]);
  });

  it('leaves a sheet alone when it no longer looks like the one the product made', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    // The user deletes the grid and makes a sheet of their own with the same name.
    const old = fake.sheet('Team grid');
    fake.model.sheets.splice(fake.model.sheets.indexOf(old), 1);
    fake.addSheet('Team grid', [['My own team notes']]);
    const report = await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(report.sheetsReplaced).toEqual(['Scale']);
    expect(report.sheetsCreated).toEqual(['Team grid (2)']);
    expect(fake.read('Team grid', 'A1')).toEqual([['My own team notes']]);
    expect(fake.damage).toEqual([]);
  });

  it('refuses to adopt a sheet named like the registry that it did not make', async () => {
    const fake = userWorkbook();
    fake.addSheet(REGISTRY_SHEET_NAME, [['my notes']]);
    await expect(applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host })).rejects.toThrow(
      /that Competency Matrix did not make\. Rename it/,
    );
    expect(fake.read(REGISTRY_SHEET_NAME, 'A1')).toEqual([['my notes']]);
    expect(fake.sheetNames()).not.toContain('Team grid');
  });

  it('refuses text longer than Excel allows, before writing anything', async () => {
    const fake = new ExcelFake();
    const plan = gridLikePlan({ people: 2, competencies: 2, personNames: ['ok', 'x'.repeat(40_000)] });
    await expect(applyLayoutPlan(plan, { host: fake.host })).rejects.toThrow(
      /A cell for B5 on “Team grid” holds 40,000 characters; Excel keeps at most 32,767/,
    );
    expect(fake.syncCount).toBe(0);
  });

  it('refuses a formula longer than the 8,192 characters Excel takes, before writing anything', async () => {
    const fake = new ExcelFake();
    const plan = gridLikePlan({ people: 2, competencies: 2 });
    const long = `SUM(${Array.from({ length: 1500 }, (_, i) => `AB${i + 1000}`).join(',')})`;
    expect(long.length + 1).toBeGreaterThan(8192);
    plan.sheets[1].blocks.push({ row: 20, col: 1, cells: [[{ formula: long }]] });
    await expect(applyLayoutPlan(plan, { host: fake.host })).rejects.toThrow(
      `The formula for B21 on “Team grid” is ${(long.length + 1).toLocaleString('en-US')} characters long; Excel takes at most 8,192 in a formula. Nothing was changed.`,
    );
    expect(fake.syncCount).toBe(0);
  });
});

describe('failures and cancelling', () => {
  async function countSyncs(plan: LayoutPlan, budget: number): Promise<number> {
    const fake = userWorkbook();
    await applyLayoutPlan(plan, { host: fake.host, requestBudgetBytes: budget });
    return fake.syncCount;
  }

  it("a failing round trip at any point leaves the user's cells intact, removes partial sheets and says what was not written", async () => {
    const plan = gridLikePlan({ people: 1_000, competencies: 40, rated: 0.3 });
    const budget = 150_000;
    const n = await countSyncs(plan, budget);
    expect(n).toBeGreaterThan(4);
    for (let k = 1; k <= n; k++) {
      const fake = userWorkbook();
      fake.failSync({ atSync: k, code: 'GeneralException', message: 'The network went away' });
      const error: unknown = await applyLayoutPlan(plan, { host: fake.host, requestBudgetBytes: budget }).catch((e) => e);
      expect(error).toBeInstanceOf(ApplyError);
      const e = error as ApplyError;
      if (k === 1) {
        expect(e.message).toBe(
          'Could not read the workbook before writing Team grid (1,000 people): Excel said "GeneralException: The network went away". Nothing was changed.',
        );
      } else if (k < n) {
        expect(e.message).toMatch(
          /^Excel stopped while writing Team grid \(1,000 people\) \((rows [\d,]+–[\d,]+ of “Team grid”|.+)\): "GeneralException: The network went away"\. Not written: “Scale” and “Team grid”\. Nothing in your workbook was changed: the partly written sheets were removed\.$/,
        );
      } else {
        expect(e.message).toBe(
          'Excel stopped while putting the new sheets of Team grid (1,000 people) in place: "GeneralException: The network went away". Not written: “Scale” and “Team grid”. Nothing in your workbook was changed.',
        );
      }
      expect(e.written).toEqual([]);
      expect(e.notWritten).toEqual(['Scale', 'Team grid']);
      expect(fake.sheetNames()).toEqual(['Sheet1', 'Budget']);
      expectUserDataIntact(fake);
    }
  });

  it('a last step that fails half-way says which sheets are in place and which are not', async () => {
    const fake = userWorkbook();
    fake.failSync({ when: (a) => a.name === 'name' && a.kind === 'set' && a.args === 'Team grid', message: 'Excel is busy' });
    const e = (await applyLayoutPlan(gridLikePlan({ people: 10, competencies: 4 }), { host: fake.host }).catch((x) => x)) as ApplyError;
    expect(e.stage).toBe('finishing');
    expect(e.message).toBe(
      'Excel stopped while putting the new sheets of Team grid (10 people) in place: "GeneralException: Excel is busy". In place: “Scale”. Not in place: “Team grid” (finished copies are kept as “CM-new 2 Team grid”; rename them or run again). Your own sheets were not touched.',
    );
    expect(e.written).toEqual(['Scale']);
    expect(e.leftBehind).toEqual(['CM-new 2 Team grid']);
    expectUserDataIntact(fake);
  });

  it('cancelling between round trips removes the partly built sheets and changes nothing', async () => {
    const fake = userWorkbook();
    const controller = new AbortController();
    const onProgress = (p: ApplyProgress) => {
      if (p.phase === 'writing') controller.abort();
    };
    const e = (await applyLayoutPlan(gridLikePlan({ people: 3_000, competencies: 40 }), {
      host: fake.host,
      signal: controller.signal,
      onProgress,
      requestBudgetBytes: 500_000,
    }).catch((x) => x)) as ApplyError;
    expect(e).toBeInstanceOf(ApplyError);
    expect(e.stage).toBe('cancelled');
    expect(e.message).toBe('Cancelled before Team grid (3,000 people) was finished. Nothing in your workbook was changed.');
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Budget']);
    expectUserDataIntact(fake);
  });

  it('reports progress after every round trip', async () => {
    const fake = new ExcelFake();
    const seen: ApplyProgress[] = [];
    const report = await applyLayoutPlan(gridLikePlan({ people: 2_000, competencies: 40 }), {
      host: fake.host,
      onProgress: (p) => seen.push(p),
      requestBudgetBytes: 1_000_000,
    });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: report.syncs }, (_, i) => i + 1));
    expect(seen.every((p) => p.total >= p.done && p.detail.length > 0)).toBe(true);
    expect(seen[seen.length - 1]).toMatchObject({ phase: 'finishing', detail: 'Putting the new sheets in place' });
  });
});

describe('regenerating', () => {
  /** Types ratings as a manager would: person i, competency j -> level. */
  function rate(fake: ExcelFake, entries: [number, number, string | number][]): void {
    for (const [i, j, v] of entries) fake.type('Team grid', ratingCell(i, j), v);
  }

  it('keeps every rating typed into the grid, and keeps those with no place on an "Unplaced ratings" sheet', async () => {
    const fake = userWorkbook();
    await applyLayoutPlan(gridLikePlan({ people: 20, competencies: 5 }), { host: fake.host });
    rate(fake, [
      [0, 0, 'Expert'],
      [0, 4, 'Basic'],
      [2, 1, 3],
      [2, 2, 'Advanced'],
      [19, 3, 'Master'],
    ]);
    // Person 3 (P00003) leaves, a new person joins, C05 is dropped and C06 added.
    const ids = Array.from({ length: 20 }, (_, i) => personId(i)).filter((id) => id !== 'P00003');
    ids.push('P00099');
    const comps = ['C01', 'C02', 'C03', 'C04', 'C06'];
    const report = await applyLayoutPlan(gridLikePlan({ people: ids.length, competencies: 5, personIds: ids, competencyIds: comps }), {
      host: fake.host,
    });

    expect(report.sheetsReplaced).toEqual(['Scale', 'Team grid']);
    expect(report.sheetsCreated).toEqual([UNPLACED_SHEET_NAME]);
    expect(report.ratingsKept).toBe(2);
    expect(report.ratingsUnplaced).toBe(3);
    expect(report.unplacedSheet).toBe(UNPLACED_SHEET_NAME);
    expect(report.unplacedRatings.map((u) => [u.person, u.competency, u.value, u.reason]).sort()).toEqual([
      ['P00001', 'C05', 'Basic', 'competency-not-in-plan'],
      ['P00003', 'C02', 3, 'person-not-in-plan'],
      ['P00003', 'C03', 'Advanced', 'person-not-in-plan'],
    ]);
    expect(report.warnings).toContain(
      '3 ratings (2 people) could not be placed on the new sheets; they are kept on the sheet “Unplaced ratings”.',
    );
    expect(fake.read('Team grid', ratingCell(0, 0))).toEqual([['Expert']]);
    expect(fake.read('Team grid', ratingCell(18, 3))).toEqual([['Master']]); // P00020 is now row 19
    expect(fake.read(UNPLACED_SHEET_NAME, 'A5:C7')).toEqual([
      ['Person id \\ competency id (ratings)', 'C05', 'C02'],
      ['P00001', 'Basic', ''],
      ['P00003', '', 3],
    ]);
    // Formulas and dropdowns point at the new scale sheet, not at the deleted one.
    expect(fake.sheet('Team grid').validations[0].rule?.list?.source).toBe('=Scale!$B$2:$B$6');
    expect(fake.read('Team grid', 'J4')[0][0]).toContain('MATCH(D4:H4,Scale!$B$2:$B$6,0)');
    expect(fake.sheetNames().filter((n) => n.includes('(2)') || n.startsWith('CM-new'))).toEqual([]);
    expect(fake.model.names.size).toBe(2);
    expectUserDataIntact(fake);

    // P00003 comes back: the ratings set aside return to the grid and the unplaced sheet goes.
    const back = [...ids.slice(0, 2), 'P00003', ...ids.slice(2)];
    const again = await applyLayoutPlan(gridLikePlan({ people: back.length, competencies: 5, personIds: back, competencyIds: comps }), {
      host: fake.host,
    });
    expect(again.ratingsKept).toBe(4);
    expect(again.ratingsUnplaced).toBe(1);
    expect(fake.read('Team grid', `${ratingCell(2, 1)}:${ratingCell(2, 2)}`)).toEqual([[3, 'Advanced']]);
    expect(fake.read(UNPLACED_SHEET_NAME, 'A6:B6')).toEqual([['P00001', 'Basic']]);
    expectUserDataIntact(fake);
  });

  it('reads ratings by the ids shown in the grid, so a sorted grid keeps each rating with its person', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    rate(fake, [
      [0, 0, 'Basic'],
      [2, 1, 'Expert'],
    ]);
    // The manager sorts the grid so that the third person comes first.
    const row = (i: number) => fake.read('Team grid', `A${GRID_HEADER_ROWS + i + 1}:E${GRID_HEADER_ROWS + i + 1}`)[0];
    const [first, third] = [row(0), row(2)];
    ['A', 'B', 'C', 'D', 'E'].forEach((col, j) => {
      fake.type('Team grid', `${col}${GRID_HEADER_ROWS + 1}`, third[j]);
      fake.type('Team grid', `${col}${GRID_HEADER_ROWS + 3}`, first[j]);
    });
    const report = await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(report.ratingsKept).toBe(2);
    expect(fake.read('Team grid', `${ratingCell(0, 0)}:${ratingCell(0, 1)}`)).toEqual([['Basic', '']]);
    expect(fake.read('Team grid', `${ratingCell(2, 0)}:${ratingCell(2, 1)}`)).toEqual([['', 'Expert']]);
  });

  it('keeps the old grid aside instead of replacing it when the user typed notes beside it', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    rate(fake, [[1, 1, 'Advanced']]);
    fake.type('Team grid', 'L2', 'Ask Sam about P00002');
    const report = await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(report.keptAside).toEqual([{ was: 'Team grid', now: 'Team grid (old)' }]);
    expect(report.warnings).toContain(
      '“Team grid” was not replaced because it holds entries of yours outside what Competency Matrix wrote (A1:G6); it was kept as “Team grid (old)”, and the new sheet is “Team grid”.',
    );
    expect(fake.read('Team grid (old)', 'L2')).toEqual([['Ask Sam about P00002']]);
    expect(fake.read('Team grid', ratingCell(1, 1))).toEqual([['Advanced']]);
    expect(fake.sheetNames().indexOf('Team grid')).toBe(fake.sheetNames().indexOf('Team grid (old)') - 1);
    // The kept sheet is the user's now: the next regeneration leaves it alone.
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(fake.read('Team grid (old)', 'L2')).toEqual([['Ask Sam about P00002']]);
    expect(fake.damage).toEqual([]);
  });

  it('keeps the old grid aside when the user typed into a cell the product left empty inside the grid', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    fake.type('Team grid', 'C1', 'Reviewed by Sam, 3 May');
    const report = await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    expect(report.keptAside).toEqual([{ was: 'Team grid', now: 'Team grid (old)' }]);
    expect(report.warnings).toContain(
      '“Team grid” was not replaced because it holds entries of yours in cells Competency Matrix left empty (C1); it was kept as “Team grid (old)”, and the new sheet is “Team grid”.',
    );
    expect(fake.read('Team grid (old)', 'C1')).toEqual([['Reviewed by Sam, 3 May']]);
  });

  it('puts a rebuilt sheet back where the old one was in the tab order, and hides what the plan hides', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2, hiddenDataSheet: true }), { host: fake.host });
    fake.addSheet('Notes', [['n']]);
    const before = fake.sheetNames().filter((n) => n !== REGISTRY_SHEET_NAME);
    await applyLayoutPlan(gridLikePlan({ people: 4, competencies: 2, hiddenDataSheet: true }), { host: fake.host });
    expect(fake.sheetNames().filter((n) => n !== REGISTRY_SHEET_NAME)).toEqual(before);
    expect(fake.sheet('Framework data').visibility).toBe('Hidden');
    expect(fake.sheet(REGISTRY_SHEET_NAME).visibility).toBe('Hidden');
  });

  it('records its sheets and names in the registry, readable by the file renderer too', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 3, competencies: 2 }), { host: fake.host });
    const reg = fake.sheet(REGISTRY_SHEET_NAME);
    const used = reg.usedRect()!;
    const registry = parseRegistry(fake.read(REGISTRY_SHEET_NAME, `A1:I${used.rows}`));
    expect(registry.names).toEqual(['CM_Levels']);
    expect(registry.sheets.map((s) => [s.name, s.kind, s.hostId === fake.sheet(s.name).id])).toEqual([
      ['Scale', 'scale', true],
      ['Team grid', 'grid', true],
    ]);
    expect(registry.sheets[1].inputs[0]).toMatchObject({
      id: 'ratings',
      rowKeys: ['P00001', 'P00002', 'P00003'],
      colKeys: [competencyId(0), competencyId(1)],
      keyColumn: 0,
      keyRow: 2,
    });
  });

  it('regenerates a 10,000-person grid keeping all of its ratings, in a handful of round trips', async () => {
    const fake = new ExcelFake();
    await applyLayoutPlan(gridLikePlan({ people: 10_000, competencies: 40 }), { host: fake.host });
    // Managers fill in half of the grid.
    const grid = fake.sheet('Team grid');
    let typed = 0;
    for (let i = 0; i < 10_000; i++) {
      for (let j = 0; j < 40; j += 2) {
        grid.put(GRID_HEADER_ROWS + i, GRID_FIRST_RATING_COL + j, { value: LEVELS[(i + j) % 5], type: 'text', origin: 'typed' }, 'typed');
        typed++;
      }
    }
    const before = fake.syncCount;
    const report = await applyLayoutPlan(gridLikePlan({ people: 10_000, competencies: 40 }), { host: fake.host });
    expect(report.ratingsKept).toBe(typed);
    expect(report.ratingsUnplaced).toBe(0);
    expect(fake.syncCount - before).toBe(report.syncs);
    expect(report.syncs).toBeLessThanOrEqual(10);
    expect(fake.largestRequestBytes).toBeLessThan(FOUR_MB);
    expect(Math.max(...fake.requests.map((r) => r.responseBytes))).toBeLessThan(FOUR_MB);
    expect(fake.read('Team grid', `${ratingCell(9_999, 38)}:${ratingCell(9_999, 39)}`)).toEqual([[LEVELS[(9_999 + 38) % 5], '']]);
  });
});
