/**
 * Reads a grid cell as a level the way the calibration sheet's formulas (and
 * the grid's own) do: MATCH(cell & "", level codes, 0), which ignores case and
 * lets a code typed as a number (3) match the text code "3". Core must count
 * exactly what the sheet counts, so this is deliberately narrower than
 * Scale.parse: a name, an alias or "A " with a space is not a rating here (the
 * grid shows #N/A for it too) and is reported as not counted.
 */
import type { Scale } from '../scale';
import { isNotRated } from '../scale';
import { NOT_RATED } from './ratingMatrix';

/** What a cell was: a level rank (0 = lowest), blank, or something the sheet will not count. */
export type CellReading = { kind: 'level'; rank: number } | { kind: 'blank' } | { kind: 'not-counted'; notRated: boolean; text: string };

/** Excel's TRIM: strips spaces at both ends and collapses runs of spaces (space characters only). */
export function excelTrim(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** Excel's `cell & ""` for the values a workbook reader hands back. */
export function excelText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

export class LevelReader {
  private readonly rankOf = new Map<string, number>();

  constructor(readonly scale: Scale) {
    // MATCH returns the first match: an earlier code wins over a later one that differs only in case.
    scale.levels.forEach((l, i) => {
      const key = l.code.toLowerCase();
      if (!this.rankOf.has(key)) this.rankOf.set(key, i);
    });
  }

  read(raw: unknown): CellReading {
    const text = excelText(raw);
    if (text === '') return { kind: 'blank' };
    const rank = this.rankOf.get(text.toLowerCase());
    if (rank !== undefined) return { kind: 'level', rank };
    return { kind: 'not-counted', notRated: isNotRated(text), text };
  }

  /** The rank, or NOT_RATED for blank and for anything the sheet would not count. */
  rank(raw: unknown): number {
    const r = this.read(raw);
    return r.kind === 'level' ? r.rank : NOT_RATED;
  }
}
