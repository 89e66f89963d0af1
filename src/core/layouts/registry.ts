/**
 * The registry: how a workbook remembers which sheets and names Competency
 * Matrix created, so that regenerating rewrites only those and never a user's
 * sheet, and so that ratings typed into a grid can be read back by person and
 * competency before the grid is rebuilt.
 *
 * It lives in a hidden sheet named REGISTRY_SHEET_NAME, one record per row,
 * plain strings and numbers only: both renderers (Office.js in the add-in,
 * ExcelJS for files) read and write it with `registryRows` / `parseRegistry`.
 *
 *   A                           B           C          D           E           F        G          H        I
 *   Competency Matrix registry  1           (note)
 *   sheet                       <name>      <wanted>   <kind>      <title>     <A1>     <host id>  <cell>   <text>
 *   area                        <sheet>     <A1>
 *   input                       <sheet>     <ordinal>  <region id> <range A1>  <key column letters> <key row number>
 *   rowKey                      <sheet>     <ordinal>  <key>
 *   colKey                      <sheet>     <ordinal>  <key>
 *   name                        <defined name>
 *   cycle                       <cycle id>  <label>    <kind>      <file key>  <for whom> <written at> <framework id>
 *   issued                      <file key>  <kind>     <for whom>  <file name>
 *   issuedPerson                <file key>  <person id>
 *   returned                    <file key>  <file name> <collected at>
 *   provenance                  <person id> <rater>    <file name> <collected at> <ratings placed>
 *   grid                        <grid id>   <label>    <framework id> <people> <written at>
 *   gridSheet                   <grid id>   <role>     <wanted name>  <fingerprint>
 *
 * `sheet` is the sheet's name when it was written; `wanted` the plan's name for
 * it (what a new plan is matched on); the A1 footprint is the rectangle the
 * product wrote, so anything a user typed outside it is noticed; the signature
 * (a cell and the text the product put there) tells a sheet the product made
 * from a user's sheet that happens to have the same name; the areas are the
 * rectangles of the blocks it wrote, so a note typed into a cell the product
 * left empty inside the footprint is noticed too. Keys are in
 * the order of the region's rows and columns when written; key column/row say
 * where the same keys are shown on the sheet, so a sorted grid is still read
 * right. The cycle records say which assessment cycle a workbook belongs to
 * (see cycle/identity.ts). The grid records say which team grids the workbook
 * holds and which sheets each one uses (by wanted name; two grids on one
 * framework share its sheets), see gridRecords.ts; a registry without them is
 * read as one grid. Unknown record types are skipped, so later versions
 * can add some.
 */
import { personIdKey } from '../personId';
import type { InputRegion, PlanCell, Rect, SheetPlan } from './plan';
import { columnIndex, columnLetters, parseCellRef, rectRef } from './a1';
import { CompetencyError } from '../problems';
import { UNPLACED_SHEET_NAME } from './unplacedRatingsSheet';
import type { CycleFileKind, CycleRecords, Rater } from '../cycle/identity';
import { isGridSheetRole, type GridRecord } from './gridRecords';

export const REGISTRY_SHEET_NAME = 'CompetencyMatrix.Registry';
export const REGISTRY_MARKER = 'Competency Matrix registry';
export const REGISTRY_VERSION = 1;
/** Every registry row has this many cells, so it can be written as one rectangle. */
export const REGISTRY_WIDTH = 9;
const REGISTRY_NOTE =
  'Competency Matrix lists here the sheets and names it created, so it never overwrites yours and keeps ratings when it regenerates a sheet. Please do not edit this sheet.';

/** An input region as the registry remembers it, with where its keys are shown on the sheet. */
export interface RegisteredInput extends InputRegion {
  /** 0-based column whose cells (one per region row) show the row keys, if the sheet shows them. */
  keyColumn?: number;
  /** 0-based row whose cells (one per region column) show the column keys, if the sheet shows them. */
  keyRow?: number;
  /**
   * Per row (in rowKeys order), which cells held a rating when the product wrote them: one
   * RATED_MARK or UNRATED_MARK per column. A blank there now was cleared only where it held one.
   * Recorded for regions keyed by a person id column; absent in registries written before it was.
   */
  rated?: string[];
}

