/**
 * One call of a worksheet function once its options are settled: the scale,
 * the framework and the form, given or inferred, and memoised readers for the
 * cells (a roster repeats a handful of spellings thousands of times).
 */
import type { FrameworkModel } from '../core/framework/model';
import type { Competency, Role, ScaleLevel } from '../core/framework/schema';
import type { Scale } from '../core/scale';
import { CompetencyError, isCompetencyError } from '../core/problems';
import type { CellMatrix, CellValue } from './cellValue';
import { framework as frameworkNamed, findScale, scaleChoicesForHumans } from './catalogue';
import { inferFramework } from './frameworkInference';
import type { FunctionDeclaration, ParamKind } from './functionDeclaration';
import { errorIn, type FormulaError } from './formulaError';
import { scaleFromRange } from './rangeScale';
import { readLevel } from './readLevel';
import { inferScale, inferScaleOfCells, mayNameLevel, type Agreement } from './scaleInference';

export type LevelForm = 'code' | 'name';

type Memo<T> = Map<unknown, T | CompetencyError>;

/** A memoised read: each distinct spelling is read (and, if bad, refused) once per call. */
function remember<T>(memo: Memo<T>, raw: unknown, read: (raw: unknown) => T): T {
  let got = memo.get(raw);
  if (got === undefined) {
    try {
      got = read(raw);
    } catch (e) {
      if (!isCompetencyError(e)) throw e;
      got = e;
    }
    memo.set(raw, got);
  }
  if (got instanceof CompetencyError) throw got;
  return got as T;
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '' || raw === 0 || (typeof raw === 'string' && raw.trim() === '');
}

export class FunctionCall {
  // Created on first use: most calls from Excel are one cell and never need them.
  private levels?: Memo<ScaleLevel | null>;
  private ratingsByScale?: Map<Scale, Memo<ScaleLevel | null>>;
  private roles?: Memo<Role | null>;
  private competencies?: Memo<Competency | null>;

  constructor(
    private readonly givenScale: Scale | undefined,
    private readonly givenFramework: FrameworkModel | undefined,
    readonly form: LevelForm,
    /** The share a tolerant readiness asks for (the `threshold` option). */
    readonly threshold: number = DEFAULT_THRESHOLD,
  ) {}

  get scale(): Scale {
    if (!this.givenScale) throw new Error('this function declares no level parameter');
    return this.givenScale;
  }

  get framework(): FrameworkModel {
    if (!this.givenFramework) throw new Error('this function declares no role or competency parameter');
    return this.givenFramework;
  }

  /** A cell as a level of the call's scale; null for not rated. Throws unknown-level. */
  level(raw: unknown): ScaleLevel | null {
    const scale = this.scale;
    return remember((this.levels ??= new Map()), raw, (r) => readLevel(scale, r));
  }

  /** A cell as a level of this competency's own scale. */
  rating(raw: unknown, competency: Competency): ScaleLevel | null {
    const scale = this.framework.scaleOf(competency);
    const byScale = (this.ratingsByScale ??= new Map());
    let memo = byScale.get(scale);
    if (!memo) byScale.set(scale, (memo = new Map()));
    return remember(memo, raw, (r) => readLevel(scale, r));
  }

  /** A cell as a role of the call's framework; null when blank. Throws unknown-role. */
  role(raw: unknown): Role | null {
    const framework = this.framework;
    return remember((this.roles ??= new Map()), raw, (r) => (isBlank(r) ? null : framework.role(String(r))));
  }

  /** A cell as a competency of the call's framework; null when blank. Throws unknown-competency. */
  competency(raw: unknown): Competency | null {
    const framework = this.framework;
    return remember((this.competencies ??= new Map()), raw, (r) => (isBlank(r) ? null : framework.competency(String(r))));
  }
}

/** The single cell of an option argument; undefined when left out or blank. */
function optionCell(arg: CellMatrix | null | undefined): CellValue | undefined {
  if (!arg || arg.length === 0) return undefined;
  const cell = arg[0][0];
  return isBlank(cell) ? undefined : cell;
}

function scaleOption(arg: CellMatrix | null | undefined): Scale | undefined {
  if (arg && (arg.length > 1 || (arg[0]?.length ?? 0) > 1)) return scaleFromRange(arg);
  const cell = optionCell(arg);
  if (cell === undefined) return undefined;
  const found = findScale(String(cell));
  if (!found) throw new CompetencyError('unknown-scale', `no scale or framework "${String(cell)}"; give ${scaleChoicesForHumans()}`);
  return found;
}

function formOption(arg: CellMatrix | null | undefined): LevelForm {
  const cell = optionCell(arg);
  if (cell === undefined) return 'name';
  const form = String(cell).trim().toLowerCase();
  if (form === 'code' || form === 'name') return form;
  throw new CompetencyError('invalid-argument', `form is "code" or "name", not "${String(cell)}"`);
}

