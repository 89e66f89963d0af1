/**
 * The COMPETENCY.* worksheet functions registered in HyperFormula (GPL-3.0:
 * tests only, never in dist/). Every function comes from the same declaration
 * table and runner as dist/functions.js; only the edge differs: HyperFormula's
 * ranges, empty value and CellError are turned into ours and back.
 *
 *   registerCompetencyFunctions();            // once per process (idempotent)
 *   const hf = competencyEngine({ Grid: [['A', 'I', '=COMPETENCY.LEVELGAP(A1, B1)']] });
 *   hf.getCellValue({ sheet: 0, row: 0, col: 2 }); // 1
 *
 * Blank results are '' (as in Excel, where a custom function cannot return a
 * true blank); errors are HyperFormula DetailedCellError values whose
 * `message` is the one the add-in shows.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type RawCellContent,
} from 'hyperformula';
import {
  FUNCTIONS,
  FormulaError,
  resultShape,
  runFunction,
  type Argument,
  type CellValue,
  type ErrorCode,
  type FunctionDeclaration,
} from '../../src/functions';

const TO_HF: Partial<Record<ErrorCode, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
  '#SPILL!': ErrorType.SPILL,
};
const FROM_HF: Partial<Record<ErrorType, ErrorCode>> = Object.fromEntries(
  Object.entries(TO_HF).map(([code, type]) => [type, code as ErrorCode]),
);

function fromHf(value: unknown): CellValue {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return new FormulaError(FROM_HF[value.type] ?? '#ERROR!', value.message, value);
  if (typeof value === 'object' && 'val' in (value as object)) return (value as { val: number }).val; // dates, percentages, currency
  return value as CellValue;
}

function argumentFromHf(value: unknown): Argument {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(fromHf));
  return [[fromHf(value)]];
}

function toHf(cell: CellValue): unknown {
  if (cell instanceof FormulaError) {
    return cell.passedOn instanceof CellError ? cell.passedOn : new CellError(TO_HF[cell.code] ?? ErrorType.ERROR, cell.message);
  }
  return cell;
}

/** The HyperFormula name of a declared function: "COMPETENCY.LEVELGAP". */
export function formulaName(declaration: FunctionDeclaration): string {
  return `COMPETENCY.${declaration.name}`;
}

function buildPlugin(): FunctionPluginDefinition {
  const implementedFunctions: ImplementedFunctions = {};
  class CompetencyFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implementedFunctions;
  }
  const prototype = CompetencyFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  FUNCTIONS.forEach((declaration, i) => {
    const method = `competency${i}`;
    const sizeMethod = `competency${i}Size`;
    implementedFunctions[formulaName(declaration)] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: declaration.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      vectorizationForbidden: true, // our runner broadcasts, as Excel's custom-function runtime leaves it to us
    };
    // The runner sees every argument as it is, errors included, as the Excel runtime hands them.
    prototype[method] = function (this: CompetencyFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
      const args = ast.args.map((a) => argumentFromHf(this.evaluateAst(a as never, state as never)));
      const result = runFunction(declaration, args);
      if (result instanceof FormulaError) return toHf(result);
      if (result.length === 1 && result[0].length === 1) return toHf(result[0][0]);
      return SimpleRangeValue.onlyValues(result.map((row) => row.map(toHf)) as never);
    };
    prototype[sizeMethod] = function (this: CompetencyFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
      const shapes = ast.args.map((a) => {
        const size = this.arraySizeForAst(a as never, state as never);
        return { rows: size.height, cols: size.width };
      });
      const { rows, cols } = resultShape(declaration, shapes);
      return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
    };
  });
  return CompetencyFunctionsPlugin as unknown as FunctionPluginDefinition;
}

let registered: FunctionPluginDefinition | undefined;

/**
 * Registers every COMPETENCY.* function with a HyperFormula class (the default
 * import unless given). Safe to call more than once.
 */
export function registerCompetencyFunctions(hf: typeof HyperFormula = HyperFormula): void {
  if (registered && hf.getRegisteredFunctionNames('enGB').includes(formulaName(FUNCTIONS[0]))) return;
  registered = buildPlugin();
  const names = Object.fromEntries(FUNCTIONS.map((d) => [formulaName(d), formulaName(d)]));
  hf.registerFunctionPlugin(registered, { enGB: names });
}

export function unregisterCompetencyFunctions(hf: typeof HyperFormula = HyperFormula): void {
  if (registered) hf.unregisterFunctionPlugin(registered);
  registered = undefined;
}

/** The configuration every engine in these tests uses: a free licence for GPL use, Excel 365 array semantics. */
export const ENGINE_CONFIG: Partial<ConfigParams> = { licenseKey: 'gpl-v3', useArrayArithmetic: true };

/** A HyperFormula engine over these sheets with the COMPETENCY.* functions registered. */
export function competencyEngine(sheets: Record<string, RawCellContent[][]>, config: Partial<ConfigParams> = {}): HyperFormula {
  registerCompetencyFunctions();
  return HyperFormula.buildFromSheets(sheets, { ...ENGINE_CONFIG, ...config });
}
