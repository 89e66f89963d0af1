/**
 * What a person typed on an action's sheets after the action wrote them. An
 * action's sheets hold only ratings it carried from the sheets it replaced, or
 * the ratings of its own input (a roster's); anything else there now was typed
 * since, and an undo that brings the old sheets back would lose it unless it is
 * set aside. Cells are matched under the one id rule (personIdKey), so a person
 * whose id was retyped in another case is still the same person.
 */
import { ratingKey } from '../layouts/carryRatings';
import type { PlanCell } from '../layouts/plan';
import { personIdKey } from '../personId';

export interface RatingCell {
  /** The input region the rating is in, e.g. "ratings". */
  region: string;
  person: string;
  competency: string;
  value: PlanCell;
}

export interface TypedSince<T extends RatingCell> {
  /** Ratings on the action's sheets now that neither the replaced sheets nor the action's input held. */
  typed: T[];
  /** Ratings the replaced sheets held that are on the action's sheets no longer (cleared since, or never carried). */
  cleared: number;
}

/** A rating's text as a person reads it: a number and its digits are one rating. */
function ratingText(value: PlanCell): string {
  if (value === null || typeof value === 'object') return '';
  return String(value).trim();
}

function keyOf(r: RatingCell): string {
  return ratingKey(r.region, personIdKey(r.person), r.competency);
}

export function typedSinceAction<T extends RatingCell>(cells: {
  /** The ratings on the sheets the action replaced. */
  before: readonly RatingCell[];
  /** The ratings the action itself brought (its roster's, say). */
  brought: readonly RatingCell[];
  /** The ratings on the action's sheets now. */
  now: readonly T[];
}): TypedSince<T> {
  const known = new Map<string, Set<string>>();
  for (const r of [...cells.before, ...cells.brought]) {
    const key = keyOf(r);
    known.set(key, (known.get(key) ?? new Set()).add(ratingText(r.value)));
  }
  const seen = new Set<string>();
  const typed: T[] = [];
  for (const r of cells.now) {
    const key = keyOf(r);
    seen.add(key);
    if (!known.get(key)?.has(ratingText(r.value))) typed.push(r);
  }
  const cleared = cells.before.filter((r) => !seen.has(keyOf(r))).length;
  return { typed, cleared };
}
