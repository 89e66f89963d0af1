/**
 * Worksheet functions under the COMPETENCY namespace: the entry of
 * dist/functions.js. The JSDoc below is what Excel shows in formula
 * autocomplete; custom-functions-metadata-plugin turns it into functions.json
 * and appends the CustomFunctions.associate call for each function. Each body
 * hands its arguments to the declared function (functionTable.ts), which the
 * shared runner evaluates. Keep this file to the shells: no other exports.
 */
import { excelFunction } from './excelFunction';

/**
 * The CustomFunctions.associate calls that custom-functions-metadata-plugin
 * appends to this file resolve to this binding, which forwards to Excel's
 * runtime and does nothing where there is none (the task-pane page, which also
 * loads this script, opened in a plain browser), instead of throwing there.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the appended associate calls
const CustomFunctions = {
  associate(id: string, fn: (...args: unknown[]) => unknown): void {
    const runtime = (globalThis as { CustomFunctions?: { associate(id: string, fn: unknown): void } }).CustomFunctions;
    runtime?.associate(id, fn);
  },
};

const LEVELGAP = excelFunction('LEVELGAP');
const SHORTFALL = excelFunction('SHORTFALL');
const LEVELVALUE = excelFunction('LEVELVALUE');
const LEVELNAME = excelFunction('LEVELNAME');
const TARGET = excelFunction('TARGET');
const MEETS = excelFunction('MEETS');
const READINESS = excelFunction('READINESS');
const READINESS_BLOCKERS = excelFunction('READINESS.BLOCKERS');
const READINESS_TOLERANT = excelFunction('READINESS.TOLERANT');
const COVERAGE = excelFunction('COVERAGE');
const ROSTERGAP = excelFunction('ROSTERGAP');

/**
 * Gap in level steps: gap = rating - target. Negative is a shortfall, 0 meets, positive exceeds. Blank if not rated. Ranges work cell by cell.
 * @customfunction LEVELGAP
 * @param rating The level held, e.g. "A", "Advanced" or 4. Blank or N/A is not rated.
 * @param target The level required, e.g. "I".
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Inferred from the levels if left out.
 * @returns rating - target, in level steps.
 */
export function levelGap(rating: any[][], target: any[][], scale?: any[][]): any[][] {
  return LEVELGAP(rating, target, scale);
}

/**
 * Shortfall in level steps: max(0, target - rating), the size of a negative gap (gap = rating - target); 0 when met or exceeded.
 * @customfunction SHORTFALL
 * @param rating The level held. Blank or N/A is not rated.
 * @param target The level required.
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Inferred if left out.
 * @returns How many levels short of the target.
 */
export function shortfall(rating: any[][], target: any[][], scale?: any[][]): any[][] {
  return SHORTFALL(rating, target, scale);
}

/**
 * The numeric value of a level on its scale (gaps are differences of these values: gap = rating - target). Blank if not rated.
 * @customfunction LEVELVALUE
 * @param level A level code, name or number, e.g. "A" or "Advanced (4/5)".
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Inferred if left out.
 * @returns The level's value.
 */
export function levelValue(level: any[][], scale?: any[][]): any[][] {
  return LEVELVALUE(level, scale);
}

/**
 * The name (or code) of a level given its value or any spelling, e.g. 4 -> "Advanced". Levels are compared as gap = rating - target.
 * @customfunction LEVELNAME
 * @param value A level value, code or name.
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Needed for plain numbers.
 * @param [form] "name" (default) or "code".
 * @returns The level's name or code.
 */
export function levelName(value: any[][], scale?: any[][], form?: any[][]): any[][] {
  return LEVELNAME(value, scale, form);
}

/**
 * The target level (its code) a role requires on a competency; blank where none is required. Compare with gap = rating - target.
 * @customfunction TARGET
 * @param role A role of the framework, by name, code or id, e.g. "DevOps Engineer II".
 * @param competency A competency of the framework, by name or id.
 * @param [framework] Framework id, e.g. "mit-devops". Inferred from the role and competency if left out.
 * @returns The target level's code; #N/A for an unknown role or competency.
 */
