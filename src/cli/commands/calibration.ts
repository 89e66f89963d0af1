/**
 * `calibration --grid team.xlsx --out pack.xlsx`: turns a team grid workbook
 * into a calibration pack. The grid workbook is copied whole into the pack (its
 * parts byte for byte, see xlsx/spliceWorkbook.ts) and the calibration sheets
 * are added beside the grid, their formulas reading it
 * live: open the pack in Excel (or LibreOffice) and change ratings on the grid,
 * and every figure follows. A pack built earlier in the same workbook is
 * replaced (its edited settings kept); snapshots are never removed.
 */
import path from 'path';
import type { Workbook } from 'exceljs';
import { parseCommandArgs, wholeNumberOption } from '../args';
import { checkOutputFile } from '../files';
import { UsageError, type CliIO } from '../io';
import { resolveFramework } from '../resolve';
import { openWorkbookFile, progressFor } from '../openWorkbookFile';
import { accessByFileName, openPasswordOption, passwordsOption, sealWorkbook, type OpenAccess } from '../workbookAccess';
import { findBuiltIn } from '../../core/frameworks/library';
import { FrameworkModel } from '../../core/framework/model';
import { CompetencyError, listForHumans } from '../../core/problems';
import { calibrateGrid, gridScale, readGridRatings, type GridCalibration } from '../../core/calibration/calibrateGrid';
import { parseGuideline } from '../../core/calibration/guideline';
import { requireIdentifiedRows } from '../../core/calibration/requireIdentifiedRows';
import type { CalibrationSettingsInput } from '../../core/calibration/settings';
import { isSnapshotSheet, readSnapshot, takeSnapshot, type RatingSnapshot } from '../../core/calibration/snapshot';
import { calibrationSheetSettings, guidelineFor, type SheetSettings } from '../../core/calibration/sheetSettings';
import type { LayoutPlan } from '../../core/layouts/plan';
import { REGISTRY_SHEET_NAME, type Registry } from '../../core/layouts/registry';
import { findGridFrom, readGrid, readGridFrom, type GridRead } from '../../xlsx/readGrid';
import type { WorkbookFile } from '../../xlsx/readWorkbook';
import { renderPlan, writePlanBytes, type RenderResult } from '../../xlsx/renderPlan';
import { renderedCharts, type SheetCharts } from '../../xlsx/charts';
import { spliceWorkbook } from '../../xlsx/spliceWorkbook';
import { fileSource, memorySource, type WorkbookSource } from '../../xlsx/workbookSource';
import { readRegistry, readRegistryFrom, registryFor, streamRegistry, writeRegistry } from '../../xlsx/workbookRegistry';
import { findGrid, gridSheetName, gridsOf, type GridRecord } from '../../core/layouts/gridRecords';
import { calibratePooledGrids, differentFrameworks, pooledSheetName } from '../../core/calibration/pooledGrids';

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
  // The pack's own password to open; --passwords opens an encrypted --grid or --snapshot (file,password rows).
  password: { type: 'string' },
  passwords: { type: 'string' },
  force: { type: 'boolean' },
  // Repeated, or "all": several grids on one framework calibrated together.
  team: { type: 'string', multiple: true },
} as const;

/** Today's date where the command runs, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The grid's framework: --framework if given, else a built-in one, else the one the workbook keeps (an imported framework). */
async function frameworkOf(grid: GridRead, source: WorkbookSource, option: string | undefined, io: CliIO): Promise<FrameworkModel> {
  if (option) return resolveFramework(option, io);
  const id = grid.geometry.frameworkId;
  const model = id ? findBuiltIn(id) : undefined;
  if (model) return model;
  const kept = id ? (await source.storedFrameworks()).find((fw) => fw.id === id) : undefined;
  if (kept) return new FrameworkModel(kept);
  throw new CompetencyError(
    'unknown-framework',
    id
      ? `the grid was made with the framework "${id}", which is neither built in nor kept in the workbook; give it with --framework <file>`
      : 'the grid does not say which framework it uses; give it with --framework <id|file>',
    source.fileName,
  );
}

