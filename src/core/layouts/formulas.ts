/**
 * The formulas a grid writes, in one of two styles:
 * - portable (the default): native Excel only, looking levels up in the scale
 *   table written into the workbook. Forms every engine accepts: INDEX with row
 *   and column, MATCH(..., 0), COUNTIF/SUMIF/SUMPRODUCT; no dynamic arrays,
 *   no LET or XLOOKUP. A workbook opened without the add-in still scores.
 * - addin: level parsing and scoring through the add-in's =COMPETENCY.*
 *   functions, for analysts who write their own formulas with them. Tests
 *   prove both give the same numbers.
 * Lookups (a person's targets, their next role) are native in both styles.
 * Every reference passed in is A1 text; nothing here knows the layout.
 */
export type FormulaMode = 'portable' | 'addin';

/** Where a scale's table is, and what the add-in's functions take as its `scale` argument. */
export interface ScaleRefs {
  codes: string;
  values: string;
  /**
   * The add-in's `scale` argument: a quoted built-in scale id ("\"mit-proficiency\"")
   * or the codes range. Undefined where the add-in cannot reproduce the scale's
   * values from a range (values other than 1..n): that scale's cells stay portable.
   */
  addinScale?: string;
}

/** Where a person's next-role targets are: the target table, its role names, and the cell naming the next role. */
export interface NextRoleTargets {
  /** Target values, roles down and competencies across. */
  values: string;
  /** Role names, one per row of `values`. */
  roleNames: string;
  /** The person's next role name ("" for the most senior role). */
  nextRoleCell: string;
  /**
   * Tolerant readiness: the lowest value within one level of each target
   * (target − 1, blank where none), laid out as `values`. A table of its own
   * because `values − 1` would be #VALUE! on the blank targets.
   */
  floors?: string;
}

export class GridFormulas {
  constructor(readonly mode: FormulaMode) {}

  private addin(scale: ScaleRefs): boolean {
    return this.mode === 'addin' && scale.addinScale !== undefined;
  }

  /** A level code's value: blank for not rated. `&""` lets a code typed as a number match the text code. */
  levelValue(levelCell: string, scale: ScaleRefs): string {
    if (this.addin(scale)) return `IF(${levelCell}="","",COMPETENCY.LEVELVALUE(${levelCell},${scale.addinScale}))`;
    return `IF(${levelCell}="","",INDEX(${scale.values},MATCH(${levelCell}&"",${scale.codes},0)))`;
  }

  /** gap = rating − target, blank when either is missing (never zero). */
  gap(ratingCell: string, ratingValueCell: string, targetCell: string, scale: ScaleRefs): string {
    // LEVELGAP gives a blank for a blank rating or target, as the portable form does.
    if (this.addin(scale)) return `COMPETENCY.LEVELGAP(${ratingCell},${targetCell},${scale.addinScale})`;
    return `IF(OR(${ratingValueCell}="",${targetCell}=""),"",${ratingValueCell}-INDEX(${scale.values},MATCH(${targetCell},${scale.codes},0)))`;
  }

  /** The person's target code for one competency: row `row` (1-based) of the matrix, column of their role. */
  targetCode(matrixTargets: string, row: number, roleNumberCell: string): string {
    return `INDEX(${matrixTargets},${row},${roleNumberCell})&""`;
  }

  /** A target code's value, blank where the role requires nothing. */
  targetValue(targetCodeCell: string, scale: ScaleRefs): string {
    return `IF(${targetCodeCell}="","",INDEX(${scale.values},MATCH(${targetCodeCell}&"",${scale.codes},0)))`;
  }

  /** The position of the person's role in the role list (framework order). */
  roleNumber(roleCell: string, roleNames: string): string {
    return `MATCH(${roleCell},${roleNames},0)`;
  }

  /** The next role's position, blank for the most senior role. */
  nextRoleNumber(roleNumberCell: string, roleCount: number): string {
    return `IF(${roleNumberCell}<${roleCount},${roleNumberCell}+1,"")`;
  }

  nextRole(nextRoleNumberCell: string, roleNames: string): string {
    return `IF(${nextRoleNumberCell}="","",INDEX(${roleNames},${nextRoleNumberCell},1))`;
  }

  /** Meets %: gaps at or above 0 over gaps present (rated and required). */
  meets(gapRow: string): string {
    return `IF(COUNT(${gapRow})=0,"",COUNTIF(${gapRow},">=0")/COUNT(${gapRow}))`;
  }