/** Marks of the rated record: letters, so no spreadsheet reads a row of them as a number. */
export const RATED_MARK = 'R';
export const UNRATED_MARK = '_';

export interface RegisteredSheet {
  /** The sheet's name when the product last wrote it. */
  name: string;
  /** The name the plan asked for; a new plan's sheet of this name replaces this one. */
  wanted: string;
  kind: string;
  /** The plan that wrote it, for messages. */
  title: string;
  /** The rectangle the product wrote on; null for a sheet it left empty. */
  footprint: Rect | null;
  /** The rectangles of the blocks of cells it wrote (absent in registries written before areas were recorded). */
  areas?: Rect[];
  /** Office.js worksheet id (stable across renames), when written by the add-in: follows a sheet the user renamed. */
  hostId?: string;
  /** A cell (A1) and the text the product wrote there: checked before the sheet is treated as the product's. */
  signature?: { cell: string; text: string };
  inputs: RegisteredInput[];
  /** Set when the records for this sheet do not add up (edited by hand): its ratings cannot be read safely. */
  damaged?: string;
}

export interface Registry {
  sheets: RegisteredSheet[];
  /** Workbook-level defined names the product created. */
  names: string[];
  /** Set in every workbook of an assessment cycle. */
  cycle?: CycleRecords;
  /** The team grids, when recorded (absent in registries written before a workbook could hold several). */
  grids?: GridRecord[];
}

export function emptyRegistry(): Registry {
  return { sheets: [], names: [] };
}

