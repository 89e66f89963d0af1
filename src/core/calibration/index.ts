/**
 * Calibration: rater statistics, distributions, heatmaps and cycles. What the
 * rest of the product uses; the task pane and the command line start at
 * calibrateGrid.
 */
export {
  calibrateGrid,
  readGridRatings,
  gridScale,
  type GridCalibration,
  type GridCalibrationInput,
  type GridRatings,
} from './calibrateGrid';
export {
  calibrationStatistics,
  type CalibrationStatistics,
  type ManagerStatistics,
  type CompetencyStatistics,
  type GroupStatistics,
  type Heatmap,
} from './statistics';
export { resolveCalibrationSettings, defaultCoverageLevel, type CalibrationSettings, type CalibrationSettingsInput } from './settings';
export { defaultGuideline, parseGuideline, checkGuideline } from './guideline';
export { calibrationSheetSettings, guidelineFor, type SheetSettings } from './sheetSettings';
export { takeSnapshot, readSnapshot, isSnapshotSheet, type RatingSnapshot } from './snapshot';
export { compareWithSnapshot, type SnapshotComparison } from './compareSnapshot';
export { ratingsFromGridRows } from './ratingsFromGridRows';
export { requireIdentifiedRows } from './requireIdentifiedRows';
export type { RatingMatrix, RatedPerson, RatedCompetency } from './ratingMatrix';
export type { GridSource } from './gridSource';
export { calibrationPlan, type CalibrationPlan, type CalibrationPlanOptions } from '../layouts/calibration';
