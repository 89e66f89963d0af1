/**
 * The "Talent grid" sheet (9-box): meets % in the current role across, readiness
 * for the next role up, cut in three bands by cut-offs the room edits; each
 * box's count, and the names in each box in a table below. Everything is a
 * formula on the grid, live as ratings change.
 *
 * Names per box without dynamic arrays (Excel 2016 has no FILTER): a helper
 * column gives each person their box and, counting down the grid, their place
 * in it ("6-2": the second person in box 6); the k-th name of a box is then an
 * INDEX/MATCH on that key. Small boxes are shown, not hidden: the grid is
 * about people, so the sheet says who should see it instead.
 */
import type { Rect, SheetPlan } from '../../layouts/plan';
import { cellRef, rectRef, sheetRef } from '../../layouts/a1';
import type { GridSource } from '../gridSource';
import type { RatedPerson } from '../ratingMatrix';
import {
  axisCut,
  BAND_NAMES,
  MEETS_READINESS_AXES,
  talentCutoffKeys,
  TALENT_CUTOFFS_REGION,
  type TalentAxes,
  type TalentCutoffs,
  type TalentGrid,
} from '../talentGrid';
import { formula, SheetCanvas } from './sheetCanvas';

export interface TalentGridLayout {
  /** The value cells of the cut-offs: meets low, meets high, readiness low, readiness high. */
  cutoffs: Rect;
  /** Box b's count cell (0-based row, col). */
  countCell: (box: number) => { row: number; col: number };
  unplacedCell: { row: number; col: number };
  /** The names table: box b's column and the first name row; as many rows as people. */
  namesFirstRow: number;
  namesCol: (box: number) => number;
}

/** Boxes in the order of the names table and of the grid read top-left first: readiness high first, meets low first. */
export const BOX_ORDER = [6, 7, 8, 3, 4, 5, 0, 1, 2];

export function boxLabel(box: number, axes: TalentAxes = MEETS_READINESS_AXES): string {
  const [up, across] = [axes.up, axes.across].map((a) => a.name.replace(' %', ''));
  return `${up} ${BAND_NAMES[Math.floor(box / 3)].toLowerCase()} · ${across.toLowerCase()} ${BAND_NAMES[box % 3].toLowerCase()}`;
}

const HELPER_COL = 10;

