/**
 * What a rebuild (`workbook --into`, with a roster) keeps of the old grid:
 * what a person typed in the workbook is the newest information, so for every
 * cell the old grid showed (a level, N/A, a blank they cleared) it wins over
 * the roster file's rating, and each disagreement is listed. Cells cleared
 * and kept blank are recorded on the new grid's ratings region, so a second
 * rebuild keeps them cleared too. Pure: the xlsx layer reads the cells, this
 * decides; placing the result is carryRatings' (one placement, placeRatings).
 */
import type { FrameworkModel } from '../framework/model';
import type { Roster } from '../roster';
import { personIdKey } from '../personId';
import type { LayoutPlan, PlanCell } from './plan';
import { ratingKey, splitRatingKey, type UnplacedRating } from './carryRatings';

/** A cell where the workbook and the roster file disagree; the workbook's value is the one kept. */
export interface Disagreement {
  /** The person's id as the roster writes it. */
  person: string;
  competency: string;
  typed: string;
  roster: string;
  /** For a blank: the workbook predates the record of what the product wrote, so it may never have been rated there. */
  unsure?: true;
}

/** A cell that held a rating when the product wrote it, shows blank now, and stays blank. */
export interface ClearedCell {
  rowKey: string;
  colKey: string;
}

/**
 * Old ratings merged into the roster where they parse as levels; the rest set
 * aside with a reason. What a person typed in the workbook is the newest
 * information: for every cell the old grid showed (a level, N/A, a blank they
 * cleared) it wins over the roster file's rating, and each disagreement is
 * listed. People are matched under the one id rule (personIdKey).
 */
export function typedOverRoster(
  model: FrameworkModel,
  roster: Roster,
  old: { values: Map<string, PlanCell>; covered: Set<string>; unrecorded: Set<string> },
  unplaced: UnplacedRating[],
  disagreements: Disagreement[],
  cleared: ClearedCell[],
): Map<string, PlanCell> {
  const people = new Map(roster.people.map((p) => [personIdKey(p.id), p]));
  const carry = new Map<string, PlanCell>();
  const typed = new Set<string>();
  for (const [key, value] of old.values) {
    const { region, person, competency } = splitRatingKey(key);
    if (region !== 'ratings') {
      // Other entries (a cycle master's comments) are carried as they are: placed where the new plan has their region, else kept aside.
      if (region !== 'coverage-levels') carry.set(key, value);
      continue;
    }
    const comp = model.findCompetency(competency);
    const p = people.get(personIdKey(person));
    if (!comp || !p || comp.id !== competency) {
      carry.set(key, value); // carryRatings reports it as unplaced, with the reason
      continue;
    }
    const level = model.scaleOf(comp).tryParse(typeof value === 'number' ? String(value) : value);
    if (level === undefined) {
      unplaced.push({ person, competency, value, region, reason: 'not-a-level' });
      continue;
    }
    typed.add(ratingKey(region, personIdKey(p.id), comp.id));
    const given = p.ratings.get(comp.id);
    if (level === null) {
      // "N/A" and friends: not rated, as typed; the roster's level does not come back.
      if (given) disagreements.push({ person: p.id, competency: comp.id, typed: String(value).trim(), roster: given.code });
      p.ratings.delete(comp.id);
      carry.set(ratingKey(region, p.id, competency), String(value).trim());
      continue;
    }
    // The rating entered in the workbook stays in the grid; a different one from the roster file is set aside.
    if (given && given !== level) {
      unplaced.push({ person, competency, value: given.code, region, reason: 'conflict' });
      disagreements.push({ person: p.id, competency: comp.id, typed: level.code, roster: given.code });
    }
    p.ratings.set(comp.id, level);
    carry.set(ratingKey(region, p.id, competency), level.code);
  }
  // A cell that held a rating when written and shows blank was cleared in the workbook: the roster's level does not fill it.
  // (A workbook from before the rated record cannot tell a cleared cell from one never rated: it is treated as cleared, and said so.)
  for (const p of roster.people) {
    for (const [competency, level] of p.ratings) {
      const key = ratingKey('ratings', personIdKey(p.id), competency);
      if (!old.covered.has(key) || typed.has(key)) continue;
      p.ratings.delete(competency);
      cleared.push({ rowKey: p.id, colKey: competency });
      disagreements.push({
        person: p.id,
        competency,
        typed: '',
        roster: level.code,
        ...(old.unrecorded.has(key) ? { unsure: true as const } : {}),
      });
    }
  }
  // Listed as the roster lists people, and each person's competencies as the framework does.
  const personOrder = new Map(roster.people.map((p, i) => [p.id, i]));
  const competencyOrder = new Map(model.competencies.map((c, i) => [c.id, i]));
  disagreements.sort(
    (a, b) =>
      personOrder.get(a.person)! - personOrder.get(b.person)! || competencyOrder.get(a.competency)! - competencyOrder.get(b.competency)!,
  );
  return carry;
}

/** The cleared cells a rebuild kept blank, on the grid's ratings region, so the registry records them as decided. */
export function withCleared<T extends { plan: LayoutPlan }>(carried: T, cleared: ClearedCell[]): T {
  if (!cleared.length) return carried;
  const sheets = carried.plan.sheets.map((s) =>
    s.kind === 'grid' && s.inputs?.some((r) => r.id === 'ratings')
      ? { ...s, inputs: s.inputs.map((r) => (r.id === 'ratings' ? { ...r, cleared } : r)) }
      : s,
  );
  return { ...carried, plan: { ...carried.plan, sheets } };
}
