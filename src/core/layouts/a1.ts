/** A1 references from 0-based coordinates, and sheet-name quoting. */
import type { Rect } from './plan';

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellRef(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rectRef(r: Rect, absolute = false): string {
  const a = cellRef(r.row, r.col, absolute);
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${cellRef(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/** Quotes a sheet name for a formula when it needs it: 'Team grid'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, r: Rect, absolute = true): string {
  return `${quoteSheet(sheet)}!${rectRef(r, absolute)}`;
}

/** Parses "A1" or "$B$2" into 0-based coordinates. */
export function parseCellRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