/** The latest snapshot sheet of a workbook (the one a pack of the last cycle wrote); only sheets whose A1 says so are read. */
async function latestSnapshot(source: WorkbookSource): Promise<{ snapshot: RatingSnapshot; sheet: string } | undefined> {
  let latest: { snapshot: RatingSnapshot; sheet: string } | undefined;
  for (const name of source.sheetNames) {
    if (!isSnapshotSheet([[await source.cellText(name, 'A1')]])) continue;
    const snapshot = readSnapshot(await source.rows(name), `${source.fileName}, sheet ${name}`);
    if (!latest || snapshot.taken > latest.snapshot.taken) latest = { snapshot, sheet: name };
  }
  return latest;
}

/** The earlier cycle to compare with: the latest snapshot of a workbook, or else the ratings of the grid it holds. */
async function earlierSnapshot(
  file: string,
  io: CliIO,
  model: FrameworkModel,
  scaleId: string,
  access: OpenAccess | undefined,
): Promise<RatingSnapshot> {
  const book = await openWorkbookFile(file, io, 'snapshot', access);
  const latest = await latestSnapshot(fileSource(book));
  if (latest) return latest.snapshot;
  const grid = await findGridFrom(book);
  if (!grid) {
    throw new CompetencyError(
      'invalid-file',
      'it holds neither a ratings snapshot nor a team grid; give a calibration pack or a grid from the earlier cycle',
      file,
    );
  }
  requireIdentifiedRows(grid.problems, file);
  const { rows } = await book.values(grid.geometry.sheetName);
  const { matrix } = readGridRatings({ model, geometry: grid.geometry, rows, scaleId });
  return takeSnapshot(matrix, path.basename(file).replace(/\.xlsx$/i, ''), '');
}

/** The registry title of a pack's sheets names the grid it reads (core/layouts/calibration.ts). */
function packOf(title: string, gridSheet: string): boolean {
  return title.startsWith(`Calibration of ${gridSheet} (`);
}

/**
 * Sheets of an earlier pack in this workbook (registered, still showing what
 * the product wrote): replaced, not duplicated. With `gridSheet`, only the pack
 * of that grid: another grid's pack is left as it is.
 */
async function previousPackSheets(source: WorkbookSource, registry: Registry, gridSheet?: string): Promise<string[]> {
  const out: string[] = [];
  for (const s of registry.sheets) {
    if (s.kind !== 'calibration' || !source.sheetNames.includes(s.name)) continue;
    if (gridSheet !== undefined && !packOf(s.title, gridSheet)) continue;
    if (!s.signature || (await source.cellText(s.name, s.signature.cell)) === s.signature.text.trim()) out.push(s.name);
  }
  return out;
}

