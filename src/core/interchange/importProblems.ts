/**
 * The problems one import finds, gathered so a user can fix a file in one pass.
 * An import either succeeds whole or throws one CompetencyError listing the
 * first few problems, each with its place (a row, a JSON path) and its fix.
 */
import { CompetencyError, type Issue } from '../problems';

/** How many problems one error message lists before "and N more". */
export const MAX_LISTED_PROBLEMS = 8;

export class ImportProblems {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  /** `source` names the file (or sheet) in every message. */
  constructor(readonly source: string) {}

  error(where: string, message: string): void {
    this.errors.push({ path: where, message });
  }

  warn(where: string, message: string): void {
    this.warnings.push({ path: where, message });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Throws one error naming the source and listing the problems, if there are any. */
  throwIfAny(): void {
    if (this.errors.length) throw problemsError(this.source, this.errors);
  }
}

/** One line, whatever the quoted cell text holds: the command line prints errors on one line. */
function placed(issue: Issue): string {
  const text = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** One error for a list of problems: "file: row 4: …" or "file: 3 problems: row 4: …; row 9: …". */
export function problemsError(source: string, issues: readonly Issue[], max = MAX_LISTED_PROBLEMS): CompetencyError {
  if (issues.length === 1) return new CompetencyError('invalid-framework', placed(issues[0]), source);
  const shown = issues.slice(0, max).map(placed);
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return new CompetencyError('invalid-framework', `${issues.length} problems, nothing was imported: ${shown.join('; ')}${more}`, source);
}
