/** Plain team grids for calibration tests that do not need the full grid layout. */
import type { SheetPlan, PlanCell } from '../../src/core/layouts/plan';
import type { GridSource } from '../../src/core/calibration/gridSource';
import { ratingsFromGridRows } from '../../src/core/calibration/ratingsFromGridRows';
import type { RatingMatrix } from '../../src/core/calibration/ratingMatrix';
import type { Scale } from '../../src/core/scale';
import { fiveLevels } from './fixtures';

export interface SimpleGrid {
  sheet: SheetPlan;
  source: GridSource;
  rows: PlanCell[][];
}

/** A grid sheet: a header row, then [id, name, role, manager, ...ratings] per person. */
export function simpleGrid(name: string, competencyIds: string[], people: PlanCell[][]): SimpleGrid {
  const rows: PlanCell[][] = [['Id', 'Name', 'Role', 'Manager', ...competencyIds], ...people];
  return {
    rows,
    sheet: {
      name,
      kind: 'grid',
      blocks: [{ row: 0, col: 0, cells: rows }],
      styles: [],
      columnWidths: [],
      validations: [],
      conditionalFormats: [],
    },
    source: {
      sheet: name,
      firstRow: 1,
      rows: people.length,
      idCol: 0,
      nameCol: 1,
      roleCol: 2,
      managerCol: 3,
      ratingCols: competencyIds.map((_, i) => 4 + i),
    },
  };
}

/** The two competencies of the small grids: c1 and c2. */
export const twoCompetencies = [
  { id: 'c1', name: 'Competency 1' },
  { id: 'c2', name: 'Competency 2' },
];

/** A "Team grid" of [id, name, role, manager, c1, c2] rows, and the ratings read from it. */
export function ratedGrid(people: PlanCell[][], scale: Scale = fiveLevels): { grid: SimpleGrid; matrix: RatingMatrix } {
  const grid = simpleGrid('Team grid', ['c1', 'c2'], people);
  return { grid, matrix: ratingsFromGridRows(grid.rows, grid.source, scale, twoCompetencies).matrix };
}
