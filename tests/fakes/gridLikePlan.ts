/**
 * Plans shaped like the product's team grid, for renderer tests and the
 * benchmark: a scale sheet, a grid of people by competencies with a ratings
 * input region, a dropdown sourced from the scale, colour scales and rules,
 * formulas that reference the scale sheet, a defined name, frozen panes and
 * print titles, and optionally a hidden data sheet.
 */
import type { LayoutPlan, PlanCell, SheetPlan } from '../../src/core/layouts/plan';
import { columnLetters } from '../../src/core/layouts/a1';

export const LEVELS = ['Basic', 'Intermediate', 'Advanced', 'Expert', 'Master'];

export interface GridLikeOptions {
  people: number;
  competencies: number;
  /** Share of rating cells filled in the plan itself (0 by default: a fresh grid). */
  rated?: number;
  /** Person ids; default P00001... */
  personIds?: string[];
  personNames?: string[];
  competencyIds?: string[];
  roles?: string[];
  hiddenDataSheet?: boolean;
  title?: string;
  gridName?: string;
}

export const GRID_HEADER_ROWS = 3;
export const GRID_FIRST_RATING_COL = 3;

export function personId(i: number): string {
  return `P${String(i + 1).padStart(5, '0')}`;
}

export function competencyId(j: number): string {
  return `C${String(j + 1).padStart(2, '0')}`;
}

export function scaleSheet(): SheetPlan {
  return {
    name: 'Scale',
    kind: 'scale',
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          ['Code', 'Level', 'Value', 'Definition'],
          ...LEVELS.map((l, i): PlanCell[] => [String(i + 1), l, i + 1, `${l}: can do the work at level ${i + 1}`]),
        ],
      },
    ],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 4 }, style: 'header' }],
    columnWidths: [
      { col: 0, width: 8 },
      { col: 1, width: 16 },
      { col: 2, width: 8 },
      { col: 3, width: 50 },
    ],
    validations: [],
    conditionalFormats: [],
  };
}

export function gridLikePlan(o: GridLikeOptions): LayoutPlan {
  const n = o.people;
  const m = o.competencies;
  const ids = o.personIds ?? Array.from({ length: n }, (_, i) => personId(i));
  const names = o.personNames ?? ids.map((id, i) => `Person ${i + 1} (${id})`);
  const comps = o.competencyIds ?? Array.from({ length: m }, (_, j) => competencyId(j));
  const roles = o.roles ?? ['Engineer', 'Senior engineer', 'Lead'];
  const rated = o.rated ?? 0;
  const first = GRID_FIRST_RATING_COL;
  const lastLetter = columnLetters(first + m - 1);
  const rows: PlanCell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = GRID_HEADER_ROWS + i + 1; // Excel row number
    const span = `${columnLetters(first)}${r}:${lastLetter}${r}`;
    const ratings: PlanCell[] = comps.map((_, j) => ((i * 31 + j * 17) % 100 < rated * 100 ? LEVELS[(i + j) % LEVELS.length] : null));
    rows.push([
      ids[i],
      names[i],
      roles[i % roles.length],
      ...ratings,
      { formula: `COUNTA(${span})`, result: ratings.filter((x) => x !== null).length },
      { formula: `IFERROR(SUMPRODUCT(--(MATCH(${span},Scale!$B$2:$B$6,0)>=3))/COUNTA(${span}),"")` },
    ]);
  }
  const width = first + m + 2;
  const gridName = o.gridName ?? 'Team grid';
  const grid: SheetPlan = {
    name: gridName,
    kind: 'grid',
    blocks: [
      { row: 0, col: 0, cells: [[o.title ?? `Team grid (${n.toLocaleString('en-US')} people)`]] },
      {
        row: 1,
        col: 0,
        cells: [
          ['Person id', 'Name', 'Role', ...comps.map((c) => `Competency ${c}`), 'Rated', 'Meets %'],
          ['', '', 'Competency id', ...comps, '', ''],
        ],
      },
      { row: GRID_HEADER_ROWS, col: 0, cells: rows },
    ],
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: 'title' },
      { range: { row: 1, col: 0, rows: 2, cols: width }, style: 'header' },
      { range: { row: GRID_HEADER_ROWS, col: first, rows: Math.max(1, n), cols: m }, style: 'input' },
      { range: { row: GRID_HEADER_ROWS, col: first + m + 1, rows: Math.max(1, n), cols: 1 }, style: 'percent' },
    ],
    columnWidths: [
      { col: 0, width: 10 },
      { col: 1, width: 24 },
      { col: 2, width: 16 },
      ...comps.map((_, j) => ({ col: first + j, width: 6 })),
      { col: first + m, width: 8 },
      { col: first + m + 1, width: 9 },
    ],
    rowHeights: [{ row: 1, height: 60 }],
    freeze: { rows: GRID_HEADER_ROWS, cols: first },
    validations: n
      ? [
          {
            range: { row: GRID_HEADER_ROWS, col: first, rows: n, cols: m },
            source: 'Scale!$B$2:$B$6',
            title: 'Level',
            prompt: 'Pick a level',
            errorMessage: 'Pick one of the levels on the Scale sheet.',
          },
        ]
      : [],
    conditionalFormats: n
      ? [
          {
            kind: 'colorScale',
            range: { row: GRID_HEADER_ROWS, col: first + m + 1, rows: n, cols: 1 },
            points: [
              { kind: 'number', value: 0, color: 'F8696B' },
              { kind: 'number', value: 0.5, color: 'FFEB84' },
              { kind: 'number', value: 1, color: '63BE7B' },
            ],
          },
          {
            kind: 'cellValue',
            range: { row: GRID_HEADER_ROWS, col: first, rows: n, cols: m },
            operator: 'equal',
            values: ['Master'],
            style: { fill: '1F4E78', fontColor: 'FFFFFF', bold: true },
          },
          {
            kind: 'formula',
            range: { row: GRID_HEADER_ROWS, col: first, rows: n, cols: m },
            formula: `AND(${columnLetters(first)}${GRID_HEADER_ROWS + 1}<>"",COUNTIF(Scale!$B$2:$B$6,${columnLetters(first)}${GRID_HEADER_ROWS + 1})=0)`,
            style: { fill: 'FFC7CE', fontColor: '9C0006' },
          },
        ]
      : [],
    inputs: [{ id: 'ratings', range: { row: GRID_HEADER_ROWS, col: first, rows: n, cols: m }, rowKeys: ids, colKeys: comps }],
    printTitleRows: [1, 2],
    landscape: true,
    tabColor: '2F5597',
  };
  const sheets: SheetPlan[] = [scaleSheet(), grid];
  if (o.hiddenDataSheet) {
    sheets.push({
      name: 'Framework data',
      kind: 'framework-data',
      blocks: [{ row: 0, col: 0, cells: [['Competency id', 'Name'], ...comps.map((c, j): PlanCell[] => [c, `Competency ${j + 1}`])] }],
      styles: [],
      columnWidths: [],
      validations: [],
      conditionalFormats: [],
      hidden: true,
    });
  }
  return {
    title: o.title ?? `Team grid (${n.toLocaleString('en-US')} people)`,
    sheets,
    names: [{ name: 'CM_Levels', ref: 'Scale!$B$2:$B$6', comment: 'The levels of the scale' }],
    styles: {
      title: { bold: true, fontSize: 14 },
      header: { bold: true, fill: 'D9E1F2', wrap: true, vAlign: 'bottom', border: 'thin' },
      input: { fill: 'FFF2CC', hAlign: 'center', border: 'thin' },
      percent: { numberFormat: '0%' },
    },
  };
}
