/**
 * Reading --roster for any command: an .xlsx export (first sheet, or --sheet)
 * or a CSV file in UTF-8 or Windows-1252. The parsing is core's; this only
 * turns a file into rows or text and prints the one-line note when a CSV was
 * read as Windows-1252.
 */
import type { FrameworkModel } from '../core/framework/model';
import { CompetencyError } from '../core/problems';
import { parseRoster, parseRosterCsv, type Roster } from '../core/roster';
import { decodeRosterText } from '../core/rosterText';
import { rosterSheetRows } from '../xlsx/rosterRows';
import { UsageError, type CliIO } from './io';

export function isRosterWorkbook(file: string): boolean {
  return /\.xls[xm]$/i.test(file);
}

export async function readRosterFile(file: string, model: FrameworkModel, io: CliIO, options: { sheet?: string } = {}): Promise<Roster> {
  if (!(await io.exists(file))) throw new CompetencyError('invalid-file', 'no such roster file; check the path', file);
  const bytes = new Uint8Array(await io.readFile(file, 'roster file'));
  let roster: Roster;
  if (isRosterWorkbook(file)) {
    const { sheet, rows } = await rosterSheetRows(bytes, file, options.sheet);
    roster = parseRoster(rows, model, { source: `${file}, sheet "${sheet}"` });
  } else {
    if (options.sheet !== undefined) throw new UsageError('--sheet NAME picks a sheet of an .xlsx roster; a CSV file has none');
    const { text, note } = decodeRosterText(file, bytes);
    if (note) io.err(`competency-matrix: note: ${note}\n`);
    roster = parseRosterCsv(text, model, { source: file });
  }
  for (const w of roster.warnings) io.err(`competency-matrix: warning: ${file}: ${w}\n`);
  return roster;
}
