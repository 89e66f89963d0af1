/**
 * What applying a plan tells the task pane: what it changed, what it could not
 * do, and how it went (round trips, largest request). Failures carry the same
 * account of what was and was not written, in a message meant for the user.
 */
import type { ExcelHost } from './excelHost';
import type { UnplacedRating } from '../core/layouts/carryRatings';

export interface ApplyProgress {
  /** Round trips to Excel finished so far, out of the total expected. */
  done: number;
  total: number;
  phase: 'reading' | 'writing' | 'finishing';
  /** What is happening now, in the user's words. */
  detail: string;
}

export interface ApplyOptions {
  /** Defaults to the Excel this page runs in (Office.js globals). */
  host?: ExcelHost;
  onProgress?: (progress: ApplyProgress) => void;
  /** Cancels between round trips; nothing is left half-written. */
  signal?: AbortSignal;
  /** Estimated bytes per request; defaults to 3.5 MB (Excel on the web refuses 5 MB). */
  requestBudgetBytes?: number;
  /** Estimated bytes per response of reads; defaults to 3.5 MB. */
  readBudgetBytes?: number;
  /**
   * Keep the sheets this replaces (hidden, with the old registry and names) so
   * `undoLastAction` can put them back; what the previous action kept is removed first.
   */
  keepForUndo?: boolean;
}

export interface ApplyReport {
  /** The plan's title: "Team grid (25 people)". */
  title: string;
  /** Names of sheets that did not exist before. */
  sheetsCreated: string[];
  /** Names of the product's own sheets that were rebuilt in place. */
  sheetsReplaced: string[];
  /** Where a sheet got another name than the plan asked for, because a sheet of the user's had that name. */
  renamed: { wanted: string; name: string }[];
  /** Old product sheets that held the user's own entries, kept under a new name instead of being replaced. */
  keptAside: { was: string; now: string }[];
  /** Values people entered in input regions (ratings, coverage levels...) read from the sheets being rebuilt and put back in place. */
  ratingsKept: number;
  /** The same by input region id, e.g. { ratings: 120, "coverage-levels": 10 }. */
  keptByRegion: Record<string, number>;
  /** How many ratings could not be placed (they are on `unplacedSheet`). */
  ratingsUnplaced: number;
  unplacedRatings: UnplacedRating[];
  /** The sheet that keeps the ratings that could not be placed. */
  unplacedSheet?: string;
  /** Plain sentences: features this Excel lacks, name clashes, style problems. */
  warnings: string[];
  /** Round trips to Excel (context.sync calls). */
  syncs: number;
  /** The largest request, as estimated before sending, in bytes. */
  largestRequestBytes: number;
  /** Cells written. */
  cells: number;
  /** True when what this replaced was kept and `undoLastAction` can put it back. */
  undoable?: boolean;
}

export type ApplyStage = 'checking' | 'reading' | 'writing' | 'finishing' | 'cancelled';

/** A failure or cancellation, with an account of what was written and what was not. */
export class ApplyError extends Error {
  readonly stage: ApplyStage;
  /** Sheets that are in place, under these names. */
  readonly written: string[];
  /** Sheets of the plan that are not in place. */
  readonly notWritten: string[];
  /** Partly written sheets that could not be removed, by name. */
  readonly leftBehind: string[];
  override readonly cause?: unknown;
  constructor(
    stage: ApplyStage,
    message: string,
    account: { written: string[]; notWritten: string[]; leftBehind: string[] },
    cause?: unknown,
  ) {
    super(message);
    this.name = 'ApplyError';
    this.stage = stage;
    this.written = account.written;
    this.notWritten = account.notWritten;
    this.leftBehind = account.leftBehind;
    this.cause = cause;
  }
}

/** Excel's own words for an error: "RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit." */
export function excelErrorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { code?: unknown; message?: unknown };
    const message = typeof err.message === 'string' ? err.message : '';
    const code = typeof err.code === 'string' ? err.code : '';
    if (code && message && !message.includes(code)) return `${code}: ${message}`;
    return message || code || String(e);
  }
  return String(e);
}
