/** Absolute references, with the sheet name, into the team grid the calibration sheet reads. */
import { quoteSheet, rectRef } from '../../../layouts/a1';
import type { GridSource } from '../../gridSource';
import { rect } from './calibrationCursor';

/** The grid's rating cells, for COUNTA: one range per run of adjacent rating columns. */
export function gridRatingsRef(grid: GridSource): string {
  return ratingRuns(grid).join(',');
}

/**
 * How many rating cells hold something: COUNTA on a grid; on a pooled sheet,
 * whose every cell is a formula (a blank copied as ""), the cells whose text
 * is not empty, run by run.
 */
export function gridEntriesCount(grid: GridSource): string {
  if (!grid.pooled) return `COUNTA(${gridRatingsRef(grid)})`;
  return ratingRuns(grid)
    .map((run) => `SUMPRODUCT(--(LEN(${run})>0))`)
    .join('+');
}

function ratingRuns(grid: GridSource): string[] {
  const cols = [...grid.ratingCols].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const col of cols) {
    const last = runs[runs.length - 1];
    if (last && col === last[1] + 1) last[1] = col;
    else runs.push([col, col]);
  }
  const rows = Math.max(1, grid.rows);
  return runs.map(([from, to]) => `${quoteSheet(grid.sheet)}!${rectRef(rect(grid.firstRow, from, rows, to - from + 1), true)}`);
}

/** One grid column over its people rows. */
export function gridColumnRef(grid: GridSource, col: number): string {
  return `${quoteSheet(grid.sheet)}!${rectRef(rect(grid.firstRow, col, Math.max(1, grid.rows), 1), true)}`;
}
