/**
 * Carrying ratings into a regenerated plan. Before a grid is rebuilt (new
 * roster, new framework version) the renderer reads every rating people typed
 * into it, keyed by input region, person and competency; this puts each one
 * back where the same person and competency sit in the new plan. A rating with
 * nowhere to go is never dropped: it goes on an "Unplaced ratings" sheet that is
 * itself an input region, so a later regeneration places it again once its
 * person or competency is back.
 */
import type { CellBlock, InputRegion, LayoutPlan, PlanCell, SheetPlan } from './plan';
import { isFormula } from './plan';
import { planCellAt } from './registry';
import { UNPLACED_STYLES, unplacedRatingsSheet } from './unplacedRatingsSheet';
import { placeRatings, placementTarget, type PlacementTarget, type UnplacedWhy } from '../placeRatings';

/** The shared placement's reasons as the rebuild reports them. */
const CARRY_REASON: Record<UnplacedWhy, UnplacedReason> = {
  'no-target': 'region-not-in-plan',
  'person-not-in-target': 'person-not-in-plan',
  'field-not-in-target': 'competency-not-in-plan',
};

export type UnplacedReason =
  /** The person is not in any input region of the new plan with that region id. */
  | 'person-not-in-plan'
  /** The person is there but the competency is not. */
  | 'competency-not-in-plan'
  /** The new plan has no input region with that id at all. */
  | 'region-not-in-plan'
  /** The value is not a level of the competency's scale (found by callers that read levels, e.g. the file rebuild). */
  | 'not-a-level'
  /** The new plan brought a different value for a cell that held a rating: the rating stays, the plan's value is set aside. */
  | 'conflict'
  /** Typed on an action's sheets after the action, which was then undone: the old sheets have no cell for it. */
  | 'typed-since-undone';

export interface UnplacedRating {
  person: string;
  competency: string;
  value: PlanCell;
  /** The input region the rating came from, e.g. "ratings". */
  region: string;
  reason: UnplacedReason;
}

export interface CarryResult {
  plan: LayoutPlan;
  /** Ratings put back in place (or already there with the same value). */
  kept: number;
  /** The same, by input region id (e.g. "ratings", "coverage-levels"). */
  keptByRegion: Record<string, number>;
  unplaced: UnplacedRating[];
}

export interface CarryOptions {
  /** Ratings already known to have no place (e.g. two old cells for one key): they join the unplaced ones. */
  alsoUnplaced?: UnplacedRating[];
}

const SEP = '\u001f';

/** The key of a rating in `oldRatings`: input region id, person id and competency id. */
export function ratingKey(region: string, person: string, competency: string): string {
  return `${region}${SEP}${person}${SEP}${competency}`;
}

export function splitRatingKey(key: string): { region: string; person: string; competency: string } {
  const [region = '', person = '', competency = ''] = key.split(SEP);
  return { region, person, competency };
}

