/**
 * The key a person's ratings are read under when a sheet is read back: the id
 * shown on their row or, where someone cleared it, "(row N)". A rating on a
 * row without an id is then kept (it lands on the "Unplaced ratings" sheet
 * under that key) instead of being dropped. Both renderers and the grid reader
 * use this one rule.
 */

/** `row` is the 0-based sheet row; the key names it as people see it (1-based). */
export function personKey(id: string, row: number): string {
  return id || `(row ${row + 1})`;
}
