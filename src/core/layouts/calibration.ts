/**
 * The calibration pack as a layout plan: the "Calibration" sheet (settings,
 * raters, guideline, heatmap, competencies) and the "Calibration data" sheet it
 * reads, both live on a team grid already in the workbook; optionally a
 * snapshot of this cycle's ratings and the changes since an earlier one.
 */
import type { LayoutPlan, SheetPlan } from './plan';
import { uniqueSheetName } from './sheetNames';
import type { RatingMatrix } from '../calibration/ratingMatrix';
import type { GridSource } from '../calibration/gridSource';
import type { SelfDifferences } from '../calibration/selfDifferences';
import { resolveCalibrationSettings, type CalibrationSettingsInput } from '../calibration/settings';
import { calibrationStatistics, type CalibrationStatistics } from '../calibration/statistics';
import { calibrationDataSheet, dataSheetLayout, DataRefs } from '../calibration/sheets/dataSheet';
import { calibrationSheet, type CalibrationSheetLayout } from '../calibration/sheets/calibrationSheet';
import { CALIBRATION_STYLES } from '../calibration/sheets/sheetCanvas';
import { CompetencyError } from '../problems';
import { readinessByRole, type RoleStep } from '../calibration/readiness';
import { takeSnapshot, type RatingSnapshot } from '../calibration/snapshot';
import { beforeAfterDistribution, compareWithSnapshot, type SnapshotComparison } from '../calibration/compareSnapshot';
import { changesSheet, type ChangesSheetLayout } from '../calibration/sheets/changesSheet';
import { snapshotSheet, SnapshotRefs } from '../calibration/sheets/snapshotSheet';
import {
  DEFAULT_TALENT_CUTOFFS,
  MEETS_READINESS_AXES,
  performancePotentialAxes,
  talentGrid,
  type TalentAxes,
  type TalentCutoffs,
  type TalentGrid,
} from '../calibration/talentGrid';
import { TALENT_STYLES, talentGridSheet, type TalentGridLayout } from '../calibration/sheets/talentGridSheet';

export interface CalibrationPlanOptions {
  matrix: RatingMatrix;
  /** Where the grid sits; its sheet must be in the workbook the plan is applied to. */
  grid: GridSource;
  settings?: CalibrationSettingsInput;
  /** Sheet names already in the workbook (the grid's included), so new sheets get unique names. */
  takenSheetNames?: readonly string[];
  /** The framework's roles, lowest first, with the next role of each: for the readiness view. */
  roles?: readonly RoleStep[];
  /** Add a snapshot of the ratings as they are now (plain values), under this cycle label and date. */
  snapshot?: { cycle: string; taken: string };
  /**
   * Compare the ratings, live, with this earlier snapshot (copied into the pack).
   * Without it, the pack's own snapshot is the baseline: the Changes sheet then
   * shows what a calibration meeting changes.
   */
  earlier?: RatingSnapshot;
  /** The sheet of this workbook that already holds `earlier`: referenced where it is, not copied. */
  earlierSheet?: string;
  /** The talent grid's cut-offs (where the grid has meets % and readiness). */
  talentCutoffs?: TalentCutoffs;
  /** A cycle master's Self ratings sheet, read (calibration/selfDifferences.ts): the rater table gains the mean self − manager. */
  self?: SelfDifferences;
}

export interface CalibrationPlan {
  plan: LayoutPlan;
  statistics: CalibrationStatistics;
  /** The names the sheets got, after making them unique. */
  sheetNames: {
    calibration: string;
    data: string;
    changes?: string;
    snapshot?: string;
    earlier?: string;
    talent?: string;
    person?: string;
  };
  layout: CalibrationSheetLayout;
  /** The snapshot taken now, and the comparison the Changes sheet shows. */
  snapshot?: RatingSnapshot;
  comparison?: SnapshotComparison;
  changesLayout?: ChangesSheetLayout;
  /** Ratings per level in the baseline snapshot and now (lowest level first), as the Changes sheet shows them. */
  beforeAfter?: { before: number[]; now: number[] };
  /** The 9-box, where the grid has meets % and readiness columns. */
  talent?: { grid: TalentGrid; layout: TalentGridLayout; axes: TalentAxes };
}

/** The registry title of a pack's sheets, which names the grid it reads. */
export function calibrationPackTitle(gridSheet: string, people: number, managers: number): string {
  return `Calibration of ${gridSheet} (${people} people, ${managers} managers)`;
}

/** Whether a registered sheet's title says it belongs to the pack of this grid. */
export function isPackOfGrid(title: string, gridSheet: string): boolean {
  return title.startsWith(`Calibration of ${gridSheet} (`);
}

