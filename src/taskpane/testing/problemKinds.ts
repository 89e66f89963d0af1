/**
 * Every ProblemKind core can raise, listed at run time. The `satisfies` check
 * fails to compile when core adds a kind this list (and so strings.ts) lacks.
 */
import type { ProblemKind } from '../../core/problems';

const KINDS = {
  'unknown-level': true,
  'unknown-role': true,
  'unknown-competency': true,
  'unknown-framework': true,
  'unknown-scale': true,
  'invalid-framework': true,
  'invalid-roster': true,
  'invalid-file': true,
  'invalid-argument': true,
  'sheet-conflict': true,
  'unsupported-host': true,
} satisfies Record<ProblemKind, true>;

export const PROBLEM_KINDS = Object.keys(KINDS) as ProblemKind[];
