/**
 * Reading a team grid back from a workbook the product wrote: the roster
 * (id, name, role, manager), every rating as it stands in the cells, the
 * coverage levels, and where everything is. A grid is found by its hidden key
 * row (see core/layouts/gridShape.ts), not by its sheet name or position, so a
 * renamed grid, or one with rows inserted above, still reads.
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   these are ExcelJS rows and cells in memory, not Office.js proxies: nothing to load or sync. */
import type { Workbook, Worksheet } from 'exceljs';
import type { FormulaMode } from '../core/layouts/formulas';
import type { GridGeometry } from '../core/layouts/grid';
import { GRID_KEYS, GRID_SHAPE } from '../core/layouts/gridShape';
import type { Rect } from '../core/layouts/plan';
import { CompetencyError } from '../core/problems';
import { cellText, plainValue, type PlainValue } from './cellValue';

export interface GridPerson {
  /** 0-based sheet row. */
  row: number;
  id: string;
  name: string;
  role: string;
  manager: string;
  /** The rating cell of each competency as it stands (a code, a number, text someone typed), null when blank. */
  ratings: Record<string, PlainValue>;
}

export interface GridRead {
  /**
   * Where everything is, rebuilt from the key row; `personCount` counts the rows read.
   * `scaleIds` is empty: a file does not say which scale each competency uses; ask the framework
   * named by `frameworkId`.
   */
  geometry: GridGeometry;
  people: GridPerson[];
  /** The coverage level picked for each competency, by id. */
  coverageLevels: Map<string, string>;
}

/** How far down a key row is looked for: users may insert rows above the grid. */
const SEARCH_ROWS = 60;

function keyRowOf(ws: Worksheet): { row: number; keys: string[] } | undefined {
  const last = Math.min(ws.rowCount, SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    if (cellText(row.getCell(1).value) !== GRID_KEYS.id || cellText(row.getCell(2).value) !== GRID_KEYS.name) continue;
    const keys: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) keys.push(cellText(row.getCell(c).value));
    if (keys.some((k) => k.startsWith(GRID_KEYS.rating))) return { row: r - 1, keys };
  }
  return undefined;
}

function columnsWith(keys: string[], prefix: string): { cols: number[]; ids: string[] } {
  const cols: number[] = [];
  const ids: string[] = [];
  keys.forEach((k, i) => {
    if (k.startsWith(prefix)) {
      cols.push(i);
      ids.push(k.slice(prefix.length));
    }
  });
  return { cols, ids };
}

function blockRect(first: number, rows: number, cols: number[]): Rect {
  return { row: first, col: cols.length ? cols[0] : 0, rows, cols: cols.length };
}

