/**
 * `calibration --grid team.xlsx --out pack.xlsx`: turns a team grid workbook
 * into a calibration pack. The grid workbook is copied whole into the pack and
 * the calibration sheets are added beside the grid, their formulas reading it
 * live: open the pack in Excel (or LibreOffice) and change ratings on the grid,
 * and every figure follows. A pack built earlier in the same workbook is
 * replaced (its edited settings kept); snapshots are never removed.
 */
import path from 'path';
import ExcelJS, { type Workbook, type Worksheet } from 'exceljs';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIO } from '../io';
import { resolveFramework } from '../resolve';
import { findBuiltIn } from '../../core/frameworks/library';
import { FrameworkModel } from '../../core/framework/model';
import { CompetencyError } from '../../core/problems';
import { calibrateGrid, gridScale, readGridRatings, type GridCalibration } from '../../core/calibration/calibrateGrid';
import { parseGuideline } from '../../core/calibration/guideline';
import { requireIdentifiedRows } from '../../core/calibration/requireIdentifiedRows';
import type { CalibrationSettingsInput } from '../../core/calibration/settings';
import { isSnapshotSheet, readSnapshot, takeSnapshot, type RatingSnapshot } from '../../core/calibration/snapshot';
import { calibrationSheetSettings, guidelineFor, type SheetSettings } from '../../core/calibration/sheetSettings';
import { readGrid, readGrids, type GridRead } from '../../xlsx/readGrid';
import { renderedCharts, workbookBytesWithCharts, type SheetCharts } from '../../xlsx/charts';
import { renderPlan } from '../../xlsx/renderPlan';
import { plainValue } from '../../xlsx/cellValue';
import { worksheetValues } from '../../xlsx/worksheetValues';
import { storedFrameworks } from '../../xlsx/storedFrameworks';
import { assertKeepable } from '../../xlsx/keepableWorkbook';
import { readRegistry, registryFor, writeRegistry } from '../../xlsx/workbookRegistry';
import type { Registry } from '../../core/layouts/registry';

const OPTIONS = {
  grid: { type: 'string' },
  out: { type: 'string' },
  sheet: { type: 'string' },
  framework: { type: 'string' },
  scale: { type: 'string' },
  'min-group': { type: 'string' },
  guideline: { type: 'string' },
  'coverage-level': { type: 'string' },
  snapshot: { type: 'string' },
  cycle: { type: 'string' },
} as const;

async function loadWorkbook(file: string, io: CliIO, what: string): Promise<{ workbook: Workbook; bytes: Buffer }> {
  if (!(await io.exists(file))) throw new CompetencyError('invalid-file', `no such ${what} file; check the path`, file);
  const bytes = await io.readFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CompetencyError('invalid-file', `this is not an .xlsx workbook Excel or LibreOffice could have saved`, file);
  }
  return { workbook, bytes };
}

function wholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} must be a whole number of 1 or more, not "${text}"`);
  return n;
}

/** Today's date where the command runs, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The grid's framework: --framework if given, else a built-in one, else the one the workbook keeps (an imported framework). */
async function frameworkOf(
  grid: GridRead,
  workbook: Workbook,
  option: string | undefined,
  io: CliIO,
  file: string,
): Promise<FrameworkModel> {
  if (option) return resolveFramework(option, io);
  const id = grid.geometry.frameworkId;
  const model = id ? findBuiltIn(id) : undefined;
  if (model) return model;
  const kept = id ? storedFrameworks(workbook, file).find((fw) => fw.id === id) : undefined;
  if (kept) return new FrameworkModel(kept);
  throw new CompetencyError(
    'unknown-framework',
    id
      ? `the grid was made with the framework "${id}", which is neither built in nor kept in the workbook; give it with --framework <file>`
      : 'the grid does not say which framework it uses; give it with --framework <id|file>',
    file,
  );
}

/** The latest snapshot sheet of a workbook (the one a pack of the last cycle wrote), with the sheet it is on. */
function latestSnapshot(workbook: Workbook, file: string): { snapshot: RatingSnapshot; sheet: string } | undefined {
  let latest: { snapshot: RatingSnapshot; sheet: string } | undefined;
  for (const ws of workbook.worksheets) {
    const rows = worksheetValues(ws);
    if (!isSnapshotSheet(rows)) continue;
    const snapshot = readSnapshot(rows, `${file}, sheet ${ws.name}`);
    if (!latest || snapshot.taken > latest.snapshot.taken) latest = { snapshot, sheet: ws.name };
  }
  return latest;
}

/** The earlier cycle to compare with: the latest snapshot of a workbook, or else the ratings of the grid it holds. */
async function earlierSnapshot(file: string, io: CliIO, model: FrameworkModel, scaleId: string): Promise<RatingSnapshot> {
  const { workbook } = await loadWorkbook(file, io, 'snapshot');
  const latest = latestSnapshot(workbook, file);
  if (latest) return latest.snapshot;
  const grids = readGrids(workbook);
  if (!grids.length) {
    throw new CompetencyError(
      'invalid-file',
      'it holds neither a ratings snapshot nor a team grid; give a calibration pack or a grid from the earlier cycle',
      file,
    );
  }
  const grid = grids[0];
  requireIdentifiedRows(grid.problems, file);
  const ws = workbook.getWorksheet(grid.geometry.sheetName)!;
  const { matrix } = readGridRatings({ model, geometry: grid.geometry, rows: worksheetValues(ws), scaleId });
  return takeSnapshot(matrix, path.basename(file).replace(/\.xlsx$/i, ''), '');
}

/** Sheets of an earlier pack in this workbook (registered, still showing what the product wrote): replaced, not duplicated. */
function previousPackSheets(workbook: Workbook, registry: Registry): Worksheet[] {
  return registry.sheets
    .filter((s) => s.kind === 'calibration')
    .map((s) => ({ s, ws: workbook.getWorksheet(s.name) }))
    .filter(({ s, ws }) => ws && (!s.signature || String(plainValue(ws.getCell(s.signature.cell).value) ?? '') === s.signature.text))
    .map(({ ws }) => ws!);
}

export interface PackOptions {
  /** The file the workbook came from, for messages and to spot a snapshot in the same file. */
  fileName: string;
  /** The grid's sheet, when the workbook has several grids. */
  sheet?: string;
  /** The grid, when the caller has read it already (it is read from `sheet` otherwise). */
  grid?: GridRead;
  scaleId?: string;
  minGroup?: number;
  coverageLevel?: string;
  /** Percentages per level, "10,20,40,20,10". */
  guideline?: string;
  /** Label of this cycle's snapshot; today's date by default. */
  cycle?: string;
  /** A workbook (an earlier pack, or an earlier grid) to compare with. */
  snapshotFile?: string;
  /** Compare with the latest snapshot already in the workbook and take no new one (a rebuild, not a new cycle). */
  reuseSnapshot?: boolean;
}

export interface AddedPack {
  pack: GridCalibration;
  /** An earlier pack in the workbook was replaced. */
  replaced: boolean;
  /** The cycle the Changes sheet compares with. */
  baseline?: string;
  /** The pack's charts, to add once the workbook is saved. */
  charts: SheetCharts[];
}

/**
 * Adds (or rebuilds) the calibration pack in a workbook that holds a team
 * grid: the command's work, and the workbook command's --calibration hook.
 * Everything is computed before the workbook is touched.
 */
export async function addCalibrationPack(workbook: Workbook, model: FrameworkModel, options: PackOptions, io: CliIO): Promise<AddedPack> {
  const grid = options.grid ?? readGrid(workbook, options.sheet, options.fileName);
  requireIdentifiedRows(grid.problems, options.fileName);
  const registry = readRegistry(workbook);
  const previous = previousPackSheets(workbook, registry);

  // What the room set on an earlier pack is kept; options given now win.
  const kept = settingsOfPreviousPack(previous, registry);
  const { scale } = gridScale(model, grid.geometry.competencyIds, options.scaleId);
  const codes = scale.levels.map((l) => l.code);
  const settings: CalibrationSettingsInput = { ...kept.settings, guideline: guidelineFor(kept.guideline, codes) };
  if (options.minGroup !== undefined) settings.minGroup = options.minGroup;
  if (options.coverageLevel !== undefined) settings.coverageLevel = options.coverageLevel;
  if (options.guideline !== undefined) settings.guideline = parseGuideline(options.guideline, codes);
  // A snapshot already in this workbook is compared with where it is; one from another file is copied in.
  const file = options.snapshotFile;
  const sameFile = file !== undefined && path.resolve(file) === path.resolve(options.fileName);
  const inPlace = sameFile || (options.reuseSnapshot && !file) ? latestSnapshot(workbook, options.fileName) : undefined;
  const earlier = inPlace?.snapshot ?? (file ? await earlierSnapshot(file, io, model, scale.id) : undefined);
  const reused = options.reuseSnapshot && inPlace !== undefined;

  const date = today();
  const pack = calibrateGrid({
    model,
    geometry: grid.geometry,
    rows: worksheetValues(workbook.getWorksheet(grid.geometry.sheetName)!),
    scaleId: scale.id,
    settings,
    takenSheetNames: workbook.worksheets.filter((ws) => !previous.includes(ws)).map((ws) => ws.name),
    snapshot: reused ? undefined : { cycle: options.cycle ?? date, taken: date },
    earlier,
    earlierSheet: inPlace?.sheet,
  });

  for (const ws of previous) workbook.removeWorksheet(ws.id);
  const rendered = renderPlan(workbook, pack.plan);
  const others = registry.sheets.filter((s) => !previous.some((ws) => ws.name === s.name));
  writeRegistry(workbook, { sheets: [...others, ...registryFor(rendered, pack.plan.title, []).sheets], names: registry.names });
  return { pack, replaced: previous.length > 0, baseline: (earlier ?? pack.snapshot)?.cycle, charts: renderedCharts(rendered) };
}

/** Is there a calibration pack in this workbook (one the product wrote)? A rebuilt grid needs it rebuilt too. */
export function hasCalibrationPack(workbook: Workbook): boolean {
  return previousPackSheets(workbook, readRegistry(workbook)).length > 0;
}

export async function calibrationCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'calibration');
  const v = values as Record<keyof typeof OPTIONS, string | undefined>;
  if (positionals.length) throw new UsageError(`calibration: unexpected "${positionals[0]}"; give the grid with --grid team.xlsx`);
  if (!v.grid) throw new UsageError('calibration: give the team grid workbook with --grid team.xlsx');
  if (!v.out) throw new UsageError('calibration: say where to write the pack with --out pack.xlsx');
  const minGroup = wholeNumber(v['min-group'], '--min-group');

  const { workbook, bytes } = await loadWorkbook(v.grid, io, 'grid');
  assertKeepable(bytes, v.grid);
  const grid = readGrid(workbook, v.sheet, v.grid);
  const model = await frameworkOf(grid, workbook, v.framework, io, v.grid);
  const added = await addCalibrationPack(
    workbook,
    model,
    {
      fileName: v.grid,
      grid,
      scaleId: v.scale,
      minGroup,
      coverageLevel: v['coverage-level'],
      guideline: v.guideline,
      cycle: v.cycle,
      snapshotFile: v.snapshot,
    },
    io,
  );
  await io.writeFile(v.out, await workbookBytesWithCharts(workbook, added.charts, { bytes, fileName: v.grid }));
  io.out(
    `Wrote ${v.out}: ${added.replaced ? 'replaced the calibration pack with ' : ''}${added.pack.plan.sheets.map((sheet) => sheet.name).join(', ')}.\n`,
  );
  reportPack(added, io);
}

/** What the pack found, in a few lines: the figures a calibration meeting looks at first. */
export function reportPack({ pack, baseline }: AddedPack, io: CliIO): void {
  const s = pack.statistics;
  io.out(
    `  ${pack.matrix.people.length} people, ${s.managers.length} managers, ${pack.matrix.competencies.length} competencies on ${pack.matrix.scale.name}; ` +
      `${s.overall.n} ratings, mean ${s.overall.mean?.toFixed(2) ?? '-'}, SD ${s.overall.sd?.toFixed(2) ?? '-'}.\n`,
  );
  const flagged = s.managers.filter((m) => m.flag);
  io.out(
    flagged.length
      ? `  Flagged raters: ${flagged.map((m) => `${m.manager} (${m.flag}, leniency ${signed(m.leniency!)}, z ${signed(m.z!)})`).join('; ')}.\n`
      : '  No rater flagged.\n',
  );
  const compressed = s.managers.filter((m) => m.compressed).map((m) => m.manager);
  if (compressed.length) io.out(`  Compressed: ${compressed.join(', ')}.\n`);
  const hidden = s.heatmap.difference.reduce((n, row) => n + row.filter((d) => d === null).length, 0);
  if (hidden) io.out(`  Heatmap: ${hidden} cells left blank (fewer than ${s.settings.minGroup} people rated).\n`);
  if (pack.comparison) {
    const changed = pack.comparison.people.filter((p) => p.changed).length;
    io.out(`  Changes since "${baseline}": ${changed} people with changed ratings (the Changes sheet follows edits live).\n`);
    const moved = pack.comparison.managers.filter((m) => m.changed);
    if (moved.length)
      io.out(`  Changed ratings per manager: ${moved.map((m) => `${m.manager} ${m.changed} (net ${signed(m.net)})`).join('; ')}.\n`);
  }
  if (pack.beforeAfter) {
    const { before, now } = pack.beforeAfter;
    const levels = pack.matrix.scale.levels.map((l, k) => `${l.code} ${before[k]}→${now[k]}`);
    io.out(`  Ratings per level, before → now: ${levels.join(', ')} (chart on the Changes sheet).\n`);
  }
  for (const w of pack.warnings) io.err(`competency-matrix: warning: ${w}\n`);
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}

/** The settings the room edited on an earlier pack's Calibration sheet, read through its registered input regions. */
function settingsOfPreviousPack(previous: Worksheet[], registry: Registry): SheetSettings {
  for (const ws of previous) {
    const entry = registry.sheets.find((s) => s.name === ws.name);
    const regions = entry?.inputs ?? [];
    if (!regions.some((r) => r.id.startsWith('calibration-'))) continue;
    return calibrationSheetSettings(regions, (row, col) => plainValue(ws.getCell(row + 1, col + 1).value));
  }
  return { settings: {} };
}
