/**
 * The person view: pick a person (a dropdown of the grid's ids) and the table
 * under it shows their rating on each competency beside their role's target
 * and the next role's, with a radar chart of the three. Every cell follows the
 * pick with INDEX/MATCH on the grid (no dynamic arrays, so Excel 2016 works);
 * the targets come from the workbook's target table (CM_Targets_Values,
 * written with the grid) on the rows the grid gives the person's role and
 * next role, so an edited target or a changed role shows too.
 */
import type { ChartPlan, ListValidation, Rect, SheetPlan } from '../../layouts/plan';
import { columnLetters, quoteSheet } from '../../layouts/a1';
import { productName } from '../../layouts/definedNames';
import { CHART_PALETTE } from '../../layouts/chartPalette';
import type { GridGeometry } from '../../layouts/grid';
import type { FrameworkModel } from '../../framework/model';
import type { Scale } from '../../scale';
import { excelText } from '../levelReader';
import { SheetCanvas, formula } from './sheetCanvas';

/** The fixed places of the person view (0-based). */
export const PERSON_VIEW = {
  pickRow: 3,
  pickCol: 1,
  /** Hidden helper: the picked person's row among the grid's people (MATCH). */
  matchCol: 4,
  detailRows: ['Name', 'Role', 'Next role', 'Manager'] as const,
  headerRow: 9,
  firstCompetencyRow: 10,
  chartCol: 5,
} as const;

export interface PersonViewInput {
  name: string;
  model: FrameworkModel;
  geometry: GridGeometry;
  /** The grid's values from A1, for the values shown before the workbook recalculates. */
  rows: readonly (readonly unknown[])[];
  /** The competencies shown: their index among the grid's competencies, and their names. */
  competencies: readonly { j: number; name: string }[];
  scale: Scale;
}

export interface PersonViewLayout {
  pick: { row: number; col: number };
  /** Rating, role target, next role target: one column each, one row per competency. */
  table: Rect;
}

