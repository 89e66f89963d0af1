/**
 * The scale sheet: every scale of the framework as a table of code, name,
 * value and definition. Dropdowns and portable formulas read these tables,
 * so a grid keeps working without the add-in.
 */
import type { FrameworkModel } from '../framework/model';
import type { NamedRange, SheetPlan } from './plan';
import { sheetRef } from './a1';
import { productName } from './definedNames';
import { SheetBuilder } from './sheetBuilder';
import { STYLE } from './styles';
import { sheetTitle } from './sheetTitles';
import { wrappedRowHeight } from './textHeight';

/** Where one scale's table sits: absolute references with the sheet, for formulas and dropdowns. */
export interface ScaleTable {
  scaleId: string;
  /** e.g. "Scales!$A$6:$A$10": the level codes, lowest first. */
  codes: string;
  values: string;
  names: string;
  /** 0-based row of the first level. */
  firstRow: number;
  count: number;
}

export interface ScaleSheetLayout {
  sheet: SheetPlan;
  tables: Map<string, ScaleTable>;
  names: NamedRange[];
}

export const SCALE_HEADER = ['Code', 'Name', 'Value', 'Definition'] as const;

export function scaleSheetLayout(model: FrameworkModel, sheetName: string): ScaleSheetLayout {
  const b = new SheetBuilder(sheetName, 'scale');
  const tables = new Map<string, ScaleTable>();
  const names: NamedRange[] = [];
  const longestCode = Math.max(...model.scales.flatMap((s) => s.levels.map((l) => l.code.length)));
  const widths = [Math.max(8, longestCode + 2), 24, 8, 80];
  widths.forEach((w, i) => b.width(i, w));

  b.cell(0, 0, sheetTitle('scale', model.name));
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.note(1, 0, 'Each level: its code (what the grid cells hold), name, value and definition. Gap = rating value − target value.', widths);

  let row = 3;
  for (const scale of model.scales) {
    b.cell(row, 0, scale.name);
    b.style({ row, col: 0, rows: 1, cols: 1 }, STYLE.group);
    row++;
    const about = [
      scale.data.description,
      scale.data.complete === false ? 'The source states only part of this scale.' : undefined,
      scale.data.note,
    ]
      .filter(Boolean)
      .join(' ');
    if (about) b.note(row++, 0, about, widths);
    b.row(row, 0, [...SCALE_HEADER]);
    b.style({ row, col: 0, rows: 1, cols: SCALE_HEADER.length }, STYLE.header);
    const first = row + 1;
    b.block(
      first,
      0,
      scale.levels.map((l) => [l.code, l.name, l.value, l.definition ?? null]),
    );
    const n = scale.levels.length;
    scale.levels.forEach((l, i) => {
      if (l.definition)
        b.rowHeight(
          first + i,
          wrappedRowHeight([
            { text: l.definition, width: widths[3] },
            { text: l.name, width: widths[1] },
          ]),
        );
    });
    b.style({ row: first, col: 0, rows: n, cols: 1 }, STYLE.code);
    b.style({ row: first, col: 1, rows: n, cols: 3 }, STYLE.wrapTop);
    const range = (col: number) => sheetRef(sheetName, { row: first, col, rows: n, cols: 1 });
    const table: ScaleTable = { scaleId: scale.id, codes: range(0), names: range(1), values: range(2), firstRow: first, count: n };
    tables.set(scale.id, table);
    names.push(
      { name: productName(scale.id, 'Codes'), ref: table.codes, comment: `Level codes of ${scale.name}, lowest first` },
      { name: productName(scale.id, 'Values'), ref: table.values, comment: `Level values of ${scale.name}` },
    );
    row = first + n + 1;
  }
  b.plan.fitToWidth = true;
  return { sheet: b.plan, tables, names };
}
