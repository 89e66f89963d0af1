/**
 * The master of a cycle in an ExcelJS workbook: read it as core's MasterState
 * (its cycle records, the grid's manager ratings and comments, the Self
 * ratings sheet), and apply a collect plan to it: the placed values into their
 * cells, the report as the "Collection" sheet, the records into the registry.
 * Decisions are the merge's; this only finds cells and writes them.
 */
import type { Workbook } from 'exceljs';
import type { Rater } from '../core/cycle/identity';
import type { CollectPlan, MasterState } from '../core/cycle/merge';
import { masterRecords, readMasterSheets, type MasterCells, type SheetRows } from '../core/cycle/collectInputs';
import { SELF_SHEET_NAME } from '../core/cycle/selfRatingsSheet';
import { collectionSheet } from '../core/cycle/collectionSheet';
import { markPlacedRated, type PlacedCell } from '../core/cycle/ratedRecord';
import type { FieldName } from '../core/cycle/collectReport';
import { personIdKey } from '../core/personId';
import { LAYOUT_STYLES } from '../core/layouts/styles';
import { renderPlan } from './renderPlan';
import { readRegistry, writeRegistry } from './workbookRegistry';
import { registeredSheet } from '../core/layouts/registry';
import { worksheetValues } from './worksheetValues';

export interface OpenMaster {
  state: MasterState;
  cells: Partial<Record<Rater, MasterCells>>;
}

function* sheetRows(workbook: Workbook): Iterable<SheetRows> {
  for (const ws of workbook.worksheets) yield { name: ws.name, rows: worksheetValues(ws) };
}

export function readMaster(workbook: Workbook, fileName: string): OpenMaster {
  const registry = readRegistry(workbook);
  const records = masterRecords(registry.cycle, fileName);
  const selfEntry = registry.sheets.find((s) => s.kind === 'self-ratings');
  const selfSheet = workbook.getWorksheet(selfEntry?.name ?? SELF_SHEET_NAME);
  const self = selfSheet ? { name: selfSheet.name, rows: worksheetValues(selfSheet) } : undefined;
  return readMasterSheets(records, sheetRows(workbook), self, fileName);
}

/** Writes the plan's placements, the Collection sheet and the updated records into the master. */
export function applyCollectPlan(
  workbook: Workbook,
  master: OpenMaster,
  plan: CollectPlan,
  fieldName?: FieldName,
): { collectionSheet: string } {
  const placed: PlacedCell[] = [];
  for (const p of plan.placements) {
    const c = master.cells[p.rater];
    const sheet = c && workbook.getWorksheet(c.sheet);
    const row = c?.rows.get(personIdKey(p.person));
    const col = c?.cols.get(p.field);
    // The merge only places people and fields the master has; a miss here is a bug, not a user's mistake.
    if (!c || !sheet || row === undefined || col === undefined)
      throw new Error(`collect: no cell in the master for ${p.rater} ${p.person} / ${p.field}`);
    sheet.getCell(row, col).value = p.value;
    placed.push({ sheet: c.sheet, person: p.person, field: p.field });
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
    // What collect placed is decided, as what split wrote: a rebuild keeps it, or keeps it cleared.
    sheets: [
      ...markPlacedRated(registry.sheets, placed).filter((s) => s.kind !== 'collection'),
      registeredSheet(sheetPlan, name, 'Cycle collection'),
    ],
    cycle: plan.records,
  });
  // Formula results cached in the file predate the placed ratings: have Excel recalculate on open.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return { collectionSheet: name };
}
