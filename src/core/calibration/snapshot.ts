/**
 * A snapshot of a cycle's ratings: who had which level on which competency,
 * under which manager, at a date. It is kept as level codes (what people read
 * and what the grid holds), so a later cycle can compare against it even
 * after the pack it came from is gone. Written as a sheet of plain values by
 * sheets/snapshotSheet.ts and read back from rows of cells by readSnapshot.
 */
import type { RatingMatrix } from './ratingMatrix';
import { excelText } from './levelReader';
import { CompetencyError } from '../problems';

export interface RatingSnapshot {
  /** The cycle's label, e.g. "2025 H1" or "Before calibration". */
  cycle: string;
  /** When it was taken, ISO date (YYYY-MM-DD); "" when unknown (a snapshot made from an old grid). */
  taken: string;
  scaleId: string;
  competencies: { id: string; name: string }[];
  people: { id: string; name: string; role: string; manager: string }[];
  /** codes[person][competency]: the level code, "" for not rated. */
  codes: string[][];
}

export function takeSnapshot(matrix: RatingMatrix, cycle: string, taken: string): RatingSnapshot {
  const C = matrix.competencies.length;
  const label = cycle.trim();
  if (!label) throw new CompetencyError('invalid-argument', 'a snapshot needs a cycle label, e.g. "2025 H1"');
  if (taken !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(taken))
    throw new CompetencyError('invalid-argument', `the snapshot date must be written YYYY-MM-DD, not "${taken}"`);
  return {
    cycle: label,
    taken,
    scaleId: matrix.scale.id,
    competencies: matrix.competencies.map((c) => ({ id: c.id, name: c.name })),
    people: matrix.people.map((p) => ({ id: p.id, name: p.name, role: p.role, manager: p.manager })),
    codes: matrix.people.map((_, i) =>
      Array.from({ length: C }, (_, c) => {
        const rank = matrix.ranks[i * C + c];
        return rank < 0 ? '' : matrix.scale.levels[rank].code;
      }),
    ),
  };
}

/** The fixed places of a snapshot sheet, shared by the writer and the reader (0-based). */
export const SNAPSHOT_SHAPE = {
  marker: 'Ratings snapshot',
  cycleRow: 1,
  takenRow: 2,
  scaleRow: 3,
  namesRow: 5,
  headerRow: 6,
  firstPersonRow: 7,
  /** Person columns: id, name, role, manager; competencies follow. */
  firstCompetencyCol: 4,
  header: ['Id', 'Name', 'Role', 'Manager'],
} as const;

/** Is this the first row of a snapshot sheet? */
export function isSnapshotSheet(rows: readonly (readonly unknown[])[]): boolean {
  return excelText(rows[0]?.[0]).trim() === SNAPSHOT_SHAPE.marker;
}

/** Reads a snapshot sheet's values (rows from A1) back; says what is wrong with a damaged one. */
export function readSnapshot(rows: readonly (readonly unknown[])[], where = 'snapshot'): RatingSnapshot {
  const S = SNAPSHOT_SHAPE;
  const text = (r: number, c: number) => excelText(rows[r]?.[c]).trim();
  if (!isSnapshotSheet(rows))
    throw new CompetencyError('invalid-file', `this is not a ratings snapshot (cell A1 should say "${S.marker}")`, where);
  const header = rows[S.headerRow] ?? [];
  if (S.header.some((h, i) => text(S.headerRow, i) !== h)) {
    throw new CompetencyError(
      'invalid-file',
      `row ${S.headerRow + 1} should start with ${S.header.join(', ')}; the snapshot sheet was changed by hand`,
      where,
    );
  }
  const competencies: RatingSnapshot['competencies'] = [];
  for (let c = S.firstCompetencyCol; c < header.length; c++) {
    const id = text(S.headerRow, c);
    if (!id) break;
    competencies.push({ id, name: text(S.namesRow, c) || id });
  }
  const taken = text(S.takenRow, 1);
  const people: RatingSnapshot['people'] = [];
  const codes: string[][] = [];
  for (let r = S.firstPersonRow; r < rows.length; r++) {
    const id = text(r, 0);
    if (!id) continue;
    people.push({ id, name: text(r, 1), role: text(r, 2), manager: text(r, 3) });
    codes.push(competencies.map((_, j) => excelText(rows[r]?.[S.firstCompetencyCol + j])));
  }
  return { cycle: text(S.cycleRow, 1) || 'earlier cycle', taken, scaleId: text(S.scaleRow, 1), competencies, people, codes };
}
