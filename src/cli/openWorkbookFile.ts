/**
 * The command line's one way to open a workbook: the file is checked and read
 * through the command's CliIO, then handed to the streaming reader
 * (xlsx/readWorkbook.ts), which reads only the sheets a command asks for.
 * Progress lines go to stderr for a large file. A file encrypted with a
 * password to open is decrypted when the command was given its password, and
 * otherwise refused with the option that gives it (cli/workbookAccess.ts).
 */
import { CompetencyError } from '../core/problems';
import { openWorkbook, type WorkbookFile } from '../xlsx/readWorkbook';
import type { CliIO } from './io';
import { workbookBytes, type OpenAccess } from './workbookAccess';

/** From this size on, reading a workbook prints progress on stderr. */
export const LARGE_WORKBOOK_BYTES = 1_000_000;

/**
 * `what` names the file's role in the message when it is missing: "grid", "snapshot", "workbook";
 * `access` is how the command takes a password to open (leave it out where it takes none).
 */
export async function openWorkbookFile(file: string, io: CliIO, what = 'workbook', access?: OpenAccess): Promise<WorkbookFile> {
  if (!(await io.exists(file))) throw new CompetencyError('invalid-file', `no such ${what} file; check the path`, file);
  const bytes = await workbookBytes(file, await io.readFile(file, `${what} file`), access);
  const large = bytes.length >= LARGE_WORKBOOK_BYTES;
  if (large) io.err(`competency-matrix: reading ${file} (${(bytes.length / 1e6).toFixed(1)} MB)\n`);
  return openWorkbook(bytes, file, large ? { progress: (text) => io.err(`competency-matrix: ${file}: ${text}\n`) } : {});
}

/** Progress lines on stderr while a command works on a large workbook; silent for a small one. */
export function progressFor(file: WorkbookFile, io: CliIO): (text: string) => void {
  return file.zip.bytes.length >= LARGE_WORKBOOK_BYTES ? (text) => io.err(`competency-matrix: ${text}\n`) : () => {};
}
