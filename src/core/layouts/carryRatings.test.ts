import type { LayoutPlan, PlanCell, SheetPlan } from './plan';
import { carryRatings, ratingKey } from './carryRatings';
import { UNPLACED_SHEET_NAME, UNPLACED_SHEET_TITLE } from './unplacedRatingsSheet';
import { isProductTitle } from './sheetTitles';
import { planCellAt, registeredSheet } from './registry';

function grid(people: string[], comps: string[], values: Record<string, PlanCell> = {}): SheetPlan {
  return {
    name: 'Team grid',
    kind: 'grid',
    blocks: [
      { row: 0, col: 0, cells: [['Id', ...comps]] },
      { row: 1, col: 0, cells: people.map((p) => [p, ...comps.map((c) => values[`${p}/${c}`] ?? null)]) },
    ],
    styles: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
    inputs: [{ id: 'ratings', range: { row: 1, col: 1, rows: people.length, cols: comps.length }, rowKeys: people, colKeys: comps }],
  };
}

function plan(sheet: SheetPlan): LayoutPlan {
  return { title: 'Grid', sheets: [sheet], names: [], styles: {} };
}

const old = (entries: [string, string, PlanCell][]) => new Map(entries.map(([p, c, v]) => [ratingKey('ratings', p, c), v]));

