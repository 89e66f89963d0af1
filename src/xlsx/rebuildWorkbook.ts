/**
 * Rebuilding the product's sheets inside an existing workbook (--into):
 * every rating already entered is kept, keyed by person id and competency;
 * what cannot be placed goes on a visible "Unplaced ratings" sheet; sheets and
 * names the product did not create are left as they are, and a user's sheet
 * that happens to share a name with ours is never replaced (ours gets a unique
 * name). The caller reads and writes the file; this works on the ExcelJS
 * workbook in memory.
 */
import type { Workbook } from 'exceljs';
import type { FrameworkModel } from '../core/framework/model';
import type { Role } from '../core/framework/schema';
import { carryRatings, ratingKey, splitRatingKey, type UnplacedRating } from '../core/layouts/carryRatings';
import { typedOverRoster, withCleared, type ClearedCell, type Disagreement } from '../core/layouts/typedOverRoster';
import { UNPLACED_SHEET_NAME } from '../core/layouts/unplacedRatingsSheet';
import type { GridRowWithoutId } from '../core/layouts/readGridRows';
import { FRAMEWORKS_SHEET } from '../core/interchange/frameworkSheet';
import { planKeepingFramework } from '../core/interchange/frameworkDataSheet';
import { storedFrameworks, storedFrameworksIn } from './storedFrameworks';
import type { FormulaMode } from '../core/layouts/formulas';
import type { GridReadiness } from '../core/layouts/gridShape';
import type { LayoutPlan, Rect } from '../core/layouts/plan';
import { REGISTRY_SHEET_NAME, type RegisteredSheet, type Registry } from '../core/layouts/registry';
import { parseCellRef } from '../core/layouts/a1';
import type { Framework } from '../core/framework/validate';
import type { GridRows } from '../core/layouts/readGridRows';
import { CompetencyError } from '../core/problems';
import { isProductTitle } from '../core/layouts/sheetTitles';
import type { PlainValue } from './cellValue';
import type { SheetValues, WorkbookFile } from './readWorkbook';
import { worksheetValues } from './worksheetValues';
import { DEFAULT_SHEET_NAMES, workbookLayout, workbookSheetNames, type WorkbookLayout } from '../core/layouts/workbook';
import { parseRoster, type Roster } from '../core/roster';
import { gridRosterRows } from '../core/layouts/gridRosterRows';
import { gridFromValues, readGrid } from './readGrid';
import { readInputRegions } from './readInputRegions';
import { renderedCharts, type SheetCharts } from './charts';
import { renderPlan, type RenderResult } from './renderPlan';
import { readRegistry, readRegistryFrom, registryFor, writeRegistry } from './workbookRegistry';
import { gridSheetName, gridsOf, type GridRecord } from '../core/layouts/gridRecords';
import { placeGrid, type GridPlace, type GridWorkbookLayout } from '../core/layouts/gridWorkbook';
import { gridTarget, type GridTargetChoice } from '../core/layouts/gridTarget';

export interface RebuildOptions {
  /** A new roster; without one the people come from the grid already in the workbook. */
  roster?: Roster;
  formulas?: FormulaMode;
  /** Next-role readiness of the new grid (strict by default). */
  readiness?: GridReadiness;
  roles?: readonly Role[];
  /** Names the file in messages. */
  fileName?: string;
  /**
   * Keep the framework in the workbook (an imported one, not built in): its hidden
   * frameworks sheet is rewritten with what it already stores plus this framework.
   */
  keepFramework?: boolean;
  /** Which grid to rebuild, or to add one (see core/layouts/gridTarget.ts); by the roster's people otherwise. */
  gridChoice?: GridTargetChoice;
  /** Whose a grid added now is (the team, the roster file). */
  label?: string;
  /** When the grid is written (ISO), recorded with it. */
  writtenAt?: string;
}

