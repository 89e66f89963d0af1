/**
 * What is in the workbook before anything is written: its sheets, its defined
 * names, and the registry of the sheets the product made (read in row chunks,
 * so a registry of many large grids stays under the response limit).
 */
import type { XRequestContext, XWorksheet } from './excelApi';
import { DEFAULT_READ_BUDGET_BYTES, READ_BYTES_PER_CELL } from './payload';
import { CompetencyError } from '../core/problems';
import type { Registry, RegisteredSheet } from '../core/layouts/registry';
import { REGISTRY_SHEET_NAME, REGISTRY_WIDTH, emptyRegistry, isRegistryHeader, parseRegistry } from '../core/layouts/registry';

export interface LiveSheet {
  name: string;
  id: string;
  position: number;
  visibility: string;
  handle: XWorksheet;
}

export interface WorkbookState {
  sheets: LiveSheet[];
  /** Workbook-level defined names, as Excel spells them. */
  names: string[];
  registry: Registry;
  registrySheet?: LiveSheet;
}

/** A round trip, counted and reported by the caller. */
export type Round = (phase: 'reading' | 'writing' | 'finishing', detail: string) => Promise<void>;

function isEmptyRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => v === '' || v === null || v === undefined);
}

export async function readWorkbookState(
  ctx: XRequestContext,
  round: Round,
  readBudget = DEFAULT_READ_BUDGET_BYTES,
): Promise<WorkbookState> {
  const worksheets = ctx.workbook.worksheets.load('items/name,items/id,items/position,items/visibility');
  const names = ctx.workbook.names.load('items/name');
  await round('reading', 'Looking at the sheets in this workbook');
  const sheets: LiveSheet[] = worksheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    position: ws.position,
    visibility: ws.visibility,
    handle: ws,
  }));
  const state: WorkbookState = { sheets, names: names.items.map((n) => n.name), registry: emptyRegistry() };
  const registrySheet = sheets.find((s) => s.name.toLowerCase() === REGISTRY_SHEET_NAME.toLowerCase());
  if (!registrySheet) return state;

  state.registry = await readRegistry(registrySheet.handle, round, readBudget);
  state.registrySheet = registrySheet;
  return state;
}

/** The registry held on `sheet` (the live one, or one kept aside for undo), read in row chunks. */
export async function readRegistry(sheet: XWorksheet, round: Round, readBudget = DEFAULT_READ_BUDGET_BYTES): Promise<Registry> {
  const rows: unknown[][] = [];
  const chunk = Math.max(100, Math.floor(readBudget / (REGISTRY_WIDTH * READ_BYTES_PER_CELL)));
  for (;;) {
    const range = sheet.getRangeByIndexes(rows.length, 0, chunk, REGISTRY_WIDTH).load('values');
    await round('reading', 'Reading which sheets Competency Matrix made');
    rows.push(...range.values);
    if (isEmptyRow(rows[rows.length - 1])) break;
  }
  while (rows.length && isEmptyRow(rows[rows.length - 1])) rows.pop();
  if (!isRegistryHeader(rows[0])) {
    throw new CompetencyError(
      'sheet-conflict',
      `This workbook has a sheet named "${REGISTRY_SHEET_NAME}" that Competency Matrix did not make. Rename it, so the add-in can keep track of its own sheets; nothing was changed.`,
    );
  }
  return parseRegistry(rows);
}

/** A registered sheet that still exists, found by its name or, if the user renamed it, by its Excel id. */
export interface LiveEntry {
  entry: RegisteredSheet;
  sheet: LiveSheet;
}

export function liveEntries(state: WorkbookState): LiveEntry[] {
  const byName = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s]));
  const byId = new Map(state.sheets.map((s) => [s.id, s]));
  const claimed = new Set<LiveSheet>();
  const out: LiveEntry[] = [];
  for (const entry of state.registry.sheets) {
    let sheet = byName.get(entry.name.toLowerCase());
    // An id names the same sheet only while it carries the same name or its own has gone; the signature check decides later.
    if (sheet && entry.hostId && sheet.id !== entry.hostId && byId.has(entry.hostId)) sheet = undefined;
    if (!sheet && entry.hostId) {
      const renamed = byId.get(entry.hostId);
      if (renamed && !state.registry.sheets.some((e) => e.name.toLowerCase() === renamed.name.toLowerCase())) sheet = renamed;
    }
    if (!sheet || claimed.has(sheet) || sheet === state.registrySheet) continue;
    claimed.add(sheet);
    out.push({ entry, sheet });
  }
  return out;
}
