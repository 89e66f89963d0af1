/**
 * The team grids of one workbook, as the registry records them: each grid's
 * id, whose it is (a team, a table, a selection's sheet), its framework, how
 * many people it had and when it was written, and the sheets it uses, named
 * by the plan's wanted name (what the registry's sheet records are matched
 * on). Grids on one framework share its sheets (matrix, scales, targets...);
 * a fingerprint of each framework sheet's cells tells whether a new grid can
 * use the one already there.
 *
 * A workbook written before grids were recorded holds at most one grid: its
 * records are worked out from the registered sheets, so it reads as one grid.
 */
import type { Registry, RegisteredSheet } from './registry';
import type { SheetPlan } from './plan';
import { DEFAULT_SHEET_NAMES, type WorkbookSheetNames } from './workbook';

/** What a sheet is to its grid: the grid itself, or one of the framework's sheets its formulas read. */
export type GridSheetRole = keyof WorkbookSheetNames;

const ROLES: readonly GridSheetRole[] = ['grid', 'matrix', 'scales', 'descriptors', 'roles', 'targets'];
/** The framework's sheets, which grids on the same framework can share. */
export const FRAMEWORK_SHEET_ROLES: readonly GridSheetRole[] = ROLES.filter((r) => r !== 'grid');

export function isGridSheetRole(text: string): text is GridSheetRole {
  return (ROLES as readonly string[]).includes(text);
}

export interface GridSheetRecord {
  role: GridSheetRole;
  /** The plan's name for the sheet (the registry's `wanted`). */
  wanted: string;
  /** A hash of the cells the plan wrote, for framework sheets: equal fingerprints mean a grid can share the sheet. */
  fingerprint?: string;
}

export interface GridRecord {
  /** Stable within the workbook: "g1", "g2"... */
  id: string;
  /** Whose grid it is: a team, a table, the sheet a roster was selected on, a file. */
  label: string;
  /** The framework it was made with ("" when an old registry does not say and the grid was not read). */
  frameworkId: string;
  people: number;
  /** ISO date and time it was last written ("" when not known). */
  writtenAt: string;
  sheets: GridSheetRecord[];
}

/** The id of the only grid an old registry can describe. */
export const LEGACY_GRID_ID = 'g1';

/** The grid sheet's own record in the registry's sheet list. */
function gridSheetEntry(registry: Registry, grid: GridRecord): RegisteredSheet | undefined {
  const wanted = grid.sheets.find((s) => s.role === 'grid')?.wanted.toLowerCase();
  return registry.sheets.find((s) => s.kind === 'grid' && s.wanted.toLowerCase() === wanted);
}

/**
 * The grids of a workbook. `frameworkOfGrid` (a grid sheet's name to the
 * framework id it shows) fills in the framework where an old registry does not say.
 */
export function gridsOf(registry: Registry, frameworkOfGrid?: (sheet: string) => string | undefined): GridRecord[] {
  if (registry.grids?.length) return registry.grids.map((g) => ({ ...g, sheets: g.sheets.map((s) => ({ ...s })) }));
  const gridSheet = registry.sheets.find((s) => s.kind === 'grid');
  if (!gridSheet) return [];
  // Before several grids, a workbook's grid used the sheets of the default names.
  const wanted = new Set(Object.values(DEFAULT_SHEET_NAMES).map((n) => n.toLowerCase()));
  const sheets: GridSheetRecord[] = [{ role: 'grid', wanted: gridSheet.wanted }];
  for (const role of FRAMEWORK_SHEET_ROLES) {
    const name = DEFAULT_SHEET_NAMES[role];
    const entry = registry.sheets.find((s) => s.wanted.toLowerCase() === name.toLowerCase() && wanted.has(s.wanted.toLowerCase()));
    if (entry) sheets.push({ role, wanted: entry.wanted });
  }
  return [
    {
      id: LEGACY_GRID_ID,
      label: gridSheet.name,
      frameworkId: frameworkOfGrid?.(gridSheet.name) ?? '',
      people: gridSheet.inputs.find((i) => i.id === 'ratings')?.rowKeys.length ?? 0,
      writtenAt: '',
      sheets,
    },
  ];
}

/** The registry's record of one of a grid's sheets (its current name, footprint, inputs). */
export function gridSheetOf(registry: Registry, grid: GridRecord, role: GridSheetRole): RegisteredSheet | undefined {
  if (role === 'grid') return gridSheetEntry(registry, grid);
  const wanted = grid.sheets.find((s) => s.role === role)?.wanted.toLowerCase();
  return wanted === undefined ? undefined : registry.sheets.find((s) => s.wanted.toLowerCase() === wanted);
}

/** The sheet a grid's sheets are shown under now (its registered name). */
export function gridSheetName(registry: Registry, grid: GridRecord): string {
  return gridSheetEntry(registry, grid)?.name ?? grid.sheets.find((s) => s.role === 'grid')?.wanted ?? grid.label;
}

/** The person ids on a grid, as its ratings region was keyed when written. */
export function gridPeople(registry: Registry, grid: GridRecord): string[] {
  return gridSheetEntry(registry, grid)?.inputs.find((i) => i.id === 'ratings')?.rowKeys ?? [];
}

/** The grid a name picks: its sheet's name or its label, ignoring case. */
export function findGrid(registry: Registry, grids: readonly GridRecord[], name: string): GridRecord | undefined {
  const key = name.trim().toLowerCase();
  return (
    grids.find((g) => gridSheetName(registry, g).toLowerCase() === key) ??
    grids.find((g) => g.label.toLowerCase() === key) ??
    grids.find((g) => g.id.toLowerCase() === key)
  );
}

/** "g3" after g1 and g2. */
export function nextGridId(grids: readonly GridRecord[]): string {
  const taken = grids.map((g) => Number(/^g(\d+)$/.exec(g.id)?.[1] ?? 0));
  return `g${Math.max(0, ...taken) + 1}`;
}

/** FNV-1a over a sheet plan's cells: the same framework sheet written twice gets the same fingerprint. */
export function sheetFingerprint(sheet: SheetPlan): string {
  const text = JSON.stringify(sheet.blocks.map((b) => [b.row, b.col, b.cells]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
