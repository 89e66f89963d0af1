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

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Sheets a failed action had already written, when the host reports them. */
function writtenBefore(error: unknown): string[] | undefined {
  const written = (error as { written?: unknown } | null)?.written;
  return Array.isArray(written) && written.every((w) => typeof w === 'string') ? written : undefined;
}

export function describeProblem(error: unknown): UserProblem {
  const written = writtenBefore(error);
  const withPartial = (p: UserProblem): UserProblem => (written ? { ...p, detail: `${p.detail} ${strings.errors.partial(written)}` } : p);

  if (isCompetencyError(error)) {
    const kind = strings.errors.kinds[error.kind];
    return withPartial({ title: kind.title, detail: sentence(error.message), fix: kind.fix });
  }
  const code = codeOf(error);
  if (code && EXCEL_CODES[code]) return withPartial(EXCEL_CODES[code]);
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return withPartial({
    title: strings.errors.unexpected.title,
    detail: sentence(message || (code ?? '')) || strings.errors.unexpected.title + '.',
    fix: strings.errors.unexpected.fix,
  });
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
