/**
 * A hand-made team whose roster carries performance (words, 1-3) and potential
 * (numbers, 1-5) columns, with the talent-grid box of each person counted by
 * hand from the default cut-offs (performance medium from 2, high from 3;
 * potential medium from 3, high from 4). Box = performance band + 3 × potential band.
 */
import { builtIn } from '../../src/core/frameworks/library';
import { parseRosterCsv } from '../../src/core/roster';
import { workbookLayout } from '../../src/core/layouts/workbook';
import { calibrateGrid } from '../../src/core/calibration/calibrateGrid';
import { sheetValues } from './team';

export const AXES_ROSTER_CSV = [
  'id,name,role,manager,performance,potential,Adaptability,Teamwork',
  'p1,Ann,DevOps Engineer II,Grace,High,5,A,E',
  'p2,Bo,DevOps Engineer II,Grace,Low,1,B,A',
  'p3,Cy,DevOps Engineer III,Grace,Medium,3,I,I',
  'p4,Di,DevOps Engineer III,Grace,Medium,4,A,B',
  'p5,Ed,DevOps Engineer II,Linus,High,2,E,E',
  'p6,Fay,DevOps Engineer II,Linus,low,4,B,I',
  'p7,Gus,DevOps Engineer III,Linus,,5,I,A',
  'p8,Hal,DevOps Engineer II,Linus,HIGH,3,A,A',
  'p9,Ivy,DevOps Engineer III,Grace,2,3,E,I',
  'p10,Jo,DevOps Engineer II,Linus,Medium,Great,B,B',
].join('\n');

/** Box counts 0..8 (0 = low on both, 8 = high on both) and the people in no box, counted by hand. */
export const HAND_COUNTS = [1, 0, 1, 0, 2, 1, 1, 1, 1];
export const HAND_NAMES: string[][] = [['Bo'], [], ['Ed'], [], ['Cy', 'Ivy'], ['Hal'], ['Fay'], ['Di'], ['Ann']];
export const HAND_UNPLACED = 2; // Gus (no performance), Jo (potential "Great")

export function axesTeam() {
  const model = builtIn('mit-devops');
  const roster = parseRosterCsv(AXES_ROSTER_CSV, model, { source: 'axes.csv' });
  const workbook = workbookLayout(model, { roster });
  const grid = workbook.grid!;
  const gridSheet = workbook.plan.sheets.find((s) => s.name === grid.sheetName)!;
  const calibration = calibrateGrid({
    model,
    geometry: grid,
    rows: sheetValues(gridSheet),
    takenSheetNames: workbook.plan.sheets.map((s) => s.name),
  });
  return { model, roster, workbook, calibration };
}
