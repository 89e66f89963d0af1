/** Plain team grids for calibration tests that do not need the full grid layout. */
import type { SheetPlan, PlanCell } from '../../src/core/layouts/plan';
import type { GridSource } from '../../src/core/calibration/gridSource';

/** A grid sheet: a header row, then [id, name, role, manager, ...ratings] per person. */
export function simpleGrid(
  name: string,
  competencyIds: string[],
  people: PlanCell[][],
): { sheet: SheetPlan; source: GridSource; rows: PlanCell[][] } {
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