const DEFAULT_THRESHOLD = 0.8;

function thresholdOption(arg: CellMatrix | null | undefined): number {
  const cell = optionCell(arg);
  if (cell === undefined) return DEFAULT_THRESHOLD;
  if (typeof cell === 'number' && cell >= 0 && cell <= 1) return cell;
  throw new CompetencyError(
    'invalid-argument',
    `threshold is a share from 0 to 1 (80% or 0.8), not ${typeof cell === 'string' ? `"${cell}"` : String(cell)}`,
  );
}

function tokens(args: readonly (CellMatrix | null | undefined)[], at: readonly number[], asText: boolean): Set<unknown> {
  const out = new Set<unknown>();
  for (const i of at) {
    const arg = args[i];
    if (!arg) continue;
    for (const row of arg) {
      for (const cell of row) {
        if (!mayNameLevel(cell)) continue;
        const token = asText ? String(cell).trim() : cell;
        if (token !== '') out.add(token);
      }
    }
  }
  return out;
}

function isOneCell(arg: CellMatrix | null | undefined): boolean {
  return !arg || (arg.length === 1 && arg[0].length === 1);
}

/** The scale that reads every level of the call, when none is given. */
function inferredScale(args: readonly (CellMatrix | null | undefined)[], at: readonly number[], agreement: Agreement): Scale {
  // A call per cell (a filled-down formula): at most two single cells, whose answer is remembered.
  const first = args[at[0]];
  const second = at.length > 1 ? args[at[1]] : undefined;
  if (at.length <= 2 && isOneCell(first) && isOneCell(second)) {
    return inferScaleOfCells(first?.[0][0], second?.[0][0], agreement);
  }
  return inferScale(tokens(args, at, false), agreement);
}

/** What a declaration needs settled, worked out once per declaration. */
interface Needs {
  scaleAt: number;
  frameworkAt: number;
  formAt: number;
  thresholdAt: number;
  levelsAt: number[];
  rolesAt: number[];
  competenciesAt: number[];
  framework: boolean;
}

const needsOf = new WeakMap<FunctionDeclaration, Needs>();

function needs(decl: FunctionDeclaration): Needs {
  let n = needsOf.get(decl);
  if (!n) {
    const at = (kind: ParamKind) => decl.params.flatMap((p, i) => (p.kind === kind ? [i] : []));
    n = {
      scaleAt: decl.params.findIndex((p) => p.kind === 'scale'),
      frameworkAt: decl.params.findIndex((p) => p.kind === 'framework'),
      formAt: decl.params.findIndex((p) => p.kind === 'form'),
      thresholdAt: decl.params.findIndex((p) => p.kind === 'threshold'),
      levelsAt: at('level'),
      rolesAt: at('role'),
      competenciesAt: at('competency'),
      framework: decl.params.some((p) => p.kind === 'role' || p.kind === 'competency' || p.kind === 'rating'),
    };
    needsOf.set(decl, n);
  }
  return n;
}

function optionError(arg: CellMatrix | null | undefined): FormulaError | undefined {
  if (!arg) return undefined;
  for (let r = 0; r < arg.length; r++) {
    const row = arg[r];
    for (let c = 0; c < row.length; c++) {
      const error = errorIn(row[c]);
      if (error) return error;
    }
  }
  return undefined;
}

/**
 * Settles a call's options: the error an option argument carries (passed on
 * whole), or the call. Throws CompetencyError for a bad or ambiguous option.
 */
export function openCall(decl: FunctionDeclaration, args: readonly (CellMatrix | null | undefined)[]): FunctionCall | FormulaError {
  const n = needs(decl);
  const scaleArg = n.scaleAt < 0 ? undefined : args[n.scaleAt];
  const frameworkArg = n.frameworkAt < 0 ? undefined : args[n.frameworkAt];
  const formArg = n.formAt < 0 ? undefined : args[n.formAt];
  const thresholdArg = n.thresholdAt < 0 ? undefined : args[n.thresholdAt];
  const passed = optionError(scaleArg) ?? optionError(frameworkArg) ?? optionError(formArg) ?? optionError(thresholdArg);
  if (passed) return passed;
  let scale: Scale | undefined;
  if (n.levelsAt.length) {
    scale = scaleOption(scaleArg) ?? inferredScale(args, n.levelsAt, decl.agreement ?? 'value');
  }
  let framework: FrameworkModel | undefined;
  if (n.framework) {
    const named = optionCell(frameworkArg);
    framework =
      named !== undefined
        ? frameworkNamed(String(named))
        : inferFramework({
            roles: tokens(args, n.rolesAt, true) as Set<string>,
            competencies: tokens(args, n.competenciesAt, true) as Set<string>,
          });
  }
  return new FunctionCall(scale, framework, formOption(formArg), thresholdOption(thresholdArg));
}
