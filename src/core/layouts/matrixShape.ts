/**
 * The shape of the proficiency matrix sheet, shared by the writer (matrix.ts)
 * and by anything that reads an edited matrix back (interchange): where the
 * header row is, which column holds what, and the header labels.
 *
 * Rows and columns are 0-based. Every competency row repeats its category, so
 * the table can be sorted and filtered; the category cell is "" for
 * competencies without one. Role columns start at `firstRoleCol`, one per role
 * in the framework's order (lowest first), headed by the role's name; a cell
 * holds the target level code, or is empty where the role requires nothing.
 */
export const MATRIX_SHAPE = {
  titleRow: 0,
  noteRow: 1,
  headerRow: 3,
  firstCompetencyRow: 4,
  columns: {
    category: 0,
    competency: 1,
    competencyId: 2,
    scale: 3,
  },
  firstRoleCol: 4,
  labels: {
    category: 'Category',
    competency: 'Competency',
    competencyId: 'Competency id',
    /** The scale column holds the scale's name (see the scale sheet). */
    scale: 'Scale',
  },
} as const;

export const MATRIX_HEADER: readonly string[] = [
  MATRIX_SHAPE.labels.category,
  MATRIX_SHAPE.labels.competency,
  MATRIX_SHAPE.labels.competencyId,
  MATRIX_SHAPE.labels.scale,
];
