/**
 * A snapshot as a sheet of plain values (never formulas): the ratings as they
 * were, with the cycle and the date on top. readSnapshot reads it back.
 */
import type { SheetPlan } from '../../layouts/plan';
import { quoteSheet, rectRef } from '../../layouts/a1';
import { SNAPSHOT_SHAPE as S, type RatingSnapshot } from '../snapshot';
import { SheetCanvas } from './sheetCanvas';

/** References into a snapshot sheet, for the formulas of the Changes sheet. */
export class SnapshotRefs {
  constructor(
    readonly name: string,
    readonly snapshot: RatingSnapshot,
  ) {}

  private column(col: number): string {
    const rows = Math.max(1, this.snapshot.people.length);
    return `${quoteSheet(this.name)}!${rectRef({ row: S.firstPersonRow, col, rows, cols: 1 }, true)}`;
  }
  get ids(): string {
    return this.column(0);
  }
  codes(competency: number): string {
    return this.column(S.firstCompetencyCol + competency);
  }
}

export function snapshotSheet(name: string, snapshot: RatingSnapshot): SheetPlan {
  const canvas = new SheetCanvas();
  const C = snapshot.competencies.length;
  canvas.set(0, 0, S.marker);
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  canvas.setRow(S.cycleRow, 0, ['Cycle', snapshot.cycle]);
  canvas.setRow(S.takenRow, 0, ['Taken', snapshot.taken]);
  canvas.setRow(S.scaleRow, 0, ['Scale', snapshot.scaleId]);
  canvas.style({ row: S.cycleRow, col: 0, rows: 3, cols: 1 }, 'cal-label');
  canvas.set(
    4,
    0,
    'The ratings as they were, as plain values. Keep this sheet: a later calibration pack can compare with it (competency-matrix calibration --snapshot).',
  );
  canvas.style({ row: 4, col: 0, rows: 1, cols: 1 }, 'cal-note');
  snapshot.competencies.forEach((c, j) => canvas.set(S.namesRow, S.firstCompetencyCol + j, c.name));
  canvas.style({ row: S.namesRow, col: S.firstCompetencyCol, rows: 1, cols: C }, 'cal-note');
  canvas.setRow(S.headerRow, 0, [...S.header, ...snapshot.competencies.map((c) => c.id)]);
  canvas.style({ row: S.headerRow, col: 0, rows: 1, cols: S.firstCompetencyCol + C }, 'cal-header');
  snapshot.people.forEach((p, i) => {
    canvas.setRow(S.firstPersonRow + i, 0, [p.id, p.name, p.role, p.manager, ...snapshot.codes[i].map((code) => code || null)]);
  });
  canvas.width(0, 12);
  canvas.width(1, 22);
  canvas.width(2, 18);
  canvas.width(3, 18);
  return canvas.toSheet(name, 'snapshot', { freeze: { rows: S.firstPersonRow, cols: 2 }, tabColor: 'A6A6A6' });
}
