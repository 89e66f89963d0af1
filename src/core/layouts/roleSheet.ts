/**
 * The roles sheet: what the source says about each role, dimension by
 * dimension (MIT's career path, Canon's level attributes, DDaT's activity
 * lists), roles across. A framework whose roles carry no text gets no sheet.
 */
import type { FrameworkModel } from '../framework/model';
import type { Role } from '../framework/schema';
import type { SheetPlan } from './plan';
import { SheetBuilder } from './sheetBuilder';
import { STYLE } from './styles';
import { sheetTitle } from './sheetTitles';
import { wrappedRowHeight } from './textHeight';

export function roleSheet(model: FrameworkModel, sheetName: string, roles: readonly Role[] = model.roles): SheetPlan | undefined {
  const dims = model.data.roleDimensions.filter((d) => roles.some((r) => r.descriptions?.[d.id]));
  const hasSummary = roles.some((r) => r.summary);
  if (!dims.length && !hasSummary) return undefined;

  const b = new SheetBuilder(sheetName, 'roles');
  b.cell(0, 0, sheetTitle('roles', model.name));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.cell(1, 0, 'What the source says about each role, lowest role first.');
  b.style({ row: 1, col: 0, rows: 1, cols: 1 }, STYLE.note);

  const header = ['Group', 'Dimension', ...roles.map((r) => (r.code && !r.name.includes(r.code) ? `${r.name} (${r.code})` : r.name))];
  b.row(3, 0, header);
  b.style({ row: 3, col: 0, rows: 1, cols: header.length }, STYLE.header);
  const rows = [
    ...(hasSummary ? [['', 'Summary', ...roles.map((r) => r.summary ?? null)]] : []),
    ...dims.map((d) => [d.group ?? '', d.name, ...roles.map((r) => r.descriptions?.[d.id] ?? null)]),
  ];
  const widths = [22, 28, ...roles.map(() => (roles.length > 3 ? 42 : 60))];
  widths.forEach((w, i) => b.width(i, w));
  b.rowHeight(3, wrappedRowHeight(header.map((text, i) => ({ text, width: widths[i] }))));
  b.block(4, 0, rows);
  rows.forEach((cells, i) => b.rowHeight(4 + i, wrappedRowHeight(cells.map((text, k) => ({ text, width: widths[k] })))));
  b.style({ row: 4, col: 0, rows: rows.length, cols: 2 }, STYLE.group);
  b.style({ row: 4, col: 0, rows: rows.length, cols: widths.length }, STYLE.wrapTop);
  b.plan.freeze = { rows: 4, cols: 2 };
  b.plan.printTitleRows = [3, 3];
  b.plan.landscape = true;
  b.plan.fitToWidth = true;
  return b.plan;
}
