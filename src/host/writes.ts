/**
 * A sheet plan as a list of writes, each with its estimated request size, so
 * they can be packed into few requests under the payload budget. Cell content
 * goes as whole 2-D arrays per block (split by rows only when a block would not
 * fit), formats as one action per style block, column run, rule or merge.
 */
import type { XRange, XWorksheet } from './excelApi';
import type { ExcelInput } from './cellInput';
import { cellInput } from './cellInput';
import { ACTION_OVERHEAD_BYTES, jsonBytes } from './payload';
import type { CellBlock } from '../core/layouts/plan';
import { isFormula } from '../core/layouts/plan';

export type WritePhase = 'values' | 'formats' | 'registry';

export interface WriteOp {
  readonly phase: WritePhase;
  /** Which sheet being built the write goes to (index into the renderer's list). */
  readonly target: number;
  /** Estimated size in the request, in bytes. */
  readonly bytes: number;
  /** For messages, in the user's words: "rows 2–2,001 of “Team grid”". */
  readonly what: string;
  apply(sheet: XWorksheet): void;
  /** A head that fits in `maxBytes` and the rest, or null when no smaller head exists. */
  split?(maxBytes: number): [WriteOp, WriteOp] | null;
}

export function quoted(name: string): string {
  return `“${name}”`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Encoded rows of one block, shared by the writes that cover slices of it. */
interface EncodedRows {
  rows: ExcelInput[][];
  /** prefix[i] = bytes of rows [0, i). */
  prefix: number[];
  hasFormula: boolean[];
}

/** Rows [from, to) of a block, written as one 2-D array at (row0 + from, col). */
class RowsWrite implements WriteOp {
  readonly phase: WritePhase;
  readonly bytes: number;
  constructor(
    phase: WritePhase,
    readonly target: number,
    private readonly label: string,
    private readonly data: EncodedRows,
    private readonly row0: number,
    private readonly col: number,
    private readonly width: number,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.phase = phase;
    this.bytes = data.prefix[to] - data.prefix[from] + ACTION_OVERHEAD_BYTES * 2;
  }

  get what(): string {
    const a = this.row0 + this.from + 1;
    const b = this.row0 + this.to;
    return a === b ? `row ${count(a)} of ${quoted(this.label)}` : `rows ${count(a)}–${count(b)} of ${quoted(this.label)}`;
  }

  apply(sheet: XWorksheet): void {
    const rows = this.data.rows.slice(this.from, this.to);
    const range = sheet.getRangeByIndexes(this.row0 + this.from, this.col, rows.length, this.width);
    // `values` would do for constants; `formulas` is needed as soon as one cell is a formula.
    if (this.data.hasFormula.slice(this.from, this.to).some(Boolean)) range.formulas = rows;
    else range.values = rows;
  }

  split(maxBytes: number): [WriteOp, WriteOp] | null {
    const budget = maxBytes - ACTION_OVERHEAD_BYTES * 2;
    const base = this.data.prefix[this.from];
    let lo = this.from;
    let hi = this.to - 1;
    // The largest k in (from, to) with rows [from, k) within budget.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi + 1) / 2);
      if (this.data.prefix[mid] - base <= budget) lo = mid;
      else hi = mid - 1;
    }
    if (lo <= this.from) return null;
    const make = (a: number, b: number) =>
      new RowsWrite(this.phase, this.target, this.label, this.data, this.row0, this.col, this.width, a, b);
    return [make(this.from, lo), make(lo, this.to)];
  }
}

/**
 * The writes for a block of cells. Ragged rows are padded with null, which
 * Office.js leaves alone. A row too big for one request on its own is cut into
 * column segments.
 */
export function blockWrites(
  phase: WritePhase,
  target: number,
  label: string,
  block: CellBlock,
  formula: (f: string) => string,
  maxBytes: number,
): WriteOp[] {
  const width = block.cells.reduce((m, r) => Math.max(m, r.length), 0);
  if (!width || !block.cells.length) return [];
  const out: WriteOp[] = [];
  let run: EncodedRows = { rows: [], prefix: [0], hasFormula: [] };
  let runStart = 0;
  const flush = () => {
    if (run.rows.length) out.push(new RowsWrite(phase, target, label, run, block.row + runStart, block.col, width, 0, run.rows.length));
  };
  block.cells.forEach((cells, i) => {
    const row: ExcelInput[] = new Array(width);
    let formulaInRow = false;
    for (let j = 0; j < width; j++) {
      const c = cells[j];
      if (c !== undefined && isFormula(c)) formulaInRow = true;
      row[j] = cellInput(c, formula);
    }
    const bytes = jsonBytes(row) + 1;
    if (bytes + ACTION_OVERHEAD_BYTES * 2 > maxBytes) {
      // A single enormous row: write it in column segments.
      flush();
      let j0 = 0;
      while (j0 < width) {
        let j1 = j0;
        let size = 0;
        while (j1 < width && (j1 === j0 || size + jsonBytes(row[j1]) + 1 + ACTION_OVERHEAD_BYTES * 2 <= maxBytes))
          size += jsonBytes(row[j1++]) + 1;
        const seg: EncodedRows = { rows: [row.slice(j0, j1)], prefix: [0, size], hasFormula: [formulaInRow] };
        out.push(new RowsWrite(phase, target, label, seg, block.row + i, block.col + j0, j1 - j0, 0, 1));
        j0 = j1;
      }
      run = { rows: [], prefix: [0], hasFormula: [] };
      runStart = i + 1;
      return;
    }
    run.rows.push(row);
    run.prefix.push(run.prefix[run.prefix.length - 1] + bytes);
    run.hasFormula.push(formulaInRow);
  });
  flush();
  return out;
}

/** A format write: a few property sets or calls on one range or sheet. */
export class FormatWrite implements WriteOp {
  readonly phase = 'formats' as const;
  readonly bytes: number;
  constructor(
    readonly target: number,
    readonly what: string,
    /** Estimated JSON of the values it sets, and how many actions it queues. */
    payload: unknown,
    actions: number,
    private readonly write: (sheet: XWorksheet) => void,
  ) {
    this.bytes = jsonBytes(payload) + ACTION_OVERHEAD_BYTES * (actions + 1);
  }
  apply(sheet: XWorksheet): void {
    this.write(sheet);
  }
}

export function rangeOf(sheet: XWorksheet, r: { row: number; col: number; rows: number; cols: number }): XRange {
  return sheet.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

/**
 * Packs writes, in order, into requests of at most `budget` estimated bytes.
 * A write that does not fit in what is left of a request is split to fill it
 * when it can be, so a large grid needs about total / budget requests.
 */
export function packRequests(ops: readonly WriteOp[], budget: number, firstRequestBytes = 0): WriteOp[][] {
  const requests: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let used = firstRequestBytes;
  const close = () => {
    if (current.length) requests.push(current);
    current = [];
    used = 0;
  };
  const queue = ops.slice().reverse();
  while (queue.length) {
    const op = queue.pop()!;
    if (used + op.bytes <= budget) {
      current.push(op);
      used += op.bytes;
      continue;
    }
    const parts = op.split?.(budget - used) ?? null;
    if (parts) {
      current.push(parts[0]);
      queue.push(parts[1]);
      close();
      continue;
    }
    if (current.length) {
      close();
      queue.push(op);
      continue;
    }
    // Alone and still too big: only a format write with an enormous payload could get here.
    current.push(op);
    close();
  }
  close();
  return requests;
}
