/**
 * The one placement of ratings by person id and competency, shared by every
 * merge: a cycle's collect (cycle/merge.ts) and a rebuilt grid carrying the
 * ratings typed into the old one (layouts/carryRatings.ts, used by
 * `workbook --into` and the add-in's regenerate). Given ratings keyed by a
 * person id and a field (a competency id, or a comment), and for each rating
 * the targets it may go to (grids of people down and fields across), it finds
 * every cell the rating goes to and returns every rating that could not be
 * placed, with why. It places nothing itself and drops nothing: each rating
 * comes back exactly once, placed or not, in the order given. What a caller
 * does with a placed rating (a conflict with a value already there, a value
 * that is not a level) is its own rule, layered on top.
 *
 * People are matched under the one id rule (personIdKey): " e001 " is "E001".
 */
import { personIdKey } from './personId';

/** A rating to place: whose (the id as written) and which field. */
export interface KeyedRating {
  person: string;
  field: string;
}

/** Where ratings may go: rows by personIdKey, columns by field, each to a 0-based index. */
export interface PlacementTarget {
  rows: ReadonlyMap<string, number>;
  cols: ReadonlyMap<string, number>;
}

export type UnplacedWhy =
  /** No target at all for this rating (e.g. no grid with the rating's region). */
  | 'no-target'
  /** No target has the person. */
  | 'person-not-in-target'
  /** A target has the person but none with the person has the field. */
  | 'field-not-in-target';

/** A cell a rating goes to: which target (index into the targets given) and the row and column in it. */
export interface PlacedCell {
  target: number;
  row: number;
  col: number;
}

/** What became of one rating: the cells it goes to, or why it has none. */
export type PlacementOutcome<R> = { rating: R; at: PlacedCell[]; why?: undefined } | { rating: R; at: []; why: UnplacedWhy };

/** A target's index maps: the first row for each person (under personIdKey) and the first column for each field. */
export function placementTarget(rowIds: readonly string[], fields: readonly string[]): PlacementTarget {
  return { rows: firstIndex(rowIds.map(personIdKey)), cols: firstIndex(fields) };
}

function firstIndex(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * One outcome per rating, in the order given. A rating goes to every target
 * that has both its person and its field (a grid's ratings region can sit on
 * more than one sheet); `targetsOf` gives the targets a rating may go to.
 */
export function placeRatings<R extends KeyedRating>(
  ratings: Iterable<R>,
  targetsOf: (rating: R) => readonly PlacementTarget[],
): PlacementOutcome<R>[] {
  const out: PlacementOutcome<R>[] = [];
  for (const rating of ratings) {
    const targets = targetsOf(rating);
    if (!targets.length) {
      out.push({ rating, at: [], why: 'no-target' });
      continue;
    }
    const key = personIdKey(rating.person);
    const at: PlacedCell[] = [];
    let personSeen = false;
    targets.forEach((t, target) => {
      const row = t.rows.get(key);
      if (row === undefined) return;
      personSeen = true;
      const col = t.cols.get(rating.field);
      if (col !== undefined) at.push({ target, row, col });
    });
    if (at.length) out.push({ rating, at });
    else out.push({ rating, at: [], why: personSeen ? 'field-not-in-target' : 'person-not-in-target' });
  }
  return out;
}
