/**
 * One team grid among the workbook's others: its layout, with the sheets it
 * may share and the names of those it needs of its own. Both renderers apply
 * the plan as any other; what keeps the other grids untouched is that the plan
 * only holds sheets this grid owns (by wanted name), so no sheet another grid
 * reads is ever replaced.
 *
 * - The first grid of a workbook gets today's names ("Team grid", "Targets"...).
 * - Another grid is named after whose it is ("Team B grid"), with the
 *   framework in the name where the workbook's grids use more than one.
 * - A framework sheet (matrix, scales, targets...) another grid on the same
 *   framework uses is shared when this grid's would be cell for cell the same
 *   (same fingerprint); otherwise this grid gets its own, named after the
 *   framework (another framework) or the grid (the same one, laid out otherwise).
 * - Rebuilding a grid keeps its names, and replaces its own sheets in place.
 */
import type { FrameworkModel } from '../framework/model';
import type { NamedRange, SheetPlan } from './plan';
import type { Registry, RegisteredSheet } from './registry';
import { registeredSheet } from './registry';
import { uniqueSheetName } from './sheetNames';
import { productName } from './definedNames';
import { DEFAULT_SHEET_NAMES, workbookLayout, type WorkbookLayout, type WorkbookOptions, type WorkbookSheetNames } from './workbook';
import {
  FRAMEWORK_SHEET_ROLES,
  nextGridId,
  sheetFingerprint,
  type GridRecord,
  type GridSheetRecord,
  type GridSheetRole,
} from './gridRecords';

export interface GridPlacement {
  /** The registry as it is now (sheet names as they are now). */
  registry: Registry;
  /** The workbook's grids now (gridsOf). */
  grids: readonly GridRecord[];
  /** The grid to rebuild; a new grid is added when left out. */
  rebuild?: GridRecord;
  /** Whose a new grid is: a team, a table, the sheet a roster was selected on, a file. */
  label: string;
  /** ISO date and time, recorded with the grid. */
  writtenAt: string;
  /** Every sheet name in the workbook, so new names are unique. */
  taken: readonly string[];
}

export interface GridWorkbookLayout extends WorkbookLayout {
  /** This grid's record, as the registry will hold it. */
  record: GridRecord;
  /** True when the grid was added beside others (not the first, not a rebuild). */
  added: boolean;
  /** The sheets this grid shares with another grid, as they are named now. */
  shared: string[];
}

type Choice = { own: true; wanted: string } | { own: false; record: GridSheetRecord; entry: RegisteredSheet };

function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The sheet a defined name's reference points into ("'Team grid'!$A$1" -> "Team grid"). */
function refSheet(ref: string): string {
  const at = ref.lastIndexOf('!');
  return at < 0 ? '' : ref.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'");
}

/** Same shape as a sheet registered before fingerprints were kept: footprint, blocks and first text. */
function sameShape(entry: RegisteredSheet, fresh: RegisteredSheet): boolean {
  return (
    JSON.stringify([entry.footprint, entry.areas, entry.signature]) === JSON.stringify([fresh.footprint, fresh.areas, fresh.signature])
  );
}

type GridOptions = Omit<WorkbookOptions, 'sheetNames'> & { roster: NonNullable<WorkbookOptions['roster']> };

/** Where a grid goes, decided before its people are laid out: the sheet names, and which sheets it shares. */
export interface GridPlace {
  sheetNames: WorkbookSheetNames;
  /** The wanted names of the sheets the grid's plan writes (its own): the only sheets it may replace. */
  ownSheets: string[];
  /** The whole layout, for the roster as it is by then (ratings carried in). */
  layout(options: GridOptions): GridWorkbookLayout;
}

export function gridWorkbookLayout(model: FrameworkModel, options: GridOptions, at: GridPlacement): GridWorkbookLayout {
  return placeGrid(model, options, at).layout(options);
}

