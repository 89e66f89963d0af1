/**
 * A team grid found in a sheet's cell values (what Office.js `range.values`
 * returns), by its hidden key row: the add-in's counterpart of
 * src/xlsx/readGrid.ts, which reads the same file format through ExcelJS.
 * Pure: the Office.js reading is in readGrids.ts.
 */
import type { FormulaMode } from '../core/layouts/formulas';
import type { GridGeometry } from '../core/layouts/grid';
import { GRID_KEYS, GRID_SHAPE } from '../core/layouts/gridShape';
import type { Rect } from '../core/layouts/plan';

export interface GridPersonValues {
  /** 0-based sheet row. */
  row: number;
  id: string;
  name: string;
  role: string;
  manager: string;
}

export interface GridValues {
  geometry: GridGeometry;
  people: GridPersonValues[];
  /** The coverage level picked for each competency, by id. */
  coverageLevels: Map<string, string>;
}

/** How far down a key row is looked for: users may insert rows above the grid. */
export const KEY_ROW_SEARCH_ROWS = 60;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function keyRowOf(values: readonly (readonly unknown[])[]): number {
  const last = Math.min(values.length, KEY_ROW_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r] ?? [];
    if (text(row[0]) === GRID_KEYS.id && text(row[1]) === GRID_KEYS.name && row.some((k) => text(k).startsWith(GRID_KEYS.rating))) return r;
  }
  return -1;
}

function columnsWith(keys: readonly string[], prefix: string): { cols: number[]; ids: string[] } {
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

/**
 * The grid in `values` (rows from A1), or undefined when the sheet holds none.
 * `formulas` is the grid's formula style, which values alone cannot show.
 */
export function gridFromValues(
  sheetName: string,
  values: readonly (readonly unknown[])[],
  formulas: FormulaMode = 'portable',
): GridValues | undefined {
  const keyRow = keyRowOf(values);
  if (keyRow < 0) return undefined;
  const keys = (values[keyRow] ?? []).map(text);
  const col = (key: string) => keys.indexOf(key);
  const K = GRID_KEYS;
  const ratings = columnsWith(keys, K.rating);
  const targets = columnsWith(keys, K.target);
  const gaps = columnsWith(keys, K.gap);
  const valueCols = columnsWith(keys, K.value);
  const frameworkKey = keys.find((k) => k.startsWith(K.framework));
  const idCol = col(K.id);
  const first = keyRow + 1;

  // Person rows: every row below the key row with an id.
  const people: GridPersonValues[] = [];
  for (let r = first; r < values.length; r++) {
    const row = values[r] ?? [];
    const id = text(row[idCol]);
    if (!id) continue;
    const at = (key: string) => (col(key) >= 0 ? text(row[col(key)]) : '');
    people.push({ row: r, id, name: at(K.name), role: at(K.role), manager: at(K.manager) });
  }

  const coverageLevels = new Map<string, string>();
  const levelRow = keyRow - (GRID_SHAPE.keyRow - GRID_SHAPE.coverageLevelRow);
  if (levelRow >= 0) {
    ratings.cols.forEach((c, j) => {
      const level = text(values[levelRow]?.[c]);
      if (level) coverageLevels.set(ratings.ids[j], level);
    });
  }
  const shift = keyRow - GRID_SHAPE.keyRow;
  const P = people.length;
  const geometry: GridGeometry = {
    sheetName,
    frameworkId: frameworkKey ? frameworkKey.slice(K.framework.length) : '',
    formulas,
    headerRow: keyRow - 1,
    keyRow,
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
    valueCols: valueCols.cols,
    ratings: blockRect(first, P, ratings.cols),
    targets: blockRect(first, P, targets.cols),
    gaps: blockRect(first, P, gaps.cols),
    values: blockRect(first, P, valueCols.cols),
  };
  return { geometry, people, coverageLevels };
}

/** The grid's people as roster rows (a header, then one row per person) for core's parseRoster. */
export function gridRosterRows(grid: GridValues): string[][] {
  return [['id', 'name', 'role', 'manager'], ...grid.people.map((p) => [p.id, p.name, p.role, p.manager])];
}
