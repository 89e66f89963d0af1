/**
 * Excel error values as plain data: a code from Excel's small closed set and,
 * for #VALUE! and #N/A, a message written for the user. The worksheet
 * functions return these inside results; each host (the Excel runtime,
 * HyperFormula in tests) turns them into its own error objects at the edge.
 */
import { CompetencyError, isCompetencyError, type ProblemKind } from '../core/problems';

export type ErrorCode =
  '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NAME?' | '#REF!' | '#NULL!' | '#SPILL!' | '#CALC!' | '#BUSY!' | '#ERROR!';

const CODES = new Set<string>([
  '#VALUE!',
  '#N/A',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#REF!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#BUSY!',
  '#ERROR!',
]);

export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string,
    /** The host's own error object when the error came in as an argument: handed back unchanged. */
    readonly passedOn?: unknown,
  ) {}
}

/** What a user can get wrong, as the cell error Excel users expect for it. */
const CODE_OF_KIND: Partial<Record<ProblemKind, ErrorCode>> = {
  'unknown-role': '#N/A',
  'unknown-competency': '#N/A',
};

export function formulaErrorOf(problem: CompetencyError): FormulaError {
  return new FormulaError(CODE_OF_KIND[problem.kind] ?? '#VALUE!', problem.message);
}

/** A caught problem as its cell error; anything else (a bug, not the user's input) is thrown on. */
export function formulaErrorFromCaught(e: unknown): FormulaError {
  if (isCompetencyError(e)) return formulaErrorOf(e);
  throw e;
}

/**
 * The error a cell value carries, if it is one: our own, or a host error object
 * handed in as an argument (Excel's CustomFunctions.Error has a `code` such as
 * "#N/A"). Everything that is not a number, text, boolean or blank is an error.
 */
export function errorIn(value: unknown): FormulaError | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (value instanceof FormulaError) return value;
  const code = (value as { code?: unknown }).code;
  const message = (value as { message?: unknown }).message;
  const known = typeof code === 'string' && isErrorCode(code) ? code : '#VALUE!';
  return new FormulaError(known, typeof message === 'string' && message ? message : undefined, value);
}

export function isErrorCode(code: string): code is ErrorCode {
  return CODES.has(code);
}
