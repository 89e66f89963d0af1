/**
 * The master's "Self ratings" sheet: each person's self-assessment in the
 * shape of the grid (people down, competencies across), the difference self
 * minus manager beside it as a diverging heatmap, and per person how many
 * items are two or more levels apart, flagged. The manager's rating stays the
 * one that counts (on the grid); this sheet only sets the two side by side.
 * Differences look the manager's value up by person id, so sorting either
 * sheet keeps them right. Read back by its hidden key row (readSelfRows).
 */
import type { FrameworkModel } from '../framework/model';
import type { Roster } from '../roster';
import { cellRef, columnLetters, sheetRef } from '../layouts/a1';
import type { GridGeometry } from '../layouts/grid';
import { gapHeatmap } from '../layouts/heatmap';
import type { SheetPlan, PlanCell } from '../layouts/plan';
import { scaleSheetLayout } from '../layouts/scaleSheet';
import { SheetBuilder } from '../layouts/sheetBuilder';
import type { WorkbookSheetNames } from '../layouts/workbook';

export const SELF_SHEET_NAME = 'Self ratings';
export const SELF_RATINGS_REGION = 'self-ratings';
export const SELF_COMMENTS_REGION = 'self-comments';
/** Keys of the hidden key row. */
export const SELF_KEYS = {
  id: 'id',
  name: 'name',
  manager: 'manager',
  apart: 'apart',
  self: 'self:',
  diff: 'diff:',
  comment: 'comment',
} as const;
export const SELF_SHAPE = { headingRow: 3, headerRow: 4, keyRow: 5, firstPersonRow: 6, firstSelfCol: 4 } as const;
/** Self and manager this many levels apart (or more) are flagged. */
export const APART_LEVELS = 2;

export const SELF_SHEET_STYLES = {
  apartFlag: { bold: true, hAlign: 'center' },
} as const;