export interface RebuildReport {
  layout: WorkbookLayout;
  /** The people of the new grid (the roster given, or the old grid's), with every rating placed. */
  roster?: Roster;
  /** Ratings from the old sheets now in the new grid. */
  kept: number;
  /** Ratings that had no place, with why: they are on the unplaced sheet. */
  unplaced: (UnplacedRating & { why: string })[];
  /** Old product sheets replaced by new ones. */
  replaced: string[];
  /** Old product sheets left in place (someone wrote outside what the product wrote): now the user's. */
  setAside: { sheet: string; why: string }[];
  /** Sheets written, in order. */
  written: string[];
  /** The charts of the sheets written, to add once the workbook is saved (ExcelJS writes none). */
  charts: SheetCharts[];
  /** The name the "Unplaced ratings" sheet was written under, when there is one. */
  unplacedSheet?: string;
  /** Rows of the old grid without an id: left out of the new grid, their ratings on the unplaced sheet under "(row N)". */
  warnings: string[];
  /**
   * Cells where the workbook and the roster file disagree: what was typed in
   * the workbook (a level, N/A, or a blank someone cleared) is in the new grid;
   * the roster's value is not used. `typed` is "" for a cell someone cleared
   * (it held a rating when the product wrote it); a cell the product wrote
   * blank and still blank takes the roster's level.
   */
  disagreements: Disagreement[];
  /** The grid written: added beside the workbook's others or rebuilt, and why. */
  grid?: { sheet: string; added: boolean; shared: string[]; others: string[]; why: string };
}

const WHY: Record<UnplacedRating['reason'], string> = {
  'person-not-in-plan': 'the person is not on the new roster',
  'competency-not-in-plan': 'the competency is not in the framework',
  'region-not-in-plan': 'the new workbook has no grid to hold it',
  'not-a-level': "not a level of the competency's scale",
  conflict:
    'the roster file (or a second row) gives another rating for the same person and competency; the grid keeps the one entered in the workbook',
  'typed-since-undone': 'typed on sheets whose action in the add-in was then undone',
};

function notALevel(model: FrameworkModel, competencyId: string): string {
  const comp = model.findCompetency(competencyId);
  return comp ? `not a level of ${model.scaleOf(comp).name} (use ${model.scaleOf(comp).describeLevels()})` : 'not a level';
}

