/**
 * People grouped by role, the way the sheet matches them: SUMIF ignores case
 * and the data sheet reads the role through TRIM, so "Senior", "senior" and
 * " Senior " are one role, shown with the first spelling met in the grid.
 */
import type { RatedPerson } from '../ratingMatrix';
import { excelTrim } from '../levelReader';

/** The label of people with no role in the grid; the data sheet writes the same text. */
export const NO_ROLE = '(no role)';

export function roleLabel(role: string): string {
  const t = excelTrim(role);
  return t === '' ? NO_ROLE : t;
}

export interface RoleGroups {
  /** Role labels in order of first appearance in the grid. */
  labels: string[];
  /** role[person] is the index into labels. */
  role: Int32Array;
}

export function roleGroups(people: readonly RatedPerson[]): RoleGroups {
  const indexOfKey = new Map<string, number>();
  const labels: string[] = [];
  const role = new Int32Array(people.length);
  // Roles repeat: each distinct text is normalised once (5,000 people, a handful of roles).
  const indexOfText = new Map<string, number>();
  people.forEach((p, i) => {
    let r = indexOfText.get(p.role);
    if (r === undefined) {
      const label = roleLabel(p.role);
      const key = label.toLowerCase();
      r = indexOfKey.get(key);
      if (r === undefined) {
        r = labels.length;
        indexOfKey.set(key, r);
        labels.push(label);
      }
      indexOfText.set(p.role, r);
    }
    role[i] = r;
  });
  return { labels, role };
}
