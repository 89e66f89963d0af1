/** A generated team written as a workbook (the full grid layout) and the calibration pack computed on its grid. */
import type { FrameworkModel } from '../../src/core/framework/model';
import { workbookLayout, type WorkbookLayout } from '../../src/core/layouts/workbook';
import { calibrateGrid, type GridCalibration } from '../../src/core/calibration/calibrateGrid';
import { sheetValues, team, type TeamOptions } from './team';

export function calibratedTeam(
  model: FrameworkModel,
  options: TeamOptions,
  snapshot?: { cycle: string; taken: string },
): { workbook: WorkbookLayout; calibration: GridCalibration } {
  const workbook = workbookLayout(model, { roster: team(model, options) });
  const grid = workbook.grid!;
  const gridSheet = workbook.plan.sheets.find((s) => s.name === grid.sheetName)!;
  const calibration = calibrateGrid({
    model,
    geometry: grid,
    rows: sheetValues(gridSheet),
    takenSheetNames: workbook.plan.sheets.map((s) => s.name),
    snapshot,
  });
  return { workbook, calibration };
}
