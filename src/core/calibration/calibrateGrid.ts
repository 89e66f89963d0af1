/**
 * From a team grid to a calibration pack: the one call the task pane and the
 * command line make. It takes the grid's values as rows of cells (what
 * Office.js `range.values` or a workbook reader returns) and the grid's
 * geometry, and returns the plan of the calibration sheets with everything a
 * user should be told.
 */
import type { FrameworkModel } from '../framework/model';
import { selfDifferences } from './selfDifferences';
import type { Scale } from '../scale';
import type { GridGeometry } from '../layouts/grid';
import { calibrationPlan, type CalibrationPlan } from '../layouts/calibration';
import { CompetencyError, listForHumans } from '../problems';
import type { GridSource } from './gridSource';
import type { RatingMatrix } from './ratingMatrix';
import type { RoleStep } from './readiness';
import { excelText } from './levelReader';
import { ratingsFromGridRows } from './ratingsFromGridRows';
import type { CalibrationSettingsInput } from './settings';
import type { RatingSnapshot } from './snapshot';
import type { TalentCutoffs } from './talentGrid';
import { personViewSheet } from './sheets/personViewSheet';
import { uniqueSheetName } from '../layouts/sheetNames';

export interface GridCalibrationInput {
  model: FrameworkModel;
  geometry: GridGeometry;
  /** The grid sheet's cell values; rows[i][j] is the cell at (origin.row + i, origin.col + j), 0-based. */
  rows: readonly (readonly unknown[])[];
  /** Where `rows` starts on the sheet; A1 ({row: 0, col: 0}) by default. */
  origin?: { row: number; col: number };
  /** Calibrate the competencies on this scale; by default the scale most of the grid's competencies use. */
  scaleId?: string;
  settings?: CalibrationSettingsInput;
  /** Sheet names already in the workbook, so the new sheets get unique names. */
  takenSheetNames?: readonly string[];
  /** Add a snapshot of the ratings now (cycle label, ISO date): the baseline of a meeting's before/after. */
  snapshot?: { cycle: string; taken: string };
  /** Compare with this earlier cycle's snapshot instead (see readSnapshot). */
  earlier?: RatingSnapshot;
  /** The sheet of this workbook that holds `earlier`, when it is there already. */
  earlierSheet?: string;
  /** A cycle master's "Self ratings" sheet (its name and cells as rows from A1): the rater table gains the mean self − manager. */
  selfRatings?: { sheet: string; rows: readonly (readonly unknown[])[] };
  /** The talent grid's cut-offs, e.g. as an earlier pack's sheet had them (defaults otherwise). */
  talentCutoffs?: TalentCutoffs;
}

export interface GridCalibration extends CalibrationPlan {
  matrix: RatingMatrix;
  /** What the user should know: competencies left out, entries not counted. */
  warnings: string[];
}

/** The scale most competencies of the grid use (the first of them on a tie). */
function mainScale(scaleIds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const id of scaleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best = scaleIds[0];
  for (const [id, n] of counts) if (n > (counts.get(best) ?? 0)) best = id;
  return best;
}

/**
 * The scale a grid is calibrated on (the one most of its competencies use,
 * unless one is asked for) and the grid columns on it. Scales come from the
 * framework: a grid read back from a file knows its competencies, not their scales.
 */
export function gridScale(
  model: FrameworkModel,
  competencyIds: readonly string[],
  wanted?: string,
): { scale: Scale; picked: { id: string; j: number }[]; warnings: string[] } {
  const warnings: string[] = [];
  const scaleIds = competencyIds.map((id) => model.findCompetency(id)?.scale);
  const unknown = competencyIds.filter((_, j) => scaleIds[j] === undefined);
  if (unknown.length === competencyIds.length) {
    throw new CompetencyError(
      'unknown-competency',
      `none of the grid's competencies (${listForHumans(unknown.slice(0, 5))}) is in ${model.name}; calibrate it with the framework it was made with`,
    );
  }
  if (unknown.length)
    warnings.push(
      `${unknown.length} grid columns are not competencies of ${model.name} and are left out: ${listForHumans(unknown.slice(0, 5))}.`,
    );
  const known = scaleIds.filter((id): id is string => id !== undefined);
  const scaleId = wanted ?? mainScale(known);
  if (!known.includes(scaleId)) {
    throw new CompetencyError(
      'invalid-argument',
      `no competency of the grid uses the scale "${scaleId}"; its scales are ${listForHumans([...new Set(known)])}`,
    );
  }
  const scale = model.scale(scaleId);
  const picked = competencyIds.map((id, j) => ({ id, j })).filter(({ j }) => scaleIds[j] === scaleId);
  const other = known.length - picked.length;
  if (other) {
    warnings.push(
      `${other} competencies use another scale than ${scale.name} and are left out: a mean across different scales means nothing. Calibrate them with the scale option.`,
    );
  }
  return { scale, picked, warnings };
}

/** What a grid's values hold for calibration: the ratings on one scale, where they sit, and what to tell the user. */
export interface GridRatings {
  matrix: RatingMatrix;
  grid: GridSource;
  warnings: string[];
}

