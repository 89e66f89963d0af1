/**
 * How arguments of different sizes lay over a result, in one place so the
 * runner and a formula engine's size prediction (HyperFormula needs the size
 * of a spill before it evaluates) cannot disagree.
 */
import type { CellMatrix, Shape } from './cellValue';
import { OPTION_KINDS, type FunctionDeclaration } from './functionDeclaration';
import { FormulaError } from './formulaError';

/** An argument as it arrives: a matrix (a scalar is 1 x 1), or null when left out. */
export type Argument = CellMatrix | null | undefined;

/** Where ranges of different sizes do not overlap, as in Excel's array arithmetic. */
export const OUT_OF_RANGE = new FormulaError('#N/A', 'the ranges in this formula have different sizes');

const dataParamsOf = new WeakMap<FunctionDeclaration, readonly number[]>();

/** Positions of the data parameters (everything but options), worked out once per declaration. */
export function dataParams(decl: FunctionDeclaration): readonly number[] {
  let out = dataParamsOf.get(decl);
  if (!out) {
    out = decl.params.flatMap((p, i) => (OPTION_KINDS.has(p.kind) ? [] : [i]));
    dataParamsOf.set(decl, out);
  }
  return out;
}

export function sizeOf(arg: Argument): Shape {
  return arg && arg.length ? { rows: arg.length, cols: arg[0].length } : { rows: 1, cols: 1 };
}

export function transpose(m: CellMatrix): CellMatrix {
  const out: CellMatrix = [];
  for (let j = 0; j < (m[0]?.length ?? 0); j++) out.push(m.map((row) => row[j]));
  return out;
}

/** Column vectors in a by-row function (one person's ratings down a column) are read as rows, and the reverse. */
export function orient(decl: FunctionDeclaration, shapes: readonly Shape[], data: readonly number[]): boolean {
  const given = data.filter((i) => i < shapes.length).map((i) => shapes[i]);
  if (decl.layout === 'rows') return given.every((s) => s.cols === 1) && given.some((s) => s.rows > 1);
  if (decl.layout === 'columns') return given.every((s) => s.rows === 1) && given.some((s) => s.cols > 1);
  return false;
}

/**
 * The size of the result from the sizes of the arguments alone, as a formula
 * engine needs to know before it evaluates (HyperFormula's array size
 * prediction). runFunction lays its results out by the same rule.
 */
export function resultShape(decl: FunctionDeclaration, shapes: readonly Shape[]): Shape {
  const data = dataParams(decl);
  let rows = 1;
  let cols = 1;
  for (const i of data) {
    if (i >= shapes.length) continue;
    rows = Math.max(rows, shapes[i].rows);
    cols = Math.max(cols, shapes[i].cols);
  }
  switch (decl.layout) {
    case 'cells':
    case 'level values':
      return { rows, cols };
    case 'rows':
      return orient(decl, shapes, data) ? { rows: 1, cols: 1 } : { rows, cols: 1 };
    case 'columns':
      return orient(decl, shapes, data) ? { rows: 1, cols: 1 } : { rows: 1, cols };
    case 'whole':
      return shapes[data[0]] ?? { rows: 1, cols: 1 };
  }
}