function readSheet(ws: Worksheet): GridRead | undefined {
  const found = keyRowOf(ws);
  if (!found) return undefined;
  const { keys } = found;
  const col = (key: string) => keys.indexOf(key);
  const K = GRID_KEYS;
  const ratings = columnsWith(keys, K.rating);
  const targets = columnsWith(keys, K.target);
  const gaps = columnsWith(keys, K.gap);
  const values = columnsWith(keys, K.value);
  const frameworkKey = keys.find((k) => k.startsWith(K.framework));
  const idCol = col(K.id);
  const first = found.row + 1;

  // Person rows: every row below the key row with an id, to the end of the sheet.
  const people: GridPerson[] = [];
  let formulas: FormulaMode = 'portable';
  for (let r = first + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = cellText(row.getCell(idCol + 1).value);
    if (!id) continue;
    const text = (key: string) => (col(key) >= 0 ? cellText(row.getCell(col(key) + 1).value) : '');
    const person: GridPerson = { row: r - 1, id, name: text(K.name), role: text(K.role), manager: text(K.manager), ratings: {} };
    ratings.cols.forEach((c, j) => {
      const v = plainValue(row.getCell(c + 1).value);
      person.ratings[ratings.ids[j]] = typeof v === 'string' && v.trim() === '' ? null : v;
    });
    if (people.length === 0 && gaps.cols.length) {
      const gap = row.getCell(gaps.cols[0] + 1).formula;
      if (gap && gap.includes('COMPETENCY.')) formulas = 'addin';
    }
    people.push(person);
  }

  const coverageLevels = new Map<string, string>();
  const levelRow = found.row - (GRID_SHAPE.keyRow - GRID_SHAPE.coverageLevelRow);
  if (levelRow >= 0) {
    ratings.cols.forEach((c, j) => {
      const level = cellText(ws.getRow(levelRow + 1).getCell(c + 1).value);
      if (level) coverageLevels.set(ratings.ids[j], level);
    });
  }
  const shift = found.row - GRID_SHAPE.keyRow;
  const P = people.length;
  const geometry: GridGeometry = {
    sheetName: ws.name,
    frameworkId: frameworkKey ? frameworkKey.slice(K.framework.length) : '',
    formulas,
    headerRow: found.row - 1,
    keyRow: found.row,
    firstPersonRow: first,
    personCount: P,
    personIds: people.map((p) => p.id),
    coverageLevelRow: GRID_SHAPE.coverageLevelRow + shift,
    coverageRow: GRID_SHAPE.coverageRow + shift,
    flagRow: GRID_SHAPE.flagRow + shift,
    ratedRow: GRID_SHAPE.ratedRow + shift,
    idCol,
    nameCol: col(K.name),
    roleCol: col(K.role),
    managerCol: col(K.manager),
    meetsCol: col(K.meets),
    shortfallCol: col(K.shortfall),
    nextRoleCol: col(K.nextRole),
    readinessCol: col(K.readiness),
    blockingCol: col(K.blocking),
    roleNumberCol: col(K.roleNumber),
    nextRoleNumberCol: col(K.nextRoleNumber),
    competencyIds: ratings.ids,
    scaleIds: [],
    ratingCols: ratings.cols,
    targetCols: targets.cols,
    gapCols: gaps.cols,
    valueCols: values.cols,
    ratings: blockRect(first, P, ratings.cols),
    targets: blockRect(first, P, targets.cols),
    gaps: blockRect(first, P, gaps.cols),
    values: blockRect(first, P, values.cols),
  };
  return { geometry, people, coverageLevels };
}

/** Every team grid in the workbook, in sheet order. */
export function readGrids(workbook: Workbook): GridRead[] {
  const out: GridRead[] = [];
  for (const ws of workbook.worksheets) {
    const grid = readSheet(ws);
    if (grid) out.push(grid);
  }
  return out;
}

/** The team grid of a workbook (the one on `sheetName` if given); a clear error when there is none. */
export function readGrid(workbook: Workbook, sheetName?: string, fileName = 'workbook'): GridRead {
  const grids = readGrids(workbook);
  if (sheetName !== undefined) {
    const g = grids.find((x) => x.geometry.sheetName.toLowerCase() === sheetName.toLowerCase());
    if (g) return g;
    throw new CompetencyError(
      'invalid-file',
      `no team grid on a sheet named "${sheetName}"; the grids are on ${grids.map((x) => `"${x.geometry.sheetName}"`).join(', ') || 'no sheet'}`,
      fileName,
    );
  }
  if (!grids.length) {
    throw new CompetencyError(
      'invalid-file',
      'no team grid written by competency-matrix was found (its hidden key row is missing); write one with the workbook command',
      fileName,
    );
  }
  return grids[0];
}

/**
 * The grid's people as roster rows (a header, then one row per person), ready
 * for core's parseRoster: ids, names, roles, managers and every rating, with
 * numbers turned back into text so "3" matches the level code "3".
 */
export function gridRosterRows(grid: GridRead): string[][] {
  const ids = grid.geometry.competencyIds;
  return [
    ['id', 'name', 'role', 'manager', ...ids],
    ...grid.people.map((p) => [p.id, p.name, p.role, p.manager, ...ids.map((id) => (p.ratings[id] === null ? '' : String(p.ratings[id])))]),
  ];
}
