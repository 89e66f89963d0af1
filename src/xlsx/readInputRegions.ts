/**
 * Reading what people typed into the product's input regions (a grid's
 * ratings, its coverage levels, the unplaced-ratings sheet), keyed by region,
 * row key and column key, as core/layouts/carryRatings.ts expects. Where a
 * region's keys are shown on the sheet (a grid's id column), the key is read
 * from the sheet, so a grid sorted by hand is still read right.
 */
import type { PlanCell } from '../core/layouts/plan';
import { isRating, ratingKey, type UnplacedRating } from '../core/layouts/carryRatings';
import { personKey } from '../core/layouts/personKey';
import type { RegisteredSheet } from '../core/layouts/registry';
import type { PlainValue } from './cellValue';

export interface InputValues {
  /** ratingKey(region, row key, column key) -> the cell as it stands. */
  values: Map<string, PlanCell>;
  /** A second, different value for a key already read (two rows with one id): kept aside, never dropped. */
  duplicates: UnplacedRating[];
}

const text = (v: PlainValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** `rowsOf` gives a sheet's cells as rows from A1 (see worksheetValues.ts and readWorkbook.ts). */
export function readInputRegions(rowsOf: (sheet: string) => PlainValue[][], sheets: readonly RegisteredSheet[]): InputValues {
  const values = new Map<string, PlanCell>();
  const duplicates: UnplacedRating[] = [];
  for (const sheet of sheets) {
    if (sheet.damaged) continue;
    const cells = rowsOf(sheet.name);
    const at = (r: number, c: number) => cells[r]?.[c] ?? null;
    for (const input of sheet.inputs) {
      const { row, col, rows, cols } = input.range;
      const colKeys = Array.from({ length: cols }, (_, j) =>
        input.keyRow !== undefined ? text(at(input.keyRow, col + j)) || input.colKeys[j] : input.colKeys[j],
      );
      for (let i = 0; i < rows; i++) {
        // A row whose id was cleared is read under "(row N)": its ratings are kept, not dropped.
        const person = input.keyColumn !== undefined ? personKey(text(at(row + i, input.keyColumn)), row + i) : input.rowKeys[i];
        if (!person) continue;
        for (let j = 0; j < cols; j++) {
          const value = at(row + i, col + j);
          if (!isRating(value)) continue;
          const key = ratingKey(input.id, person, colKeys[j]);
          const earlier = values.get(key);
          if (earlier === undefined) values.set(key, value);
          else if (String(earlier).trim() !== String(value).trim()) {
            duplicates.push({ person, competency: colKeys[j], value, region: input.id, reason: 'conflict' });
          }
        }
      }
    }
  }
  return { values, duplicates };
}
