/**
 * What the last task-pane action kept so it can be undone, written into the
 * workbook itself (a hidden sheet), so that the next action, or "Keep", can
 * find and remove the kept sheets even after the pane was closed and reopened.
 * The record is small: names, ids and positions, never ratings.
 */
import { textInput } from '../cellInput';

export const UNDO_SHEET_NAME = 'CompetencyMatrix.Undo';
export const UNDO_MARKER = 'Competency Matrix undo';
export const UNDO_VERSION = 1;
/** Characters of the record per cell: under Excel's 32,767 per cell. */
const CHUNK = 30_000;

/** A product sheet the action would have deleted, kept hidden under another name instead. */
export interface KeptSheet {
  /** Its name before the action. */
  name: string;
  keptAs: string;
  id: string;
  position: number;
  visibility: string;
}

export interface UndoRecord {
  /** The action's plan title: "Team grid (25 people)". */
  title: string;
  /** Old product sheets replaced by the action, and the old registry (kind "registry"). */
  kept: (KeptSheet & { kind: 'sheet' | 'registry' })[];
  /** Old product sheets that held the user's entries and were renamed by the action ("Team grid (old)"). */
  aside: { was: string; now: string; id: string; position: number }[];
  /** Every sheet the action made (new or in place of an old one), by final name and Excel id. */
  created: { name: string; id: string }[];
  /** Defined names the action wrote: their formula and comment before, or null where the action added the name. */
  names: { name: string; formula: string | null; comment: string }[];
  /**
   * Entries the action's plan wrote into input regions itself (calibration
   * settings, a guideline), as read back: not typed by anyone, so not "lost" by undo.
   */
  planInputs?: { region: string; person: string; competency: string; value: string }[];
}

/** The record as rows of the hidden sheet: the marker, then the JSON in chunks down column A. */
export function undoRecordRows(record: UndoRecord): string[][] {
  const json = JSON.stringify(record);
  const rows: string[][] = [[UNDO_MARKER, String(UNDO_VERSION)]];
  for (let at = 0; at < json.length; at += CHUNK) rows.push([textInput(json.slice(at, at + CHUNK)), '']);
  return rows;
}

function isRecord(v: unknown): v is UndoRecord {
  const r = v as UndoRecord;
  return !!r && typeof r.title === 'string' && [r.kept, r.aside, r.created, r.names].every(Array.isArray);
}

/** The record read back from the sheet's values, or null when the sheet is not one the product wrote. */
export function parseUndoRecord(values: readonly (readonly unknown[])[]): UndoRecord | null {
  if (String(values[0]?.[0] ?? '') !== UNDO_MARKER) return null;
  const json = values
    .slice(1)
    .map((row) => String(row[0] ?? ''))
    .join('');
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