/** Reads the ratings of a grid (rows of cell values plus its geometry) on the grid's calibration scale. */
export function readGridRatings(input: Pick<GridCalibrationInput, 'model' | 'geometry' | 'rows' | 'origin' | 'scaleId'>): GridRatings {
  const { model, geometry: g } = input;
  if (!g.competencyIds.length)
    throw new CompetencyError('invalid-roster', `the grid "${g.sheetName}" has no competency columns to calibrate`);
  const { scale, picked, warnings } = gridScale(model, g.competencyIds, input.scaleId);
  const grid: GridSource = {
    sheet: g.sheetName,
    firstRow: g.firstPersonRow,
    rows: g.personCount,
    idCol: g.idCol,
    nameCol: g.nameCol,
    roleCol: g.roleCol,
    managerCol: g.managerCol,
    ratingCols: picked.map(({ j }) => g.ratingCols[j]),
    blockingCol: g.blockingCol !== undefined && g.blockingCol >= 0 ? g.blockingCol : undefined,
    meetsCol: g.meetsCol,
    readinessCol: g.readinessCol !== undefined && g.readinessCol >= 0 ? g.readinessCol : undefined,
    ...(g.performanceCol !== undefined && g.potentialCol !== undefined
      ? { performanceCol: g.performanceCol, potentialCol: g.potentialCol }
      : {}),
    pooled: g.pooled,
  };
  const competencies = picked.map(({ id }) => ({ id, name: model.findCompetency(id)?.name ?? id }));
  const { matrix, notCounted } = ratingsFromGridRows(input.rows, grid, scale, competencies, input.origin);
  if (notCounted.length) {
    const shown = notCounted.slice(0, 5).map((e) => `row ${e.row}, ${e.competency}: "${e.text}"`);
    const more = notCounted.length > 5 ? ` and ${notCounted.length - 5} more` : '';
    warnings.push(
      `${notCounted.length} grid entries are not level codes of ${scale.name} and are not counted (${shown.join('; ')}${more}); pick a level from the dropdown in those cells.`,
    );
  }
  return { matrix, grid, warnings };
}

export function calibrateGrid(input: GridCalibrationInput): GridCalibration {
  const { matrix, grid, warnings } = readGridRatings(input);
  const scale = matrix.scale;
  warnings.push(...readinessNotes(input.geometry));
  if (input.earlier && input.earlier.scaleId && input.earlier.scaleId !== scale.id) {
    warnings.push(
      `the earlier snapshot "${input.earlier.cycle}" was taken on the scale "${input.earlier.scaleId}", not ${scale.id}; its levels are read as codes of ${scale.name}.`,
    );
  }
  const pack = calibrationPlan({
    matrix,
    grid,
    settings: input.settings,
    takenSheetNames: input.takenSheetNames,
    roles: roleSteps(input.model, input.rows, input.geometry, input.origin ?? { row: 0, col: 0 }),
    snapshot: input.snapshot,
    earlier: input.earlier,
    earlierSheet: input.earlierSheet,
    self: input.selfRatings && selfDifferences(input.selfRatings.sheet, input.selfRatings.rows, matrix),
    talentCutoffs: input.talentCutoffs,
  });
  // The person view reads the grid's targets and values by column, so it is laid out from the grid's geometry here.
  const person = uniqueSheetName('Person view', [
    ...(input.takenSheetNames ?? []),
    input.geometry.sheetName,
    ...pack.plan.sheets.map((s) => s.name),
  ]);
  const view = personViewSheet({
    name: person,
    model: input.model,
    geometry: input.geometry,
    rows: originRows(input.rows, input.origin),
    competencies: matrix.competencies.map((c) => ({ j: input.geometry.competencyIds.indexOf(c.id), name: c.name })),
    scale,
  });
  const data = pack.plan.sheets.findIndex((s) => s.name === pack.sheetNames.data);
  pack.plan.sheets.splice(data, 0, view.sheet);
  return { ...pack, sheetNames: { ...pack.sheetNames, person }, matrix, warnings };
}

/** Rows from A1, whatever `origin` the caller's rows start at. */
function originRows(rows: GridCalibrationInput['rows'], origin = { row: 0, col: 0 }): (readonly unknown[])[] {
  if (!origin.row && !origin.col) return rows as (readonly unknown[])[];
  const out: unknown[][] = [];
  rows.forEach((r, i) => (out[origin.row + i] = [...Array<unknown>(origin.col).fill(null), ...r]));
  return out;
}

/** What the calibration's readiness table can and cannot show for this grid's readiness mode. */
export function readinessNotes(g: GridGeometry): string[] {
  if (g.blockingCol === undefined) {
    return [
      `the grid "${g.sheetName}" has no readiness columns (built with readiness "none"), so the calibration has no readiness table; rebuild the grid with readiness "strict" or "tolerant" to get one.`,
    ];
  }
  if (g.readiness === 'tolerant') {
    return [
      `the grid "${g.sheetName}" judges readiness with the tolerant rule; the calibration's readiness table counts people with nothing blocking (the grid's Blocking column is 0), the strict rule.`,
    ];
  }
  return [];
}

/** The framework's roles with the next role the grid shows for each (the grid may cover only some roles). */
function roleSteps(
  model: FrameworkModel,
  rows: GridCalibrationInput['rows'],
  g: GridGeometry,
  origin: { row: number; col: number },
): RoleStep[] {
  const next = new Map<string, string>();
  for (let i = 0; i < g.personCount; i++) {
    const row = rows[g.firstPersonRow + i - origin.row];
    const role = excelText(row?.[g.roleCol - origin.col]).toLowerCase();
    const nextRole = g.nextRoleCol === undefined ? '' : excelText(row?.[g.nextRoleCol - origin.col]);
    if (role && !next.has(role)) next.set(role, nextRole);
  }
  return model.roles
    .filter((r) => next.has(r.name.toLowerCase()))
    .map((r) => {
      const shown = next.get(r.name.toLowerCase());
      return { name: r.name, nextRole: shown || undefined };
    });
}
