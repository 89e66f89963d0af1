/**
 * A sheet being laid out cell by cell, then emitted as plan blocks: one block
 * of ragged rows from the top, so a renderer writes it in one pass.
 */
import { flatText } from '../../flatText';
import type {
  CellBlock,
  CellStyle,
  ConditionalFormat,
  ListValidation,
  PlanCell,
  Rect,
  SheetPlan,
  SheetKind,
  StyleBlock,
  InputRegion,
} from '../../layouts/plan';

export class SheetCanvas {
  private readonly rows: PlanCell[][] = [];
  readonly styles: StyleBlock[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: ListValidation[] = [];
  readonly inputs: InputRegion[] = [];
  readonly widths = new Map<number, number>();
  readonly rowHeights: { row: number; height: number }[] = [];

  set(row: number, col: number, cell: PlanCell): void {
    const r = (this.rows[row] ??= []);
    while (r.length < col) r.push(null);
    r[col] = cell;
  }

  /** Writes a row of cells starting at (row, col). */
  setRow(row: number, col: number, cells: readonly PlanCell[]): void {
    cells.forEach((c, i) => this.set(row, col + i, c));
  }

  style(range: Rect, style: string): void {
    if (range.rows > 0 && range.cols > 0) this.styles.push({ range, style });
  }

  width(col: number, width: number): void {
    this.widths.set(col, width);
  }

  toSheet(name: string, kind: SheetKind, extra: Partial<SheetPlan> = {}): SheetPlan {
    const cells = Array.from({ length: this.rows.length }, (_, i) => this.rows[i] ?? []);
    const blocks: CellBlock[] = cells.length ? [{ row: 0, col: 0, cells }] : [];
    return {
      name,
      kind,
      blocks,
      styles: this.styles,
      columnWidths: [...this.widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
      rowHeights: this.rowHeights.length ? this.rowHeights : undefined,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      inputs: this.inputs.length ? this.inputs : undefined,
      ...extra,
    };
  }
}

/** Text in a formula: "..." with inner quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A SUMIF/COUNTIFS criterion matching a text exactly (wildcards and operators escaped), else the cell holding it. */
export function exactCriterion(text: string, cell: string): string {
  return /[*?~]|^[<>=]/.test(text) ? formulaText(`=${text.replace(/[*?~]/g, '~$&')}`) : cell;
}

/** A formula cell with core's value; null results are written as "" (what IF(..., "", ...) shows). */
export function formula(text: string, result: number | string | null | undefined): PlanCell {
  return { formula: flatText(text), result: result === null || result === undefined ? '' : result };
}

/** The styles the calibration sheets use; ids are prefixed so they can join any plan's style table. */
export const CALIBRATION_STYLES: Record<string, CellStyle> = {
  'cal-title': { bold: true, fontSize: 14 },
  'cal-section': { bold: true, fontSize: 12 },
  'cal-note': { italic: true, fontColor: '595959' },
  'cal-header': { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true, vAlign: 'bottom', hAlign: 'center' },
  'cal-header-rotated': { bold: true, fill: 'D9E1F2', border: 'thin', rotate: 90, hAlign: 'center' },
  'cal-input': { fill: 'DDEBF7', border: 'thin', fontColor: '1F4E79', bold: true },
  'cal-input-percent': { fill: 'DDEBF7', border: 'thin', fontColor: '1F4E79', bold: true, numberFormat: '0%' },
  'cal-label': { bold: true },
  'cal-total': { bold: true, border: 'thin' },
  'cal-count': { border: 'thin', numberFormat: '0' },
  'cal-number': { border: 'thin', numberFormat: '0.00' },
  'cal-signed': { border: 'thin', numberFormat: '+0.00;-0.00;0.00' },
  'cal-percent': { border: 'thin', numberFormat: '0%' },
  'cal-signed-percent': { border: 'thin', numberFormat: '+0%;-0%;0%' },
  'cal-text': { border: 'thin' },
  'cal-warning': { bold: true, fontColor: 'C00000' },
  'cal-helper': { fontColor: '7F7F7F' },
};