export function calibrationPlan(options: CalibrationPlanOptions): CalibrationPlan {
  const { matrix, grid } = options;
  if (!matrix.people.length) {
    throw new CompetencyError('invalid-roster', `the grid "${grid.sheet}" has no people; a calibration needs rated people`);
  }
  if (!matrix.competencies.length) {
    throw new CompetencyError(
      'invalid-roster',
      `the grid "${grid.sheet}" has no competency columns on the ${matrix.scale.name} scale to calibrate`,
    );
  }
  if (grid.ratingCols.length !== matrix.competencies.length || grid.rows !== matrix.people.length) {
    throw new Error('calibrationPlan: the grid source and the rating matrix disagree on its size');
  }
  const settings = resolveCalibrationSettings(matrix.scale, options.settings);
  const statistics = calibrationStatistics(matrix, settings);

  const taken = [...(options.takenSheetNames ?? []), grid.sheet];
  const name = (wanted: string) => {
    const unique = uniqueSheetName(wanted, taken);
    taken.push(unique);
    return unique;
  };
  const calibrationName = name('Calibration');
  // Performance and potential from the roster, where the grid has both; else meets % and readiness.
  const fromRoster = grid.performanceCol !== undefined && grid.potentialCol !== undefined;
  const hasTalentAxes = fromRoster || (grid.meetsCol !== undefined && grid.readinessCol !== undefined);
  const talentName = hasTalentAxes ? name('Talent grid') : undefined;
  const own = options.snapshot ? takeSnapshot(matrix, options.snapshot.cycle, options.snapshot.taken) : undefined;
  const baseline = options.earlier ?? own;
  const changesName = baseline ? name('Changes') : undefined;
  const snapshotName = own ? name(`Snapshot ${own.cycle}`) : undefined;
  const earlierName = options.earlier ? (options.earlierSheet ?? name(`Snapshot ${options.earlier.cycle}`)) : undefined;
  const dataName = name('Calibration data');

  const dataLayout = dataSheetLayout(dataName, matrix);
  const data = new DataRefs(dataLayout);
  const readiness = options.roles && grid.blockingCol !== undefined ? readinessByRole(matrix.people, options.roles) : undefined;
  const { sheet, layout } = calibrationSheet({
    name: calibrationName,
    matrix,
    stats: statistics,
    grid,
    data,
    readiness,
    self: options.self,
  });
  const sheets: SheetPlan[] = [sheet];
  let talent: CalibrationPlan['talent'];
  if (talentName) {
    const cutoffs = options.talentCutoffs ?? DEFAULT_TALENT_CUTOFFS;
    const axes = fromRoster ? performancePotentialAxes(matrix.people) : MEETS_READINESS_AXES;
    const boxes = talentGrid(matrix.people, cutoffs, axes);
    const t = talentGridSheet({ name: talentName, grid, people: matrix.people, cutoffs, talent: boxes, axes });
    sheets.push(t.sheet);
    talent = { grid: boxes, layout: t.layout, axes };
  }
  let comparison: SnapshotComparison | undefined;
  let changesLayout: ChangesSheetLayout | undefined;
  let beforeAfter: CalibrationPlan['beforeAfter'];
  if (baseline && changesName) {
    const baselineName = options.earlier ? earlierName! : snapshotName!;
    comparison = compareWithSnapshot(baseline, matrix);
    beforeAfter = beforeAfterDistribution(matrix, baseline, comparison);
    const changes = changesSheet({
      name: changesName,
      now: matrix,
      snapshot: baseline,
      comparison,
      data,
      snapshotRefs: new SnapshotRefs(baselineName, baseline),
    });
    sheets.push(changes.sheet);
    changesLayout = changes.layout;
  }
  if (own && snapshotName) sheets.push(snapshotSheet(snapshotName, own));
  if (options.earlier && earlierName && !options.earlierSheet) sheets.push(snapshotSheet(earlierName, options.earlier));
  sheets.push(calibrationDataSheet(dataLayout, matrix, grid, statistics.raterEffects));
  return {
    plan: {
      title: calibrationPackTitle(grid.sheet, matrix.people.length, statistics.managers.length),
      sheets,
      names: [],
      styles: { ...CALIBRATION_STYLES, ...TALENT_STYLES },
    },
    statistics,
    sheetNames: {
      calibration: calibrationName,
      data: dataName,
      changes: changesName,
      snapshot: snapshotName,
      earlier: earlierName,
      talent: talentName,
    },
    layout,
    snapshot: own,
    comparison,
    changesLayout,
    beforeAfter,
    talent,
  };
}
