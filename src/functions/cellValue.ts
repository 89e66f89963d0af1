/**
 * The values worksheet functions take and give, host-neutral: a cell is a
 * number, text, a boolean, blank (null) or an error; a range is a matrix of
 * cells, rows first. A scalar argument arrives as a 1 x 1 matrix.
 */
import type { FormulaError } from './formulaError';

export type CellValue = number | string | boolean | null | FormulaError;
export type CellMatrix = CellValue[][];

/**
 * What a blank result is written as. Not null: Excel shows a returned null as 0
 * (office-js#1503), and "not rated" must never look like a zero.
 */
export const BLANK = '';

export interface Shape {
  rows: number;
  cols: number;
}