/** A cell that holds a rating: anything but empty or blank text. */
export function isRating(value: PlanCell | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function sameValue(a: PlanCell, b: PlanCell): boolean {
  if (isFormula(a) || isFormula(b)) return isFormula(a) && isFormula(b) && a.formula === b.formula;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

interface RegionIndex extends PlacementTarget {
  sheet: number;
  region: InputRegion;
}

interface Placement {
  row: number;
  col: number;
  value: PlanCell;
}

/** Copies a sheet's blocks with the placements written in; blocks are copied only where they change. */
function placeInto(sheet: SheetPlan, placements: Placement[]): SheetPlan {
  const blocks = sheet.blocks.slice();
  const copied = new Set<number>();
  const copiedRows = new Set<string>();
  const extra: Placement[] = [];
  for (const p of placements) {
    let k = blocks.length - 1;
    for (; k >= 0; k--) {
      const line = blocks[k].cells[p.row - blocks[k].row];
      if (line && p.col >= blocks[k].col && p.col < blocks[k].col + line.length) break;
    }
    if (k < 0) {
      extra.push(p);
      continue;
    }
    if (!copied.has(k)) {
      blocks[k] = { ...blocks[k], cells: blocks[k].cells.slice() };
      copied.add(k);
    }
    const b = blocks[k];
    const i = p.row - b.row;
    if (!copiedRows.has(`${k}:${i}`)) {
      b.cells[i] = b.cells[i].slice();
      copiedRows.add(`${k}:${i}`);
    }
    b.cells[i][p.col - b.col] = p.value;
  }
  // Cells no block covers get small blocks of their own: one per run of adjacent cells in a row.
  extra.sort((a, b) => a.row - b.row || a.col - b.col);
  for (let s = 0; s < extra.length;) {
    let e = s + 1;
    while (e < extra.length && extra[e].row === extra[s].row && extra[e].col === extra[e - 1].col + 1) e++;
    const block: CellBlock = { row: extra[s].row, col: extra[s].col, cells: [extra.slice(s, e).map((p) => p.value)] };
    blocks.push(block);
    s = e;
  }
  return { ...sheet, blocks };
}

/**
 * Puts old ratings into a new plan; whatever has no place is listed and kept on
 * an "Unplaced ratings" sheet. What people entered in the workbook wins: where
 * the new plan brings a different value for the same cell, the old value is
 * placed and the plan's is set aside as a conflict.
 */
export function carryRatings(plan: LayoutPlan, oldRatings: ReadonlyMap<string, PlanCell>, options: CarryOptions = {}): CarryResult {
  const regions = new Map<string, RegionIndex[]>();
  plan.sheets.forEach((sheet, s) => {
    for (const region of sheet.inputs ?? []) {
      const list = regions.get(region.id) ?? [];
      // Rows are found under the one id rule (personIdKey): " e001 " on a roster is the grid's "E001".
      list.push({ sheet: s, region, ...placementTarget(region.rowKeys, region.colKeys) });
      regions.set(region.id, list);
    }
  });
  const ratings = [...oldRatings]
    .filter(([, value]) => isRating(value))
    .map(([key, value]) => {
      const { region, person, competency } = splitRatingKey(key);
      return { region, person, field: competency, value };
    });
  const placements = new Map<number, Placement[]>();
  const unplaced: UnplacedRating[] = [];
  const keptByRegion: Record<string, number> = {};
  const carried = new Map<string, PlanCell>();
  let kept = 0;
  // The shared placement finds each rating's cells; the rebuild's own rule is what to do where the new plan already holds a value.
  for (const outcome of placeRatings(ratings, (r) => regions.get(r.region) ?? [])) {
    const { region, person, field: competency, value } = outcome.rating;
    if (outcome.why) {
      unplaced.push({ person, competency, value, region, reason: CARRY_REASON[outcome.why] });
      continue;
    }
    const candidates = regions.get(region)!;
    let clash = false;
    for (const at of outcome.at) {
      const c = candidates[at.target];
      const row = c.region.range.row + at.row;
      const col = c.region.range.col + at.col;
      const cell = `${c.sheet}:${row}:${col}`;
      // Two old ratings for one cell (" e001 " and "E001" read as two keys): the first stays, a different second is set aside, never overwritten.
      const earlier = carried.get(cell);
      if (earlier !== undefined) {
        if (!sameValue(earlier, value)) clash = true;
        continue;
      }
      carried.set(cell, value);
      const existing = planCellAt(plan.sheets[c.sheet], row, col) ?? null;
      if (isRating(existing) && sameValue(existing, value)) continue;
      if (isRating(existing)) unplaced.push({ person, competency, value: existing, region, reason: 'conflict' });
      const list = placements.get(c.sheet) ?? [];
      list.push({ row, col, value });
      placements.set(c.sheet, list);
    }
    if (clash) {
      unplaced.push({ person, competency, value, region, reason: 'conflict' });
      continue;
    }
    kept++;
    keptByRegion[region] = (keptByRegion[region] ?? 0) + 1;
  }
  const sheets = plan.sheets.map((sheet, s) => (placements.has(s) ? placeInto(sheet, placements.get(s)!) : sheet));
  const all = [...unplaced, ...(options.alsoUnplaced ?? [])];
  if (!all.length) return { plan: { ...plan, sheets }, kept, keptByRegion, unplaced: all };
  return {
    plan: { ...plan, sheets: [...sheets, unplacedRatingsSheet(all)], styles: { ...UNPLACED_STYLES, ...plan.styles } },
    kept,
    keptByRegion,
    unplaced: all,
  };
}
