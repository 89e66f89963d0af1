/**
 * Every worksheet function of the COMPETENCY namespace, declared once: name,
 * parameters by kind, layout, and a body that only calls core scoring. The
 * Excel runtime (functions.ts) and the HyperFormula test plugin both run these
 * declarations through runFunction. Help text lives in functions.ts's JSDoc,
 * which Excel shows; a test keeps the parameter lists equal.
 */
import type { Competency, Role, ScaleLevel } from '../core/framework/schema';
import { coverage, levelGap, meets, readiness, shortfall, type LevelValue } from '../core/scoring';
import { CompetencyError } from '../core/problems';
import type { CellValue } from './cellValue';
import type { FunctionCall } from './functionCall';
import type { FunctionDeclaration, ReadCell } from './functionDeclaration';
import { rosterGap } from './rosterGap';

function valueOf(cell: ReadCell): LevelValue {
  return cell === null ? null : (cell as ScaleLevel).value;
}

/** One person's readiness for a role, from a row of ratings under a row of competency headers. */
function readinessOf(ratings: readonly CellValue[], headers: readonly CellValue[], roleCell: CellValue, call: FunctionCall) {
  const role = call.role(roleCell);
  if (!role) return null;
  const competencies = headers.map((h) => call.competency(h));
  const targets = competencies.map((c) => (c ? valueOf(call.framework.target(role, c) ?? null) : null));
  const values = ratings.map((r, j) => (competencies[j] ? valueOf(call.rating(r, competencies[j] as Competency)) : null));
  return { result: readiness(values, targets, { threshold: call.threshold }), values };
}

export const FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'LEVELGAP',
    layout: 'level values',
    params: [
      { name: 'rating', kind: 'level' },
      { name: 'target', kind: 'level' },
      { name: 'scale', kind: 'scale', optional: true },
    ],
    values: levelGap,
  },
  {
    name: 'SHORTFALL',
    layout: 'level values',
    params: [
      { name: 'rating', kind: 'level' },
      { name: 'target', kind: 'level' },
      { name: 'scale', kind: 'scale', optional: true },
    ],
    values: shortfall,
  },
  {
    name: 'LEVELVALUE',
    layout: 'level values',
    params: [
      { name: 'level', kind: 'level' },
      { name: 'scale', kind: 'scale', optional: true },
    ],
    values: (level) => level,
  },
  {
    name: 'LEVELNAME',
    layout: 'cells',
    agreement: 'spelling',
    params: [
      { name: 'value', kind: 'level' },
      { name: 'scale', kind: 'scale', optional: true },
      { name: 'form', kind: 'form', optional: true },
    ],
    each: ([level], call) => {
      const l = level as ScaleLevel | null;
      return l === null ? null : call.form === 'code' ? l.code : l.name;
    },
  },
  {
    name: 'TARGET',
    layout: 'cells',
    params: [
      { name: 'role', kind: 'role' },
      { name: 'competency', kind: 'competency' },
      { name: 'framework', kind: 'framework', optional: true },
    ],
    each: ([role, competency], call) =>
      role && competency ? (call.framework.target(role as Role, competency as Competency)?.code ?? null) : null,
  },
  {
    name: 'MEETS',
    layout: 'rows',
    params: [
      { name: 'ratings', kind: 'level' },
      { name: 'targets', kind: 'level' },
      { name: 'scale', kind: 'scale', optional: true },
    ],
    each: ([ratings, targets], call) =>
      meets(
        ratings.map((r) => valueOf(call.level(r))),
        targets.map((t) => valueOf(call.level(t))),
      ).share,
  },
  {
    name: 'READINESS',
    layout: 'rows',
    params: [
      { name: 'ratings', kind: 'rating' },
      { name: 'competencies', kind: 'competency' },
      { name: 'nextRole', kind: 'role', single: true },
      { name: 'framework', kind: 'framework', optional: true },
    ],
    each: ([ratings, headers, [role]], call) => readinessOf(ratings, headers, role, call)?.result.share ?? null,
  },
  {
    name: 'READINESS.BLOCKERS',
    layout: 'rows',
    params: [
      { name: 'ratings', kind: 'rating' },
      { name: 'competencies', kind: 'competency' },
      { name: 'nextRole', kind: 'role', single: true },
      { name: 'framework', kind: 'framework', optional: true },
    ],
    each: ([ratings, headers, [role]], call) => {
      const got = readinessOf(ratings, headers, role, call);
      if (!got) return null;
      return got.result.blocking.map((j) => `${String(headers[j]).trim()}${got.values[j] === null ? ' (not rated)' : ''}`).join('; ');
    },
  },
  {
    name: 'READINESS.TOLERANT',
    layout: 'rows',
    params: [
      { name: 'ratings', kind: 'rating' },
      { name: 'competencies', kind: 'competency' },
      { name: 'nextRole', kind: 'role', single: true },
      { name: 'threshold', kind: 'threshold', optional: true },
      { name: 'framework', kind: 'framework', optional: true },
    ],
    each: ([ratings, headers, [role]], call) => {
      const got = readinessOf(ratings, headers, role, call);
      return !got || got.result.share === null ? null : got.result.readyTolerant;
    },
  },
  {
    name: 'COVERAGE',
    layout: 'columns',
    params: [
      { name: 'ratings', kind: 'level' },
      { name: 'level', kind: 'level', single: true },
      { name: 'scale', kind: 'scale', optional: true },
    ],
    each: ([ratings, [levelCell]], call) => {
      const level = call.level(levelCell);
      if (!level) throw new CompetencyError('invalid-argument', `give the level to count at or above, e.g. "${call.scale.highest.code}"`);
      return coverage(
        ratings.map((r) => valueOf(call.level(r))),
        level.value,
      );
    },
  },
  {
    name: 'ROSTERGAP',
    layout: 'whole',
    params: [
      { name: 'ratings', kind: 'rating' },
      { name: 'roles', kind: 'role' },
      { name: 'competencies', kind: 'competency' },
      { name: 'framework', kind: 'framework', optional: true },
    ],
    body: rosterGap,
  },
];

const byName = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function declarationOf(name: string): FunctionDeclaration {
  const found = byName.get(name);
  if (!found) throw new Error(`no worksheet function COMPETENCY.${name} is declared`);
  return found;
}
