/**
 * A whole workbook as one plan: the proficiency matrix, the scale sheet, the
 * descriptor and role sheets where the framework has that text, and with a
 * roster the team grid and the target table it reads. Sheet names are decided
 * first (unique against the sheets already in the workbook) because formulas
 * name them.
 */
import type { FrameworkModel } from '../framework/model';
import type { Role } from '../framework/schema';
import { findBuiltInScale } from '../frameworks/library';
import type { Roster } from '../roster';
import type { LayoutPlan, NamedRange, SheetPlan } from './plan';
import { productName } from './definedNames';
import { descriptorSheet } from './descriptors';
import { GridFormulas, type FormulaMode, type ScaleRefs } from './formulas';
import { gridLayout, type GridGeometry } from './grid';
import type { GridReadiness } from './gridShape';
import { matrixLayout, type MatrixGeometry } from './matrix';
import { roleSheet } from './roleSheet';
import { scaleSheetLayout } from './scaleSheet';
import { uniqueSheetName } from './sheetNames';
import { LAYOUT_STYLES } from './styles';
import { targetTableLayout } from './targetTable';

export interface WorkbookSheetNames {
  grid: string;
  matrix: string;
  scales: string;
  descriptors: string;
  roles: string;
  targets: string;
}

export const DEFAULT_SHEET_NAMES: WorkbookSheetNames = {
  grid: 'Team grid',
  matrix: 'Matrix',
  scales: 'Scales',
  descriptors: 'Descriptors',
  roles: 'Roles',
  targets: 'Targets',
};

/** Our sheet names, each made unique against the names already taken (a user's "Matrix" is never replaced). */
export function workbookSheetNames(taken: Iterable<string> = [], wanted: WorkbookSheetNames = DEFAULT_SHEET_NAMES): WorkbookSheetNames {
  const used = [...taken];
  const out = {} as WorkbookSheetNames;
  for (const key of Object.keys(wanted) as (keyof WorkbookSheetNames)[]) {
    out[key] = uniqueSheetName(wanted[key], used);
    used.push(out[key]);
  }
  return out;
}

export interface WorkbookOptions {
  /** With a roster, the workbook gets a team grid. */
  roster?: Roster;
  formulas?: FormulaMode;
  /** The roles the workbook covers, in framework order; all by default. */
  roles?: readonly Role[];
  sheetNames?: WorkbookSheetNames;
  /** Coverage level per competency id, kept from an earlier grid. */
  coverageLevels?: ReadonlyMap<string, string>;
  /** Next-role readiness on the grid: 'strict' (default), 'tolerant' or 'none'. */
  readiness?: GridReadiness;
  /** Tolerant readiness: the share of the next role's targets to meet (0..1), 0.8 by default; editable on the grid. */
  readinessThreshold?: number;
}

export interface WorkbookLayout {
  plan: LayoutPlan;
  sheetNames: WorkbookSheetNames;
  matrix: MatrixGeometry;
  grid?: GridGeometry;
}

/**
 * The add-in's scale argument: a built-in scale by its id; any other scale by
 * its codes range, which the add-in reads as values 1..n. A scale whose
 * values are not 1..n gets no add-in argument, and its cells keep portable
 * formulas.
 */
function addinScaleArgument(scaleId: string, codes: string, model: FrameworkModel): string | undefined {
  const own = model.scale(scaleId);
  const builtIn = findBuiltInScale(scaleId);
  const same =
    builtIn &&
    builtIn.levels.length === own.levels.length &&
    builtIn.levels.every((l, i) => l.code === own.levels[i].code && l.value === own.levels[i].value);
  if (same) return `"${scaleId}"`;
  // The scale sheet writes codes as text, so the add-in reads a range as positions 1..n.
  return own.levels.every((l, i) => l.value === i + 1) ? codes : undefined;
}

export function workbookLayout(model: FrameworkModel, options: WorkbookOptions = {}): WorkbookLayout {
  const names = options.sheetNames ?? workbookSheetNames();
  const roles = options.roles ?? model.roles;
  const mode = options.formulas ?? 'portable';
  const formulas = new GridFormulas(mode);

  const scales = scaleSheetLayout(model, names.scales);
  const matrix = matrixLayout(model, names.matrix, { roles });
  const scaleRefs = (scaleId: string): ScaleRefs => {
    const t = scales.tables.get(scaleId)!;
    return { codes: t.codes, values: t.values, addinScale: addinScaleArgument(scaleId, t.codes, model) };
  };
  const definedNames: NamedRange[] = [
    ...scales.names,
    {
      name: productName('Matrix', 'Targets'),
      ref: matrix.geometry.targetsRef,
      comment: 'Target level codes: competencies down, roles across',
    },
  ];

  const sheets: SheetPlan[] = [];
  let grid: GridGeometry | undefined;
  let targetSheet: SheetPlan | undefined;
  if (options.roster) {
    const targets = targetTableLayout(model, names.targets, roles, matrix.geometry, scaleRefs, formulas, {
      floors: options.readiness === 'tolerant',
    });
    const g = gridLayout(model, options.roster, {
      sheetName: names.grid,
      roles,
      matrix: matrix.geometry,
      targets: targets.geometry,
      scaleRefs,
      formulas,
      coverageLevels: options.coverageLevels,
      readiness: options.readiness,
      readinessThreshold: options.readinessThreshold,
    });
    sheets.push(g.sheet);
    grid = g.geometry;
    targetSheet = targets.sheet;
    definedNames.push(
      { name: productName('Roles'), ref: targets.geometry.roleNamesRef, comment: 'Role names, lowest first' },
      {
        name: productName('Targets', 'Values'),
        ref: targets.geometry.valuesRef,
        comment: 'Target values: roles down, competencies across',
      },
    );
  }
  sheets.push(matrix.sheet, scales.sheet);
  const descriptors = descriptorSheet(model, names.descriptors);
  if (descriptors) sheets.push(descriptors);
  const roleText = roleSheet(model, names.roles, roles);
  if (roleText) sheets.push(roleText);
  if (targetSheet) sheets.push(targetSheet);

  const people = options.roster?.people.length;
  return {
    plan: {
      title: people ? `${model.name} workbook (${people} ${people === 1 ? 'person' : 'people'})` : `${model.name} matrix`,
      sheets,
      names: definedNames,
      styles: { ...LAYOUT_STYLES },
    },
    sheetNames: names,
    matrix: matrix.geometry,
    grid,
  };
}
