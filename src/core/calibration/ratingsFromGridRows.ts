/**
 * Reads the ratings of a grid from rows of cells (the values of the grid sheet,
 * as the task pane or a workbook reader gets them) into a rating matrix,
 * reading each cell exactly as the calibration sheet's formulas will.
 */
import type { Scale } from '../scale';
import { emptyRatingMatrix, type RatedCompetency, type RatedPerson, type RatingMatrix } from './ratingMatrix';
import type { GridSource } from './gridSource';
import { excelText, LevelReader } from './levelReader';

export interface GridReading {
  matrix: RatingMatrix;
  /** Entries the calibration will not count, for the user to fix: "row 7, Deploy: "Advnced"". */
  notCounted: { row: number; competency: string; text: string }[];
}

/**
 * @param rows cell values of the grid sheet; rows[i][j] is the cell at
 *   (origin.row + i, origin.col + j), 0-based, so a range read from A1 has origin {0, 0}.
 */
export function ratingsFromGridRows(
  rows: readonly (readonly unknown[])[],
  grid: GridSource,
  scale: Scale,
  competencies: readonly RatedCompetency[],
  origin: { row: number; col: number } = { row: 0, col: 0 },
): GridReading {
  const cell = (row: number, col: number): unknown => rows[row - origin.row]?.[col - origin.col] ?? null;
  const text = (row: number, col: number) => excelText(cell(row, col));
  const share = (row: number, col: number) => {
    const v = cell(row, col);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const people: RatedPerson[] = [];
  for (let i = 0; i < grid.rows; i++) {
    const r = grid.firstRow + i;
    const blocking = grid.blockingCol === undefined ? undefined : cell(r, grid.blockingCol);
    people.push({
      id: text(r, grid.idCol),
      name: text(r, grid.nameCol),
      role: text(r, grid.roleCol),
      manager: text(r, grid.managerCol),
      blocking: typeof blocking === 'number' ? blocking : blocking === undefined ? undefined : null,
      ...(grid.meetsCol === undefined ? {} : { meets: share(r, grid.meetsCol) }),
      ...(grid.readinessCol === undefined ? {} : { readiness: share(r, grid.readinessCol) }),
      ...(grid.performanceCol === undefined ? {} : { performance: share(r, grid.performanceCol) }),
      ...(grid.potentialCol === undefined ? {} : { potential: share(r, grid.potentialCol) }),
    });
  }
  const matrix = emptyRatingMatrix(scale, people, competencies);
  const reader = new LevelReader(scale);
  const notCounted: GridReading['notCounted'] = [];
  const C = competencies.length;
  for (let i = 0; i < grid.rows; i++) {
    for (let c = 0; c < C; c++) {
      const reading = reader.read(cell(grid.firstRow + i, grid.ratingCols[c]));
      if (reading.kind === 'level') matrix.ranks[i * C + c] = reading.rank;
      else if (reading.kind === 'not-counted') {
        matrix.notCounted++;
        if (!reading.notRated) notCounted.push({ row: grid.firstRow + i + 1, competency: competencies[c].name, text: reading.text });
      }
    }
  }
  return { matrix, notCounted };
}
