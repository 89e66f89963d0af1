/**
 * Where the calibration sheets read a team grid: the grid sheet's name and the
 * columns of its people rows. Every figure on the calibration sheets is a
 * formula on these cells, so edits on the grid flow through.
 */
export interface GridSource {
  /** The grid sheet's name as it is (or will be) in the workbook. */
  sheet: string;
  /** First people row, 0-based. */
  firstRow: number;
  /** People rows; the calibration reads exactly these rows. */
  rows: number;
  idCol: number;
  nameCol: number;
  roleCol: number;
  managerCol: number;
  /** The rating column of each competency, in the order of the rating matrix's competencies. */
  ratingCols: number[];
  /** How many competencies block each person's next role (0 = ready), where the grid computes it. */
  blockingCol?: number;
  /** Meets % and readiness for the next role (shares 0..1), where the grid has them: the talent grid's axes. */
  meetsCol?: number;
  readinessCol?: number;
  /** Performance and potential (1..3 or 1..5), where the roster had them: then the talent grid's axes instead. */
  performanceCol?: number;
  potentialCol?: number;
  /** The cells are live copies of several grids' (a pooled sheet): a blank there is empty text, not an empty cell. */
  pooled?: boolean;
}