export interface PackOptions {
  /** The file the workbook came from, for messages and to spot a snapshot in the same file. */
  fileName: string;
  /** The grid's sheet, when the workbook has several grids. */
  sheet?: string;
  /** The grid, when the caller has read it already (it is read from `sheet` otherwise). */
  grid?: GridRead;
  /** Several grids on one framework to calibrate together (then `grid` is the first of them). */
  pooled?: readonly { label: string; grid: GridRead }[];
  scaleId?: string;
  minGroup?: number;
  coverageLevel?: string;
  /** Percentages per level, "10,20,40,20,10". */
  guideline?: string;
  /** Label of this cycle's snapshot; today's date by default. */
  cycle?: string;
  /** A workbook (an earlier pack, or an earlier grid) to compare with. */
  snapshotFile?: string;
  /** How an encrypted snapshot file is opened (commands that take no password leave it out). */
  snapshotAccess?: OpenAccess;
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

interface PlannedPack {
  added: AddedPack;
  /** The earlier pack's sheets, to be replaced. */
  previous: string[];
  registry: Registry;
}

/** The pack for a grid, computed from what the workbook holds, before anything is written. */
async function planPack(
  source: WorkbookSource,
  model: FrameworkModel,
  grid: GridRead,
  options: PackOptions,
  io: CliIO,
): Promise<PlannedPack> {
  const pooled = options.pooled && options.pooled.length > 1 ? options.pooled : undefined;
  for (const g of pooled?.map((p) => p.grid) ?? [grid]) requireIdentifiedRows(g.problems, options.fileName);
  const registry = await source.registry();
  // A pooled pack is named by its pooled sheet: rebuilt, it replaces the earlier pack of the same grids only.
  const packSheet = pooled ? pooledSheetName(pooled.map((p) => p.label)) : grid.geometry.sheetName;
  const previous = await previousPackSheets(source, registry, packSheet);

  // What the room set on an earlier pack is kept; options given now win.
  const kept = await settingsOfPreviousPack(source, previous, registry);
  const competencyIds = [...new Set((pooled?.map((p) => p.grid) ?? [grid]).flatMap((g) => g.geometry.competencyIds))];
  const { scale } = gridScale(model, competencyIds, options.scaleId);
  const codes = scale.levels.map((l) => l.code);
  const settings: CalibrationSettingsInput = { ...kept.settings, guideline: guidelineFor(kept.guideline, codes) };
  if (options.minGroup !== undefined) settings.minGroup = options.minGroup;
  if (options.coverageLevel !== undefined) settings.coverageLevel = options.coverageLevel;
  if (options.guideline !== undefined) settings.guideline = parseGuideline(options.guideline, codes);
  // A snapshot already in this workbook is compared with where it is; one from another file is copied in.
  const file = options.snapshotFile;
  const sameFile = file !== undefined && path.resolve(file) === path.resolve(options.fileName);
  const inPlace = sameFile || (options.reuseSnapshot && !file) ? await latestSnapshot(source) : undefined;
  const earlier = inPlace?.snapshot ?? (file ? await earlierSnapshot(file, io, model, scale.id, options.snapshotAccess) : undefined);
  const reused = options.reuseSnapshot && inPlace !== undefined;

  const date = today();
  const common = {
    model,
    scaleId: scale.id,
    settings,
    takenSheetNames: source.sheetNames.filter((n) => !previous.includes(n)),
    snapshot: reused ? undefined : { cycle: options.cycle ?? date, taken: date },
    earlier,
    earlierSheet: inPlace?.sheet,
    talentCutoffs: kept.talentCutoffs,
  };
  const pack = pooled
    ? calibratePooledGrids({
        ...common,
        members: await Promise.all(
          pooled.map(async (p) => ({ label: p.label, geometry: p.grid.geometry, rows: await source.rows(p.grid.geometry.sheetName) })),
        ),
      })
    : calibrateGrid({
        ...common,
        geometry: grid.geometry,
        rows: await source.rows(grid.geometry.sheetName),
        // A cycle master's self ratings belong to its one grid: a pooled pack has no such column.
        selfRatings: await selfRatingsOf(source, registry),
      });
  return { added: { pack, replaced: previous.length > 0, baseline: (earlier ?? pack.snapshot)?.cycle, charts: [] }, previous, registry };
}

/** A cycle master's Self ratings sheet, where the product wrote one and it is still there. */
async function selfRatingsOf(source: WorkbookSource, registry: Registry) {
  const s = registry.sheets.find((x) => x.kind === 'self-ratings' && source.sheetNames.includes(x.name));
  return s ? { sheet: s.name, rows: await source.rows(s.name) } : undefined;
}

/** The registry after the pack: the earlier pack's entries replaced by the new sheets'. */
function registryWithPack(planned: PlannedPack, rendered: RenderResult): Registry {
  const { registry, previous, added } = planned;
  const others = registry.sheets.filter((s) => !previous.includes(s.name));
  // Everything else the registry records (a cycle's, the grids') stays as it was.
  return { ...registry, sheets: [...others, ...registryFor(rendered, added.pack.plan.title, []).sheets] };
}

/**
 * Adds (or rebuilds) the calibration pack in an in-memory workbook that holds
 * a team grid: the workbook command's --calibration hook. Everything is
 * computed before the workbook is touched.
 */
export async function addCalibrationPack(workbook: Workbook, model: FrameworkModel, options: PackOptions, io: CliIO): Promise<AddedPack> {
  const grid = options.grid ?? readGrid(workbook, options.sheet, options.fileName);
  const planned = await planPack(memorySource(workbook, options.fileName), model, grid, options, io);
  for (const name of planned.previous) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  const rendered = renderPlan(workbook, planned.added.pack.plan);
  writeRegistry(workbook, registryWithPack(planned, rendered));
  return { ...planned.added, charts: renderedCharts(rendered) };
}

/**
 * The calibration command's way: the pack is written on its own (streamed)
 * and spliced into the grid's file, whose every other part is copied through
 * unchanged, so memory follows the grid's rows, not the file.
 */
export async function packIntoFile(
  file: WorkbookFile,
  model: FrameworkModel,
  options: PackOptions & { grid: GridRead; activeSheet?: string },
  io: CliIO,
): Promise<{ added: AddedPack; bytes: Buffer }> {
  const progress = progressFor(file, io);
  const { added, previous, sheets } = await writePack(file, model, options, progress, io);
  progress(`copying the other sheets of ${file.fileName} through`);
  const bytes = await spliceWorkbook(file, {
    drop: [...previous, REGISTRY_SHEET_NAME],
    add: sheets,
    activeSheet: options.activeSheet,
  });
  return { added, bytes };
}

/**
 * Plans the pack and writes its sheets into a workbook of their own. Of the
 * plan only its outline is kept for the report: for a 50,000-person grid its
 * cells are about half the heap, and the splice is still to run.
 */
async function writePack(
  file: WorkbookFile,
  model: FrameworkModel,
  options: PackOptions & { grid: GridRead },
  progress: (text: string) => void,
  io: CliIO,
): Promise<{ added: AddedPack; previous: string[]; sheets: Buffer }> {
  const planned = await planPack(fileSource(file), model, options.grid, options, io);
  const plan = planned.added.pack.plan;
  const { bytes } = await writePlanBytes(plan, {
    taken: file.sheets.map((s) => s.name).filter((n) => !planned.previous.includes(n) && n !== REGISTRY_SHEET_NAME),
    onSheet: (name, i, n) => progress(`wrote sheet ${i + 1} of ${n}: ${name}`),
    extra: (book, rendered) => streamRegistry(book, registryWithPack(planned, rendered)),
  });
  const added = { ...planned.added, pack: { ...planned.added.pack, plan: planOutline(plan) } };
  return { added, previous: planned.previous, sheets: bytes };
}

/** A written plan without its cells: each sheet's name and kind, what the report says. */
function planOutline(plan: LayoutPlan): LayoutPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      name: s.name,
      kind: s.kind,
      blocks: [],
      styles: [],
      columnWidths: [],
      validations: [],
      conditionalFormats: [],
    })),
  };
}

