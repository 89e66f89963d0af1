/**
 * The worksheet-functions layer: what other layers and tests may use.
 * functions.ts (the webpack entry) is not exported: it only registers with Excel.
 */
export { FUNCTIONS, declarationOf } from './functionTable';
export { runFunction, resultShape, type Argument } from './runFunction';
export type { FunctionDeclaration, Param, ParamKind, Layout } from './functionDeclaration';
export { FormulaError, errorIn, type ErrorCode } from './formulaError';
export { BLANK, type CellMatrix, type CellValue, type Shape } from './cellValue';
export { knownFrameworks } from './frameworkRegistry';
export { setWorkbookFrameworks } from './workbookFrameworks';
export { toScoringFramework } from './scoringFramework';
