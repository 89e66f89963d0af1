/**
 * Problems users can cause, as values: a closed set of kinds with a message
 * written for the user. They are carried to the edge (a cell error, a task-pane
 * message, a command-line line) and shown there.
 */
export type ProblemKind =
  | 'unknown-level'
  | 'unknown-role'
  | 'unknown-competency'
  | 'unknown-framework'
  | 'unknown-scale'
  | 'invalid-framework'
  | 'invalid-roster'
  | 'invalid-file'
  | 'invalid-argument'
  | 'sheet-conflict'
  | 'unsupported-host';

export class CompetencyError extends Error {
  readonly kind: ProblemKind;
  /** Where the problem is: a file name, a row, a JSON path. */
  readonly where?: string;
  constructor(kind: ProblemKind, message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'CompetencyError';
    this.kind = kind;
    this.where = where;
  }
}

export function isCompetencyError(e: unknown): e is CompetencyError {
  return e instanceof CompetencyError;
}

/** One finding of a validation: a JSON-path-like location and a message. */
export interface Issue {
  path: string;
  message: string;
}

/** Joins a list for messages: "a, b or c". */
export function listForHumans(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
