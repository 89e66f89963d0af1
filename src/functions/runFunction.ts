/**
 * The one runner behind every worksheet function (HyperFormula's
 * FunctionPlugin.runFunction, in our words). Given a declaration and the
 * arguments as matrices, it settles the options, lays the data arguments over
 * the result (cell by cell, by row, by column or whole), passes incoming
 * errors on, reads each cell by its parameter's kind, calls the body, and
 * turns a CompetencyError into the cell error the user sees.
 */
import { BLANK, type CellMatrix, type CellValue } from './cellValue';
import { openCall, type FunctionCall } from './functionCall';
import type { CellsDeclaration, FunctionDeclaration, Param, ReadCell, VectorDeclaration } from './functionDeclaration';
import { errorIn, FormulaError, formulaErrorFromCaught } from './formulaError';
import { runLevelValues } from './levelValues';
import { dataParams, orient, OUT_OF_RANGE, resultShape, sizeOf, transpose, type Argument } from './resultLayout';

export { resultShape, type Argument } from './resultLayout';

function readCell(param: Param, raw: CellValue, call: FunctionCall): ReadCell {
  switch (param.kind) {
    case 'level':
      return call.level(raw);
    case 'role':
      return call.role(raw);
    case 'competency':
      return call.competency(raw);
    default:
      throw new Error(`a ${param.kind} parameter cannot be read cell by cell`);
  }
}

function runCells(decl: CellsDeclaration, args: readonly Argument[], call: FunctionCall, data: readonly number[]): CellMatrix {
  const matrices = data.map((i) => args[i] ?? [[null]]);
  const params = data.map((i) => decl.params[i]);
  const { rows, cols } = resultShape(decl, args.map(sizeOf));
  const out: CellMatrix = new Array(rows);
  const cells: ReadCell[] = new Array(data.length);
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let result: CellValue | undefined;
      for (let k = 0; k < matrices.length && result === undefined; k++) {
        const m = matrices[k];
        const mr = m.length === 1 ? m[0] : m[r];
        const raw = mr === undefined ? undefined : mr.length === 1 ? mr[0] : mr[c];
        if (raw === undefined) {
          result = OUT_OF_RANGE;
          break;
        }
        if (raw !== null && typeof raw === 'object') {
          result = errorIn(raw);
          break;
        }
        try {
          cells[k] = readCell(params[k], raw, call);
        } catch (e) {
          result = formulaErrorFromCaught(e);
        }
      }
      if (result === undefined) {
        try {
          result = decl.each(cells, call);
        } catch (e) {
          result = formulaErrorFromCaught(e);
        }
      }
      row[c] = result === null ? BLANK : result;
    }
    out[r] = row;
  }
  return out;
}

function runVectors(
  decl: VectorDeclaration,
  args: readonly Argument[],
  call: FunctionCall,
  data: readonly number[],
): CellMatrix | FormulaError {
  const byRow = decl.layout === 'rows';
  const shapes = args.map(sizeOf);
  const flip = orient(decl, shapes, data) !== !byRow; // work on rows; transpose where the layout needs it
  const matrices = data.map((i) => {
    const m = args[i] ?? [[null]];
    return flip ? transpose(m) : m;
  });
  const params = data.map((i) => decl.params[i]);
  const count = Math.max(1, ...matrices.map((m) => m.length));
  // Every vector argument must give one cell per competency (or per person), in the same order.
  const width = matrices.find((m, k) => !params[k].single)?.[0]?.length ?? 1;
  for (let k = 0; k < matrices.length; k++) {
    const m = matrices[k];
    if (m.length !== 1 && m.length !== count) {
      return new FormulaError(
        '#VALUE!',
        `${params[k].name} has ${m.length} ${byRow ? 'rows' : 'columns'} but the other ranges have ${count}; give one per ${byRow ? 'row' : 'column'}, or a single one for all`,
      );
    }
    if (params[k].single ? m[0].length !== 1 : m[0].length !== width) {
      const expected = params[k].single ? 1 : width;
      return new FormulaError(
        '#VALUE!',
        `${params[k].name} has ${m[0].length} cells per ${byRow ? 'row' : 'column'} where ${expected} ${expected === 1 ? 'is' : 'are'} needed; give the ranges in the same order and size`,
      );
    }
  }
  const results: CellValue[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const vectors = matrices.map((m) => (m.length === 1 ? m[0] : m[r]));
    let result: CellValue | undefined;
    for (const v of vectors) {
      for (const cell of v) {
        if (cell !== null && typeof cell === 'object') {
          result = errorIn(cell);
          break;
        }
      }
      if (result !== undefined) break;
    }
    if (result === undefined) {
      try {
        result = decl.each(vectors, call);
      } catch (e) {
        result = formulaErrorFromCaught(e);
      }
    }
    results[r] = result === null ? BLANK : result;
  }
  return byRow ? results.map((v) => [v]) : [results];
}

/**
 * Runs a declared function. Returns the result matrix (errors may sit in its
 * cells), or a FormulaError for the call as a whole (a bad option, ranges
 * that do not line up).
 */
export function runFunction(decl: FunctionDeclaration, args: readonly Argument[]): CellMatrix | FormulaError {
  if (args.length > decl.params.length) {
    return new FormulaError('#VALUE!', `COMPETENCY.${decl.name} takes ${decl.params.length} arguments, not ${args.length}`);
  }
  // Excel enforces required arguments, so a null there is a blank cell; only an engine that lets a
  // formula leave one out gives undefined.
  for (let i = 0; i < decl.params.length; i++) {
    const p = decl.params[i];
    if (!p.optional && args[i] === undefined) return new FormulaError('#VALUE!', `COMPETENCY.${decl.name} needs ${p.name}`);
  }
  let call: FunctionCall | FormulaError;
  try {
    call = openCall(decl, args);
  } catch (e) {
    return formulaErrorFromCaught(e);
  }
  if (call instanceof FormulaError) return call;
  const data = dataParams(decl);
  try {
    switch (decl.layout) {
      case 'cells':
        return runCells(decl, args, call, data);
      case 'level values':
        return runLevelValues(decl, args, call, data);
      case 'rows':
      case 'columns':
        return runVectors(decl, args, call, data);
      case 'whole':
        return decl.body(
          data.map((i) => args[i] ?? [[null]]),
          call,
        );
    }
  } catch (e) {
    return formulaErrorFromCaught(e);
  }
}
