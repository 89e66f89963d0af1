/**
 * The fast path for LEVELGAP, SHORTFALL and LEVELVALUE over big ranges: each
 * distinct spelling is read once per scale into a value (or the error that
 * refuses it), then the loop is one lookup per cell and the body's arithmetic.
 */
import { isCompetencyError } from '../core/problems';
import type { Scale } from '../core/scale';
import type { LevelValue } from '../core/scoring';
import { BLANK, type CellMatrix, type CellValue } from './cellValue';
import type { FunctionCall } from './functionCall';
import type { LevelValuesDeclaration } from './functionDeclaration';
import { errorIn, FormulaError, formulaErrorOf } from './formulaError';
import { readLevel } from './readLevel';
import { OUT_OF_RANGE, resultShape, sizeOf, type Argument } from './resultLayout';

/** A spelling's level value, or the error that refuses it. */
function readValue(scale: Scale, raw: CellValue): LevelValue | FormulaError {
  try {
    return readLevel(scale, raw)?.value ?? null;
  } catch (e) {
    if (isCompetencyError(e)) return formulaErrorOf(e);
    throw e;
  }
}

/**
 * Level values already read on a scale, kept across calls (Excel calls a
 * filled-down formula once per cell): text by property, the fastest lookup V8
 * has for strings, and the rest by Map.
 */
export interface ValueMemo {
  scale: Scale;
  text: Record<string, LevelValue | FormulaError>;
  other: Map<unknown, LevelValue | FormulaError>;
  size: number;
}

const MEMO_LIMIT = 10_000;
const memos = new WeakMap<Scale, ValueMemo>();

function newMemo(scale: Scale): ValueMemo {
  const memo: ValueMemo = { scale, text: Object.create(null) as ValueMemo['text'], other: new Map(), size: 0 };
  memos.set(scale, memo);
  return memo;
}

/** The memo of values read on this scale, shared by every call (ROSTERGAP uses it too). */
export function memoOf(scale: Scale): ValueMemo {
  const memo = memos.get(scale);
  return memo && memo.size < MEMO_LIMIT ? memo : newMemo(scale);
}

/** A cell's value on the memo's scale when the text lookup missed: read once, then remembered. */
export function valueOfMiss(memo: ValueMemo, raw: CellValue | undefined): LevelValue | FormulaError {
  if (raw === undefined) return OUT_OF_RANGE;
  if (raw !== null && typeof raw === 'object') return errorIn(raw) as FormulaError;
  let value = memo.other.get(raw);
  if (value === undefined) {
    value = readValue(memo.scale, raw);
    if (typeof raw === 'string') memo.text[raw] = value;
    else memo.other.set(raw, value);
    memo.size++;
  }
  return value;
}

export function runLevelValues(
  decl: LevelValuesDeclaration,
  args: readonly Argument[],
  call: FunctionCall,
  data: readonly number[],
): CellMatrix {
  const first = args[data[0]] ?? [[null]];
  const second = data.length > 1 ? (args[data[1]] ?? [[null]]) : undefined;
  const { rows, cols } = resultShape(decl, args.map(sizeOf));
  const memo = memoOf(call.scale);
  const text = memo.text;
  const values = decl.values;
  const out: CellMatrix = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = first.length === 1 ? first[0] : first[r];
    const b = second === undefined ? [null] : second.length === 1 ? second[0] : second[r];
    const row: CellValue[] = new Array(cols);
    if (a === undefined || b === undefined) {
      out[r] = row.fill(OUT_OF_RANGE);
      continue;
    }
    const aOne = a.length === 1;
    const bOne = b.length === 1;
    for (let c = 0; c < cols; c++) {
      // Inlined lookups: this loop runs once per cell of a roster.
      const rx = aOne ? a[0] : a[c];
      let x = typeof rx === 'string' ? text[rx] : undefined;
      if (x === undefined) x = valueOfMiss(memo, rx);
      const ry = bOne ? b[0] : b[c];
      let y = typeof ry === 'string' ? text[ry] : undefined;
      if (y === undefined) y = valueOfMiss(memo, ry);
      const result = typeof x === 'object' && x !== null ? x : typeof y === 'object' && y !== null ? y : values(x, y);
      row[c] = result === null ? BLANK : result;
    }
    out[r] = row;
  }
  return out;
}