/** "B2:D5" or "B2" as a 0-based rectangle. */
export function parseRect(a1: string): Rect {
  const [from, to = from] = a1.split(':');
  const a = parseCellRef(from);
  const b = parseCellRef(to);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

function pad(cells: (string | number)[]): (string | number)[] {
  while (cells.length < REGISTRY_WIDTH) cells.push('');
  return cells;
}

/** The registry as rows of REGISTRY_WIDTH cells, ready to write from A1. */
export function registryRows(registry: Registry): (string | number)[][] {
  const rows: (string | number)[][] = [pad([REGISTRY_MARKER, REGISTRY_VERSION, REGISTRY_NOTE])];
  for (const s of registry.sheets) {
    rows.push(
      pad([
        'sheet',
        s.name,
        s.wanted,
        s.kind,
        s.title,
        s.footprint ? rectRef(s.footprint) : '',
        s.hostId ?? '',
        s.signature?.cell ?? '',
        s.signature?.text ?? '',
      ]),
    );
    for (const area of s.areas ?? []) rows.push(pad(['area', s.name, rectRef(area)]));
    s.inputs.forEach((input, ordinal) => {
      rows.push(
        pad([
          'input',
          s.name,
          ordinal,
          input.id,
          rectRef(input.range),
          input.keyColumn === undefined ? '' : columnLetters(input.keyColumn),
          input.keyRow === undefined ? '' : input.keyRow + 1,
        ]),
      );
      input.rowKeys.forEach((key, i) => rows.push(pad(['rowKey', s.name, ordinal, key, input.rated?.[i] ?? ''])));
      for (const key of input.colKeys) rows.push(pad(['colKey', s.name, ordinal, key]));
    });
  }
  for (const name of registry.names) rows.push(pad(['name', name]));
  const cycle = registry.cycle;
  if (cycle) {
    const id = cycle.identity;
    rows.push(pad(['cycle', id.cycleId, id.label, id.kind, id.fileKey, id.subjectName, id.writtenAt, id.frameworkId]));
    for (const f of cycle.issued) {
      rows.push(pad(['issued', f.fileKey, f.kind, f.subjectName, f.fileName]));
      for (const person of f.people) rows.push(pad(['issuedPerson', f.fileKey, person]));
    }
    for (const r of cycle.returned) rows.push(pad(['returned', r.fileKey, r.fileName, r.collectedAt]));
    for (const p of cycle.provenance) rows.push(pad(['provenance', p.person, p.rater, p.fileName, p.collectedAt, p.ratings]));
  }
  for (const g of registry.grids ?? []) {
    rows.push(pad(['grid', g.id, g.label, g.frameworkId, g.people, g.writtenAt]));
    for (const s of g.sheets) rows.push(pad(['gridSheet', g.id, s.role, s.wanted, s.fingerprint ?? '']));
  }
  return rows;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** True when a sheet's first row is a registry header: how a user's look-alike sheet is told apart. */
export function isRegistryHeader(firstRow: readonly unknown[] | undefined): boolean {
  return text(firstRow?.[0]).trim() === REGISTRY_MARKER;
}

/** Reads registry rows back. Records that do not add up mark their sheet `damaged` instead of being guessed at. */
export function parseRegistry(rows: readonly (readonly unknown[])[]): Registry {
  if (!isRegistryHeader(rows[0])) {
    throw new CompetencyError(
      'invalid-file',
      `the sheet "${REGISTRY_SHEET_NAME}" was not written by Competency Matrix (its first cell is not "${REGISTRY_MARKER}")`,
    );
  }
  const version = Number(rows[0][1]);
  if (Number.isFinite(version) && version > REGISTRY_VERSION) {
    throw new CompetencyError(
      'invalid-file',
      `this workbook was set up by a newer version of Competency Matrix (registry version ${version}); update the add-in before regenerating its sheets`,
    );
  }
  const registry = emptyRegistry();
  const byName = new Map<string, RegisteredSheet>();
  const inputOf = (sheet: string, ordinal: string) => {
    const s = byName.get(sheet.toLowerCase());
    return s ? { sheet: s, input: s.inputs[Number(ordinal)] } : undefined;
  };
  for (let r = 1; r < rows.length; r++) {
    const c = rows[r].map(text);
    const type = c[0]?.trim();
    try {
      if (type === 'sheet') {
        const sheet: RegisteredSheet = {
          name: c[1],
          wanted: c[2] || c[1],
          kind: c[3],
          title: c[4],
          footprint: c[5] ? parseRect(c[5]) : null,
          inputs: [],
        };
        // Before it had a kind of its own, the unplaced-ratings sheet was registered as a snapshot.
        if (sheet.kind === 'snapshot' && sheet.wanted.toLowerCase() === UNPLACED_SHEET_NAME.toLowerCase()) sheet.kind = 'unplaced';
        if (c[6]) sheet.hostId = c[6];
        if (c[7]) sheet.signature = { cell: c[7], text: c[8] ?? '' };
        registry.sheets.push(sheet);
        byName.set(sheet.name.toLowerCase(), sheet);
      } else if (type === 'area') {
        const s = byName.get(c[1].toLowerCase());
        if (s) (s.areas ??= []).push(parseRect(c[2]));
      } else if (type === 'input') {
        const s = byName.get(c[1].toLowerCase());
        if (!s) continue;
        if (Number(c[2]) !== s.inputs.length) {
          s.damaged = `its input regions are out of order in the registry (row ${r + 1})`;
          continue;
        }
        const input: RegisteredInput = { id: c[3], range: parseRect(c[4]), rowKeys: [], colKeys: [] };
        if (c[5]) input.keyColumn = columnIndex(c[5]);
        if (c[6]) input.keyRow = Number(c[6]) - 1;
        s.inputs.push(input);
      } else if (type === 'rowKey' || type === 'colKey') {
        const found = inputOf(c[1], c[2]);
        if (!found) continue;
        if (!found.input) {
          found.sheet.damaged = `a ${type} record names an input region that is not listed (row ${r + 1})`;
          continue;
        }
        (type === 'rowKey' ? found.input.rowKeys : found.input.colKeys).push(c[3]);
        if (type === 'rowKey' && c[4]) (found.input.rated ??= [])[found.input.rowKeys.length - 1] = c[4];
      } else if (type === 'name') {
        if (c[1]) registry.names.push(c[1]);
      } else if (type === 'cycle') {
        registry.cycle = {
          identity: {
            cycleId: c[1],
            label: c[2],
            kind: c[3] as CycleFileKind,
            fileKey: c[4],
            subjectName: c[5],
            writtenAt: c[6],
            frameworkId: c[7],
          },
          issued: registry.cycle?.issued ?? [],
          returned: registry.cycle?.returned ?? [],
          provenance: registry.cycle?.provenance ?? [],
        };
      } else if (type === 'issued' && registry.cycle) {
        registry.cycle.issued.push({ fileKey: c[1], kind: c[2] as 'team' | 'self', subjectName: c[3], fileName: c[4], people: [] });
      } else if (type === 'issuedPerson' && registry.cycle) {
        const issued = registry.cycle.issued;
        const last = issued[issued.length - 1];
        // Written right after their file's record; anything else was edited by hand and is not trusted.
        if (last && last.fileKey === c[1] && c[2]) last.people.push(c[2]);
      } else if (type === 'returned' && registry.cycle) {
        registry.cycle.returned.push({ fileKey: c[1], fileName: c[2], collectedAt: c[3] });
      } else if (type === 'grid' && c[1]) {
        (registry.grids ??= []).push({ id: c[1], label: c[2], frameworkId: c[3], people: Number(c[4]) || 0, writtenAt: c[5], sheets: [] });
      } else if (type === 'gridSheet') {
        const grid = registry.grids?.find((g) => g.id === c[1]);
        // A sheet record names its grid; one whose grid or role is unknown was edited by hand and is not trusted.
        if (grid && isGridSheetRole(c[2]) && c[3]) grid.sheets.push({ role: c[2], wanted: c[3], ...(c[4] ? { fingerprint: c[4] } : {}) });
      } else if (type === 'provenance' && registry.cycle) {
        registry.cycle.provenance.push({ person: c[1], rater: c[2] as Rater, fileName: c[3], collectedAt: c[4], ratings: c[5] });
      }
    } catch {
      const s = c[1] ? byName.get(c[1].toLowerCase()) : undefined;
      if (s) s.damaged = `row ${r + 1} of the registry cannot be read`;
    }
  }
  for (const s of registry.sheets) {
    for (const input of s.inputs) {
      if (input.rowKeys.length !== input.range.rows || input.colKeys.length !== input.range.cols) {
        s.damaged ??= `the keys of its input region "${input.id}" do not match its size`;
      }
      // A rated record that does not cover every cell is not trusted: the region reads as if it had none.
      const marks = new RegExp(`^[${RATED_MARK}${UNRATED_MARK}]{${input.range.cols}}$`);
      if (input.rated && (input.rated.length !== input.rowKeys.length || ![...input.rated].every((m) => m !== undefined && marks.test(m))))
        delete input.rated;
    }
  }
  return registry;
}

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return { ...b };
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    cols: Math.max(a.col + a.cols, b.col + b.cols) - col,
  };
}

