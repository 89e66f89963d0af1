/**
 * Several grids on one framework calibrated together: a "Pooled" sheet holds
 * one row per person of every grid, each cell a live formula on the grid it
 * comes from (=IF('Team A'!E5="","",'Team A'!E5), so a blank stays blank), in
 * the columns a grid has. The pack is then built on the pooled sheet exactly as
 * on one grid: rater statistics over every manager, role x competency
 * expectations over everyone. Grids on different frameworks are not pooled (a
 * level on one framework is not a level on another), and a person on two
 * grids (the one id rule, personIdKey) is refused: counted twice, they would
 * weigh double in every figure.
 */
import { cellRef, quoteSheet } from '../layouts/a1';
import type { GridGeometry } from '../layouts/grid';
import type { PlanCell, SheetPlan } from '../layouts/plan';
import { uniqueSheetName } from '../layouts/sheetNames';
import { personIdKey } from '../personId';
import { CompetencyError, listForHumans } from '../problems';
import { calibrateGrid, type GridCalibration, type GridCalibrationInput } from './calibrateGrid';
import { SheetCanvas } from './sheets/sheetCanvas';
import { flatText } from '../flatText';

export interface PooledMember {
  /** Whose grid it is (a team's label), shown in the pooled sheet's Grid column. */
  label: string;
  geometry: GridGeometry;
  /** The grid sheet's cell values from A1. */
  rows: readonly (readonly unknown[])[];
}

export interface PooledGrids {
  /** The pooled sheet, to be written with the pack. */
  sheet: SheetPlan;
  /** Its geometry, in the shape of a grid's: what calibrateGrid reads. */
  geometry: GridGeometry;
  /** Its values from A1 (the grids' values now), what the formulas give. */
  rows: unknown[][];
}

const HEADER_ROW = 2;
const FIRST_ROW = HEADER_ROW + 1;
/** Columns of a person's details, in the order the pooled sheet shows them (after the Grid column). */
const DETAILS = [
  ['Id', 'idCol'],
  ['Name', 'nameCol'],
  ['Role', 'roleCol'],
  ['Next role', 'nextRoleCol'],
  ['Manager', 'managerCol'],
  ['Meets %', 'meetsCol'],
  ['Readiness', 'readinessCol'],
  ['Blocking', 'blockingCol'],
  ['Role no.', 'roleNumberCol'],
  ['Next role no.', 'nextRoleNumberCol'],
] as const;
type DetailKey = (typeof DETAILS)[number][1];

/** Why these grids cannot be pooled (they are on different frameworks, named), or undefined when they can. */
export function differentFrameworks(grids: readonly { label: string; frameworkId: string }[]): string | undefined {
  const frameworks = [...new Set(grids.map((g) => g.frameworkId))];
  if (frameworks.length <= 1) return undefined;
  const which = frameworks.map((f) => `"${f}" (${listForHumans(grids.filter((g) => g.frameworkId === f).map((g) => `"${g.label}"`))})`);
  return `grids on different frameworks cannot be calibrated together: ${listForHumans(which, 'and')}; a level on one framework is not a level on another. Calibrate the grids of one framework together, or each grid on its own`;
}

function requireOneFramework(members: readonly PooledMember[]): void {
  const why = differentFrameworks(members.map((m) => ({ label: m.label, frameworkId: m.geometry.frameworkId })));
  if (why) throw new CompetencyError('invalid-argument', why);
}

/** The pooled sheet's name before it is made unique: what an earlier pack of the same grids was called. */
export function pooledSheetName(labels: readonly string[]): string {
  return uniqueSheetName(`Pooled ${labels.join(' + ')}`, []);
}

/** A person on two grids would be counted twice: refused, naming them and the grids. */
function requireEachPersonOnce(members: readonly PooledMember[]): void {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const m of members) {
    for (const id of m.geometry.personIds) {
      const key = personIdKey(id);
      const first = seen.get(key);
      if (first !== undefined && first !== m.label) twice.push(`${id.trim()} (on "${first}" and "${m.label}")`);
      else seen.set(key, m.label);
    }
  }
  if (twice.length) {
    const shown = listForHumans(twice.slice(0, 5)) + (twice.length > 5 ? ` and ${twice.length - 5} more` : '');
    throw new CompetencyError(
      'invalid-roster',
      `${twice.length === 1 ? 'a person is' : `${twice.length} people are`} on two of the grids: ${shown}; a pooled calibration counts each person once. Take them off one grid (rebuild it without them), or calibrate the grids one at a time`,
    );
  }
}

/** The live copy of one grid cell, and what it holds now. */
function copied(member: PooledMember, row: number, col: number | undefined): PlanCell {
  if (col === undefined || col < 0) return null;
  const at = `${quoteSheet(member.geometry.sheetName)}!${cellRef(row, col, true)}`;
  const now = member.rows[row]?.[col];
  return { formula: flatText(`IF(${at}="","",${at})`), result: now === null || now === undefined ? '' : (now as string | number) };
}

