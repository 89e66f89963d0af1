/**
 * What a collect reads, as plain data, from either renderer: the master's
 * state (its records, the grid's manager ratings and comments, the Self ratings
 * sheet) and a returned workbook, both from sheets given as rows of values
 * (rows[r][c], the shape ExcelJS read-back and Office.js `range.values` give).
 * The command line (src/xlsx) and the task pane (src/host) both read through
 * here and merge through mergeReturns, so there is one collect, not two.
 */
import type { FrameworkModel } from '../framework/model';
import { cellRef } from '../layouts/a1';
import { readGridRows } from '../layouts/readGridRows';
import { personIdKey } from '../personId';
import { CompetencyError } from '../problems';
import { COMMENT_KEY } from './cycleWorkbook';
import type { CycleIdentity, CycleRecords, Rater } from './identity';
import { COMMENT_FIELD, type CellValue, type MasterState, type ReturnedCell, type ReturnedWorkbook } from './merge';
import { readSelfRows } from './selfRatingsSheet';

export type Rows = readonly (readonly unknown[] | undefined)[];

export interface SheetRows {
  name: string;
  rows: Rows;
}

/** Where each rater's values sit in the master: person key -> 1-based row; field -> 1-based column. */
export interface MasterCells {
  sheet: string;
  rows: Map<string, number>;
  cols: Map<string, number>;
}

export interface MasterReading {
  state: MasterState;
  cells: Partial<Record<Rater, MasterCells>>;
}

function plain(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function filled(v: unknown): v is string | number | boolean {
  if (v === null || v === undefined) return false;
  return typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' || typeof v === 'boolean';
}

/** The master's cycle records, or a refusal naming what the file is instead. */
export function masterRecords(records: CycleRecords | undefined, fileName: string): CycleRecords {
  if (!records || records.identity.kind !== 'master') {
    throw new CompetencyError(
      'invalid-file',
      records
        ? `this is a ${records.identity.kind} file of the cycle "${records.identity.label}", not its master; give the master.xlsx that cycle split wrote`
        : 'this is not the master of an assessment cycle (its registry has no cycle record); give the master.xlsx that cycle split wrote',
      fileName,
    );
  }
  return records;
}

/**
 * The master as core's merge takes it. `gridSheets` are tried in order and the
 * first with a grid's hidden key row is the grid; `selfSheet` is the Self
 * ratings sheet when the master has one.
 */
export function readMasterSheets(
  records: CycleRecords,
  gridSheets: Iterable<SheetRows>,
  selfSheet: SheetRows | undefined,
  fileName: string,
): MasterReading {
  const values: MasterState['values'] = { manager: new Map(), self: new Map() };
  const people = new Map<string, { id: string; manager: string }>();
  const cells: MasterReading['cells'] = {};
  let fields: Set<string> | undefined;
  for (const { name, rows } of gridSheets) {
    const grid = readGridRows(name, rows as unknown[][]);
    if (!grid) continue;
    const g = grid.geometry;
    const commentCol = Array.from(rows[g.keyRow] ?? []).findIndex((k) => String(k ?? '').trim() === COMMENT_KEY);
    fields = new Set([...g.competencyIds, COMMENT_FIELD]);
    const c: MasterCells = { sheet: name, rows: new Map(), cols: new Map(g.competencyIds.map((id, j) => [id, g.ratingCols[j] + 1])) };
    if (commentCol >= 0) c.cols.set(COMMENT_FIELD, commentCol + 1);
    for (const p of grid.people) {
      const key = personIdKey(p.id);
      people.set(key, { id: p.id, manager: p.manager });
      c.rows.set(key, p.row + 1);
      const m = new Map<string, CellValue>();
      for (const [field, v] of Object.entries(p.ratings)) if (plain(v) !== undefined) m.set(field, plain(v)!);
      const comment = commentCol >= 0 ? plain(rows[p.row]?.[commentCol]) : undefined;
      if (comment !== undefined) m.set(COMMENT_FIELD, comment);
      values.manager.set(key, m);
    }
    cells.manager = c;
    break;
  }
  if (!fields || !cells.manager)
    throw new CompetencyError('invalid-file', 'the master has no team grid (its hidden key row is missing)', fileName);
  const self = selfSheet && readSelfRows(selfSheet.rows);
  if (selfSheet && self) {
    const c: MasterCells = { sheet: selfSheet.name, rows: new Map(), cols: new Map([...self.selfCols].map(([id, col]) => [id, col + 1])) };
    if (self.commentCol >= 0) c.cols.set(COMMENT_FIELD, self.commentCol + 1);
    for (const r of self.rows) {
      const key = personIdKey(r.id);
      c.rows.set(key, r.row + 1);
      const m = new Map<string, CellValue>();
      for (const [field, v] of Object.entries(r.values)) if (plain(v) !== undefined) m.set(field, plain(v)!);
      if (plain(r.comment) !== undefined) m.set(COMMENT_FIELD, plain(r.comment)!);
      values.self.set(key, m);
    }
    cells.self = c;
  }
  return { state: { records, people, fields, values, hasSelfSheet: cells.self !== undefined }, cells };
}

/**
 * A returned workbook as the merge takes it: its identity (from its registry)
 * and, from the first sheet with a grid's key row, each person row and every
 * filled rating and comment cell with its address. Nothing is judged here.
 */
export function readReturnedSheets(file: string, identity: CycleIdentity | undefined, sheets: Iterable<SheetRows>): ReturnedWorkbook {
  for (const { name, rows } of sheets) {
    const grid = readGridRows(name, rows as unknown[][]);
    if (!grid) continue;
    const g = grid.geometry;
    const commentCol = Array.from(rows[g.keyRow] ?? []).findIndex((k) => String(k ?? '').trim() === COMMENT_KEY);
    const cells: ReturnedCell[] = [];
    for (const p of grid.people) {
      g.competencyIds.forEach((c, j) => {
        const v = p.ratings[c];
        if (filled(v)) cells.push({ person: p.id, field: c, value: v, cell: cellRef(p.row, g.ratingCols[j]) });
      });
      const comment = commentCol >= 0 ? rows[p.row]?.[commentCol] : null;
      if (filled(comment)) cells.push({ person: p.id, field: COMMENT_FIELD, value: comment, cell: cellRef(p.row, commentCol) });
    }
    return { file, identity, sheet: name, people: grid.people.map((p) => ({ id: p.id, manager: p.manager, row: p.row + 1 })), cells };
  }
  return identity
    ? {
        file,
        identity,
        unreadable: 'it has no team grid (its hidden key row is missing); ask for the file as it was sent',
        sheet: '',
        people: [],
        cells: [],
      }
    : { file, sheet: '', people: [], cells: [] };
}

/** A returned value as the master stores it (MergeOptions.canonical): the level code, null for "not rated", undefined for not a level. */
export function levelCanonical(model: FrameworkModel): (field: string, value: CellValue) => string | null | undefined {
  return (field, value) => {
    if (field === COMMENT_FIELD) return String(value).trim() || null;
    const level = model.scaleOf(model.competency(field)).tryParse(typeof value === 'string' ? value.trim() : value);
    return level === undefined ? undefined : level ? level.code : null;
  };
}

/** The report's name for a field: the competency's name, or "Comment". */
export function fieldNameOf(model: FrameworkModel): (field: string) => string {
  return (field) => (field === COMMENT_FIELD ? 'Comment' : (model.findCompetency(field)?.name ?? field));
}
