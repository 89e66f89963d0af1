/**
 * The descriptor sheet: for each competency, its definition and what each
 * level means, as the source states it, text wrapped. Competencies are grouped
 * by scale (a framework may use several), each group with its own header row
 * of levels. A framework with no definitions and no descriptors gets no sheet.
 */
import type { FrameworkModel } from '../framework/model';
import type { SheetPlan } from './plan';
import { orderedCompetencies } from './competencyOrder';
import { SheetBuilder } from './sheetBuilder';
import { STYLE } from './styles';
import { sheetTitle } from './sheetTitles';
import { wrappedRowHeight } from './textHeight';

export function descriptorSheet(model: FrameworkModel, sheetName: string): SheetPlan | undefined {
  const ordered = orderedCompetencies(model);
  const hasText = ordered.some(({ competency: c }) => c.definition || (c.descriptors && Object.keys(c.descriptors).length));
  if (!hasText) return undefined;
  const hasType = ordered.some(({ competency: c }) => c.type);
  const fixed = ['Category', 'Competency', ...(hasType ? ['Type'] : []), 'Definition'];

  const b = new SheetBuilder(sheetName, 'descriptors');
  const scaleIds = [...new Set(ordered.map((o) => o.competency.scale))];
  const levelColumns = Math.max(
    0,
    ...scaleIds.map((id) =>
      ordered.some((o) => o.competency.scale === id && o.competency.descriptors && Object.keys(o.competency.descriptors).length)
        ? model.scale(id).levels.length
        : 0,
    ),
  );
  const widths = [20, 28, ...(hasType ? [14] : []), 50, ...Array.from({ length: levelColumns }, () => 40)];
  widths.forEach((w, i) => b.width(i, w));
  b.cell(0, 0, sheetTitle('descriptors', model.name));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.cell(1, 0, 'Definitions and level descriptors as the source states them.');
  b.style({ row: 1, col: 0, rows: 1, cols: 1 }, STYLE.note);

  // Scales in the order their competencies first appear.
  let row = 3;
  for (const scaleId of scaleIds) {
    const scale = model.scale(scaleId);
    const group = ordered.filter((o) => o.competency.scale === scaleId);
    const withLevels = group.some((o) => o.competency.descriptors && Object.keys(o.competency.descriptors).length);
    const levels = withLevels ? scale.levels : [];
    if (scaleIds.length > 1) {
      b.cell(row, 0, `Scale: ${scale.name}`);
      b.style({ row, col: 0, rows: 1, cols: 1 }, STYLE.group);
      row++;
    }
    const header = [...fixed, ...levels.map((l) => (l.code === l.name ? l.code : `${l.code}: ${l.name}`))];
    b.row(row, 0, header);
    b.style({ row, col: 0, rows: 1, cols: header.length }, STYLE.header);
    b.rowHeight(row, wrappedRowHeight(header.map((text, i) => ({ text, width: widths[i] }))));
    if (scaleIds.length === 1) {
      b.plan.freeze = { rows: row + 1, cols: 2 };
      b.plan.printTitleRows = [row, row];
    }
    row++;
    const rows = group.map(({ competency: c, categoryLabel }) => [
      categoryLabel,
      c.name,
      ...(hasType ? [c.type ?? null] : []),
      c.definition ?? null,
      ...levels.map((l) => c.descriptors?.[l.code] ?? null),
    ]);
    b.block(row, 0, rows);
    rows.forEach((cells, i) => b.rowHeight(row + i, wrappedRowHeight(cells.map((text, k) => ({ text, width: widths[k] })))));
    b.style({ row, col: 0, rows: group.length, cols: header.length }, STYLE.wrapTop);
    row += group.length + 1;
  }
  if (scaleIds.length > 1) b.plan.freeze = { rows: 0, cols: 2 };
  b.plan.landscape = true;
  b.plan.fitToWidth = true;
  return b.plan;
}
