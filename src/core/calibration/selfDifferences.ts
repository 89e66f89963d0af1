/**
 * Where a cycle master's "Self ratings" sheet (cycle/selfRatingsSheet.ts) keeps
 * its self-minus-manager differences, for the calibration pack's rater table:
 * the person rows, the manager column and one difference column per
 * competency calibrated, found by the sheet's hidden key row, so the pack's
 * per-manager mean reads them live. Core's own figures (sum and count per
 * manager) are the formulas' cached results, computed from the self codes
 * and the grid's ratings the same way the sheet's difference formulas do.
 */
import { personIdKey } from '../personId';
import { SELF_KEYS } from '../cycle/selfRatingsSheet';
import { NOT_RATED, type RatingMatrix } from './ratingMatrix';

export interface SelfDifferences {
  sheet: string;
  /** 0-based sheet row of the first person, and how many rows the people span. */
  firstRow: number;
  rows: number;
  /** 0-based column of the manager each self row names. */
  managerCol: number;
  /** 0-based difference columns, one per competency calibrated that the sheet has. */
  diffCols: number[];
  /** Sum and count of the differences, by manager (compared as SUMIF's criterion does: case-insensitive, spaces as they are). */
  byManager: Map<string, { sum: number; n: number }>;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * The key a manager's name is grouped under, as SUMIF's criterion compares it
 * with the Self ratings sheet's manager cell: ignoring case only. (People
 * with no manager never match the "(no manager)" row: they are left out.)
 */
export function managerGroupKey(manager: string): string {
  return manager.toLowerCase();
}

/** The Self ratings sheet's difference block, from its cells as rows from A1; undefined when the sheet is not one. */
export function selfDifferences(
  sheet: string,
  cells: readonly (readonly unknown[] | undefined)[],
  matrix: RatingMatrix,
): SelfDifferences | undefined {
  const keyRow = cells.findIndex(
    (r, i) => i < 60 && text(r?.[0]) === SELF_KEYS.id && Array.from(r ?? [], text).some((k) => k.startsWith(SELF_KEYS.diff)),
  );
  if (keyRow < 0) return undefined;
  const keys = Array.from(cells[keyRow] ?? [], text);
  const managerCol = keys.indexOf(SELF_KEYS.manager);
  if (managerCol < 0) return undefined;
  const comps = matrix.competencies
    .map((c, j) => ({ j, self: keys.indexOf(SELF_KEYS.self + c.id), diff: keys.indexOf(SELF_KEYS.diff + c.id) }))
    .filter((c) => c.self >= 0 && c.diff >= 0);
  let last = keyRow;
  for (let r = keyRow + 1; r < cells.length; r++) if (text(cells[r]?.[0])) last = r;

  const C = matrix.competencies.length;
  const personAt = new Map(matrix.people.map((p, i) => [personIdKey(p.id), i]));
  const levelOf = new Map(matrix.scale.levels.map((l) => [l.code.toLowerCase(), l.value]));
  const byManager = new Map<string, { sum: number; n: number }>();
  for (let r = keyRow + 1; r <= last; r++) {
    const row = cells[r];
    const p = personAt.get(personIdKey(text(row?.[0])));
    if (p === undefined) continue;
    const manager = row?.[managerCol];
    const group = managerGroupKey(manager === null || manager === undefined ? '' : String(manager));
    for (const c of comps) {
      const self = levelOf.get(text(row?.[c.self]).toLowerCase());
      const rank = matrix.ranks[p * C + c.j];
      if (self === undefined || rank === NOT_RATED) continue;
      const g = byManager.get(group) ?? { sum: 0, n: 0 };
      g.sum += self - matrix.scale.levels[rank].value;
      g.n++;
      byManager.set(group, g);
    }
  }
  return { sheet, firstRow: keyRow + 1, rows: Math.max(1, last - keyRow), managerCol, diffCols: comps.map((c) => c.diff), byManager };
}
