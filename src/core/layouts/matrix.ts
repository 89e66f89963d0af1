/**
 * The proficiency matrix: competencies grouped by category down, roles
 * across, the target level code in each cell, coloured by level value. Below
 * it, a legend of each scale (code, name, definition). The grid reads its
 * targets from this table, so editing a target here changes every grid gap
 * that depends on it.
 */
import type { FrameworkModel } from '../framework/model';
import type { Role } from '../framework/schema';
import type { Rect, SheetPlan } from './plan';
import { sheetRef } from './a1';
import { orderedCompetencies, scaleRuns, type OrderedCompetency } from './competencyOrder';
import { levelCodeHeatmap } from './heatmap';
import { MATRIX_HEADER, MATRIX_SHAPE } from './matrixShape';
import { SheetBuilder } from './sheetBuilder';
import { STYLE } from './styles';
import { sheetTitle } from './sheetTitles';
import { wrappedRowHeight } from './textHeight';

export interface MatrixGeometry {
  sheetName: string;
  /** The target codes: one row per competency (in `competencyIds` order), one column per role. */
  targets: Rect;
  /** Absolute reference to `targets`, e.g. "Matrix!$E$5:$H$13". */
  targetsRef: string;
  competencyIds: string[];
  roleIds: string[];
}

export interface MatrixLayout {
  sheet: SheetPlan;
  geometry: MatrixGeometry;
}

export interface MatrixOptions {
  /** The roles to show, in framework order; all of them by default. */
  roles?: readonly Role[];
}

function provenanceLine(model: FrameworkModel): string {
  const p = model.data.provenance;
  const year = p.year ? ` (${p.year})` : '';
  return `Source: ${p.title}, ${p.publisher}${year}. ${p.licence}`;
}

export function matrixLayout(model: FrameworkModel, sheetName: string, options: MatrixOptions = {}): MatrixLayout {
  const roles = options.roles ?? model.roles;
  const ordered: OrderedCompetency[] = orderedCompetencies(model);
  const { headerRow, firstCompetencyRow, firstRoleCol, columns } = MATRIX_SHAPE;
  const b = new SheetBuilder(sheetName, 'matrix');
  const n = ordered.length;

  const hasCategories = ordered.some((o) => o.categoryLabel);
  const widths = [
    hasCategories ? Math.min(36, Math.max(12, ...ordered.map((o) => o.categoryLabel.length))) : 12,
    42,
    18,
    16,
    ...roles.map(() => 14),
  ];
  widths.forEach((w, i) => b.width(i, w));

  b.cell(MATRIX_SHAPE.titleRow, 0, sheetTitle('matrix', model.name));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.note(
    MATRIX_SHAPE.noteRow,
    0,
    `Target level per role and competency; the legend below says what each level means. ${provenanceLine(model)}`,
    widths,
  );

  b.row(headerRow, 0, [...MATRIX_HEADER, ...roles.map((r) => r.name)]);
  b.style({ row: headerRow, col: 0, rows: 1, cols: widths.length }, STYLE.header);
  b.rowHeight(headerRow, wrappedRowHeight(roles.map((r) => ({ text: r.name, width: 14 }))));

  b.block(
    firstCompetencyRow,
    0,
    ordered.map(({ competency, categoryLabel }) => [
      categoryLabel,
      competency.name,
      competency.id,
      model.scaleOf(competency).name,
      ...roles.map((role) => model.target(role, competency)?.code ?? null),
    ]),
  );
  // First row of each category in bold, its repeats in grey: readable, yet every row filters.
  ordered.forEach(({ competency, categoryLabel }, i) => {
    const first = i === 0 || ordered[i - 1].categoryLabel !== categoryLabel;
    b.style({ row: firstCompetencyRow + i, col: columns.category, rows: 1, cols: 1 }, first ? STYLE.group : STYLE.muted);
    const height = wrappedRowHeight([
      { text: competency.name, width: widths[columns.competency] },
      { text: categoryLabel, width: widths[columns.category] },
    ]);
    if (height > 18) b.rowHeight(firstCompetencyRow + i, height);
  });
  b.style({ row: firstCompetencyRow, col: columns.category, rows: n, cols: 2 }, STYLE.wrapTop);
  b.style({ row: firstCompetencyRow, col: columns.competencyId, rows: n, cols: 2 }, STYLE.muted);
  const targets: Rect = { row: firstCompetencyRow, col: firstRoleCol, rows: n, cols: roles.length };
  b.style(targets, STYLE.code);
  for (const run of scaleRuns(ordered)) {
    const scale = model.scale(run.scaleId);
    b.format(
      ...levelCodeHeatmap({ row: firstCompetencyRow + run.start, col: firstRoleCol, rows: run.end - run.start, cols: roles.length }, scale),
    );
  }

  // Legend below the matrix: each scale's levels, coloured like the cells.
  const definitionWidths = widths.slice(2);
  let row = firstCompetencyRow + n + 1;
  const usedScales = model.scales.filter((s) => ordered.some((o) => o.competency.scale === s.id));
  for (const scale of usedScales) {
    b.cell(row, 0, usedScales.length > 1 ? `Legend: ${scale.name}` : 'Legend');
    b.style({ row, col: 0, rows: 1, cols: 1 }, STYLE.group);
    row++;
    b.row(row, 0, ['Code', 'Level', 'Definition']);
    b.merge({ row, col: 2, rows: 1, cols: definitionWidths.length });
    b.style({ row, col: 0, rows: 1, cols: widths.length }, STYLE.header);
    row++;
    scale.levels.forEach((l, i) => {
      b.row(row + i, 0, [l.code, l.name, l.definition ?? null]);
      b.merge({ row: row + i, col: 2, rows: 1, cols: definitionWidths.length });
      if (l.definition)
        b.rowHeight(row + i, wrappedRowHeight([{ text: l.definition, width: definitionWidths.reduce((a, w) => a + w, 0) }]));
    });
    const levels: Rect = { row, col: 0, rows: scale.levels.length, cols: 1 };
    b.style(levels, STYLE.code);
    b.style({ row, col: 1, rows: scale.levels.length, cols: 2 }, STYLE.wrapTop);
    b.format(...levelCodeHeatmap(levels, scale));
    row += scale.levels.length + 1;
  }

  b.plan.freeze = { rows: firstCompetencyRow, cols: columns.competency + 1 };
  b.plan.printTitleRows = [headerRow, headerRow];
  b.plan.landscape = true;
  b.plan.fitToWidth = true;

  return {
    sheet: b.plan,
    geometry: {
      sheetName,
      targets,
      targetsRef: sheetRef(sheetName, targets),
      competencyIds: ordered.map((o) => o.competency.id),
      roleIds: roles.map((r) => r.id),
    },
  };
}
