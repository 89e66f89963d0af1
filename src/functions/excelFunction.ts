/**
 * The Excel edge: turns a declared function into the callable that
 * CustomFunctions.associate registers. Excel hands every `any[][]` argument as
 * a matrix (a scalar as [[v]]) and a left-out optional argument as null; an
 * error inside a range arrives as an error object and is handed back
 * unchanged. Errors we raise become CustomFunctions.Error, with a message for
 * #VALUE! and #N/A (the only codes that carry one). Codes the runtime cannot
 * return (#NAME?, #REF!; #DIV/0!, #NUM!, #NULL! before CustomFunctionsRuntime
 * 1.3) go out as #VALUE! naming the error that came in.
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

/**
 * Which error codes this runtime lets a custom function return
 * (CustomFunctions.ErrorCode, "Custom Functions requirement sets"): #NAME? and
 * #REF! never; #DIV/0!, #NUM! and #NULL! from CustomFunctionsRuntime 1.3;
 * #VALUE! and #N/A wherever there are error objects (1.2).
 */
function allowedOutput(code: ErrorCode): boolean {
  if (code === '#VALUE!' || code === '#N/A') return true;
  if (code === '#DIV/0!' || code === '#NUM!' || code === '#NULL!') return runtimeAtLeast('1.3');
  return false;
}

function runtimeAtLeast(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('CustomFunctionsRuntime', version);
  } catch {
    return false;
  }
}

function toExcelError(error: FormulaError): unknown {
  if (!allowedOutput(error.code)) {
    // What the runtime cannot return becomes #VALUE!, saying which error it stands for.
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `An argument holds ${error.code}.`);
  }
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
