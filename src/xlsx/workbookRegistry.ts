/**
 * The product's registry sheet (core/layouts/registry.ts) in an ExcelJS
 * workbook: read it to know which sheets and names the product made, write it
 * after rendering. The sheet is hidden; both the add-in and the command line
 * keep it, so either can rebuild what the other wrote.
 */
import type { stream, Workbook, Worksheet } from 'exceljs';
import type { RenderResult } from './renderPlan';
import {
  REGISTRY_SHEET_NAME,
  REGISTRY_WIDTH,
  emptyRegistry,
  isRegistryHeader,
  parseRegistry,
  registeredSheet,
  registryRows,
  type Registry,
} from '../core/layouts/registry';
import { plainValue } from './cellValue';
import type { WorkbookFile } from './readWorkbook';
import type { GridRecord } from '../core/layouts/gridRecords';

function registryFromRows(rows: unknown[][]): Registry {
  if (!isRegistryHeader(rows[0])) return emptyRegistry();
  return parseRegistry(rows);
}

export function readRegistry(workbook: Workbook): Registry {
  const ws = workbook.getWorksheet(REGISTRY_SHEET_NAME);
  if (!ws) return emptyRegistry();
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= Math.max(REGISTRY_WIDTH, row.cellCount); c++) cells.push(plainValue(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return registryFromRows(rows);
}

/** The registry of a workbook opened with openWorkbook (the registry sheet alone is read). */
export async function readRegistryFrom(file: WorkbookFile): Promise<Registry> {
  const known = registries.get(file);
  if (known) return known;
  if (!file.sheet(REGISTRY_SHEET_NAME)) return emptyRegistry();
  const { rows } = await file.values(REGISTRY_SHEET_NAME);
  const registry = registryFromRows(
    rows.map((row) => Array.from({ length: Math.max(REGISTRY_WIDTH, row.length) }, (_, c) => row[c] ?? null)),
  );
  registries.set(file, registry);
  return registry;
}

/** A file's registry, read once: several readers ask for it (a file is never changed once opened). */
const registries = new WeakMap<WorkbookFile, Registry>();

/** The registry for sheets just rendered, plus the product's defined names. */
export function registryFor(rendered: RenderResult, planTitle: string, names: readonly string[], grids?: GridRecord[]): Registry {
  return {
    sheets: rendered.sheets.map((s) => registeredSheet(s.plan, s.name, planTitle)),
    names: [...names],
    ...(grids ? { grids } : {}),
  };
}

function fill(ws: Worksheet, registry: Registry, commitRows: boolean): void {
  registryRows(registry).forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((v, j) => {
      if (v !== '') row.getCell(j + 1).value = v;
    });
    if (commitRows) row.commit();
  });
}

/** Replaces the registry sheet with `registry` (a hidden sheet, last in the workbook). */
export function writeRegistry(workbook: Workbook, registry: Registry): void {
  const old = workbook.getWorksheet(REGISTRY_SHEET_NAME);
  if (old) workbook.removeWorksheet(old.id);
  fill(workbook.addWorksheet(REGISTRY_SHEET_NAME, { state: 'hidden' }), registry, false);
}

/** Adds the registry sheet to a workbook being streamed (after the product's sheets). */
export function streamRegistry(workbook: stream.xlsx.WorkbookWriter, registry: Registry): void {
  const ws = workbook.addWorksheet(REGISTRY_SHEET_NAME, { state: 'hidden' });
  fill(ws, registry, true);
  ws.commit();
}
