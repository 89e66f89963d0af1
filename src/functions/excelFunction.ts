/**
 * The Excel edge: turns a declared function into the callable that
 * CustomFunctions.associate registers. Excel hands every `any[][]` argument as
 * a matrix (a scalar as [[v]]) and a left-out optional argument as null; an
 * error inside a range arrives as an error object and is handed back
 * unchanged. Errors we raise become CustomFunctions.Error, with a message for
 * #VALUE! and #N/A (the only codes that carry one).
 */
import type { CellMatrix } from './cellValue';
import { FormulaError, type ErrorCode } from './formulaError';
import { declarationOf } from './functionTable';
import { runFunction, type Argument } from './runFunction';

const EXCEL_CODE: Partial<Record<ErrorCode, keyof typeof CustomFunctions.ErrorCode>> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#NAME?': 'invalidName',
  '#REF!': 'invalidReference',
  '#NULL!': 'nullReference',
};

function toExcelError(error: FormulaError): unknown {
  if (error.passedOn !== undefined) return error.passedOn;
  const code = CustomFunctions.ErrorCode[EXCEL_CODE[error.code] ?? 'invalidValue'];
  const message = error.code === '#VALUE!' || error.code === '#N/A' ? error.message : undefined;
  return message === undefined ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, message);
}

function toArgument(value: unknown): Argument {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? (value as CellMatrix) : [[value as never]];
}

/** The function Excel calls for COMPETENCY.<name>. */
export function excelFunction(name: string): (...args: unknown[]) => unknown[][] {
  const declaration = declarationOf(name);
  return (...args: unknown[]) => {
    const result = runFunction(declaration, args.map(toArgument));
    if (result instanceof FormulaError) throw toExcelError(result);
    for (const row of result) {
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (cell instanceof FormulaError) row[j] = toExcelError(cell) as never;
      }
    }
    return result;
  };
}