export function personViewSheet(input: PersonViewInput): { sheet: SheetPlan; layout: PersonViewLayout } {
  const { geometry: g, rows, competencies } = input;
  const P = PERSON_VIEW;
  const grid = quoteSheet(g.sheetName);
  const people = Math.max(1, g.personCount);
  const column = (col: number) =>
    `${grid}!$${columnLetters(col)}$${g.firstPersonRow + 1}:$${columnLetters(col)}$${g.firstPersonRow + people}`;
  // Shown first: the first person with a next role (so all three series draw), else the first person.
  const rowOf = (i: number) => rows[g.firstPersonRow + i] ?? [];
  const withNext =
    g.nextRoleCol === undefined
      ? -1
      : (Array.from({ length: g.personCount }, (_, i) => i).find((i) => excelText(rowOf(i)[g.nextRoleCol!]) !== '') ?? -1);
  const shown = Math.max(0, withNext);
  const first = rowOf(shown);
  const cached = (col: number | undefined) => (col === undefined ? '' : (first[col] ?? ''));
  const at = (col: number) => `$${columnLetters(col)}$${P.pickRow + 1}`;
  const match = at(P.matchCol);
  const pick = at(P.pickCol);
  const lookup = (col: number) => `IF(${match}="","",INDEX(${column(col)},${match},1))`;

  const canvas = new SheetCanvas();
  canvas.set(0, 0, 'Person view');
  canvas.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'cal-title');
  canvas.set(
    1,
    0,
    `Pick a person's id in the blue cell: the table and the chart show their ratings against their role's targets and the next role's, from "${g.sheetName}". Personnel data: show it to the people who may see this person's ratings.`,
  );
  canvas.style({ row: 1, col: 0, rows: 1, cols: 1 }, 'cal-note');

  canvas.set(P.pickRow, 0, 'Person (id)');
  canvas.set(P.pickRow, P.pickCol, excelText(cached(g.idCol)) || null);
  canvas.style({ row: P.pickRow, col: P.pickCol, rows: 1, cols: 1 }, 'cal-input');
  canvas.set(P.pickRow, P.matchCol, formula(`IFERROR(MATCH(${pick},${column(g.idCol)},0),"")`, g.personCount ? shown + 1 : ''));
  canvas.style({ row: P.pickRow, col: P.matchCol, rows: 1, cols: 1 }, 'cal-helper');
  const details = [g.nameCol, g.roleCol, g.nextRoleCol, g.managerCol];
  P.detailRows.forEach((label, k) => {
    const col = details[k];
    canvas.set(P.pickRow + 1 + k, 0, label);
    // &"" shows an empty cell as empty text, not 0.
    canvas.set(P.pickRow + 1 + k, P.pickCol, col === undefined ? '' : formula(`${lookup(col)}&""`, excelText(cached(col))));
  });
  canvas.style({ row: P.pickRow, col: 0, rows: 1 + P.detailRows.length, cols: 1 }, 'cal-label');

  canvas.setRow(P.headerRow, 0, ['Competency', 'Rating', 'Role target', 'Next role target']);
  canvas.style({ row: P.headerRow, col: 0, rows: 1, cols: 4 }, 'cal-header');
  const targets = productName('Targets', 'Values');
  const roleNamed = (col: number | undefined) =>
    input.model.roles.find((r) => r.name.toLowerCase() === excelText(cached(col)).toLowerCase());
  const role = roleNamed(g.roleCol);
  const nextRole = roleNamed(g.nextRoleCol);
  // A target value from the workbook's target table, on the row the grid gives the role (its role-number column).
  const target = (numberCol: number, j: number) =>
    `IF(${match}="","",IFERROR(INDEX(${targets},INDEX(${column(numberCol)},${match},1),${j + 1}),""))`;
  competencies.forEach(({ j, name }, i) => {
    const r = P.firstCompetencyRow + i;
    const competency = input.model.findCompetency(g.competencyIds[j]);
    const valueOf = (r?: typeof role) => (r && competency ? (input.model.target(r, competency)?.value ?? '') : '');
    canvas.set(r, 0, name);
    canvas.set(r, 1, formula(lookup(g.valueCols[j]), cached(g.valueCols[j]) as number | string));
    canvas.set(r, 2, formula(target(g.roleNumberCol, j), valueOf(role)));
    canvas.set(r, 3, g.nextRoleNumberCol === undefined ? '' : formula(target(g.nextRoleNumberCol, j), valueOf(nextRole)));
  });
  const C = competencies.length;
  canvas.style({ row: P.firstCompetencyRow, col: 0, rows: C, cols: 1 }, 'cal-text');
  canvas.style({ row: P.firstCompetencyRow, col: 1, rows: C, cols: 3 }, 'cal-count');

  const table: Rect = { row: P.firstCompetencyRow, col: 1, rows: C, cols: 3 };
  const series = (col: number) => ({ row: P.firstCompetencyRow, col, rows: C, cols: 1 });
  const chart: ChartPlan = {
    id: 'person-view-radar',
    kind: 'radar',
    title: "Ratings against the role's and the next role's targets",
    anchor: { row: P.pickRow, col: P.chartCol, rows: Math.max(18, C + 8), cols: 7 },
    categories: series(0),
    series: [
      { name: 'Rating', values: series(1), color: CHART_PALETTE.actual },
      { name: 'Role target', values: series(2), color: CHART_PALETTE.expected },
      ...(g.nextRoleNumberCol === undefined ? [] : [{ name: 'Next role target', values: series(3), color: CHART_PALETTE.next }]),
    ],
    valueAxis: { min: 0, max: Math.max(...input.scale.levels.map((l) => l.value)) },
  };
  const validation: ListValidation = {
    range: { row: P.pickRow, col: P.pickCol, rows: 1, cols: 1 },
    source: column(g.idCol),
    title: 'Person',
    prompt: 'Pick the id of the person to show.',
    errorMessage: 'Pick an id from the list: the ids of the people on the grid.',
  };
  canvas.validations.push(validation);
  const sheet = canvas.toSheet(input.name, 'calibration', {
    charts: [chart],
    columnWidths: [
      { col: 0, width: 26 },
      { col: 1, width: 16 },
      { col: 2, width: 12 },
      { col: 3, width: 12 },
      { col: P.matchCol, width: 6, hidden: true },
    ],
  });
  return { sheet, layout: { pick: { row: P.pickRow, col: P.pickCol }, table } };
}
