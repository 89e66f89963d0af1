/**
 * What changed between a snapshot and the ratings now: per person and
 * competency, change = level value now - level value then (blank where either
 * is not rated), with counts per person and per manager. People are matched by
 * id ignoring case (as MATCH does), competencies by id. This is the same
 * comparison the live "Changes" sheet makes with formulas.
 */
import type { RatingMatrix } from './ratingMatrix';
import type { RatingSnapshot } from './snapshot';
import { LevelReader } from './levelReader';
import { managerGroups } from './managerGroups';

export interface PersonChange {
  /** Index of the person in the ratings now. */
  person: number;
  /** Row of the person in the snapshot, or null for someone new since. */
  snapshotRow: number | null;
  /** Ratings rated both then and now. */
  compared: number;
  /** Of those, ratings whose level changed. */
  changed: number;
  /** Sum of the changes, in level values. */
  net: number;
  /** Change per competency of the ratings now; null where either side is not rated. */
  changes: (number | null)[];
}

export interface ManagerChange {
  manager: string;
  compared: number;
  changed: number;
  net: number;
  /** net / compared: how far the team's ratings moved on average; null when nothing compares. */
  meanChange: number | null;
}

export interface SnapshotComparison {
  people: PersonChange[];
  managers: ManagerChange[];
  /** For each competency now, its column in the snapshot (null when the snapshot does not have it). */
  snapshotColumn: (number | null)[];
  /** People in the snapshot who are not in the ratings now. */
  left: { id: string; name: string }[];
}

export function compareWithSnapshot(snapshot: RatingSnapshot, now: RatingMatrix): SnapshotComparison {
  const reader = new LevelReader(now.scale);
  const values = now.scale.levels.map((l) => l.value);
  const C = now.competencies.length;
  const rowOf = new Map<string, number>();
  snapshot.people.forEach((p, r) => {
    const key = p.id.toLowerCase();
    if (!rowOf.has(key)) rowOf.set(key, r);
  });
  const columnOf = new Map(snapshot.competencies.map((c, j) => [c.id, j]));
  const snapshotColumn = now.competencies.map((c) => columnOf.get(c.id) ?? null);

  const people: PersonChange[] = now.people.map((p, i) => {
    const row = p.id ? (rowOf.get(p.id.toLowerCase()) ?? null) : null;
    const changes = snapshotColumn.map((col, c) => {
      const after = now.ranks[i * C + c];
      if (row === null || col === null || after < 0) return null;
      const before = reader.rank(snapshot.codes[row][col]);
      return before < 0 ? null : values[after] - values[before];
    });
    const compared = changes.filter((d) => d !== null).length;
    return {
      person: i,
      snapshotRow: row,
      compared,
      changed: changes.filter((d) => d !== null && d !== 0).length,
      net: changes.reduce<number>((a, d) => a + (d ?? 0), 0),
      changes,
    };
  });

  const groups = managerGroups(now.people);
  const managers: ManagerChange[] = groups.labels.map((manager) => ({ manager, compared: 0, changed: 0, net: 0, meanChange: null }));
  people.forEach((pc, i) => {
    const m = managers[groups.group[i]];
    m.compared += pc.compared;
    m.changed += pc.changed;
    m.net += pc.net;
  });
  for (const m of managers) m.meanChange = m.compared ? m.net / m.compared : null;

  const present = new Set(now.people.map((p) => p.id.toLowerCase()));
  const left = snapshot.people.filter((p) => !present.has(p.id.toLowerCase())).map((p) => ({ id: p.id, name: p.name }));
  return { people, managers, snapshotColumn, left };
}

/**
 * Ratings per level (lowest first) in the snapshot and now, on the
 * competencies both have: the before/after distribution of a meeting.
 * Snapshot codes match a level as COUNTIF does, whole and ignoring case.
 */
export function beforeAfterDistribution(
  now: RatingMatrix,
  snapshot: RatingSnapshot,
  comparison: Pick<SnapshotComparison, 'snapshotColumn'>,
): { before: number[]; now: number[] } {
  const levels = now.scale.levels;
  const C = now.competencies.length;
  const rank = new Map(levels.map((l, k) => [l.code.toLowerCase(), k]));
  const pairs = comparison.snapshotColumn.map((sc, c) => ({ sc, c })).filter((x): x is { sc: number; c: number } => x.sc !== null);
  const before = levels.map(() => 0);
  for (const codes of snapshot.codes) {
    for (const { sc } of pairs) {
      const k = rank.get(codes[sc].toLowerCase());
      if (k !== undefined) before[k]++;
    }
  }
  const after = levels.map(() => 0);
  for (let p = 0; p < now.people.length; p++) {
    for (const { c } of pairs) {
      const k = now.ranks[p * C + c];
      if (k >= 0) after[k]++;
    }
  }
  return { before, now: after };
}
