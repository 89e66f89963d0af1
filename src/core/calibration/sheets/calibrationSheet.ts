/**
 * The "Calibration" sheet: settings the room can edit, then the tables, each
 * under a few lines that say in plain words what its numbers mean (one file
 * per table in calibrationTables/):
 *
 * - Raters: per manager the simple figures (n, counts per level, mean,
 *   median, SD, raw difference, top-box and bottom-box shares, compression),
 *   then the rater effect adjusted for role and competency with its SE,
 *   Benjamini-Hochberg step, shrunk estimate and flag.
 * - Distribution against the guideline, level by level.
 * - Heatmap of manager x competency: team mean minus everyone's mean, small
 *   groups left blank by formula.
 * - Competencies: distribution across levels and team coverage.
 * - Readiness for the next role, where the grid has a Blocking column.
 * - Pictures for the room: native charts of the distribution and the raters.
 *
 * Every figure is a native formula over the data sheet (see dataSheet.ts) and
 * carries core's value as its result. Only functions Excel 2010+, LibreOffice
 * and HyperFormula all evaluate the same way are used (no dynamic arrays, no
 * AVERAGEIFS, which HyperFormula lacks; STDEVP rather than STDEV.P, which a
 * file must spell _xlfn.STDEV.P or LibreOffice reads #NAME?).
 */
import type { Rect, SheetPlan } from '../../layouts/plan';
import type { SelfDifferences } from '../selfDifferences';
import type { RatingMatrix } from '../ratingMatrix';
import type { CalibrationStatistics } from '../statistics';
import type { GridSource } from '../gridSource';
import type { RoleReadiness } from '../readiness';
import type { DataRefs } from './dataSheet';
import { CalibrationCursor } from './calibrationTables/calibrationCursor';
import { settingsTable, type SettingsCells } from './calibrationTables/settingsTable';
import { raterTable } from './calibrationTables/raterTable';
import { guidelineTable } from './calibrationTables/guidelineTable';
import { teamHeatmap } from './calibrationTables/teamHeatmap';
import { competencyTable } from './calibrationTables/competencyTable';
import { readinessTable } from './calibrationTables/readinessTable';
import { calibrationCharts } from './calibrationTables/calibrationCharts';
import { COUNT_COL } from './calibrationTables/calibrationCursor';

/** Where the cells that other sheets and tests need sit (0-based). */
export interface CalibrationSheetLayout {
  settings: SettingsCells;
  /** Rows of the rater table: the "Everyone" row, then one per manager. */
  raters: {
    everyoneRow: number;
    firstManagerRow: number;
    managers: number;
    meanCol: number;
    /** The raw (unadjusted) difference of the manager's mean from everyone's. */
    leniencyCol: number;
    /** The rater-effect flag: Lenient, Harsh or blank. */
    flagCol: number;
    /** Rater effect columns, for charts: people rated, the estimate (levels) and its SE, p, the shrunk estimate and its SE. */
    peopleRatedCol: number;
    estimateCol: number;
    seCol: number;
    pCol: number;
    shrunkCol: number;
    shrunkSeCol: number;
  };
  heatmap: Rect;
  competencies: { firstRow: number; rows: number };
  readiness?: { firstRow: number; rows: number };
  /** The managers in order of their rater estimate, under the charts' section. */
  sortedEstimates: { firstRow: number; rows: number };
}

export interface CalibrationSheetInput {
  name: string;
  matrix: RatingMatrix;
  stats: CalibrationStatistics;
  grid: GridSource;
  data: DataRefs;
  /** Readiness per role, shown when the grid has a Blocking column. */
  readiness?: readonly RoleReadiness[];
  /** A cycle master's self-minus-manager differences, for the rater table. */
  self?: SelfDifferences;
}

export function calibrationSheet(input: CalibrationSheetInput): { sheet: SheetPlan; layout: CalibrationSheetLayout } {
  const { name, matrix, stats, grid, data } = input;
  const { scale, competencies } = matrix;
  const cursor = new CalibrationCursor(scale.levels);
  const valuesText = scale.levels.map((l) => `${l.code}=${l.value}`).join(', ');

  cursor.line(`Calibration of "${grid.sheet}"`, 'cal-title');
  cursor.note(`Live: every figure below is a formula on the grid "${grid.sheet}" and follows as ratings change there.`);
  cursor.note(
    `Ratings are level values on the ${scale.name} scale (${valuesText}). Blank or N/A is not rated and never counts as the lowest level.`,
  );
  cursor.row++;

  const settings = settingsTable(cursor, scale, stats.settings, data);
  const raters = raterTable(cursor, { matrix, stats, grid, data, settings, self: input.self });
  const guideline = guidelineTable(cursor, stats, raters, settings.guidelineRow);
  const guidelineWidth = guideline.width;
  const { heatmap, competencyFirstRow } = teamHeatmap(cursor, {
    scale,
    competencies,
    stats,
    data,
    minGroupRef: settings.refs.minGroup,
    firstManagerRow: raters.firstManagerRow,
  });
  const whoCol = competencyTable(cursor, stats, data, settings, competencyFirstRow);
  const readiness = readinessTable(cursor, grid, input.readiness);
  const pictures = calibrationCharts(cursor, stats, raters, guideline, settings.guidelineRow, COUNT_COL);

  const { canvas } = cursor;
  canvas.width(0, 46);
  for (let col = 1; col < Math.max(raters.width, guidelineWidth, competencies.length + 1, whoCol + 1); col++) canvas.width(col, 10);
  canvas.width(whoCol, 22);

  const layout: CalibrationSheetLayout = {
    settings: settings.cells,
    raters: {
      everyoneRow: raters.everyoneRow,
      firstManagerRow: raters.firstManagerRow,
      managers: stats.managers.length,
      meanCol: raters.cols.mean,
      leniencyCol: raters.cols.leniency,
      flagCol: raters.cols.flag,
      peopleRatedCol: raters.cols.peopleRated,
      estimateCol: raters.cols.estimate,
      seCol: raters.cols.se,
      pCol: raters.cols.p,
      shrunkCol: raters.cols.shrunk,
      shrunkSeCol: raters.cols.shrunkSe,
    },
    heatmap,
    competencies: { firstRow: competencyFirstRow, rows: competencies.length },
    readiness,
    sortedEstimates: pictures.sorted,
  };
  return { sheet: canvas.toSheet(name, 'calibration', { landscape: true, charts: pictures.charts }), layout };
}
