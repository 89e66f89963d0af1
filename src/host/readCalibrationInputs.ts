/**
 * Everything the pane's calibration pack reads from the open workbook, in one
 * read of its state: the grids, what the room set on earlier packs of the grid,
 * and a cycle master's self ratings.
 */
import { withWorkbookState, type StateReadOptions } from './stateRead';
import { workbookGridsIn, type WorkbookGrids } from './readGrids';
import { calibrationSettingsIn } from './readCalibrationSettings';
import { selfRatingsIn, type SelfRatingsSheet } from './collectIntoMaster';
import type { SheetSettings } from '../core/calibration/sheetSettings';

export interface CalibrationInputs {
  read: WorkbookGrids;
  kept: SheetSettings;
  selfRatings: SelfRatingsSheet | undefined;
}

export async function readCalibrationInputs(gridSheet: string, options: StateReadOptions = {}): Promise<CalibrationInputs> {
  return withWorkbookState(options, async (r) => ({
    read: await workbookGridsIn(r),
    kept: await calibrationSettingsIn(r, gridSheet),
    selfRatings: await selfRatingsIn(r),
  }));
}
