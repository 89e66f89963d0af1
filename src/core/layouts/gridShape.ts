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
  roleNumber: 'role-no',
  nextRoleNumber: 'next-role-no',
  rating: 'rating:',
  target: 'target:',
  gap: 'gap:',
  value: 'value:',
  /** The last key of the row: "framework:<framework id>". */
  framework: 'framework:',
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
  roleNumber: 'Role no.',
  nextRoleNumber: 'Next role no.',
} as const;