/** The rectangle a sheet plan writes cells, formats, rules or inputs in (column widths do not count). */
export function sheetFootprint(sheet: SheetPlan): Rect | null {
  let fp: Rect | null = null;
  for (const b of sheet.blocks) {
    const cols = b.cells.reduce((m, row) => Math.max(m, row.length), 0);
    if (b.cells.length && cols) fp = union(fp, { row: b.row, col: b.col, rows: b.cells.length, cols });
  }
  for (const s of sheet.styles) fp = union(fp, s.range);
  for (const v of sheet.validations) fp = union(fp, v.range);
  for (const cf of sheet.conditionalFormats) fp = union(fp, cf.range);
  for (const m of sheet.merges ?? []) fp = union(fp, m);
  for (const i of sheet.inputs ?? []) fp = union(fp, i.range);
  return fp;
}

/** The cell a sheet plan writes at (row, col): later blocks win, as they are written later. */
export function planCellAt(sheet: SheetPlan, row: number, col: number): PlanCell | undefined {
  for (let k = sheet.blocks.length - 1; k >= 0; k--) {
    const b = sheet.blocks[k];
    const line = b.cells[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return undefined;
}

function showsKey(cell: PlanCell | undefined, key: string): boolean {
  return (typeof cell === 'string' || typeof cell === 'number') && String(cell) === key;
}

/** A column outside the region whose cells show exactly the region's row keys, one per row. */
function keyColumnOf(sheet: SheetPlan, region: InputRegion): number | undefined {
  if (!region.rowKeys.length) return undefined;
  const first = region.range.row;
  const candidates = new Set<number>();
  for (const b of sheet.blocks) {
    const line = b.cells[first - b.row];
    if (!line) continue;
    for (let j = 0; j < line.length; j++) if (showsKey(line[j], region.rowKeys[0])) candidates.add(b.col + j);
  }
  for (const col of [...candidates].sort((a, b) => a - b)) {
    if (col >= region.range.col && col < region.range.col + region.range.cols) continue;
    if (region.rowKeys.every((key, i) => showsKey(planCellAt(sheet, first + i, col), key))) return col;
  }
  return undefined;
}

/** A row outside the region whose cells show exactly the region's column keys, one per column. */
function keyRowOf(sheet: SheetPlan, region: InputRegion): number | undefined {
  if (!region.colKeys.length) return undefined;
  const rows = new Set<number>();
  for (const b of sheet.blocks) b.cells.forEach((_, i) => rows.add(b.row + i));
  for (const row of [...rows].sort((a, b) => a - b)) {
    if (row >= region.range.row && row < region.range.row + region.range.rows) continue;
    if (region.colKeys.every((key, j) => showsKey(planCellAt(sheet, row, region.range.col + j), key))) return row;
  }
  return undefined;
}

/** The bounding rectangle of every block with cells, without repeats. */
export function blockAreas(sheet: SheetPlan): Rect[] {
  const seen = new Set<string>();
  const out: Rect[] = [];
  for (const b of sheet.blocks) {
    const cols = b.cells.reduce((m, row) => Math.max(m, row.length), 0);
    if (!b.cells.length || !cols) continue;
    const r = { row: b.row, col: b.col, rows: b.cells.length, cols };
    const key = rectRef(r);
    if (!seen.has(key)) (out.push(r), seen.add(key));
  }
  return out;
}

/** The parts of `outer` that none of `covers` overlaps, as rectangles. */
export function subtractRects(outer: Rect, covers: readonly Rect[]): Rect[] {
  let pieces: Rect[] = [outer];
  for (const c of covers) {
    const next: Rect[] = [];
    for (const p of pieces) {
      const top = Math.max(p.row, c.row);
      const bottom = Math.min(p.row + p.rows, c.row + c.rows);
      const left = Math.max(p.col, c.col);
      const right = Math.min(p.col + p.cols, c.col + c.cols);
      if (top >= bottom || left >= right) {
        next.push(p);
        continue;
      }
      if (p.row < top) next.push({ row: p.row, col: p.col, rows: top - p.row, cols: p.cols });
      if (bottom < p.row + p.rows) next.push({ row: bottom, col: p.col, rows: p.row + p.rows - bottom, cols: p.cols });
      if (p.col < left) next.push({ row: top, col: p.col, rows: bottom - top, cols: left - p.col });
      if (right < p.col + p.cols) next.push({ row: top, col: right, rows: bottom - top, cols: p.col + p.cols - right });
    }
    pieces = next;
  }
  return pieces;
}

/** Cells inside a registered sheet's footprint that the product left empty: anything found there is the user's. */
export function unclaimedRects(entry: RegisteredSheet): Rect[] {
  if (!entry.footprint || !entry.areas) return [];
  return subtractRects(entry.footprint, [...entry.areas, ...entry.inputs.map((i) => i.range)]);
}

/** The first text cell of a sheet plan (top row first, then leftmost): what identifies the sheet later. */
export function sheetSignature(sheet: SheetPlan): { cell: string; text: string } | undefined {
  let best: { row: number; col: number; text: string } | undefined;
  for (const b of sheet.blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      const row = b.row + i;
      if (best && row > best.row) break;
      const j = b.cells[i].findIndex((c) => typeof c === 'string' && c.trim() !== '');
      if (j < 0) continue;
      const col = b.col + j;
      if (!best || row < best.row || (row === best.row && col < best.col)) best = { row, col, text: b.cells[i][j] as string };
      break;
    }
  }
  // Later blocks may overwrite the cell; the signature is what the sheet finally shows.
  if (!best || planCellAt(sheet, best.row, best.col) !== best.text) return undefined;
  return { cell: rectRef({ row: best.row, col: best.col, rows: 1, cols: 1 }), text: best.text };
}

/** The registry record for a sheet the product has just written under `name`. */
/** Which cells of a region the plan writes a rating into (anything but empty or blank text), row by row. */
function ratedMarks(sheet: SheetPlan, region: InputRegion): string[] {
  const { row, col, rows, cols } = region.range;
  const marks = Array.from({ length: rows }, () => new Array<string>(cols).fill(UNRATED_MARK));
  // Blocks in order, a later one over an earlier (as planCellAt reads them): one pass over the cells, not a search per cell.
  for (const b of sheet.blocks) {
    const first = Math.max(row, b.row);
    const last = Math.min(row + rows, b.row + b.cells.length);
    for (let r = first; r < last; r++) {
      const line = b.cells[r - b.row];
      const from = Math.max(col, b.col);
      const to = Math.min(col + cols, b.col + line.length);
      for (let c = from; c < to; c++) {
        const v = line[c - b.col];
        const rated = v !== null && v !== undefined && (typeof v !== 'string' || v.trim() !== '');
        marks[r - row][c - col] = rated ? RATED_MARK : UNRATED_MARK;
      }
    }
  }
  if (region.cleared?.length) {
    const rowAt = new Map(region.rowKeys.map((k, i) => [personIdKey(k), i]));
    const colAt = new Map(region.colKeys.map((k, j) => [k, j]));
    for (const { rowKey, colKey } of region.cleared) {
      const [i, j] = [rowAt.get(personIdKey(rowKey)), colAt.get(colKey)];
      if (i !== undefined && j !== undefined) marks[i][j] = RATED_MARK;
    }
  }
  return marks.map((m) => m.join(''));
}

export function registeredSheet(sheet: SheetPlan, name: string, title: string, hostId?: string): RegisteredSheet {
  const entry: RegisteredSheet = {
    name,
    wanted: sheet.name,
    kind: sheet.kind,
    title,
    footprint: sheetFootprint(sheet),
    areas: blockAreas(sheet),
    inputs: (sheet.inputs ?? []).map((region) => {
      const input: RegisteredInput = {
        id: region.id,
        range: { ...region.range },
        rowKeys: [...region.rowKeys],
        colKeys: [...region.colKeys],
      };
      const keyColumn = keyColumnOf(sheet, region);
      const keyRow = keyRowOf(sheet, region);
      if (keyColumn !== undefined) input.keyColumn = keyColumn;
      if (keyRow !== undefined) input.keyRow = keyRow;
      if (keyColumn !== undefined) input.rated = ratedMarks(sheet, region);
      return input;
    }),
  };
  if (hostId) entry.hostId = hostId;
  const signature = sheetSignature(sheet);
  if (signature) entry.signature = signature;
  return entry;
}