export function selfRatingsSheet(model: FrameworkModel, roster: Roster, grid: GridGeometry, names: WorkbookSheetNames): SheetPlan {
  const S = SELF_SHAPE;
  const K = SELF_KEYS;
  const comps = grid.competencyIds.map((id) => model.competency(id));
  const n = comps.length;
  const P = roster.people.length;
  const selfCol0 = S.firstSelfCol;
  const diffCol0 = selfCol0 + n;
  const commentCol = diffCol0 + n;
  const scales = scaleSheetLayout(model, names.scales).tables;
  const gridCol = (col: number) => sheetRef(grid.sheetName, { row: grid.firstPersonRow, col, rows: Math.max(1, P), cols: 1 });
  const b = new SheetBuilder(SELF_SHEET_NAME, 'self-ratings');
  b.cell(0, 0, `${model.name}: self ratings beside the manager's`);
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'title');
  b.cell(
    1,
    0,
    `Self-assessments as collected. The manager's rating on "${grid.sheetName}" is the one that counts. Difference = self − manager (positive: the person rates themselves higher); items ${APART_LEVELS} or more levels apart are counted and shown bold.`,
  );
  b.style({ row: 1, col: 0, rows: 1, cols: 1 }, 'note');
  const headings: [number, number, string][] = [
    [0, 4, 'Person'],
    [selfCol0, n, 'Self ratings'],
    [diffCol0, n, 'Difference = self − manager'],
    [commentCol, 1, 'Self comment'],
  ];
  for (const [col, cols, text] of headings) {
    b.cell(S.headingRow, col, text);
    b.merge({ row: S.headingRow, col, rows: 1, cols });
    b.style({ row: S.headingRow, col, rows: 1, cols }, 'blockHeading');
  }
  const labels = comps.map((c) => c.name);
  b.row(S.headerRow, 0, ['Id', 'Name', 'Manager', `Items ${APART_LEVELS}+ levels apart`, ...labels, ...labels, 'Comment']);
  b.style({ row: S.headerRow, col: 0, rows: 1, cols: 4 }, 'header');
  b.style({ row: S.headerRow, col: selfCol0, rows: 1, cols: 2 * n }, 'headerRotated');
  b.style({ row: S.headerRow, col: commentCol, rows: 1, cols: 1 }, 'header');
  b.rowHeight(S.headerRow, 130);
  b.row(S.keyRow, 0, [K.id, K.name, K.manager, K.apart, ...comps.map((c) => K.self + c.id), ...comps.map((c) => K.diff + c.id), K.comment]);
  b.style({ row: S.keyRow, col: 0, rows: 1, cols: commentCol + 1 }, 'key');
  b.rowHeight(S.keyRow, 12, true);

  const L = columnLetters;
  const rows: PlanCell[][] = roster.people.map((p, i) => {
    const r = S.firstPersonRow + i + 1;
    const cells: PlanCell[] = [p.id, p.name, p.manager || null];
    cells.push({
      formula: `COUNTIF(${L(diffCol0)}${r}:${L(diffCol0 + n - 1)}${r},">=${APART_LEVELS}")+COUNTIF(${L(diffCol0)}${r}:${L(diffCol0 + n - 1)}${r},"<=-${APART_LEVELS}")`,
      result: 0,
    });
    for (let j = 0; j < n; j++) cells.push(null);
    comps.forEach((c, j) => {
      const t = scales.get(c.scale)!;
      const self = `${L(selfCol0 + j)}${r}`;
      const selfValue = `INDEX(${t.values},MATCH(${self}&"",${t.codes},0))`;
      const manager = `INDEX(${gridCol(grid.valueCols[j])},MATCH($A${r},${gridCol(grid.idCol)},0))`;
      cells.push({ formula: `IFERROR(IF(OR(${self}="",${manager}=""),"",${selfValue}-${manager}),"")`, result: '' });
    });
    cells.push(null);
    return cells;
  });
  if (P) b.block(S.firstPersonRow, 0, rows);
  const at = (col: number, cols = 1) => ({ row: S.firstPersonRow, col, rows: P, cols });
  b.style(at(selfCol0, n), 'input');
  b.style(at(diffCol0, n), 'code');
  b.plan.styles.push({ range: at(3), style: 'apartFlag' });
  b.style(at(commentCol), 'wrapTop');
  comps.forEach((c, j) => {
    const scale = model.scaleOf(c);
    const levels = scale.levels.map((l) => l.code).join(', ');
    b.validate({
      range: at(selfCol0 + j),
      source: scales.get(c.scale)!.codes,
      title: scale.name,
      prompt: `The person's own level (${levels}); blank for not rated.`,
      errorMessage: `Use a level of ${scale.name}: ${levels}; or leave the cell blank.`,
    });
    b.format(gapHeatmap(at(diffCol0 + j), scale));
  });
  const first = cellRef(S.firstPersonRow, diffCol0);
  b.format({
    kind: 'formula',
    range: at(diffCol0, n),
    formula: `ABS(N(${first}))>=${APART_LEVELS}`,
    style: { bold: true, fontColor: '9C0006' },
  });
  b.format({ kind: 'formula', range: at(3), formula: `${cellRef(S.firstPersonRow, 3)}>0`, style: { fill: 'FFC7CE', fontColor: '9C0006' } });
  b.input({ id: SELF_RATINGS_REGION, range: at(selfCol0, n), rowKeys: roster.people.map((p) => p.id), colKeys: comps.map((c) => c.id) });
  b.input({ id: SELF_COMMENTS_REGION, range: at(commentCol), rowKeys: roster.people.map((p) => p.id), colKeys: [K.comment] });
  [10, 22, 18, 10].forEach((w, i) => b.width(i, w));
  for (let j = 0; j < 2 * n; j++) b.width(selfCol0 + j, 7);
  b.width(commentCol, 40);
  b.plan.freeze = { rows: S.firstPersonRow, cols: 2 };
  return b.plan;
}

/** A person row of the Self ratings sheet as read back. */
export interface SelfRow {
  /** 0-based sheet row. */
  row: number;
  id: string;
  values: Record<string, string | number | boolean | null>;
  comment: string | number | boolean | null;
}

/** The Self ratings sheet's people and values from its cells (rows from A1), found by its key row; undefined if it is not one. */
export function readSelfRows(
  rows: readonly (readonly unknown[] | undefined)[],
): { rows: SelfRow[]; selfCols: Map<string, number>; commentCol: number } | undefined {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const keyRow = rows.findIndex(
    (r, i) => i < 60 && text(r?.[0]) === SELF_KEYS.id && Array.from(r ?? [], text).some((k) => k.startsWith(SELF_KEYS.self)),
  );
  if (keyRow < 0) return undefined;
  const keys = Array.from(rows[keyRow] ?? [], text);
  const selfCols = new Map<string, number>();
  keys.forEach((k, i) => k.startsWith(SELF_KEYS.self) && selfCols.set(k.slice(SELF_KEYS.self.length), i));
  const commentCol = keys.indexOf(SELF_KEYS.comment);
  const value = (v: unknown) =>
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? null : (v as string | number | boolean);
  const out: SelfRow[] = [];
  for (let r = keyRow + 1; r < rows.length; r++) {
    const id = text(rows[r]?.[0]);
    if (!id) continue;
    const values: SelfRow['values'] = {};
    for (const [c, col] of selfCols) values[c] = value(rows[r]?.[col]);
    out.push({ row: r, id, values, comment: commentCol >= 0 ? value(rows[r]?.[commentCol]) : null });
  }
  return { rows: out, selfCols, commentCol };
}