  /** Total shortfall: the sum of negative gaps, as a positive number. */
  totalShortfall(gapRow: string): string {
    return `0-SUMIF(${gapRow},"<0")`;
  }

  /**
   * Readiness and blocking read the next role's row of the target table
   * (roles down, competencies across, columns in the order of `valueRow`). The
   * row is picked by a mask on the role names, broadcast across the table, not
   * by INDEX(table, n, 0): HyperFormula, for one, does not take a 0 column.
   */
  private nextMask(targets: NextRoleTargets): string {
    return `(${targets.roleNames}=${targets.nextRoleCell})`;
  }

  /** The next role's required competencies: its targets that are numbers. */
  private nextRequired(targets: NextRoleTargets): string {
    return `SUMPRODUCT(${this.nextMask(targets)}*ISNUMBER(${targets.values}))`;
  }

  /** Of those, rated and at or above the target (not rated counts as not met). */
  private nextMet(valueRow: string, targets: NextRoleTargets): string {
    return `SUMPRODUCT(${this.nextMask(targets)}*ISNUMBER(${targets.values})*ISNUMBER(${valueRow})*(${valueRow}>=${targets.values}))`;
  }

  /** Readiness for the next role: share of its required competencies met; blank without a next role. */
  readiness(valueRow: string, targets: NextRoleTargets): string {
    const required = this.nextRequired(targets);
    return `IF(${targets.nextRoleCell}="","",IF(${required}=0,"",${this.nextMet(valueRow, targets)}/${required}))`;
  }

  /** How many of the next role's required competencies still block (below target or not rated). */
  blocking(valueRow: string, targets: NextRoleTargets): string {
    return `IF(${targets.nextRoleCell}="","",${this.nextRequired(targets)}-${this.nextMet(valueRow, targets)})`;
  }

  /**
   * Tolerant readiness: "Ready" when the share met (the readiness cell) is at
   * or above the threshold and none of the next role's required competencies is
   * more than one level short or not rated; "Not yet" otherwise; blank without a
   * next role or a share. Comparisons only (no arithmetic on cells that may be
   * blank text), so every engine takes it without array entry.
   */
  readyTolerant(valueRow: string, targets: NextRoleTargets, readinessCell: string, thresholdCell: string): string {
    if (!targets.floors) throw new Error('readyTolerant needs the target floors table');
    const f = targets.floors;
    const farShort = `SUMPRODUCT(${this.nextMask(targets)}*ISNUMBER(${f})*(1-ISNUMBER(${valueRow})*(${valueRow}>=${f})))`;
    return `IF(${targets.nextRoleCell}="","",IF(${readinessCell}="","",IF(AND(${readinessCell}>=${thresholdCell},${farShort}=0),"${READY_WORDS.ready}","${READY_WORDS.notYet}")))`;
  }

  /** The lowest value within one level of a target value: target − 1, blank where there is no target. */
  targetFloor(targetValueCell: string): string {
    return `IF(ISNUMBER(${targetValueCell}),${targetValueCell}-1,"")`;
  }

  /** People at or above the coverage level on one competency. */
  coverage(ratingColumn: string, valueColumn: string, levelCell: string, scale: ScaleRefs): string {
    if (this.addin(scale)) return `IF(${levelCell}="","",COMPETENCY.COVERAGE(${ratingColumn},${levelCell},${scale.addinScale}))`;
    return `IF(${levelCell}="","",COUNTIF(${valueColumn},">="&INDEX(${scale.values},MATCH(${levelCell}&"",${scale.codes},0))))`;
  }

  /** "Single point" where one person holds the level, "None" where nobody does. */
  coverageFlag(coverageCell: string): string {
    return `IF(${coverageCell}="","",IF(${coverageCell}=0,"${COVERAGE_FLAGS.none}",IF(${coverageCell}=1,"${COVERAGE_FLAGS.single}","")))`;
  }

  rated(valueColumn: string): string {
    return `COUNT(${valueColumn})`;
  }
}

/** The words a tolerant grid's Ready column shows. */
export const READY_WORDS = { ready: 'Ready', notYet: 'Not yet' } as const;

/** The words the coverage flag row shows. */
export const COVERAGE_FLAGS = { single: 'Single point', none: 'None' } as const;
