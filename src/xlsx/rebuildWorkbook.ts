/**
 * Rebuilding the product's sheets inside an existing workbook (--into):
 * every rating already entered is kept, keyed by person id and competency;
 * what cannot be placed goes on a visible "Unplaced ratings" sheet; sheets and
 * names the product did not create are left as they are, and a user's sheet
 * that happens to share a name with ours is never replaced (ours gets a unique
 * name). The caller reads and writes the file; this works on the ExcelJS
 * workbook in memory.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { FrameworkModel } from '../core/framework/model';
import type { Role } from '../core/framework/schema';
import { carryRatings, ratingKey, splitRatingKey, type UnplacedRating } from '../core/layouts/carryRatings';
import { UNPLACED_SHEET_NAME } from '../core/layouts/unplacedRatingsSheet';
import type { GridRowWithoutId } from '../core/layouts/readGridRows';
import { FRAMEWORKS_SHEET } from '../core/interchange/frameworkSheet';
import { planKeepingFramework } from '../core/interchange/frameworkDataSheet';
import { storedFrameworks } from './storedFrameworks';
import type { FormulaMode } from '../core/layouts/formulas';
import type { GridReadiness } from '../core/layouts/gridShape';
import type { PlanCell, Rect } from '../core/layouts/plan';
import { REGISTRY_SHEET_NAME, type RegisteredSheet } from '../core/layouts/registry';
import { isProductTitle } from '../core/layouts/sheetTitles';
import { cellText } from './cellValue';
import { DEFAULT_SHEET_NAMES, workbookLayout, workbookSheetNames, type WorkbookLayout } from '../core/layouts/workbook';
import { parseRoster, type Roster } from '../core/roster';
import { gridRosterRows } from '../core/layouts/gridRosterRows';
import { readGrid } from './readGrid';
import { readInputRegions } from './readInputRegions';
import { renderedCharts, type SheetCharts } from './charts';
import { renderPlan } from './renderPlan';
import { readRegistry, registryFor, writeRegistry } from './workbookRegistry';

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
}

const WHY: Record<UnplacedRating['reason'], string> = {
  'person-not-in-plan': 'the person is not on the new roster',
  'competency-not-in-plan': 'the competency is not in the framework',
  'region-not-in-plan': 'the new workbook has no grid to hold it',
  'not-a-level': "not a level of the competency's scale",
  conflict:
    'the roster file (or a second row) gives another rating for the same person and competency; the grid keeps the one entered in the workbook',
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

/** A registered sheet still carries the title (or other first text) the product wrote; a user's sheet under the same name does not. */
function looksLikeOurs(ws: Worksheet, s: RegisteredSheet): boolean {
  if (isProductTitle(s.kind, cellText(ws.getCell('A1').value))) return true;
  // Sheets without a title (the hidden frameworks sheet) are recognised by the text the registry remembers.
  return s.signature !== undefined && cellText(ws.getCell(s.signature.cell).value) === s.signature.text;
}

/** True when the sheet has a value outside the rectangle the product wrote. */
function hasUserContentOutside(ws: Worksheet, footprint: Rect | null): boolean {
  let found = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (found) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (found || cell.value === null || cell.value === undefined || cell.value === '') return;
      const inside =
        footprint &&
        r - 1 >= footprint.row &&
        r - 1 < footprint.row + footprint.rows &&
        c - 1 >= footprint.col &&
        c - 1 < footprint.col + footprint.cols;
      if (!inside) found = true;
    });
  });
  return found;
}

/** Old ratings merged into the roster where they parse as levels; the rest set aside with a reason. */
function mergeRatings(
  model: FrameworkModel,
  roster: Roster,
  values: Map<string, PlanCell>,
  unplaced: UnplacedRating[],
): Map<string, PlanCell> {
  const people = new Map(roster.people.map((p) => [p.id, p]));
  const carry = new Map<string, PlanCell>();
  for (const [key, value] of values) {
    const { region, person, competency } = splitRatingKey(key);
    if (region !== 'ratings') {
      // Other entries (a cycle master's comments) are carried as they are: placed where the new plan has their region, else kept aside.
      if (region !== 'coverage-levels') carry.set(key, value);
      continue;
    }
    const comp = model.findCompetency(competency);
    const p = people.get(person);
    if (!comp || !p || comp.id !== competency) {
      carry.set(key, value); // carryRatings reports it as unplaced, with the reason
      continue;
    }
    const level = model.scaleOf(comp).tryParse(typeof value === 'number' ? String(value) : value);
    if (level === undefined) {
      unplaced.push({ person, competency, value, region, reason: 'not-a-level' });
      continue;
    }
    if (level === null) continue; // "N/A" and friends: not rated
    // The rating entered in the workbook stays in the grid; a different one from the roster file is set aside.
    const given = p.ratings.get(comp.id);
    if (given && given !== level) unplaced.push({ person, competency, value: given.code, region, reason: 'conflict' });
    p.ratings.set(comp.id, level);
    carry.set(ratingKey(region, person, competency), level.code);
  }
  return carry;
}

