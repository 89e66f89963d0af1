/**
 * A collect's placements in the master's rated record (the registry's record,
 * per person row, of which rating cells held a value: RegisteredInput.rated).
 * A cell collect filled is a decided rating, as one the product wrote: if HR
 * later clears it, a `workbook --into` rebuild with a roster keeps it blank
 * instead of filling it from the roster again.
 */
import { personIdKey } from '../personId';
import { RATED_MARK, type RegisteredSheet } from '../layouts/registry';

/** One placed cell: the sheet it went to, the person's id and the field (competency id or comment). */
export interface PlacedCell {
  sheet: string;
  person: string;
  field: string;
}

/** The registry's sheets with every placed cell marked as rated; sheets and regions without a rated record are left as they are. */
export function markPlacedRated(sheets: readonly RegisteredSheet[], placed: readonly PlacedCell[]): RegisteredSheet[] {
  const bySheet = new Map<string, PlacedCell[]>();
  for (const p of placed) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  return sheets.map((sheet) => {
    const cells = bySheet.get(sheet.name);
    if (!cells) return sheet;
    return {
      ...sheet,
      inputs: sheet.inputs.map((input) => {
        if (!input.rated) return input;
        const rowAt = new Map(input.rowKeys.map((k, i) => [personIdKey(k), i]));
        const colAt = new Map(input.colKeys.map((k, j) => [k, j]));
        const rated = input.rated.map((marks) => [...marks]);
        for (const c of cells) {
          const [i, j] = [rowAt.get(personIdKey(c.person)), colAt.get(c.field)];
          if (i !== undefined && j !== undefined) rated[i][j] = RATED_MARK;
        }
        return { ...input, rated: rated.map((m) => m.join('')) };
      }),
    };
  });
}