/** Is there a calibration pack in this workbook (one the product wrote)? A rebuilt grid needs it rebuilt too. */
export async function hasCalibrationPack(workbook: Workbook): Promise<boolean> {
  return (await previousPackSheets(memorySource(workbook, 'workbook'), readRegistry(workbook))).length > 0;
}

/** The same, for a workbook file; with `gridSheet`, a pack of that grid. */
export async function hasCalibrationPackIn(file: WorkbookFile, gridSheet?: string): Promise<boolean> {
  const source = fileSource(file);
  return (await previousPackSheets(source, await source.registry(), gridSheet)).length > 0;
}

export async function calibrationCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'calibration');
  const v = values as Record<Exclude<keyof typeof OPTIONS, 'force'>, string | undefined>;
  if (positionals.length) throw new UsageError(`calibration: unexpected "${positionals[0]}"; give the grid with --grid team.xlsx`);
  if (!v.grid) throw new UsageError('calibration: give the team grid workbook with --grid team.xlsx');
  if (!v.out) throw new UsageError('calibration: say where to write the pack with --out pack.xlsx');
  const minGroup = wholeNumberOption(v['min-group'], '--min-group', { min: 1, max: 1000, example: 4 });
  // The pack is written beside the grid; replacing a file (even the grid itself) is asked for with --force.
  await checkOutputFile(io, v.out, values.force, 'pick another --out, or add --force to replace it (the grid itself too)');

  const password = openPasswordOption(v.password, '--password');
  const supplied = await passwordsOption(v.passwords, io);
  const gridAccess = accessByFileName(v.grid, supplied);
  const file = await openWorkbookFile(v.grid, io, 'grid', gridAccess);
  const teams = (values.team as string[] | undefined) ?? [];
  if (v.sheet !== undefined && teams.length) throw new UsageError('calibration: --sheet and --team both pick the grid; give one of them');
  const chosen = v.sheet !== undefined ? [{ label: v.sheet, sheet: v.sheet }] : await chosenGrids(file, teams, v.grid);
  const grids = await Promise.all(chosen.map(async (c) => ({ label: c.label, grid: await readGridFrom(file, c.sheet) })));
  const mixed = differentFrameworks(grids.map((g) => ({ label: g.label, frameworkId: g.grid.geometry.frameworkId })));
  if (mixed) throw new UsageError(`calibration: ${mixed}`);
  const grid = grids[0].grid;
  const model = await frameworkOf(grid, fileSource(file), v.framework, io);
  const { added, bytes } = await packIntoFile(
    file,
    model,
    {
      fileName: v.grid,
      grid,
      pooled: grids.length > 1 ? grids : undefined,
      scaleId: v.scale,
      minGroup,
      coverageLevel: v['coverage-level'],
      guideline: v.guideline,
      cycle: v.cycle,
      snapshotFile: v.snapshot,
      snapshotAccess: v.snapshot === undefined ? undefined : accessByFileName(v.snapshot, supplied),
    },
    io,
  );
  await io.writeFile(v.out, sealWorkbook(bytes, password));
  io.out(
    `Wrote ${v.out}: ${added.replaced ? 'replaced the calibration pack with ' : ''}${added.pack.plan.sheets.map((sheet) => sheet.name).join(', ')}.\n`,
  );
  if (password !== undefined) io.out('  The pack is encrypted with the password to open given with --password.\n');
  // The pack holds the whole grid: written in the clear from an encrypted grid, it would undo the encryption unnoticed.
  else if (gridAccess.decrypted)
    io.err(`competency-matrix: note: ${v.grid} has a password to open but ${v.out} has none; add --password TEXT to encrypt the pack\n`);
  reportPack(added, io);
}

