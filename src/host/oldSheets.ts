/**
 * Reading the product's sheets that are about to be rebuilt: is each still the
 * sheet the product made (its signature cell), did the user type anything
 * outside what the product wrote (its used range against the footprint), and
 * every rating in its input regions, keyed by region, person and competency.
 * Reads are packed into few round trips, each response under the budget.
 */
import type { XRange, XRequestContext } from './excelApi';
import type { LiveEntry, Round } from './workbookState';
import { DEFAULT_READ_BUDGET_BYTES, READ_BYTES_PER_CELL } from './payload';
import type { PlanCell, Rect } from '../core/layouts/plan';
import type { RegisteredInput } from '../core/layouts/registry';
import { parseRect, unclaimedRects } from '../core/layouts/registry';
import { cellRef, columnLetters } from '../core/layouts/a1';
import { isRating } from '../core/layouts/carryRatings';
import { personKey } from '../core/layouts/personKey';

export interface OldRating {
  region: string;
  person: string;
  competency: string;
  value: PlanCell;
}

export interface OldSheetReading {
  live: LiveEntry;
  /** False when the signature cell no longer holds the product's text: the sheet is then treated as the user's. */
  signatureOk: boolean;
  /** The rectangle holding values (not formats), or null for an empty sheet. */
  used: Rect | null;
  /** Cells inside the footprint that the product left empty but that now hold something (A1), a few at most. */
  strays: string[];
  ratings: OldRating[];
}

interface RegionRead {
  input: RegisteredInput;
  chunks: { from: number; values: XRange; keys?: XRange }[];
  keyRow?: XRange;
}

/** "'Team grid'!B2:D9" -> the rectangle B2:D9. */
function addressRect(address: string): Rect {
  return parseRect(address.slice(address.lastIndexOf('!') + 1));
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export function rectContains(outer: Rect | null, inner: Rect | null): boolean {
  if (!inner) return true;
  if (!outer) return false;
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

export async function readOldSheets(
  ctx: XRequestContext,
  lives: LiveEntry[],
  round: Round,
  readBudget = DEFAULT_READ_BUDGET_BYTES,
): Promise<OldSheetReading[]> {
  if (!lives.length) return [];
  // Each read is queued when its turn comes, so that one round trip carries at most a budget's worth.
  const queue: { bytes: number; queue: () => void }[] = [];
  const used = new Map<LiveEntry, XRange>();
  const signature = new Map<LiveEntry, XRange>();
  const regions = new Map<LiveEntry, RegionRead[]>();
  const holes = new Map<LiveEntry, { rect: Rect; values?: XRange }[]>();
  for (const live of lives) {
    const ws = live.sheet.handle;
    queue.push({
      bytes: 400,
      queue: () => {
        used.set(live, ws.getUsedRangeOrNullObject(true).load('address'));
        if (live.entry.signature) signature.set(live, ws.getRange(live.entry.signature.cell).load('values'));
      },
    });
    // Cells the product left empty inside its footprint: read to find anything typed there since.
    const gaps = unclaimedRects(live.entry).map((rect) => ({ rect }) as { rect: Rect; values?: XRange });
    holes.set(live, gaps);
    for (const gap of gaps) {
      const { rect } = gap;
      queue.push({
        bytes: rect.rows * rect.cols * 4 + 200,
        queue: () => (gap.values = ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).load('values')),
      });
    }
    if (live.entry.damaged) continue;
    const reads: RegionRead[] = [];
    for (const input of live.entry.inputs) {
      const r = input.range;
      const read: RegionRead = { input, chunks: [] };
      reads.push(read);
      if (input.keyRow !== undefined) {
        const keyRow = input.keyRow;
        queue.push({
          bytes: r.cols * READ_BYTES_PER_CELL,
          queue: () => (read.keyRow = ws.getRangeByIndexes(keyRow, r.col, 1, r.cols).load('values')),
        });
      }
      const perRow = (r.cols + (input.keyColumn !== undefined ? 1 : 0)) * READ_BYTES_PER_CELL;
      // Room is left for the small reads (used range, signature, empty cells) that share the first round trip.
      const rowsPerChunk = Math.max(1, Math.floor((readBudget - 65_536) / perRow));
      for (let from = 0; from < r.rows; from += rowsPerChunk) {
        const n = Math.min(rowsPerChunk, r.rows - from);
        queue.push({
          bytes: n * perRow,
          queue: () =>
            read.chunks.push({
              from,
              values: ws.getRangeByIndexes(r.row + from, r.col, n, r.cols).load('values'),
              keys: input.keyColumn !== undefined ? ws.getRangeByIndexes(r.row + from, input.keyColumn, n, 1).load('values') : undefined,
            }),
        });
      }
    }
    regions.set(live, reads);
  }
  let pending = 0;
  for (let k = 0; k < queue.length; k++) {
    if (pending && pending + queue[k].bytes > readBudget) {
      await round('reading', 'Reading the ratings already in the sheets');
      pending = 0;
    }
    queue[k].queue();
    pending += queue[k].bytes;
  }
  if (pending) await round('reading', 'Reading the ratings already in the sheets');

  return lives.map((live) => {
    const u = used.get(live)!;
    const sig = signature.get(live);
    const signatureOk = !sig || text(sig.values[0]?.[0]) === text(live.entry.signature!.text);
    const ratings: OldRating[] = [];
    for (const read of regions.get(live) ?? []) {
      const { input } = read;
      const competencies = input.colKeys.map((key, j) => {
        if (!read.keyRow) return key;
        return text(read.keyRow.values[0]?.[j]) || `(column ${columnLetters(input.range.col + j)})`;
      });
      for (const chunk of read.chunks) {
        chunk.values.values.forEach((row, i) => {
          const at = chunk.from + i;
          const person = chunk.keys ? personKey(text(chunk.keys.values[i]?.[0]), input.range.row + at) : input.rowKeys[at];
          row.forEach((value, j) => {
            if (isRating(value as PlanCell))
              ratings.push({ region: input.id, person, competency: competencies[j], value: value as PlanCell });
          });
        });
      }
    }
    const strays: string[] = [];
    for (const gap of holes.get(live) ?? []) {
      gap.values!.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (strays.length < 3 && v !== '' && v !== null && v !== undefined) strays.push(cellRef(gap.rect.row + i, gap.rect.col + j));
        }),
      );
    }
    return { live, signatureOk, used: u.isNullObject ? null : addressRect(u.address), strays, ratings };
  });
}
