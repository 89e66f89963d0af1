/**
 * What one cell of a workbook can hold, checked where text comes in (a roster
 * row, a framework file) so the message names the row and column people typed,
 * not a cell of a sheet they never saw.
 */

/** Excel's limit on the text in one cell ("Excel specifications and limits": 32,767 characters). */
export const EXCEL_CELL_TEXT_MAX = 32767;

/**
 * Control characters a cell cannot keep: the C0 set but tab, line feed and
 * carriage return, and DEL. The .xlsx XML cannot hold most of them, and none is
 * anything a person meant to type.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text without control characters, and whether any were removed. */
export function withoutControlCharacters(text: string): { text: string; stripped: boolean } {
  const clean = text.replace(CONTROL, '');
  return { text: clean, stripped: clean.length !== text.length };
}

/** Names at most `shown` items and counts the rest: "a, b, c, … (4997 more)". */
export function summariseList(items: readonly string[], shown = 3): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')}, … (${items.length - shown} more)`;
}