/**
 * The grid sheets `--team` names among the workbook's grids (by label or
 * sheet; "all" for every grid); one grid is picked, several are calibrated
 * together. With several grids and no choice, which names there are.
 */
async function chosenGrids(file: WorkbookFile, teams: readonly string[], fileName: string): Promise<{ label: string; sheet?: string }[]> {
  const registry = await readRegistryFrom(file);
  const grids = gridsOf(registry).filter((g) => file.sheet(gridSheetName(registry, g)));
  const names = () =>
    listForHumans(
      grids.map((g) => `"${g.label}" (sheet "${gridSheetName(registry, g)}")`),
      'or',
    );
  const picked = (g: GridRecord) => ({ label: g.label, sheet: gridSheetName(registry, g) });
  if (teams.some((t) => t.trim().toLowerCase() === 'all')) {
    if (teams.length > 1) throw new UsageError('calibration: --team all already takes every grid; give it alone');
    if (!grids.length) throw new UsageError('calibration: --team all: the workbook records no grids; leave --team out');
    return grids.map(picked);
  }
  const out: GridRecord[] = [];
  for (const team of teams) {
    const found = findGrid(registry, grids, team);
    if (!found)
      throw new CompetencyError(
        'invalid-argument',
        grids.length
          ? `--team: no grid "${team}" in the workbook; give one of ${names()}`
          : `--team: the workbook records no grids; leave --team out`,
        fileName,
      );
    if (out.includes(found))
      throw new UsageError(`calibration: --team "${team}" names the grid "${found.label}" a second time; give each grid once`);
    out.push(found);
  }
  if (out.length) return out.map(picked);
  if (grids.length > 1) {
    throw new CompetencyError(
      'invalid-argument',
      `the workbook has ${grids.length} grids; choose one with --team, or several on one framework with --team repeated or --team all: ${names()}`,
      fileName,
    );
  }
  return [{ label: grids[0]?.label ?? '' }];
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
async function settingsOfPreviousPack(source: WorkbookSource, previous: string[], registry: Registry): Promise<SheetSettings> {
  // The settings sit on the Calibration sheet, the talent grid's cut-offs on its own sheet: each is read where it is.
  const kept: SheetSettings = { settings: {} };
  for (const name of previous) {
    const entry = registry.sheets.find((s) => s.name === name);
    const regions = entry?.inputs ?? [];
    if (!regions.some((r) => r.id.startsWith('calibration-'))) continue;
    const rows = await source.rows(name);
    const read = calibrationSheetSettings(regions, (row, col) => rows[row]?.[col] ?? null);
    kept.settings = { ...read.settings, ...kept.settings };
    kept.guideline ??= read.guideline;
    kept.talentCutoffs ??= read.talentCutoffs;
  }
  return kept;
}