describe('carrying ratings into a regenerated plan', () => {
  it('puts each rating where the same person and competency now sit, even after reordering', () => {
    const next = plan(grid(['bo', 'ann'], ['c2', 'c1']));
    const {
      plan: out,
      kept,
      unplaced,
    } = carryRatings(
      next,
      old([
        ['ann', 'c1', 'Expert'],
        ['bo', 'c2', 3],
      ]),
    );
    expect(kept).toBe(2);
    expect(unplaced).toEqual([]);
    expect(planCellAt(out.sheets[0], 2, 2)).toBe('Expert'); // ann is row 2, c1 is column 2
    expect(planCellAt(out.sheets[0], 1, 1)).toBe(3);
  });

  it('keeps the first of two old ratings for one cell (one id written two ways) and lists the other, never overwriting it', () => {
    const next = plan(grid(['E001'], ['c1']));
    const {
      plan: out,
      kept,
      unplaced,
    } = carryRatings(
      next,
      old([
        ['E001', 'c1', 'Expert'],
        [' e001 ', 'c1', 'Novice'],
      ]),
    );
    expect(planCellAt(out.sheets[0], 1, 1)).toBe('Expert');
    expect(kept).toBe(1);
    expect(unplaced).toEqual([{ person: ' e001 ', competency: 'c1', value: 'Novice', region: 'ratings', reason: 'conflict' }]);
  });

  it('does not change the plan it was given', () => {
    const next = plan(grid(['ann'], ['c1']));
    const before = JSON.stringify(next);
    carryRatings(next, old([['ann', 'c1', 'Expert']]));
    expect(JSON.stringify(next)).toBe(before);
  });

  it('keeps ratings of people and competencies that are gone on an "Unplaced ratings" sheet, as an input region', () => {
    const next = plan(grid(['ann'], ['c1']));
    const { plan: out, unplaced } = carryRatings(
      next,
      old([
        ['ann', 'c9', 'Basic'],
        ['zoe', 'c1', 'Expert'],
        ['ann', 'c1', ''],
      ]),
    );
    expect(unplaced.map((u) => [u.person, u.competency, u.value, u.reason])).toEqual([
      ['ann', 'c9', 'Basic', 'competency-not-in-plan'],
      ['zoe', 'c1', 'Expert', 'person-not-in-plan'],
    ]);
    const sheet = out.sheets.find((s) => s.name === UNPLACED_SHEET_NAME)!;
    const [region] = sheet.inputs!;
    expect(region).toMatchObject({ id: 'ratings', rowKeys: ['ann', 'zoe'], colKeys: ['c9', 'c1'] });
    expect(planCellAt(sheet, region.range.row, region.range.col)).toBe('Basic');
    expect(planCellAt(sheet, region.range.row + 1, region.range.col + 1)).toBe('Expert');
    expect(Object.keys(out.styles)).toEqual(expect.arrayContaining(sheet.styles.map((s) => s.style)));
  });

  it('gives the unplaced sheet a kind and a title of its own, by which both renderers recognise it', () => {
    const { plan: out } = carryRatings(plan(grid(['ann'], ['c1'])), old([['zoe', 'c1', 'Expert']]));
    const sheet = out.sheets.find((s) => s.name === UNPLACED_SHEET_NAME)!;
    expect(sheet.kind).toBe('unplaced');
    expect(planCellAt(sheet, 0, 0)).toBe(UNPLACED_SHEET_TITLE);
    expect(isProductTitle('unplaced', UNPLACED_SHEET_TITLE)).toBe(true);
    expect(isProductTitle('unplaced', 'My ratings')).toBe(false);
  });

  it('says on the unplaced sheet when values were set aside for not being levels of their scale', () => {
    const { plan: out, unplaced } = carryRatings(plan(grid(['ann'], ['c1'])), new Map(), {
      alsoUnplaced: [{ person: 'ann', competency: 'c1', value: 'Guru', region: 'ratings', reason: 'not-a-level' }],
    });
    expect(unplaced.map((u) => u.reason)).toEqual(['not-a-level']);
    const sheet = out.sheets.find((s) => s.kind === 'unplaced')!;
    expect(String(planCellAt(sheet, 1, 0))).toContain("some values are not levels of their competency's scale");
  });

  it('lets a later regeneration place an unplaced rating once its person is back', () => {
    const first = carryRatings(plan(grid(['ann'], ['c1'])), old([['zoe', 'c1', 'Expert']]));
    const unplacedSheet = first.plan.sheets.find((s) => s.name === UNPLACED_SHEET_NAME)!;
    const [region] = registeredSheet(unplacedSheet, UNPLACED_SHEET_NAME, 't').inputs;
    expect(region.keyColumn).toBe(0); // the person ids are shown, so the sheet can be sorted safely
    const again = new Map([
      [ratingKey(region.id, region.rowKeys[0], region.colKeys[0]), planCellAt(unplacedSheet, region.range.row, region.range.col)!],
    ]);
    const second = carryRatings(plan(grid(['ann', 'zoe'], ['c1'])), again);
    expect(second.kept).toBe(1);
    expect(planCellAt(second.plan.sheets[0], 2, 1)).toBe('Expert');
  });

  it("keeps what was entered in the workbook over a different value the new plan brings, setting the plan's aside", () => {
    const next = plan(grid(['ann'], ['c1'], { 'ann/c1': 'Basic' }));
    const { plan: out, kept, unplaced } = carryRatings(next, old([['ann', 'c1', 'Expert']]));
    expect(kept).toBe(1);
    expect(planCellAt(out.sheets[0], 1, 1)).toBe('Expert');
    expect(unplaced).toEqual([{ person: 'ann', competency: 'c1', value: 'Basic', region: 'ratings', reason: 'conflict' }]);
  });

  it('counts what it kept per input region', () => {
    const { keptByRegion } = carryRatings(
      plan(grid(['ann'], ['c1', 'c2'])),
      old([
        ['ann', 'c1', 'x'],
        ['ann', 'c2', 'y'],
      ]),
    );
    expect(keptByRegion).toEqual({ ratings: 2 });
  });

  it('counts a rating the new plan already holds as kept', () => {
    const next = plan(grid(['ann'], ['c1'], { 'ann/c1': 'Expert' }));
    expect(carryRatings(next, old([['ann', 'c1', ' Expert ']])).kept).toBe(1);
  });

  it('places ratings in cells no block covers by adding small blocks', () => {
    const sheet = grid(['ann', 'bo'], ['c1', 'c2']);
    sheet.blocks = [sheet.blocks[0]];
    const { plan: out, kept } = carryRatings(
      plan(sheet),
      old([
        ['bo', 'c1', 'A'],
        ['bo', 'c2', 'B'],
        ['ann', 'c2', 'C'],
      ]),
    );
    expect(kept).toBe(3);
    expect(out.sheets[0].blocks.slice(1)).toEqual([
      { row: 1, col: 2, cells: [['C']] },
      { row: 2, col: 1, cells: [['A', 'B']] },
    ]);
  });

  it('keeps two different ratings for the same cell side by side on the unplaced sheet', () => {
    const next = plan(grid(['ann'], ['c1']));
    const { plan: out, unplaced } = carryRatings(next, old([['zoe', 'c1', 'Expert']]), {
      alsoUnplaced: [{ person: 'zoe', competency: 'c1', value: 'Basic', region: 'ratings', reason: 'conflict' }],
    });
    expect(unplaced).toHaveLength(2);
    const sheet = out.sheets.find((s) => s.name === UNPLACED_SHEET_NAME)!;
    expect(sheet.inputs).toHaveLength(2);
    const values = sheet.inputs!.map((r) => planCellAt(sheet, r.range.row, r.range.col));
    expect(values.sort()).toEqual(['Basic', 'Expert']);
  });

  it('adds no sheet when everything is placed', () => {
    const { plan: out } = carryRatings(plan(grid(['ann'], ['c1'])), old([['ann', 'c1', 'x']]));
    expect(out.sheets.map((s) => s.name)).toEqual(['Team grid']);
  });
});
