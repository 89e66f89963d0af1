/**
 * People grouped by their rater. The sheet matches managers with SUMIF and
 * COUNTIFS, which ignore case, and reads the manager cell through TRIM, so
 * groups here do the same: "Ana Li", "ana li" and " Ana  Li" are one rater,
 * shown with the first spelling met in the grid.
 */
import type { RatedPerson } from './ratingMatrix';
import { excelTrim } from './levelReader';

/** The label of people with no manager in the grid; the data sheet writes the same text. */
export const NO_MANAGER = '(no manager)';

export interface ManagerGroups {
  /** Manager labels in display order (alphabetical, "(no manager)" last). */
  labels: string[];
  /** group[person] is the index into labels. */
  group: Int32Array;
  /** People per manager. */
  people: number[];
}

export function managerLabel(manager: string): string {
  // Most names need no trimming; skip the regular expressions for them (5,000 people per pass).
  const clean = manager.length > 0 && manager[0] !== ' ' && manager[manager.length - 1] !== ' ' && !manager.includes('  ');
  const t = clean ? manager : excelTrim(manager);
  return t === '' ? NO_MANAGER : t;
}

export function managerGroups(people: readonly RatedPerson[]): ManagerGroups {
  // Teams share a manager cell's text: one map lookup per person, and each distinct text normalised once.
  const slotOfText = new Map<string, number>();
  const texts: string[] = [];
  const slot = new Int32Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const text = people[i].manager;
    let s = slotOfText.get(text);
    if (s === undefined) {
      s = texts.length;
      slotOfText.set(text, s);
      texts.push(text);
    }
    slot[i] = s;
  }
  // Distinct texts (in order of first appearance) to groups: case and spaces ignored, first spelling shown.
  const groupOfKey = new Map<string, { label: string; slots: number[] }>();
  texts.forEach((text, s) => {
    const label = managerLabel(text);
    const key = label.toLowerCase();
    const found = groupOfKey.get(key);
    if (found) found.slots.push(s);
    else groupOfKey.set(key, { label, slots: [s] });
  });
  const noManagerKey = NO_MANAGER.toLowerCase();
  const ordered = [...groupOfKey.keys()].sort((a, b) => {
    if (a === noManagerKey || b === noManagerKey) return a === noManagerKey ? 1 : -1;
    return a.localeCompare(b, 'en');
  });
  const groupOfSlot = new Int32Array(texts.length);
  ordered.forEach((key, g) => {
    for (const s of groupOfKey.get(key)!.slots) groupOfSlot[s] = g;
  });
  const group = new Int32Array(people.length);
  const counts = new Array<number>(ordered.length).fill(0);
  for (let i = 0; i < people.length; i++) {
    const g = groupOfSlot[slot[i]];
    group[i] = g;
    counts[g]++;
  }
  return { labels: ordered.map((key) => groupOfKey.get(key)!.label), group, people: counts };
}