export function poolGrids(members: readonly PooledMember[], takenSheetNames: readonly string[]): PooledGrids {
  if (members.length < 2) throw new Error('poolGrids: pool two grids or more');
  requireOneFramework(members);
  requireEachPersonOnce(members);
  const sheetName = uniqueSheetName(pooledSheetName(members.map((m) => m.label)), takenSheetNames);

  // A detail column is pooled where every grid has it (a grid without readiness has no Blocking to pool).
  const has = (key: DetailKey) => members.every((m) => m.geometry[key] !== undefined && m.geometry[key]! >= 0);
  const detailCols = new Map<DetailKey, number>();
  let col = 1;
  for (const [, key] of DETAILS) if (has(key)) detailCols.set(key, col++);
  // Competencies in the first grid's order, then any only a later grid has.
  const competencyIds: string[] = [];
  const scaleIds: string[] = [];
  for (const m of members)
    m.geometry.competencyIds.forEach((id, j) => {
      if (!competencyIds.includes(id)) (competencyIds.push(id), scaleIds.push(m.geometry.scaleIds[j]));
    });
  const ratingCols = competencyIds.map((_, k) => col + k);
  const valueCols = competencyIds.map((_, k) => col + competencyIds.length + k);
  const personIds = members.flatMap((m) => m.geometry.personIds);

  const canvas = new SheetCanvas();
  canvas.set(0, 0, `Pooled grids: ${listForHumans(members.map((m) => `"${m.geometry.sheetName}"`))}`);
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  canvas.set(
    1,
    0,
    'Helper for the calibration of these grids together: every cell is a formula on the grid it comes from. Do not edit here: change ratings on the grids and every figure follows.',
  );
  canvas.style({ row: 1, col: 0, rows: 1, cols: 1 }, 'cal-note');
  const headers: PlanCell[] = ['Grid', ...DETAILS.filter(([, k]) => detailCols.has(k)).map(([h]) => h)];
  const firstOf = members[0].geometry;
  // The rating and value headings are the competency ids (the grids' headings may differ in wording).
  canvas.setRow(HEADER_ROW, 0, [...headers, ...competencyIds, ...competencyIds.map((id) => `${id} value`)]);
  canvas.style({ row: HEADER_ROW, col: 0, rows: 1, cols: col + 2 * competencyIds.length }, 'cal-header');

  let row = FIRST_ROW;
  for (const m of members) {
    const g = m.geometry;
    for (let i = 0; i < g.personCount; i++, row++) {
      const from = g.firstPersonRow + i;
      canvas.set(row, 0, m.label);
      for (const [key, to] of detailCols) canvas.set(row, to, copied(m, from, g[key]));
      competencyIds.forEach((id, k) => {
        const j = g.competencyIds.indexOf(id);
        canvas.set(row, ratingCols[k], j < 0 ? null : copied(m, from, g.ratingCols[j]));
        canvas.set(row, valueCols[k], j < 0 ? null : copied(m, from, g.valueCols[j]));
      });
    }
  }
  canvas.width(0, 18);
  const sheet = canvas.toSheet(sheetName, 'calibration');
  const rows = (sheet.blocks[0]?.cells ?? []).map((r) =>
    r.map((c) => (c !== null && typeof c === 'object' && 'formula' in c ? (c.result ?? '') : c)),
  );
  const people = personIds.length;
  const rect = (cols: number[]) => ({ row: FIRST_ROW, col: cols[0] ?? 0, rows: people, cols: cols.length });
  const readinessOf = members.some((m) => m.geometry.readiness === 'tolerant') ? 'tolerant' : firstOf.readiness;
  const geometry: GridGeometry = {
    ...firstOf,
    sheetName,
    headerRow: HEADER_ROW,
    keyRow: HEADER_ROW,
    firstPersonRow: FIRST_ROW,
    personCount: people,
    personIds,
    idCol: detailCols.get('idCol')!,
    nameCol: detailCols.get('nameCol')!,
    roleCol: detailCols.get('roleCol')!,
    managerCol: detailCols.get('managerCol')!,
    meetsCol: detailCols.get('meetsCol') ?? -1,
    shortfallCol: -1,
    readiness: has('blockingCol') ? readinessOf : 'none',
    nextRoleCol: detailCols.get('nextRoleCol'),
    readinessCol: detailCols.get('readinessCol'),
    readyCol: undefined,
    blockingCol: detailCols.get('blockingCol'),
    readinessThresholdCell: undefined,
    roleNumberCol: detailCols.get('roleNumberCol') ?? -1,
    nextRoleNumberCol: detailCols.get('nextRoleNumberCol'),
    competencyIds,
    scaleIds,
    ratingCols,
    targetCols: [],
    gapCols: [],
    valueCols,
    ratings: rect(ratingCols),
    targets: rect([]),
    gaps: rect([]),
    values: rect(valueCols),
    pooled: true,
  };
  return { sheet, geometry, rows: rows as unknown[][] };
}

export interface PooledCalibrationInput extends Omit<GridCalibrationInput, 'geometry' | 'rows' | 'origin'> {
  members: readonly PooledMember[];
}

/** The calibration pack of several grids together: the pooled sheet, then the pack built on it as on one grid. */
export function calibratePooledGrids(input: PooledCalibrationInput): GridCalibration & { pooledSheet: string } {
  const { members, ...rest } = input;
  const taken = [...(input.takenSheetNames ?? []), ...members.map((m) => m.geometry.sheetName)];
  const pool = poolGrids(members, taken);
  const pack = calibrateGrid({ ...rest, geometry: pool.geometry, rows: pool.rows, takenSheetNames: [...taken, pool.sheet.name] });
  pack.plan.sheets.push(pool.sheet);
  return { ...pack, pooledSheet: pool.sheet.name };
}
