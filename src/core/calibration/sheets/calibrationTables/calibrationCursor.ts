/**
 * The calibration sheet written top to bottom: its canvas, the next free row,
 * and the lines of text that head and explain each table. The tables share
 * one column grid: counts per level start at COUNT_COL in every table that
 * has them, under the levels and values of the settings.
 */
import type { Rect } from '../../../layouts/plan';
import type { ScaleLevel } from '../../../framework/schema';
import { cellRef } from '../../../layouts/a1';
import { SheetCanvas } from '../sheetCanvas';

/** The first count-per-level column of the settings, rater and competency tables. */
export const COUNT_COL = 3;

export function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}

/** An absolute reference to one cell of this sheet. */
export function abs(row: number, col: number): string {
  return cellRef(row, col, true);
}

export class CalibrationCursor {
  readonly canvas = new SheetCanvas();
  /** The next row to write. */
  row = 0;

  constructor(readonly levels: readonly ScaleLevel[]) {}

  /** A line of text in the first column, then the next row. */
  line(text: string, style: 'cal-title' | 'cal-section' | 'cal-note'): void {
    this.canvas.set(this.row, 0, text);
    this.canvas.style(rect(this.row, 0), style);
    this.row++;
  }

  section(text: string): void {
    this.line(text, 'cal-section');
  }

  note(text: string): void {
    this.line(text, 'cal-note');
  }

  /** The scale's level codes across a row, lowest first. */
  levelCodes(row: number, col: number): void {
    this.canvas.setRow(
      row,
      col,
      this.levels.map((l) => l.code),
    );
  }
}
