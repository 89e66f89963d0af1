/**
 * A plan cell as Office.js input. Excel reads a string written through
 * `Range.values` or `Range.formulas` as if it had been typed: "=..", "+.." and
 * "-.." become formulas, "00123" a number, "TRUE" a boolean, "2024-01-05" a
 * date. Plan strings are always text, so any string Excel could read as
 * something else gets a leading apostrophe: Excel's own "this is text" prefix,
 * which is not part of the cell's value (reading it back gives the string).
 */
import type { PlanCell } from '../core/layouts/plan';
import { isFormula } from '../core/layouts/plan';
import { EXCEL_CELL_TEXT_MAX } from '../core/cellText';

/** Excel's limit on the text in one cell: core's constant, where the source is cited. */
export const EXCEL_MAX_TEXT = EXCEL_CELL_TEXT_MAX;
/** Excel's limit on a formula, its "=" included ("Excel specifications and limits": 8,192 characters). */
export const EXCEL_MAX_FORMULA = 8192;

export type ExcelInput = string | number | boolean | null;

// A start Excel treats specially (formula, sign, quote prefix, error, padding), a digit
// anywhere (numbers, dates, times, fractions, percentages, currency), a boolean word.
const SPECIAL_START = /^[=+\-@'#\s]/;
const ANY_DIGIT = /\p{Nd}/u;
const BOOLEAN_WORD = /^(true|false)$/i;
const TRAILING_SPACE = /\s$/;

/** True when Excel might read this text as something other than the same text. */
export function needsTextGuard(text: string): boolean {
  return SPECIAL_START.test(text) || ANY_DIGIT.test(text) || BOOLEAN_WORD.test(text) || TRAILING_SPACE.test(text);
}

/** Text as Excel must receive it to keep it text. */
export function textInput(text: string): string {
  return text !== '' && needsTextGuard(text) ? `'${text}` : text;
}

/**
 * The Office.js input for one cell. `formula` rewrites sheet references in a
 * formula (for sheets written under another name); numbers Excel cannot hold
 * (NaN, Infinity) come out as null, which leaves the cell empty.
 */
export function cellInput(cell: PlanCell | undefined, formula: (f: string) => string = (f) => f): ExcelInput {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return textInput(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell;
  if (isFormula(cell)) return `=${formula(cell.formula)}`;
  return null;
}