/** One entry per region, person, competency and value: a rating set aside twice is listed once. */
function distinct(list: UnplacedRating[]): UnplacedRating[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = `${ratingKey(u.region, u.person, u.competency)}\u001f${String(u.value).trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What a rebuild reads from the old workbook, synchronously: an in-memory
 * ExcelJS workbook (memoryView), or a file opened with the streaming reader
 * whose product sheets were read once, up front (fileView).
 */
export interface OldWorkbook {
  readonly sheetNames: readonly string[];
  readonly registry: Registry;
  /** The defined names, each with the ranges it points to. */
  readonly definedNames: readonly { name: string; ranges: string[] }[];
  /** The frameworks on the hidden frameworks sheet. */
  storedFrameworks(): Framework[];
  /** A registered product sheet's cells as rows from A1. */
  rows(sheet: string): PlainValue[][];
  /** The team grid on a sheet. */
  grid(sheet: string): GridRows;
  /** Everything needed has been read: a view holding sheets' rows lets them go before the new sheets are built. */
  release?(): void;
}

export function memoryView(workbook: Workbook, fileName?: string): OldWorkbook {
  return {
    sheetNames: workbook.worksheets.map((w) => w.name),
    registry: readRegistry(workbook),
    definedNames: workbook.definedNames.model,
    storedFrameworks: () => storedFrameworks(workbook, fileName),
    rows: (sheet) => worksheetValues(workbook.getWorksheet(sheet)!),
    grid: (sheet) => readGrid(workbook, sheet, fileName),
  };
}

/** Reads what a rebuild needs from a workbook file: the registry, the kept frameworks, and each registered product sheet once. */
export async function fileView(file: WorkbookFile): Promise<OldWorkbook> {
  const registry = await readRegistryFrom(file);
  const frameworks = await storedFrameworksIn(file);
  const values = new Map<string, SheetValues>();
  for (const s of registry.sheets) {
    const sheet = file.sheet(s.name);
    if (sheet && sheet.name === s.name && s.kind !== 'calibration') values.set(s.name, await file.values(s.name));
  }
  return {
    sheetNames: file.sheets.map((s) => s.name),
    registry,
    definedNames: file.definedNames.map((n) => ({ name: n.name, ranges: n.ref.split(',').map((r) => r.trim()) })),
    storedFrameworks: () => frameworks,
    release: () => {
      values.clear();
      file.forget();
    },
    rows: (sheet) => values.get(sheet)?.rows ?? [],
    grid: (sheet) => {
      const v = values.get(sheet);
      const grid = v && gridFromValues(sheet, v);
      if (!grid) throw new CompetencyError('invalid-file', `no team grid on the sheet "${sheet}"`, file.fileName);
      return grid;
    },
  };
}

function textAt(rows: PlainValue[][], address: string): string {
  const { row, col } = parseCellRef(address);
  const v = rows[row]?.[col];
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A registered sheet still carries the title (or other first text) the product wrote; a user's sheet under the same name does not. */
function looksLikeOurs(rows: PlainValue[][], s: RegisteredSheet): boolean {
  if (isProductTitle(s.kind, textAt(rows, 'A1'))) return true;
  // Sheets without a title (the hidden frameworks sheet) are recognised by the text the registry remembers.
  return s.signature !== undefined && textAt(rows, s.signature.cell) === s.signature.text;
}

/** True when the sheet has a value outside the rectangle the product wrote. */
function hasUserContentOutside(rows: PlainValue[][], footprint: Rect | null): boolean {
  return rows.some((row, r) =>
    row.some((v, c) => {
      if (v === null || v === undefined || v === '') return false;
      const inside =
        footprint && r >= footprint.row && r < footprint.row + footprint.rows && c >= footprint.col && c < footprint.col + footprint.cols;
      return !inside;
    }),
  );
}

/** A rebuild worked out before anything is written: the plan to render, what goes, and the report. */
export interface RebuildPlan {
  plan: LayoutPlan;
  /** Old product sheets the new ones replace (they go). */
  replace: string[];
  /** Old defined names that go (the product's, defined again or pointing into a replaced sheet). */
  dropNames: string[];
  /** The registry to write, given the sheets as rendered. */
  registry(rendered: RenderResult): Registry;
  /** The report, given the sheets as rendered. */
  report(rendered: RenderResult): RebuildReport;
}

export function planRebuild(old: OldWorkbook, model: FrameworkModel, options: RebuildOptions = {}): RebuildPlan {
  const registry = old.registry;
  const present = registry.sheets.filter((s) => old.sheetNames.includes(s.name));
  // Read before the old sheet goes: the frameworks kept so far stay, this one joins them.
  const stored = options.keepFramework ? old.storedFrameworks() : undefined;

  // Which grid: the one the roster's people are on, the one asked for, or a new one beside the others.
  const grids = gridsOf(registry, (sheet) =>
    old.sheetNames.includes(sheet) ? gridOrUndefined(old, sheet)?.geometry.frameworkId : undefined,
  );
  const target = gridTarget(
    registry,
    grids,
    options.roster?.people.map((p) => p.id),
    options.gridChoice ?? {},
  );
  let roster = options.roster;
  let withoutId: GridRowWithoutId[] = [];
  if (!roster) {
    const name = target.rebuild ? gridSheetName(registry, target.rebuild) : present.find((s) => s.kind === 'grid')?.name;
    if (name && old.sheetNames.includes(name)) {
      const grid = old.grid(name);
      withoutId = grid.problems.filter((x) => !x.blank);
      roster = parseRoster(gridRosterRows(grid), model, { source: `${options.fileName ?? 'workbook'}, sheet "${name}"` });
    }
  }
  const rebuilt: GridRecord | undefined = target.rebuild;
  // A workbook's only grid may move to another framework (as always); among several, that is not guessed at.
  if (rebuilt && grids.length > 1 && rebuilt.frameworkId && rebuilt.frameworkId !== model.id) {
    throw new CompetencyError(
      'invalid-argument',
      `the grid "${gridSheetName(registry, rebuilt)}" was made with the framework "${rebuilt.frameworkId}", not "${model.id}"; give --framework ${rebuilt.frameworkId} to rebuild it, or --new-grid to add a grid for ${model.id}`,
      options.fileName,
    );
  }
  const place: GridPlace | undefined = roster
    ? placeGrid(
        model,
        { roster, formulas: options.formulas, readiness: options.readiness, roles: options.roles },
        {
          registry,
          grids,
          rebuild: rebuilt,
          label: options.label ?? 'Team',
          writtenAt: options.writtenAt ?? '',
          taken: old.sheetNames.filter((n) => n !== REGISTRY_SHEET_NAME),
        },
      )
    : undefined;

  // Only the sheets this plan writes are replaced (a grid's own sheets, never one another grid reads).
  const ownWanted = place ? place.ownSheets : Object.values(DEFAULT_SHEET_NAMES);
  const ours = new Set([...ownWanted, UNPLACED_SHEET_NAME, ...(stored ? [FRAMEWORKS_SHEET] : [])].map((n) => n.toLowerCase()));
  const candidates = present.filter((s) => ours.has(s.wanted.toLowerCase()));
  const setAside: RebuildReport['setAside'] = [];
  const replace: RegisteredSheet[] = [];
  for (const s of candidates) {
    const rows = old.rows(s.name);
    if (s.damaged) setAside.push({ sheet: s.name, why: `its registry records do not add up (${s.damaged})` });
    else if (!looksLikeOurs(rows, s))
      setAside.push({ sheet: s.name, why: 'it is no longer the sheet the product wrote (its title is gone)' });
    else if (hasUserContentOutside(rows, s.footprint))
      setAside.push({ sheet: s.name, why: 'someone wrote in it outside the cells the product made' });
    else replace.push(s);
  }
  const { values, duplicates, covered, unrecorded } = readInputRegions(
    (name) => old.rows(name),
    [...replace, ...setAside.map((a) => present.find((p) => p.name === a.sheet)!).filter((s) => !s.damaged)],
  );

  old.release?.();

  const unplaced: UnplacedRating[] = [...duplicates];
  const disagreements: Disagreement[] = [];
  const cleared: ClearedCell[] = [];
  // Only a roster file given on the command line can disagree with the grid; the grid's own people carry its ratings.
  const carry = roster
    ? typedOverRoster(
        model,
        roster,
        { values, covered: options.roster ? covered : new Set(), unrecorded },
        unplaced,
        disagreements,
        cleared,
      )
    : new Map([...values].filter(([k]) => splitRatingKey(k).region !== 'coverage-levels'));
  const coverageLevels = new Map<string, string>();
  for (const [key, value] of values) {
    const { region, competency } = splitRatingKey(key);
    if (region === 'coverage-levels' && value !== null) coverageLevels.set(competency, String(value));
  }

  const replacedNames = new Set(replace.map((s) => s.name.toLowerCase()));
  const taken = old.sheetNames.filter((n) => !replacedNames.has(n.toLowerCase()) && n !== REGISTRY_SHEET_NAME);
  const gridLayout: GridWorkbookLayout | undefined =
    place && roster
      ? place.layout({ roster, formulas: options.formulas, readiness: options.readiness, roles: options.roles, coverageLevels })
      : undefined;
  const layout: WorkbookLayout =
    gridLayout ??
    workbookLayout(model, {
      roster,
      formulas: options.formulas,
      readiness: options.readiness,
      roles: options.roles,
      sheetNames: workbookSheetNames(taken),
      coverageLevels,
    });
  const plan = stored ? planKeepingFramework(layout.plan, stored, model.data) : layout.plan;
  const carried = withCleared(carryRatings(plan, carry, { alsoUnplaced: distinct(unplaced) }), cleared);

  // The product's names that the new plan defines again, or that point into a replaced sheet, go.
  const newNames = new Set(carried.plan.names.map((n) => n.name.toLowerCase()));
  const pointsIntoReplaced = (ranges: string[]) =>
    ranges.some((r) => replacedNames.has(r.slice(0, r.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'").toLowerCase()));
  const dropped = new Set(
    old.definedNames
      .filter((n) => registry.names.includes(n.name) && (newNames.has(n.name.toLowerCase()) || pointsIntoReplaced(n.ranges)))
      .map((n) => n.name),
  );
  const dropNames = old.definedNames.filter((n) => dropped.has(n.name) || newNames.has(n.name.toLowerCase())).map((n) => n.name);
  const kept = present.filter((s) => !replace.includes(s) && !setAside.some((a) => a.sheet === s.name));
  const keptNames = registry.names.filter((n) => !dropped.has(n) && !newNames.has(n.toLowerCase()));

  return {
    plan: carried.plan,
    replace: replace.map((s) => s.name),
    dropNames,
    registry: (rendered) => {
      const next = registryFor(
        rendered,
        carried.plan.title,
        carried.plan.names.map((n) => n.name),
      );
      // A cycle workbook's records (which cycle, what was issued and returned) outlive a rebuild of its sheets; so do the other grids.
      const grids = carried.plan.grids ?? registry.grids;
      return { ...registry, sheets: [...kept, ...next.sheets], names: [...keptNames, ...next.names], ...(grids ? { grids } : {}) };
    },
    report: (rendered) => {
      const unplacedSheet = rendered.sheets.find((s) => s.plan.kind === 'unplaced')?.name;
      const warnings = withoutId.map(
        (p) =>
          `${p.message}: it is left out of the new grid, and its ratings are kept on "${unplacedSheet ?? UNPLACED_SHEET_NAME}" as "${p.key}"`,
      );
      return {
        layout,
        roster,
        kept: carried.kept,
        unplaced: carried.unplaced.map((u) => ({
          ...u,
          why: u.reason === 'not-a-level' ? notALevel(model, u.competency) : WHY[u.reason],
        })),
        replaced: replace.map((s) => s.name),
        setAside,
        written: rendered.sheets.map((s) => s.name),
        charts: renderedCharts(rendered),
        ...(unplacedSheet ? { unplacedSheet } : {}),
        warnings,
        disagreements,
        ...(gridLayout ? { grid: gridReport(gridLayout, rendered, registry, grids, target.why) } : {}),
      };
    },
  };
}

/** The grid written, under the name it was rendered with, and the workbook's other grids. */
function gridReport(layout: GridWorkbookLayout, rendered: RenderResult, registry: Registry, grids: GridRecord[], why: string) {
  const planned = layout.grid!.sheetName;
  const sheet = rendered.sheets.find((s) => s.plan.name === planned)?.name ?? planned;
  const others = grids.filter((g) => g.id !== layout.record.id).map((g) => gridSheetName(registry, g));
  return { sheet, added: layout.added, shared: layout.shared, others, why };
}

/** A sheet's grid, or undefined when it holds none (edited out of shape). */
function gridOrUndefined(old: OldWorkbook, sheet: string): GridRows | undefined {
  try {
    return old.grid(sheet);
  } catch {
    return undefined;
  }
}

/** The rebuild in an in-memory workbook: the old product sheets and names go, the new ones are rendered, the registry rewritten. */
export function rebuildWorkbook(workbook: Workbook, model: FrameworkModel, options: RebuildOptions = {}): RebuildReport {
  const rebuild = planRebuild(memoryView(workbook, options.fileName), model, options);
  const drop = new Set(rebuild.dropNames);
  workbook.definedNames.model = workbook.definedNames.model.filter((n) => !drop.has(n.name));
  for (const name of rebuild.replace) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  const rendered = renderPlan(workbook, rebuild.plan);
  writeRegistry(workbook, rebuild.registry(rendered));
  return rebuild.report(rendered);
}
