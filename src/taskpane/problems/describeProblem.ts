/**
 * Turns whatever an action threw into what the user reads: a title, what is
 * wrong, and what to do. Problems from core (CompetencyError) already say what
 * is wrong in plain words; Excel's own errors arrive as codes and are
 * translated here. Anything else still gets a message and a next step.
 */
import { isCompetencyError } from '../../core/problems';
import { strings } from '../strings';

export interface UserProblem {
  title: string;
  detail: string;
  fix: string;
}

/** Excel error codes (OfficeExtension.Error.code) that users can do something about. */
const EXCEL_CODES: Record<string, UserProblem> = {
  RequestPayloadSizeLimitExceeded: strings.errors.payload,
  AccessDenied: strings.errors.protectedSheet,
  InvalidOperationInCellEditMode: strings.errors.editing,
};

function withStop(text: string): string {
  const t = text.trim();
  return !t || /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Core writes messages to follow a location ("row 3: …"); standing alone they start with a capital. */
function sentence(text: string): string {
  const t = withStop(text);
  return t && t[0].toUpperCase() + t.slice(1);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The renderer's failures (ApplyError) already tell the user, in their message,
 * what was written and what was not; their cause says what kind of problem it was.
 */
interface AccountedFailure {
  name: 'ApplyError';
  message: string;
  stage: string;
  cause?: unknown;
}

function isAccountedFailure(error: unknown): error is AccountedFailure {
  const e = error as Partial<AccountedFailure> | null;
  return !!e && e.name === 'ApplyError' && typeof e.message === 'string' && typeof e.stage === 'string';
}

/** What a cancelled action's host said about the state it left, if it said anything. */
export function cancellationDetail(error: unknown): string | undefined {
  return isAccountedFailure(error) && error.stage === 'cancelled' ? error.message : undefined;
}

export function describeProblem(error: unknown): UserProblem {
  if (isAccountedFailure(error)) {
    const cause = error.cause === undefined ? undefined : describeProblem(error.cause);
    const known = cause && cause.title !== strings.errors.unexpected.title;
    return {
      title: known ? cause.title : strings.errors.notUpdated,
      detail: withStop(error.message),
      fix: cause?.fix ?? strings.errors.unexpected.fix,
    };
  }
  if (isCompetencyError(error)) {
    const kind = strings.errors.kinds[error.kind];
    // "where" (a file name, a range) is kept as written: never capitalise a file name.
    const detail = error.where ? withStop(error.message) : sentence(error.message);
    return { title: kind.title, detail, fix: kind.fix };
  }
  const code = codeOf(error);
  if (code && EXCEL_CODES[code]) return EXCEL_CODES[code];
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return {
    title: strings.errors.unexpected.title,
    detail: sentence(message || (code ?? '')) || strings.errors.unexpected.title + '.',
    fix: strings.errors.unexpected.fix,
  };
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
