/**
 * How a worksheet function is declared: its name, what each parameter means,
 * how its data arguments are laid over the result, and a body that only
 * scores. One runner (runFunction) does everything else for every function:
 * optional arguments, ranges, blanks, incoming errors, broadcasting, spills,
 * and turning problems into cell errors.
 */
import type { Competency, Role, ScaleLevel } from '../core/framework/schema';
import type { CellMatrix, CellValue } from './cellValue';
import type { FunctionCall } from './functionCall';
import type { Agreement } from './scaleInference';
import type { LevelValue } from '../core/scoring';

/** What the cells of an argument mean. */
export type ParamKind =
  /** A level on the call's scale: code, name, number or the source's own spelling. */
  | 'level'
  /** A level on its competency's own scale (one framework can use several scales). */
  | 'rating'
  /** A role of the call's framework: id, name or code. */
  | 'role'
  /** A competency of the call's framework: id or name. */
  | 'competency'
  /** Option: a framework id, a scale id, or a range listing levels lowest first. */
  | 'scale'
  /** Option: a framework id or name. */
  | 'framework'
  /** Option: "code" or "name". */
  | 'form'
  /** Option: a share from 0 to 1 (80% is 0.8); 0.8 when left out. */
  | 'threshold';

export const OPTION_KINDS: ReadonlySet<ParamKind> = new Set<ParamKind>(['scale', 'framework', 'form', 'threshold']);

export interface Param {
  /** As in the JSDoc of src/functions/functions.ts (a test keeps them equal). */
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /**
   * In the 'rows' and 'columns' layouts: one value per row (or column) rather
   * than a vector, e.g. each person's next role.
   */
  single?: boolean;
}

/** How the data arguments are laid over the result. */
export type Layout =
  /** Cell by cell, broadcasting like Excel's array arithmetic; the result spills. */
  | 'cells'
  /** As 'cells', for bodies that only need level values (see LevelValuesDeclaration). */
  | 'level values'
  /** One result per row (a person); a one-row argument is shared by every row. */
  | 'rows'
  /** One result per column (a competency); a one-column argument is shared by every column. */
  | 'columns'
  /** The data arguments as whole matrices. */
  | 'whole';

/** A data cell once read: a level, a role or a competency; null for blank. */
export type ReadCell = ScaleLevel | Role | Competency | null;

interface DeclarationBase {
  /** Without the COMPETENCY namespace, e.g. "LEVELGAP". */
  name: string;
  params: readonly Param[];
  /** For a left-out scale: what candidate scales must agree on (default: value). */
  agreement?: Agreement;
}

export interface CellsDeclaration extends DeclarationBase {
  layout: 'cells';
  /** One result cell from the data arguments' cells, read by kind, in parameter order. */
  each(cells: readonly ReadCell[], call: FunctionCall): CellValue;
}

/**
 * A cell-by-cell function of one or two levels that needs only their values
 * (null for not rated): LEVELGAP, SHORTFALL, LEVELVALUE. The runner reads each
 * distinct spelling once and loops on numbers, the fast path for big ranges.
 */
export interface LevelValuesDeclaration extends DeclarationBase {
  layout: 'level values';
  values(a: LevelValue, b: LevelValue): LevelValue;
}

export interface VectorDeclaration extends DeclarationBase {
  layout: 'rows' | 'columns';
  /** One result from each data argument's row (or column), raw, in parameter order. */
  each(vectors: readonly (readonly CellValue[])[], call: FunctionCall): CellValue;
}

export interface WholeDeclaration extends DeclarationBase {
  layout: 'whole';
  body(matrices: readonly CellMatrix[], call: FunctionCall): CellMatrix;
}

export type FunctionDeclaration = CellsDeclaration | LevelValuesDeclaration | VectorDeclaration | WholeDeclaration;
