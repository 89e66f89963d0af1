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
import { personIdKey } from '../core/personId';
import { RATED_MARK, type RegisteredSheet } from '../core/layouts/registry';
import type { PlainValue } from './cellValue';

export interface InputValues {
  /** ratingKey(region, row key, column key) -> the cell as it stands. */
  values: Map<string, PlanCell>;
  /** A second, different value for a key already read (two rows with one id): kept aside, never dropped. */
  duplicates: UnplacedRating[];
  /**
   * Cells of a region whose rows are keyed by a person id on the sheet, as
   * ratingKey(region, personIdKey(id), column key), that held a rating when
   * the product wrote them (the registry's rated record): one shown blank now
   * is a rating someone cleared, and that beats an older source. A cell the
   * product wrote blank and that is still blank was never rated: not here.
   */
  covered: Set<string>;
  /** Covered cells of regions whose registry has no rated record (written by an older version): cleared or never rated, it cannot tell. */
  unrecorded: Set<string>;
}

const text = (v: PlainValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** `rowsOf` gives a sheet's cells as rows from A1 (see worksheetValues.ts and readWorkbook.ts). */
export function readInputRegions(rowsOf: (sheet: string) => PlainValue[][], sheets: readonly RegisteredSheet[]): InputValues {
  const values = new Map<string, PlanCell>();
  const duplicates: UnplacedRating[] = [];
  const covered = new Set<string>();
  const unrecorded = new Set<string>();
  // The first key read for each person under the one id rule: "E001" and " e001 " are one person.
  const firstKey = new Map<string, string>();
  for (const sheet of sheets) {
    if (sheet.damaged) continue;
    const cells = rowsOf(sheet.name);
    const at = (r: number, c: number) => cells[r]?.[c] ?? null;
    for (const input of sheet.inputs) {
      const { row, col, rows, cols } = input.range;
      const colKeys = Array.from({ length: cols }, (_, j) =>
        input.keyRow !== undefined ? text(at(input.keyRow, col + j)) || input.colKeys[j] : input.colKeys[j],
      );
      // Where the product wrote a rating, by person and column key: the sheet may have been sorted since.
      const ratedRow = new Map(input.rated ? input.rowKeys.map((k, i) => [personIdKey(k), input.rated![i]] as const) : []);
      const colOf = new Map(input.colKeys.map((k, j) => [k, j] as const));
      const wasRated = (person: string, colKey: string) => {
        const j = colOf.get(colKey);
        return j !== undefined && ratedRow.get(personIdKey(person))?.[j] === RATED_MARK;
      };
      for (let i = 0; i < rows; i++) {
        // A row whose id was cleared is read under "(row N)": its ratings are kept, not dropped.
        const person = input.keyColumn !== undefined ? personKey(text(at(row + i, input.keyColumn)), row + i) : input.rowKeys[i];
        if (!person) continue;
        for (let j = 0; j < cols; j++) {
          const value = at(row + i, col + j);
          const same = ratingKey(input.id, personIdKey(person), colKeys[j]);
          if (input.keyColumn !== undefined && (!input.rated || wasRated(person, colKeys[j]))) {
            covered.add(same);
            if (!input.rated) unrecorded.add(same);
          }
          if (!isRating(value)) continue;
          const key = firstKey.get(same);
          const earlier = key === undefined ? undefined : values.get(key);
          if (earlier === undefined) {
            values.set(ratingKey(input.id, person, colKeys[j]), value);
            firstKey.set(same, ratingKey(input.id, person, colKeys[j]));
          } else if (String(earlier).trim() !== String(value).trim()) {
            duplicates.push({ person, competency: colKeys[j], value, region: input.id, reason: 'conflict' });
          }
        }
      }
    }
  }
  return { values, duplicates, covered, unrecorded };
}
