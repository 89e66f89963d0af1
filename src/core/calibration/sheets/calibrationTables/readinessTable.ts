/**
 * Readiness for the next role, per role: people, how many are ready (nothing
 * blocks the next role) and one away, counted from the grid's Blocking column.
 */
import { cellRef } from '../../../layouts/a1';
import type { GridSource } from '../../gridSource';
import type { RoleReadiness } from '../../readiness';
import { exactCriterion, formula } from '../sheetCanvas';
import { type CalibrationCursor, rect } from './calibrationCursor';
import { gridColumnRef } from './gridRefs';

/** Writes the table where the grid has a Blocking column; returns its rows. */
export function readinessTable(
  cursor: CalibrationCursor,
  grid: GridSource,
  readiness: readonly RoleReadiness[] | undefined,
): { firstRow: number; rows: number } | undefined {
  if (!readiness?.length || grid.blockingCol === undefined) return undefined;
  const { canvas } = cursor;
  const at = (r: number, col: number) => cellRef(r, col);
  const roleCol = gridColumnRef(grid, grid.roleCol);
  const blockingCol = gridColumnRef(grid, grid.blockingCol);
  cursor.section('Readiness for the next role');
  cursor.note(
    'Ready: nothing blocks the next role: every competency it requires is rated at or above its target (the grid’s Blocking column is 0).',
  );
  cursor.note('One away: exactly one competency blocks (below the next role’s target, or not rated).');
  let row = cursor.row;
  canvas.setRow(row, 0, ['Role', 'People', 'Next role', 'Ready', 'One away', 'Share ready']);
  canvas.style(rect(row, 0, 1, 6), 'cal-header');
  row++;
  readiness.forEach((step, i) => {
    const r = row + i;
    const criterion = exactCriterion(step.name, `$A${r + 1}`);
    const people = at(r, 1);
    canvas.set(r, 0, step.name);
    canvas.set(r, 1, formula(`COUNTIF(${roleCol},${criterion})`, step.people));
    canvas.set(r, 2, step.nextRole ?? '(most senior role)');
    if (step.nextRole) {
      canvas.set(r, 3, formula(`COUNTIFS(${roleCol},${criterion},${blockingCol},0)`, step.ready));
      canvas.set(r, 4, formula(`COUNTIFS(${roleCol},${criterion},${blockingCol},1)`, step.oneAway));
      canvas.set(r, 5, formula(`IF(${people}=0,"",${at(r, 3)}/${people})`, step.people ? step.ready / step.people : null));
    }
    canvas.style(rect(r, 0), 'cal-text');
    canvas.style(rect(r, 1), 'cal-count');
    canvas.style(rect(r, 2), 'cal-text');
    canvas.style(rect(r, 3, 1, 2), 'cal-count');
    canvas.style(rect(r, 5), 'cal-percent');
  });
  cursor.row = row + readiness.length + 1;
  return { firstRow: row, rows: readiness.length };
}
