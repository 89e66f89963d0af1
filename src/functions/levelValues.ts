/**
 * The fast path for LEVELGAP, SHORTFALL and LEVELVALUE over big ranges: each
 * distinct spelling is read once per scale into a value (or the error that
 * refuses it), then the loop is one lookup per cell and the body's arithmetic.
 * The scale's own spellings (the codes a dropdown writes) are looked up inline
 * in its exact table (core/spellingTable.ts), a few character reads instead of
 * a hash lookup: that keeps a 5,000 x 40 call within about 3x of subtracting
 * numbers that were never text (npm run bench).
 */
import { isCompetencyError } from '../core/problems';
import type { Scale } from '../core/scale';
import type { SpellingTable } from '../core/spellingTable';
import type { LevelValue } from '../core/scoring';
import { BLANK as BLANK_RESULT, type CellMatrix, type CellValue } from './cellValue';
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
 * Level values on a scale, kept across calls (Excel calls a filled-down
 * formula once per cell): the scale's own spellings in its exact table (codes
 * and names as typed: most cells), then every other text already read by
 * property, the fastest lookup V8 has for strings, and the rest by Map.
 */
export interface ValueMemo {
  scale: Scale;
  exact: SpellingTable<number>;
  text: Record<string, LevelValue | FormulaError>;
  other: Map<unknown, LevelValue | FormulaError>;
  size: number;
}

// Read once: the loop below needs it for every blank cell, and in a CommonJS build (ts-node for
// the bench, jest) each read of an imported binding is a getter call. The webpack bundle inlines it.
const BLANK = BLANK_RESULT;

const MEMO_LIMIT = 10_000;
const memos = new WeakMap<Scale, ValueMemo>();
let lastMemo: ValueMemo | undefined;

function newMemo(scale: Scale): ValueMemo {
  const memo: ValueMemo = {
    scale,
    exact: scale.spellings.map((level) => level?.value ?? 0, 0),
    text: Object.create(null) as ValueMemo['text'],
    other: new Map(),
    size: 0,
  };
  memos.set(scale, memo);
  return memo;
}

/** The memo of values read on this scale, shared by every call (ROSTERGAP uses it too). */
export function memoOf(scale: Scale): ValueMemo {
  // The last memo first: calls once per cell ask for the same scale's memo every time.
  const memo = lastMemo?.scale === scale ? lastMemo : memos.get(scale);
  lastMemo = memo && memo.size < MEMO_LIMIT ? memo : newMemo(scale);
  return lastMemo;
}

/** A cell's value on the memo's scale when the text lookup missed: read once, then remembered. */
function valueOfMiss(memo: ValueMemo, raw: CellValue | undefined): LevelValue | FormulaError {
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

/** Any cell's value on the memo's scale, or the error that refuses it (ROSTERGAP reads its cells here). */
export function valueOf(memo: ValueMemo, raw: CellValue | undefined): LevelValue | FormulaError {
  if (typeof raw === 'string') {
    const known = memo.exact.get(raw) ?? memo.text[raw];
    if (known !== undefined) return known;
  } else if (raw === null) {
    return null; // a blank cell is not rated on every scale
  }
  return valueOfMiss(memo, raw);
}

/** One result cell the slow way: blanks, numbers, other spellings, errors (first argument's first). */
function resultOf(
  memo: ValueMemo,
  rx: CellValue | undefined,
  ry: CellValue | undefined,
  values: LevelValuesDeclaration['values'],
): CellValue {
  const x = valueOf(memo, rx);
  if (x instanceof FormulaError) return x;
  const y = valueOf(memo, ry);
  if (y instanceof FormulaError) return y;
  const result = values(x, y);
  return result === null ? BLANK : result;
}

/**
 * One row of results from a row of each argument (step 0 rereads a one-cell row for every
 * column, as a column against a header row broadcasts). This loop runs once per cell of a
 * roster: the common case, two of the scale's own spellings, is read inline from the exact
 * table; everything else goes out of line. It is a function of its own, called per row, so
 * the engine optimises it after a few rows rather than depending on on-stack replacement
 * of a single long loop.
 */
function resultRow(
  memo: ValueMemo,
  values: LevelValuesDeclaration['values'],
  a: readonly CellValue[],
  aStep: number,
  b: readonly CellValue[],
  bStep: number,
  cols: number,
): CellValue[] {
  const exact = memo.exact;
  const keys = exact.keys;
  const levelValues = exact.values;
  const row: CellValue[] = new Array(cols);
  for (let c = 0; c < cols; c++) {
    const rx = a[c * aStep];
    const ry = b[c * bStep];
    if (typeof rx === 'string' && typeof ry === 'string') {
      const sx = exact.slotOf(rx);
      const sy = exact.slotOf(ry);
      if (keys[sx] === rx && keys[sy] === ry) {
        const result = values(levelValues[sx], levelValues[sy]);
        row[c] = result === null ? BLANK : result;
        continue;
      }
    }
    row[c] = resultOf(memo, rx, ry, values);
  }
  return row;
}

const NO_CELLS: readonly CellValue[] = [];

export function runLevelValues(
  decl: LevelValuesDeclaration,
  args: readonly Argument[],
  call: FunctionCall,
  data: readonly number[],
): CellMatrix {
  const first = args[data[0]] ?? [[null]];
  // LEVELVALUE reads one level: pairing it with itself keeps one loop (its body ignores the second).
  const second = data.length > 1 ? (args[data[1]] ?? [[null]]) : first;
  const memo = memoOf(call.scale);
  // One cell against one cell, as Excel calls a formula filled down a roster: no shapes to work out.
  if (first.length === 1 && first[0].length === 1 && second.length === 1 && second[0].length === 1) {
    return [resultRow(memo, decl.values, first[0], 0, second[0], 0, 1)];
  }
  const { rows, cols } = resultShape(decl, args.map(sizeOf));
  const out: CellMatrix = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // A row one argument does not reach reads as no cells: #N/A, unless the other argument's error comes first.
    const a = (first.length === 1 ? first[0] : first[r]) ?? NO_CELLS;
    const b = (second.length === 1 ? second[0] : second[r]) ?? NO_CELLS;
    out[r] = resultRow(memo, decl.values, a, a.length === 1 ? 0 : 1, b, b.length === 1 ? 0 : 1, cols);
  }
  return out;
}
