/**
 * Reading a team grid back from its cells: the people (id, name, role,
 * manager and every rating as it stands), the coverage levels, where
 * everything is, and the rows that have no id. A grid is found by its hidden
 * key row (see gridShape.ts), not by its sheet name or position, so a renamed
 * grid, or one with rows inserted above, still reads.
 *
 * Pure: each renderer reads the cells its own way (ExcelJS in
 * src/xlsx/readGrid.ts, Office.js in src/host/readGrids.ts) and hands them
 * here as rows of plain values from A1.
 */
import type { FormulaMode } from './formulas';
import type { GridGeometry } from './grid';
import { GRID_KEYS, GRID_SHAPE, type GridReadiness } from './gridShape';
import { personKey } from './personKey';
import type { Rect } from './plan';

/** A cell as a workbook reader gives it; null when blank. */
export type GridCellValue = string | number | boolean | null;

export interface GridPerson {
  /** 0-based sheet row. */
  row: number;
  id: string;
  name: string;
  role: string;
  manager: string;
  /** The rating cell of each competency as it stands (a code, a number, text someone typed), null when blank. */
  ratings: Record<string, GridCellValue>;
  /** The Performance / Potential cells as they stand, where the grid has those columns. */
  performance?: GridCellValue;
  potential?: GridCellValue;
}

/**
 * A row under the key row with no id: a person whose id was cleared, or a
 * blank row between two people. Never dropped silently: the calibration
 * refuses such a grid, and the renderers read its ratings under `key`.
 */
export interface GridRowWithoutId {
  /** 0-based sheet row. */
  row: number;
  /** What its ratings are read under: "(row N)". */
  key: string;
  /** Nothing in its person or rating cells: only a gap between people. */
  blank: boolean;
  /** For the user: 'row 15 of the grid "Team grid" has no id, between two people'. */
  message: string;
}

export interface GridRows {
  /**
   * Where everything is, rebuilt from the key row; `personCount` counts the people read.
   * `scaleIds` is empty: cells do not say which scale each competency uses; ask the framework
   * named by `frameworkId`.
   */
  geometry: GridGeometry;
  people: GridPerson[];
  /** The coverage level picked for each competency, by id. */
  coverageLevels: Map<string, string>;
  /** Rows without an id, top to bottom. */
  problems: GridRowWithoutId[];
}

/** How far down a key row is looked for: users may insert rows above the grid. */
export const KEY_ROW_SEARCH_ROWS = 60;

type Rows = readonly (readonly unknown[] | undefined)[];

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function ratingValue(v: unknown): GridCellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function keyRowOf(rows: Rows): number {
  const last = Math.min(rows.length, KEY_ROW_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = rows[r] ?? [];
    if (text(row[0]) !== GRID_KEYS.id || text(row[1]) !== GRID_KEYS.name) continue;
    if (Array.from(row, text).some((k) => k.startsWith(GRID_KEYS.rating))) return r;
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
 * The grid in `rows` (cell values from A1), or undefined when they hold none.
 * `formulas` is the grid's formula style, which values alone cannot show; the
 * caller looks at a gap cell's formula when it can.
 */
export function readGridRows(sheetName: string, rows: Rows, formulas: FormulaMode = 'portable'): GridRows | undefined {
  const keyRow = keyRowOf(rows);
  if (keyRow < 0) return undefined;
  const keys = Array.from(rows[keyRow] ?? [], text);
  const col = (key: string) => keys.indexOf(key);
  /** A column the grid may not have (its readiness mode left it out): undefined then. */
  const optionalCol = (key: string) => (col(key) >= 0 ? col(key) : undefined);
  const K = GRID_KEYS;
  const ratings = columnsWith(keys, K.rating);
  const targets = columnsWith(keys, K.target);
  const gaps = columnsWith(keys, K.gap);
  const values = columnsWith(keys, K.value);
  const frameworkKey = keys.find((k) => k.startsWith(K.framework));
  const idCol = col(K.id);
  const first = keyRow + 1;
  const personCols = [col(K.name), col(K.role), col(K.manager)].filter((c) => c >= 0);

  // People: every row below the key row with an id. Rows without one are listed, not skipped.
  const people: GridPerson[] = [];
  const withoutId: { row: number; blank: boolean }[] = [];
  for (let r = first; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = text(row[idCol]);
    if (!id) {
      const blank = personCols.every((c) => !text(row[c])) && ratings.cols.every((c) => ratingValue(row[c]) === null);
      withoutId.push({ row: r, blank });
      continue;
    }
    const at = (key: string) => (col(key) >= 0 ? text(row[col(key)]) : '');
    const person: GridPerson = { row: r, id, name: at(K.name), role: at(K.role), manager: at(K.manager), ratings: {} };
    ratings.cols.forEach((c, j) => (person.ratings[ratings.ids[j]] = ratingValue(row[c])));
    for (const k of [K.performance, K.potential] as const) if (col(k) >= 0) person[k] = ratingValue(row[col(k)]);
    people.push(person);
  }
  const lastPersonRow = people.length ? people[people.length - 1].row : -1;
  const firstPersonRow = people.length ? people[0].row : Infinity;
  const where = (r: number) => `row ${r + 1} of the grid "${sheetName}" has no id`;
  const problems: GridRowWithoutId[] = withoutId
    // Blank rows below everyone are just the end of the sheet.
    .filter((w) => !w.blank || w.row < lastPersonRow)
    .map((w) => ({
      row: w.row,
      key: personKey('', w.row),
      blank: w.blank,
      message:
        w.row < firstPersonRow
          ? `${where(w.row)}, above the first person`
          : w.row < lastPersonRow
            ? `${where(w.row)}, between two people`
            : `${where(w.row)} but is not empty`,
    }));

  const coverageLevels = new Map<string, string>();
  const levelRow = keyRow - (GRID_SHAPE.keyRow - GRID_SHAPE.coverageLevelRow);
  if (levelRow >= 0) {
    ratings.cols.forEach((c, j) => {
      const level = text(rows[levelRow]?.[c]);
      if (level) coverageLevels.set(ratings.ids[j], level);
    });
  }
  const shift = keyRow - GRID_SHAPE.keyRow;
  const readyCol = optionalCol(K.ready);
  const blockingCol = optionalCol(K.blocking);
  const readiness: GridReadiness = readyCol !== undefined ? 'tolerant' : blockingCol !== undefined ? 'strict' : 'none';
  // A tolerant grid's threshold sits on the row above the heading row, above the Readiness column.
  const readinessCol = optionalCol(K.readiness);
  const thresholdRow = GRID_SHAPE.ratedRow + shift;
  const readinessThresholdCell =
    readiness === 'tolerant' && readinessCol !== undefined && thresholdRow >= 0 ? { row: thresholdRow, col: readinessCol } : undefined;
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
    readiness,
    nextRoleCol: optionalCol(K.nextRole),
    readinessCol,
    readyCol,
    blockingCol,
    readinessThresholdCell,
    ...(optionalCol(K.performance) !== undefined || optionalCol(K.potential) !== undefined
      ? { performanceCol: optionalCol(K.performance), potentialCol: optionalCol(K.potential) }
      : {}),
    roleNumberCol: col(K.roleNumber),
    nextRoleNumberCol: optionalCol(K.nextRoleNumber),
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
  return { geometry, people, coverageLevels, problems };
}
