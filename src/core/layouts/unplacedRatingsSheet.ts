/**
 * The "Unplaced ratings" sheet: where ratings that have no place on a
 * regenerated sheet are kept (see carryRatings.ts), never dropped. Both
 * renderers write it from this plan and recognise it by its kind and its title.
 */
import type { CellBlock, CellStyle, InputRegion, PlanCell, SheetPlan } from './plan';
import type { UnplacedRating, UnplacedReason } from './carryRatings';

/** The name the sheet asks for (a user's sheet of that name means another, unique name). */
export const UNPLACED_SHEET_NAME = 'Unplaced ratings';
/** Its first cell: what tells it from a user's sheet of the same name before it is replaced. */
export const UNPLACED_SHEET_TITLE = 'Ratings that could not be placed';

const KEY_SEP = '\u001f';

/** The styles the sheet uses, added to the plan's style table with it. */
export const UNPLACED_STYLES: Record<string, CellStyle> = {
  'cm.unplaced.title': { bold: true, fontSize: 13 },
  'cm.unplaced.note': { italic: true, fontColor: '595959' },
  'cm.unplaced.header': { bold: true, fill: 'F2F2F2', border: 'thin' },
  'cm.unplaced.cell': { border: 'thin' },
};

const REASON_WORDS: Record<UnplacedReason, string> = {
  'person-not-in-plan': 'the person is no longer on the sheet',
  'competency-not-in-plan': 'the competency is no longer on the sheet',
  'region-not-in-plan': 'the new sheets have no place for these ratings',
  'not-a-level': "some values are not levels of their competency's scale",
  conflict: 'the new data brought a different value for a cell that already held one, which was kept',
  'typed-since-undone': 'they were typed on sheets whose action was then undone',
};

/**
 * The sheet that keeps unplaced ratings: per input region, a small grid of
 * person ids by competency ids (an input region itself, so a later
 * regeneration can place them). Two ratings for the same cell go in separate
 * grids so neither is lost.
 */
export function unplacedRatingsSheet(unplaced: readonly UnplacedRating[], options: { why?: string } = {}): SheetPlan {
  const groups: { region: string; people: string[]; comps: string[]; values: Map<string, PlanCell> }[] = [];
  for (const u of unplaced) {
    const key = `${u.person}${KEY_SEP}${u.competency}`;
    let g = groups.find((x) => x.region === u.region && !x.values.has(key));
    if (!g) {
      g = { region: u.region, people: [], comps: [], values: new Map() };
      groups.push(g);
    }
    if (!g.people.includes(u.person)) g.people.push(u.person);
    if (!g.comps.includes(u.competency)) g.comps.push(u.competency);
    g.values.set(key, u.value);
  }
  // `why` replaces the reasons where they are not the renderer's (ratings put back here by an undo).
  const reasons = options.why ? [options.why] : [...new Set(unplaced.map((u) => REASON_WORDS[u.reason]))];
  const blocks: CellBlock[] = [
    { row: 0, col: 0, cells: [[UNPLACED_SHEET_TITLE]] },
    {
      row: 1,
      col: 0,
      cells: [
        [`These ratings were on a sheet Competency Matrix regenerated, and had no place on the new one (${reasons.join('; ')}).`],
        ['They are kept here. When the person or competency is back, regenerating the grid puts them back; or copy them by hand.'],
      ],
    },
  ];
  const styles: SheetPlan['styles'] = [
    { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: 'cm.unplaced.title' },
    { range: { row: 1, col: 0, rows: 2, cols: 1 }, style: 'cm.unplaced.note' },
  ];
  const inputs: InputRegion[] = [];
  let row = 4;
  let widest = 1;
  for (const g of groups) {
    const header: PlanCell[] = [`Person id \\ competency id (${g.region})`, ...g.comps];
    const body: PlanCell[][] = g.people.map((p) => [p, ...g.comps.map((c) => g.values.get(`${p}${KEY_SEP}${c}`) ?? null)]);
    blocks.push({ row, col: 0, cells: [header, ...body] });
    styles.push({ range: { row, col: 0, rows: 1, cols: header.length }, style: 'cm.unplaced.header' });
    styles.push({ range: { row: row + 1, col: 0, rows: body.length, cols: header.length }, style: 'cm.unplaced.cell' });
    inputs.push({
      id: g.region,
      range: { row: row + 1, col: 1, rows: g.people.length, cols: g.comps.length },
      rowKeys: [...g.people],
      colKeys: [...g.comps],
    });
    widest = Math.max(widest, header.length);
    row += body.length + 3;
  }
  return {
    name: UNPLACED_SHEET_NAME,
    kind: 'unplaced',
    blocks,
    styles,
    columnWidths: [{ col: 0, width: 34 }, ...Array.from({ length: widest - 1 }, (_, j) => ({ col: j + 1, width: 14 }))],
    validations: [],
    conditionalFormats: [],
    inputs,
    tabColor: 'C00000',
  };
}