export function target(role: any[][], competency: any[][], framework?: any[][]): any[][] {
  return TARGET(role, competency, framework);
}

/**
 * Meets %: the share of competencies both rated and required where rating >= target (gap = rating - target >= 0). One result per row.
 * @customfunction MEETS
 * @param ratings A person's ratings, one per competency (a row, or a block with one row per person).
 * @param targets The targets, in the same order (one row for everyone, or one per person).
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Inferred if left out.
 * @returns A share from 0 to 1; blank when nothing is both rated and required.
 */
export function meetsShare(ratings: any[][], targets: any[][], scale?: any[][]): any[][] {
  return MEETS(ratings, targets, scale);
}

/**
 * Readiness: the share of the next role's required competencies met (gap = rating - target >= 0); not rated counts as not met.
 * @customfunction READINESS
 * @param ratings A person's ratings, one per competency (a row, or one row per person).
 * @param competencies The competency of each rating column (a header row).
 * @param nextRole The role to be ready for (one, or one per person).
 * @param [framework] Framework id. Inferred from the roles and competencies if left out.
 * @returns A share from 0 to 1; 1 means ready.
 */
export function readinessShare(ratings: any[][], competencies: any[][], nextRole: any[][], framework?: any[][]): any[][] {
  return READINESS(ratings, competencies, nextRole, framework);
}

/**
 * The competencies that block readiness for the next role: below its target (gap = rating - target < 0) or not rated.
 * @customfunction READINESS.BLOCKERS
 * @param ratings A person's ratings, one per competency (a row, or one row per person).
 * @param competencies The competency of each rating column (a header row).
 * @param nextRole The role to be ready for (one, or one per person).
 * @param [framework] Framework id. Inferred from the roles and competencies if left out.
 * @returns The blocking competencies separated by "; ", blank when ready.
 */
export function readinessBlockers(ratings: any[][], competencies: any[][], nextRole: any[][], framework?: any[][]): any[][] {
  return READINESS_BLOCKERS(ratings, competencies, nextRole, framework);
}

/**
 * Tolerant readiness: TRUE when the share of the next role's required competencies met is at or above the threshold and none is more than one level short (gap = rating - target >= -1) or not rated.
 * @customfunction READINESS.TOLERANT
 * @param ratings A person's ratings, one per competency (a row, or one row per person).
 * @param competencies The competency of each rating column (a header row).
 * @param nextRole The role to be ready for (one, or one per person).
 * @param [threshold] The share to meet, from 0 to 1 (80% or 0.8 if left out).
 * @param [framework] Framework id. Inferred from the roles and competencies if left out.
 * @returns TRUE or FALSE; blank when the next role requires none of the competencies.
 */
export function readinessTolerant(
  ratings: any[][],
  competencies: any[][],
  nextRole: any[][],
  threshold?: any[][],
  framework?: any[][],
): any[][] {
  return READINESS_TOLERANT(ratings, competencies, nextRole, threshold, framework);
}

/**
 * Coverage: how many ratings are at or above a level, i.e. gap = rating - target >= 0 with the level as target; one count per column.
 * @customfunction COVERAGE
 * @param ratings A team's ratings: a column per competency.
 * @param level The level to count at or above, e.g. "A" (one, or one per column).
 * @param [scale] Framework id, scale id, or a range listing your levels lowest first. Inferred if left out.
 * @returns How many people, one count per column.
 */
export function coverageCount(ratings: any[][], level: any[][], scale?: any[][]): any[][] {
  return COVERAGE(ratings, level, scale);
}

/**
 * A whole roster's gaps in one spilled call: gap = rating - target for each person and competency, with targets by role.
 * @customfunction ROSTERGAP
 * @param ratings The ratings: one row per person, one column per competency.
 * @param roles Each person's role: a column beside the ratings (or one role for all).
 * @param competencies The competency of each column: the header row.
 * @param [framework] Framework id. Inferred from the roles and competencies if left out.
 * @returns The gap matrix; blank where not rated or not required.
 */
export function rosterGap(ratings: any[][], roles: any[][], competencies: any[][], framework?: any[][]): any[][] {
  return ROSTERGAP(ratings, roles, competencies, framework);
}
