/**
 * The workbooks of an assessment cycle as layout plans: the master (everyone,
 * for HR) and the files handed out, a manager's team or one person's
 * self-assessment. Each is today's workbook (matrix, scales, descriptors,
 * roles, targets and the grid with its dropdowns, gaps and heatmaps, all
 * native formulas) with a comment cell per person. A file handed out is made
 * for the person filling it in: every sheet protected with only the rating
 * and comment cells unlocked, the descriptors of each level as a note on each
 * competency's header, and how far they have got above the grid.
 */
import type { FrameworkModel } from '../framework/model';
import type { Roster } from '../roster';
import { rectRef } from '../layouts/a1';
import type { FormulaMode } from '../layouts/formulas';
import type { GridGeometry } from '../layouts/grid';
import type { GridReadiness } from '../layouts/gridShape';
import type { LayoutPlan, SheetPlan } from '../layouts/plan';
import { DEFAULT_SHEET_NAMES, workbookLayout, workbookSheetNames, type WorkbookLayout } from '../layouts/workbook';
import type { CycleFileKind } from './identity';
import { levelNote } from './levelNotes';
import { selfRatingsSheet, SELF_SHEET_STYLES } from './selfRatingsSheet';

export const COMMENT_KEY = 'comment';
export const COMMENTS_REGION = 'comments';
export const SELF_GRID_NAME = 'My ratings';

export const CYCLE_STYLES = {
  unlocked: { unlocked: true },
  comment: { fill: 'FFF9E5', border: 'thin', wrap: true, vAlign: 'top', unlocked: true },
  commentLocked: { fill: 'FFF9E5', border: 'thin', wrap: true, vAlign: 'top' },
  progressLabel: { bold: true },
  progress: { bold: true, hAlign: 'left' },
} as const;

export interface CycleWorkbookOptions {
  kind: CycleFileKind;
  formulas?: FormulaMode;
  readiness?: GridReadiness;
  /** The master of a cycle with self-assessments gets a "Self ratings" sheet. */
  withSelfSheet?: boolean;
}

export interface CycleWorkbook {
  layout: WorkbookLayout;
  plan: LayoutPlan;
  grid: GridGeometry;
  /** 0-based column of the comment cells on the grid. */
  commentCol: number;
}

/** The comment column, right of the grid's framework key, with its key so readers find it. */
function addCommentColumn(sheet: SheetPlan, g: GridGeometry, roster: Roster, unlocked: boolean): number {
  const col = g.valueCols[g.valueCols.length - 1] + 2;
  const P = g.personCount;
  sheet.blocks.push({ row: g.headerRow - 1, col, cells: [['Comments'], ['Comment'], [COMMENT_KEY]] });
  sheet.styles.push({ range: { row: g.headerRow - 1, col, rows: 1, cols: 1 }, style: 'blockHeading' });
  sheet.styles.push({ range: { row: g.headerRow, col, rows: 1, cols: 1 }, style: 'header' });
  sheet.styles.push({ range: { row: g.keyRow, col, rows: 1, cols: 1 }, style: 'key' });
  if (P) {
    sheet.blocks.push({ row: g.firstPersonRow, col, cells: roster.people.map(() => [null]) });
    sheet.styles.push({ range: { row: g.firstPersonRow, col, rows: P, cols: 1 }, style: unlocked ? 'comment' : 'commentLocked' });
  }
  sheet.columnWidths.push({ col, width: 40 });
  (sheet.inputs ??= []).push({
    id: COMMENTS_REGION,
    range: { row: g.firstPersonRow, col, rows: P, cols: 1 },
    rowKeys: roster.people.map((p) => p.id),
    colKeys: [COMMENT_KEY],
  });
  return col;
}

/** "People fully rated" and "Rating cells left", live, at the top left of the grid. */
function addProgress(sheet: SheetPlan, g: GridGeometry, roster: Roster): void {
  const n = g.competencyIds.length;
  const ratings = rectRef(g.ratings, true);
  const ones = `{${Array.from({ length: n }, () => 1).join(';')}}`;
  const full = roster.people.filter((p) => g.competencyIds.every((c) => p.ratings.has(c))).length;
  const left = roster.people.reduce((k, p) => k + g.competencyIds.filter((c) => !p.ratings.has(c)).length, 0);
  const row = g.coverageLevelRow;
  sheet.blocks.push({
    row,
    col: 0,
    cells: [
      ['People fully rated', { formula: `SUMPRODUCT(--(MMULT(--(${ratings}<>""),${ones})=${n}))`, result: full }],
      ['Rating cells left', { formula: `COUNTBLANK(${ratings})`, result: left }],
      [`of ${roster.people.length} people × ${n} competencies`],
    ],
  });
  sheet.styles.push({ range: { row, col: 0, rows: 2, cols: 1 }, style: 'progressLabel' });
  sheet.styles.push({ range: { row, col: 1, rows: 2, cols: 1 }, style: 'progress' });
  sheet.styles.push({ range: { row: row + 2, col: 0, rows: 1, cols: 1 }, style: 'note' });
}

export function cycleWorkbookPlan(model: FrameworkModel, roster: Roster, options: CycleWorkbookOptions): CycleWorkbook {
  const handedOut = options.kind !== 'master';
  const wanted = options.kind === 'self' ? { ...DEFAULT_SHEET_NAMES, grid: SELF_GRID_NAME } : DEFAULT_SHEET_NAMES;
  const layout = workbookLayout(model, {
    roster,
    formulas: options.formulas,
    readiness: options.readiness,
    sheetNames: workbookSheetNames([], wanted),
  });
  const g = layout.grid!;
  const sheets = layout.plan.sheets.map((s) => ({ ...s, blocks: [...s.blocks], styles: [...s.styles], columnWidths: [...s.columnWidths] }));
  const grid = sheets.find((s) => s.kind === 'grid')!;
  grid.inputs = [...(grid.inputs ?? [])];
  const commentCol = addCommentColumn(grid, g, roster, handedOut);
  if (handedOut) {
    addProgress(grid, g, roster);
    if (g.personCount) grid.styles.push({ range: g.ratings, style: 'unlocked' });
    grid.notes = g.competencyIds.map((id, j) => ({ row: g.headerRow, col: g.ratingCols[j], text: levelNote(model, model.competency(id)) }));
    for (const s of sheets) s.protect = true;
  }
  if (options.kind === 'master' && options.withSelfSheet) sheets.splice(1, 0, selfRatingsSheet(model, roster, g, layout.sheetNames));
  const plan: LayoutPlan = {
    ...layout.plan,
    title: `${layout.plan.title}, ${options.kind === 'master' ? 'cycle master' : options.kind === 'team' ? 'team file' : 'self-assessment'}`,
    sheets,
    styles: { ...layout.plan.styles, ...CYCLE_STYLES, ...SELF_SHEET_STYLES },
  };
  return { layout, plan, grid: g, commentCol };
}
