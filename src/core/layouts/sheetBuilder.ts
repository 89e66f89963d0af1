/**
 * A small helper for writing a SheetPlan: place rows and blocks of cells,
 * name styles for rectangles, and collect widths, merges, validations and
 * conditional formats. It holds no layout knowledge of its own.
 */
import { fitValidationText } from './validationText';
import type { CellBlock, ConditionalFormat, InputRegion, ListValidation, PlanCell, Rect, SheetKind, SheetPlan } from './plan';
import { STYLE, type StyleId } from './styles';
import { wrappedRowHeight } from './textHeight';

export class SheetBuilder {
  readonly plan: SheetPlan;

  constructor(name: string, kind: SheetKind) {
    this.plan = { name, kind, blocks: [], styles: [], columnWidths: [], validations: [], conditionalFormats: [] };
  }

  get name(): string {
    return this.plan.name;
  }

  /** A block of cells whose top-left is (row, col). */
  block(row: number, col: number, cells: PlanCell[][]): CellBlock {
    const b = { row, col, cells };
    if (cells.length) this.plan.blocks.push(b);
    return b;
  }

  /** One row of cells starting at (row, col). */
  row(row: number, col: number, cells: PlanCell[]): void {
    this.block(row, col, [cells]);
  }

  cell(row: number, col: number, value: PlanCell): void {
    this.block(row, col, [[value]]);
  }

  /** A wrapped note across `widths.length` merged columns from `col`, its row as tall as the text needs. */
  note(row: number, col: number, text: string, widths: readonly number[]): void {
    this.cell(row, col, text);
    this.merge({ row, col, rows: 1, cols: widths.length });
    this.style({ row, col, rows: 1, cols: widths.length }, STYLE.noteWrap);
    this.rowHeight(row, wrappedRowHeight([{ text, width: widths.reduce((a, w) => a + w, 0) }]));
  }

  style(range: Rect, style: StyleId): void {
    if (range.rows > 0 && range.cols > 0) this.plan.styles.push({ range, style });
  }

  width(col: number, width: number, hidden?: boolean): void {
    this.plan.columnWidths.push(hidden ? { col, width, hidden } : { col, width });
  }

  rowHeight(row: number, height: number, hidden?: boolean): void {
    (this.plan.rowHeights ??= []).push(hidden ? { row, height, hidden } : { row, height });
  }

  merge(range: Rect): void {
    if (range.rows > 1 || range.cols > 1) (this.plan.merges ??= []).push(range);
  }

  /** A dropdown; its texts are fitted to Excel's lengths, trying `shorterErrorMessages` before clipping. */
  validate(v: ListValidation, shorterErrorMessages: readonly string[] = []): void {
    if (v.range.rows > 0 && v.range.cols > 0) this.plan.validations.push(fitValidationText(v, shorterErrorMessages));
  }

  format(...formats: ConditionalFormat[]): void {
    for (const f of formats) if (f.range.rows > 0 && f.range.cols > 0) this.plan.conditionalFormats.push(f);
  }

  input(region: InputRegion): void {
    (this.plan.inputs ??= []).push(region);
  }
}