export function talentGridSheet(input: {
  name: string;
  grid: GridSource;
  people: readonly RatedPerson[];
  cutoffs: TalentCutoffs;
  talent: TalentGrid;
  /** Meets % and readiness (default), or performance and potential where the roster had them. */
  axes?: TalentAxes;
}): { sheet: SheetPlan; layout: TalentGridLayout } {
  const { name, grid, people, cutoffs, talent } = input;
  const axes = input.axes ?? MEETS_READINESS_AXES;
  const scaleAxes = axes.across.field === 'performance';
  const [acrossCol, upCol] = scaleAxes ? [grid.performanceCol, grid.potentialCol] : [grid.meetsCol, grid.readinessCol];
  if (acrossCol === undefined || upCol === undefined)
    throw new Error(`talentGridSheet: the grid has no ${axes.across.name} or ${axes.up.name} column`);
  const scaleText = (a: TalentAxes['across']) => (a.steps === 5 ? '1-5' : 'Low/Medium/High as 1-3');
  const P = people.length;
  const canvas = new SheetCanvas();
  const note = (row: number, text: string) => {
    canvas.set(row, 0, text);
    canvas.style({ row, col: 0, rows: 1, cols: 1 }, 'cal-note');
  };
  canvas.set(0, 0, `Talent grid of "${grid.sheet}"`);
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  note(
    1,
    'Who should see this: it names people in boxes. Share it with the calibration room (HR and the managers calibrating), not with the team.',
  );
  if (scaleAxes) {
    note(
      2,
      `Axes from the roster: across, performance (${scaleText(axes.across)}); up, potential (${scaleText(axes.up)}). Edit the blue cut-offs and every box follows; figures are live on the grid's Performance and Potential columns.`,
    );
    note(3, 'People with no performance or no potential on the grid are in no box and counted apart.');
  } else {
    note(
      2,
      'Across: meets % in the current role. Up: readiness for the next role. Edit the blue cut-offs and every box follows; figures are live on the grid.',
    );
    note(3, 'People with no meets % or no readiness on the grid (no targets, or no next role) are in no box and counted apart.');
  }

  // Cut-offs.
  const [acrossCut, upCut] = [axisCut(axes.across, cutoffs), axisCut(axes.up, cutoffs)];
  const cutRows: [string, number][] = [
    [`${axes.across.name}: medium from`, acrossCut.low],
    [`${axes.across.name}: high from`, acrossCut.high],
    [`${axes.up.name}: medium from`, upCut.low],
    [`${axes.up.name}: high from`, upCut.high],
  ];
  const cut0 = 5;
  canvas.set(cut0 - 1, 0, 'Cut-offs');
  canvas.style({ row: cut0 - 1, col: 0, rows: 1, cols: 1 }, 'cal-section');
  cutRows.forEach(([label, value], i) => {
    canvas.set(cut0 + i, 0, label);
    canvas.set(cut0 + i, 1, value);
  });
  canvas.style({ row: cut0, col: 1, rows: 4, cols: 1 }, scaleAxes ? 'cal-input' : 'cal-input-percent');
  // Registered as an input region, so a rebuilt pack reads the cut-offs back (sheetSettings.ts).
  canvas.inputs.push({
    id: TALENT_CUTOFFS_REGION,
    range: { row: cut0, col: 1, rows: 4, cols: 1 },
    rowKeys: talentCutoffKeys(axes),
    colKeys: ['value'],
  });
  const [meetsLow, meetsHigh, readyLow, readyHigh] = [0, 1, 2, 3].map((i) => cellRef(cut0 + i, 1, true));

  // The people, each with a box and a key (helper columns, grey, right of the tables).
  const first = 18;
  const gridCell = (i: number, col: number) => sheetRef(grid.sheet, { row: grid.firstRow + i, col, rows: 1, cols: 1 }, false);
  canvas.setRow(first - 1, HELPER_COL, ['Person (helper)', 'Box (helper)', 'Key (helper)']);
  canvas.style({ row: first - 1, col: HELPER_COL, rows: 1, cols: 3 }, 'cal-header');
  const placeInBox = new Map<number, number>();
  for (let i = 0; i < P; i++) {
    const r = first + i;
    const m = gridCell(i, acrossCol);
    const q = gridCell(i, upCol);
    const [nameCell, idCell] = [gridCell(i, grid.nameCol), gridCell(i, grid.idCol)];
    const label = people[i].name || people[i].id;
    canvas.set(r, HELPER_COL, formula(`IF(${nameCell}="",${idCell}&"",${nameCell}&"")`, label));
    const b = talent.boxes[i];
    canvas.set(
      r,
      HELPER_COL + 1,
      formula(
        `IF(OR(NOT(ISNUMBER(${m})),NOT(ISNUMBER(${q}))),"",(${m}>=${meetsLow})+(${m}>=${meetsHigh})+3*((${q}>=${readyLow})+(${q}>=${readyHigh})))`,
        b,
      ),
    );
    const box = cellRef(r, HELPER_COL + 1);
    const k = b === null ? 0 : (placeInBox.get(b) ?? 0) + 1;
    if (b !== null) placeInBox.set(b, k);
    canvas.set(
      r,
      HELPER_COL + 2,
      formula(`IF(${box}="","",${box}&"-"&COUNTIF(${cellRef(first, HELPER_COL + 1, true)}:${box},${box}))`, b === null ? '' : `${b}-${k}`),
    );
  }
  if (P) canvas.style({ row: first, col: HELPER_COL, rows: P, cols: 3 }, 'cal-helper');
  const boxes = rectRef({ row: first, col: HELPER_COL + 1, rows: Math.max(1, P), cols: 1 }, true);
  const keys = rectRef({ row: first, col: HELPER_COL + 2, rows: Math.max(1, P), cols: 1 }, true);
  const labels = rectRef({ row: first, col: HELPER_COL, rows: Math.max(1, P), cols: 1 }, true);

  // The nine boxes: readiness high at the top, meets low on the left.
  const gridTop = 10;
  const acrossWord = scaleAxes ? axes.across.name : 'Meets';
  const upWord = scaleAxes ? axes.up.name : 'Readiness';
  canvas.setRow(gridTop, 0, ['People per box', ...BAND_NAMES.map((b) => `${acrossWord} ${b.toLowerCase()}`)]);
  canvas.style({ row: gridTop, col: 0, rows: 1, cols: 4 }, 'cal-header');
  const countCell = (box: number) => ({ row: gridTop + 1 + (2 - Math.floor(box / 3)), col: 1 + (box % 3) });
  for (let level = 2; level >= 0; level--) canvas.set(gridTop + 1 + (2 - level), 0, `${upWord} ${BAND_NAMES[level].toLowerCase()}`);
  for (let box = 0; box < 9; box++) {
    const at = countCell(box);
    canvas.set(at.row, at.col, formula(`COUNTIF(${boxes},${box})`, talent.names[box].length));
  }
  canvas.style({ row: gridTop + 1, col: 0, rows: 3, cols: 1 }, 'cal-label');
  canvas.style({ row: gridTop + 1, col: 1, rows: 3, cols: 3 }, 'talent-box');
  const unplacedCell = { row: gridTop + 4, col: 1 };
  canvas.set(unplacedCell.row, 0, 'In no box');
  canvas.set(unplacedCell.row, 1, formula(`${P}-SUM(${rectRef({ row: gridTop + 1, col: 1, rows: 3, cols: 3 })})`, talent.unplaced));
  canvas.style({ row: unplacedCell.row, col: 1, rows: 1, cols: 1 }, 'cal-count');

  // The names in each box, one column per box.
  const namesHeader = first - 1;
  const namesCol = (box: number) => BOX_ORDER.indexOf(box);
  BOX_ORDER.forEach((box, c) => canvas.set(namesHeader, c, boxLabel(box, axes)));
  canvas.style({ row: namesHeader, col: 0, rows: 1, cols: 9 }, 'cal-header');
  // Two lines of heading; and room for the large counts of the boxes.
  canvas.rowHeights.push({ row: namesHeader, height: 30 }, ...[1, 2, 3].map((i) => ({ row: gridTop + i, height: 24 })));
  canvas.set(namesHeader - 1, 0, 'Names in each box, in grid order');
  canvas.style({ row: namesHeader - 1, col: 0, rows: 1, cols: 1 }, 'cal-section');
  for (let k = 0; k < P; k++) {
    BOX_ORDER.forEach((box, c) => {
      canvas.set(first + k, c, formula(`IFERROR(INDEX(${labels},MATCH("${box}-${k + 1}",${keys},0)),"")`, talent.names[box][k] ?? ''));
    });
  }
  for (let c = 0; c < 9; c++) canvas.width(c, 20);
  canvas.width(0, 26);
  for (let c = HELPER_COL; c < HELPER_COL + 3; c++) canvas.width(c, 14);

  const layout: TalentGridLayout = {
    cutoffs: { row: cut0, col: 1, rows: 4, cols: 1 },
    countCell,
    unplacedCell,
    namesFirstRow: first,
    namesCol,
  };
  return { sheet: canvas.toSheet(name, 'calibration', { landscape: true, freeze: { rows: 0, cols: 0 } }), layout };
}

/** The style of a box's count: large, so the grid reads from the back of a room. */
export const TALENT_STYLES = {
  'talent-box': { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'EDEDED' },
} as const;