export function rebuildWorkbook(workbook: Workbook, model: FrameworkModel, options: RebuildOptions = {}): RebuildReport {
  const registry = readRegistry(workbook);
  const present = registry.sheets.filter((s) => workbook.getWorksheet(s.name));
  // Read before the old sheet goes: the frameworks kept so far stay, this one joins them.
  const stored = options.keepFramework ? storedFrameworks(workbook, options.fileName) : undefined;
  const ours = new Set(
    [...Object.values(DEFAULT_SHEET_NAMES), UNPLACED_SHEET_NAME, ...(stored ? [FRAMEWORKS_SHEET] : [])].map((n) => n.toLowerCase()),
  );
  const candidates = present.filter((s) => ours.has(s.wanted.toLowerCase()));
  const setAside: RebuildReport['setAside'] = [];
  const replace: RegisteredSheet[] = [];
  for (const s of candidates) {
    const ws = workbook.getWorksheet(s.name)!;
    if (s.damaged) setAside.push({ sheet: s.name, why: `its registry records do not add up (${s.damaged})` });
    else if (!looksLikeOurs(ws, s))
      setAside.push({ sheet: s.name, why: 'it is no longer the sheet the product wrote (its title is gone)' });
    else if (hasUserContentOutside(ws, s.footprint))
      setAside.push({ sheet: s.name, why: 'someone wrote in it outside the cells the product made' });
    else replace.push(s);
  }
  const { values, duplicates } = readInputRegions(workbook, [
    ...replace,
    ...setAside.map((a) => present.find((p) => p.name === a.sheet)!).filter((s) => !s.damaged),
  ]);

  let roster = options.roster;
  let withoutId: GridRowWithoutId[] = [];
  if (!roster) {
    const oldGrid = replace.find((s) => s.kind === 'grid') ?? present.find((s) => s.kind === 'grid');
    if (oldGrid) {
      const grid = readGrid(workbook, oldGrid.name, options.fileName);
      withoutId = grid.problems.filter((x) => !x.blank);
      roster = parseRoster(gridRosterRows(grid), model, { source: `${options.fileName ?? 'workbook'}, sheet "${oldGrid.name}"` });
    }
  }

  const unplaced: UnplacedRating[] = [...duplicates];
  const carry = roster
    ? mergeRatings(model, roster, values, unplaced)
    : new Map([...values].filter(([k]) => splitRatingKey(k).region !== 'coverage-levels'));
  const coverageLevels = new Map<string, string>();
  for (const [key, value] of values) {
    const { region, competency } = splitRatingKey(key);
    if (region === 'coverage-levels' && value !== null) coverageLevels.set(competency, String(value));
  }

  const replacedNames = new Set(replace.map((s) => s.name.toLowerCase()));
  const taken = workbook.worksheets.map((w) => w.name).filter((n) => !replacedNames.has(n.toLowerCase()) && n !== REGISTRY_SHEET_NAME);
  const layout = workbookLayout(model, {
    roster,
    formulas: options.formulas,
    readiness: options.readiness,
    roles: options.roles,
    sheetNames: workbookSheetNames(taken),
    coverageLevels,
  });
  const plan = stored ? planKeepingFramework(layout.plan, stored, model.data) : layout.plan;
  const carried = carryRatings(plan, carry, { alsoUnplaced: distinct(unplaced) });

  // The product's names that the new plan defines again, or that point into a replaced sheet, go.
  const newNames = new Set(carried.plan.names.map((n) => n.name.toLowerCase()));
  const pointsIntoReplaced = (ranges: string[]) =>
    ranges.some((r) => replacedNames.has(r.slice(0, r.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'").toLowerCase()));
  const model0 = workbook.definedNames.model;
  const dropped = new Set(
    model0
      .filter((n) => registry.names.includes(n.name) && (newNames.has(n.name.toLowerCase()) || pointsIntoReplaced(n.ranges)))
      .map((n) => n.name),
  );
  workbook.definedNames.model = model0.filter((n) => !dropped.has(n.name) && !newNames.has(n.name.toLowerCase()));
  for (const s of replace) workbook.removeWorksheet(workbook.getWorksheet(s.name)!.id);

  const rendered = renderPlan(workbook, carried.plan);
  const unplacedSheet = rendered.sheets.find((s) => s.plan.kind === 'unplaced')?.name;
  const warnings = withoutId.map(
    (p) =>
      `${p.message}: it is left out of the new grid, and its ratings are kept on "${unplacedSheet ?? UNPLACED_SHEET_NAME}" as "${p.key}"`,
  );
  const kept = present.filter((s) => !replace.includes(s) && !setAside.some((a) => a.sheet === s.name));
  const next = registryFor(
    rendered,
    carried.plan.title,
    carried.plan.names.map((n) => n.name),
  );
  const keptNames = registry.names.filter((n) => !dropped.has(n) && !newNames.has(n.toLowerCase()));
  // A cycle workbook's records (which cycle, what was issued and returned) outlive a rebuild of its sheets.
  writeRegistry(workbook, { sheets: [...kept, ...next.sheets], names: [...keptNames, ...next.names], cycle: registry.cycle });

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
  };
}
