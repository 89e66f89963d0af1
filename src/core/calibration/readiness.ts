/**
 * Team view: how many people in each role are ready for the next one. The grid
 * already counts, per person, the competencies that block their next role
 * (below the next role's target, or not rated); this counts the people for
 * whom nothing blocks, and those one competency away.
 */
import type { RatedPerson } from './ratingMatrix';
import { excelText } from './levelReader';

export interface RoleStep {
  name: string;
  /** The next role's name; none for the most senior role. */
  nextRole?: string;
}

export interface RoleReadiness extends RoleStep {
  people: number;
  /** Nothing blocks the next role. */
  ready: number;
  /** Exactly one competency blocks. */
  oneAway: number;
}

/** Roles match as the sheet's COUNTIFS does: the whole text, ignoring case. */
export function readinessByRole(people: readonly RatedPerson[], roles: readonly RoleStep[]): RoleReadiness[] {
  const byRole = new Map(roles.map((r) => [r.name.toLowerCase(), { ...r, people: 0, ready: 0, oneAway: 0 }]));
  for (const p of people) {
    const row = byRole.get(excelText(p.role).toLowerCase());
    if (!row) continue;
    row.people++;
    if (p.blocking === 0) row.ready++;
    if (p.blocking === 1) row.oneAway++;
  }
  return [...byRole.values()];
}
