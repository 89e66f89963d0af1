/**
 * The shape of a team assessment grid: fixed rows and person columns, and the
 * keys written in its hidden key row. A grid file is read back by its key row
 * (src/xlsx/readGrid.ts), so the keys are a file format: change them only with
 * a new reader.
 *
 * Rows and columns are 0-based.
 */
export const GRID_SHAPE = {
  titleRow: 0,
  noteRow: 1,
  /** Per-competency team figures, above the rating columns. */
  coverageLevelRow: 2,
  coverageRow: 3,
  flagRow: 4,
  ratedRow: 5,
  /** Merged headings over each block: Person, Summary, Ratings, Targets, Gaps, Rating values. */
  headingRow: 6,
  headerRow: 7,
  /** Hidden: one machine key per column (see GRID_KEYS). */
  keyRow: 8,
  firstPersonRow: 9,
  columns: {
    id: 0,
    name: 1,
    role: 2,
    manager: 3,
    meets: 4,
    shortfall: 5,
    nextRole: 6,
    readiness: 7,
    blocking: 8,
    /** Hidden helpers: the role's and the next role's row in the target table. */
    roleNumber: 9,
    nextRoleNumber: 10,
  },
  firstRatingCol: 11,
} as const;

/**
 * Next-role readiness on the grid: 'strict' (every required competency at or
 * above the next role's target), 'tolerant' (a share of them at or above a
 * threshold, with no shortfall greater than one level), or 'none' (no next
 * role, readiness or blocking columns).
 */
export type GridReadiness = 'strict' | 'tolerant' | 'none';

export const GRID_READINESS_MODES: readonly GridReadiness[] = ['strict', 'tolerant', 'none'];

/** The default share of the next role's targets a tolerant grid asks for. */
export const DEFAULT_READINESS_THRESHOLD = 0.8;

/** Summary and helper columns of a grid; a column the readiness mode leaves out is undefined. */
export interface GridColumns {
  id: number;
  name: number;
  role: number;
  manager: number;
  meets: number;
  shortfall: number;
  nextRole?: number;
  readiness?: number;
  /** 'tolerant' only: Ready / Not yet under the tolerant rule. */
  ready?: number;
  blocking?: number;
  roleNumber: number;
  nextRoleNumber?: number;
  firstRatingCol: number;
}

/**
 * The person, summary and helper columns for a readiness mode. 'strict' is
 * GRID_SHAPE.columns exactly; 'tolerant' adds Ready after Readiness; 'none'
 * drops the next-role columns. Readers find columns by the key row, not here.
 */
export function gridColumns(readiness: GridReadiness = 'strict'): GridColumns {
  const C = GRID_SHAPE.columns;
  const base = { id: C.id, name: C.name, role: C.role, manager: C.manager, meets: C.meets, shortfall: C.shortfall };
  if (readiness === 'none') return { ...base, roleNumber: C.nextRole, firstRatingCol: C.nextRole + 1 };
  if (readiness === 'strict') return { ...C, firstRatingCol: GRID_SHAPE.firstRatingCol };
  return {
    ...base,
    nextRole: C.nextRole,
    readiness: C.readiness,
    ready: C.readiness + 1,
    blocking: C.blocking + 1,
    roleNumber: C.roleNumber + 1,
    nextRoleNumber: C.nextRoleNumber + 1,
    firstRatingCol: GRID_SHAPE.firstRatingCol + 1,
  };
}

/** Keys of the key row, by column; competency columns are "<block>:<competency id>". */
export const GRID_KEYS = {
  id: 'id',
  name: 'name',
  role: 'role',
  manager: 'manager',
  meets: 'meets',
  shortfall: 'shortfall',
  nextRole: 'next-role',
  readiness: 'readiness',
  blocking: 'blocking',
  /** Tolerant grids only. */
  ready: 'ready',
  roleNumber: 'role-no',
  nextRoleNumber: 'next-role-no',
  rating: 'rating:',
  target: 'target:',
  gap: 'gap:',
  value: 'value:',
  /** The last key of the row: "framework:<framework id>". */
  framework: 'framework:',
  /** Only where the roster had them: plain values after the framework key, the talent grid's axes. */
  performance: 'performance',
  potential: 'potential',
} as const;

export const GRID_HEADER_LABELS = {
  id: 'Id',
  name: 'Name',
  role: 'Role',
  manager: 'Manager',
  meets: 'Meets %',
  shortfall: 'Total shortfall',
  nextRole: 'Next role',
  readiness: 'Readiness',
  blocking: 'Blocking',
  ready: 'Ready (tolerant)',
  roleNumber: 'Role no.',
  nextRoleNumber: 'Next role no.',
} as const;