export function placeGrid(model: FrameworkModel, options: GridOptions, at: GridPlacement): GridPlace {
  const { registry, rebuild } = at;
  const others = at.grids.filter((g) => g.id !== rebuild?.id);
  const id = rebuild?.id ?? nextGridId(at.grids);
  const label = rebuild?.label ?? at.label;
  const first = !others.length;
  const frameworks = new Set([...others.map((g) => g.frameworkId).filter(Boolean), model.id]);
  const taken = [...at.taken, ...registry.sheets.map((s) => s.wanted)];
  const newName = (wanted: string) => {
    const name = uniqueSheetName(wanted, taken);
    taken.push(name);
    return name;
  };
  const mine = (role: GridSheetRole) => rebuild?.sheets.find((s) => s.role === role);
  const usedByOthers = (role: GridSheetRole, wanted: string) =>
    others.some((g) => g.sheets.some((s) => s.role === role && sameKey(s.wanted, wanted)));
  const registered = (wanted: string) => registry.sheets.find((s) => sameKey(s.wanted, wanted));

  const ownName = (role: GridSheetRole): string => {
    const kept = mine(role);
    if (kept && !usedByOthers(role, kept.wanted)) return kept.wanted;
    if (first) return DEFAULT_SHEET_NAMES[role];
    if (role === 'grid') return newName(frameworks.size > 1 ? `${label} grid (${model.id})` : `${label} grid`);
    const sameFramework = others.some((g) => g.frameworkId === model.id);
    return newName(`${DEFAULT_SHEET_NAMES[role]} (${sameFramework ? label : model.id})`);
  };

  // Grids of an old registry that does not say their framework are judged by their sheets' shape.
  const onFramework = [...others.filter((g) => g.frameworkId === model.id), ...others.filter((g) => !g.frameworkId)];
  // A framework sheet is shared when this grid uses it already, or another grid on the framework has it.
  const choices = new Map<GridSheetRole, Choice>();
  choices.set('grid', { own: true, wanted: ownName('grid') });
  for (const role of FRAMEWORK_SHEET_ROLES) {
    const kept = mine(role);
    const sharedNow = kept && usedByOthers(role, kept.wanted) ? kept : undefined;
    const candidate =
      sharedNow ?? (kept ? undefined : onFramework.flatMap((g) => g.sheets).find((s) => s.role === role && registered(s.wanted)));
    const entry = candidate && registered(candidate.wanted);
    choices.set(role, candidate && entry ? { own: false, record: candidate, entry } : { own: true, wanted: ownName(role) });
  }

  const names = () => {
    const out = { ...DEFAULT_SHEET_NAMES };
    for (const [role, c] of choices) out[role] = c.own ? c.wanted : c.entry.name;
    return out as WorkbookSheetNames;
  };
  // The framework's sheets do not depend on the people: one person is enough to see what they would hold.
  const probe = { ...options, roster: { ...options.roster, people: options.roster.people.slice(0, 1) } };
  // A shared sheet this grid would write otherwise gets a sheet of its own; each change can change others' cells, so again.
  let probed = workbookLayout(model, { ...probe, sheetNames: names() });
  for (let pass = 0; pass < FRAMEWORK_SHEET_ROLES.length; pass++) {
    let changed = false;
    for (const role of FRAMEWORK_SHEET_ROLES) {
      const c = choices.get(role)!;
      if (c.own) continue;
      const sheet = probed.plan.sheets.find((s) => s.name === c.entry.name);
      const fresh = sheet && registeredSheet(sheet, sheet.name, '');
      const same = sheet && fresh && (c.record.fingerprint ? c.record.fingerprint === sheetFingerprint(sheet) : sameShape(c.entry, fresh));
      if (!same) {
        choices.set(role, { own: true, wanted: ownName(role) });
        changed = true;
      }
    }
    if (!changed) break;
    probed = workbookLayout(model, { ...probe, sheetNames: names() });
  }

  const sharedNames = new Set<string>();
  for (const c of choices.values()) if (!c.own) sharedNames.add(c.entry.name.toLowerCase());
  const sheetNames = names();
  const ownSheets = probed.plan.sheets.filter((s) => !sharedNames.has(s.name.toLowerCase())).map((s) => s.name);

  return {
    sheetNames,
    ownSheets,
    layout(final: GridOptions): GridWorkbookLayout {
      const layout = workbookLayout(model, { ...final, sheetNames });
      const sheets: SheetPlan[] = layout.plan.sheets.filter((s) => !sharedNames.has(s.name.toLowerCase()));
      const record: GridRecord = {
        id,
        label,
        frameworkId: model.id,
        people: final.roster.people.length,
        writtenAt: at.writtenAt,
        sheets: [],
      };
      for (const [role, c] of choices) {
        if (!c.own) record.sheets.push({ ...c.record, role });
        else {
          const sheet = sheets.find((s) => s.name === c.wanted);
          if (sheet) record.sheets.push({ role, wanted: c.wanted, ...(role === 'grid' ? {} : { fingerprint: sheetFingerprint(sheet) }) });
        }
      }
      const grids = at.grids.some((g) => g.id === id) ? at.grids.map((g) => (g.id === id ? record : g)) : [...at.grids, record];
      return {
        ...layout,
        plan: { ...layout.plan, sheets, names: gridNames(layout.plan.names, sharedNames, id === 'g1' ? undefined : label), grids },
        record,
        added: !rebuild && !first,
        shared: layout.plan.sheets.filter((s) => sharedNames.has(s.name.toLowerCase())).map((s) => s.name),
      };
    },
  };
}

/** The first grid's names as they always were; another grid's names carry its label, and none point into a shared sheet. */
function gridNames(names: readonly NamedRange[], shared: ReadonlySet<string>, label: string | undefined): NamedRange[] {
  if (!label) return names.filter((n) => !shared.has(refSheet(n.ref).toLowerCase()));
  return names
    .filter((n) => !shared.has(refSheet(n.ref).toLowerCase()))
    .map((n) => ({ ...n, name: productName(n.name.replace(/^CM_/, ''), label) }));
}
