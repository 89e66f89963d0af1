/**
 * The master of a cycle in an ExcelJS workbook: read it as core's MasterState
 * (its cycle records, the grid's manager ratings and comments, the Self
 * ratings sheet), and apply a collect plan to it: the placed values into their
 * cells, the report as the "Collection" sheet, the records into the registry.
 * Decisions are the merge's; this only finds cells and writes them.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { Rater } from '../core/cycle/identity';
import { COMMENT_FIELD, type CellValue, type CollectPlan, type MasterState } from '../core/cycle/merge';
import { COMMENT_KEY } from '../core/cycle/cycleWorkbook';
import { readSelfRows, SELF_SHEET_NAME } from '../core/cycle/selfRatingsSheet';
import { collectionSheet } from '../core/cycle/collectionSheet';
import type { FieldName } from '../core/cycle/collectReport';
import { readGridRows } from '../core/layouts/readGridRows';
import { personIdKey } from '../core/personId';
import { CompetencyError } from '../core/problems';
import { LAYOUT_STYLES } from '../core/layouts/styles';
import { renderPlan } from './renderPlan';
import { readRegistry, writeRegistry } from './workbookRegistry';
import { registeredSheet } from '../core/layouts/registry';
import { worksheetValues } from './worksheetValues';

/** Where each rater's values sit in the master: person key -> 1-based row; field -> 1-based column. */
interface Cells {
  sheet: Worksheet;
  rows: Map<string, number>;
  cols: Map<string, number>;
}

export interface OpenMaster {
  state: MasterState;
  cells: Partial<Record<Rater, Cells>>;
}

function plain(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function readMaster(workbook: Workbook, fileName: string): OpenMaster {
  const registry = readRegistry(workbook);
  const records = registry.cycle;
  if (!records || records.identity.kind !== 'master') {
    throw new CompetencyError(
      'invalid-file',
      records
        ? `this is a ${records.identity.kind} file of the cycle "${records.identity.label}", not its master; give the master.xlsx that cycle split wrote`
        : 'this is not the master of an assessment cycle (its registry has no cycle record); give the master.xlsx that cycle split wrote',
      fileName,
    );
  }
  const values: MasterState['values'] = { manager: new Map(), self: new Map() };
  const people = new Map<string, { id: string; manager: string }>();
  const cells: OpenMaster['cells'] = {};
  let fields: Set<string> | undefined;
  for (const ws of workbook.worksheets) {
    const rows = worksheetValues(ws);
    const grid = readGridRows(ws.name, rows);
    if (!grid) continue;
    const g = grid.geometry;
    const commentCol = (rows[g.keyRow] ?? []).findIndex((k) => String(k ?? '').trim() === COMMENT_KEY);
    fields = new Set([...g.competencyIds, COMMENT_FIELD]);
    const c: Cells = { sheet: ws, rows: new Map(), cols: new Map(g.competencyIds.map((id, j) => [id, g.ratingCols[j] + 1])) };
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
  const selfEntry = registry.sheets.find((s) => s.kind === 'self-ratings');
  const selfSheet = workbook.getWorksheet(selfEntry?.name ?? SELF_SHEET_NAME);
  const self = selfSheet && readSelfRows(worksheetValues(selfSheet));
  if (selfSheet && self) {
    const c: Cells = { sheet: selfSheet, rows: new Map(), cols: new Map([...self.selfCols].map(([id, col]) => [id, col + 1])) };
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

/** Writes the plan's placements, the Collection sheet and the updated records into the master. */
export function applyCollectPlan(
  workbook: Workbook,
  master: OpenMaster,
  plan: CollectPlan,
  fieldName?: FieldName,
): { collectionSheet: string } {
  for (const p of plan.placements) {
    const c = master.cells[p.rater];
    const row = c?.rows.get(personIdKey(p.person));
    const col = c?.cols.get(p.field);
    // The merge only places people and fields the master has; a miss here is a bug, not a user's mistake.
    if (!c || row === undefined || col === undefined)
      throw new Error(`collect: no cell in the master for ${p.rater} ${p.person} / ${p.field}`);
    c.sheet.getCell(row, col).value = p.value;
  }
  const registry = readRegistry(workbook);
  const old = registry.sheets.filter((s) => s.kind === 'collection');
  for (const s of old) {
    const ws = workbook.getWorksheet(s.name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  const sheetPlan = collectionSheet(plan, master.state.records.identity, fieldName);
  const rendered = renderPlan(workbook, { title: 'Cycle collection', sheets: [sheetPlan], names: [], styles: { ...LAYOUT_STYLES } });
  const name = rendered.sheets[0].name;
  writeRegistry(workbook, {
    ...registry,
    sheets: [...registry.sheets.filter((s) => s.kind !== 'collection'), registeredSheet(sheetPlan, name, 'Cycle collection')],
    cycle: plan.records,
  });
  // Formula results cached in the file predate the placed ratings: have Excel recalculate on open.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return { collectionSheet: name };
}
