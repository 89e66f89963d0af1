/**
 * Returned workbooks picked in the task pane, read in the browser: each file's
 * bytes opened with ExcelJS and read as core's ReturnedWorkbook. A file that
 * cannot be read is kept as a refusal naming why, so the report lists it and
 * every other file is still collected. Browser-safe: no Node stream or crypto,
 * so an encrypted return (a password to open) is refused by name here, with
 * what to do; the command line opens those with --passwords.
 */
import ExcelJS from 'exceljs';
import type { ReturnedWorkbook } from '../core/cycle/merge';
import { readReturnedWorkbook } from './cycleReturns';

/** The signature of an OLE compound file, the container of an encrypted .xlsx ([MS-CFB] 2.2). A plain .xlsx is a zip ("PK"). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const ENCRYPTED_IN_PANE =
  'it is encrypted with a password to open, which the add-in cannot open; open it in Excel and save it without the password (File > Info > Protect Workbook > Encrypt with Password, clear it), or collect it with the command line and --passwords';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** Stream names in a compound file's directory are UTF-16LE ([MS-CFB] 2.6.1); an encrypted workbook has "EncryptionInfo". */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, part: readonly number[]): boolean {
  outer: for (let i = 0; i + part.length <= bytes.length; i++) {
    for (let j = 0; j < part.length; j++) if (bytes[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

function refused(file: string, why: string): ReturnedWorkbook {
  return { file, unreadable: why, sheet: '', people: [], cells: [] };
}

export async function readPickedReturns(files: readonly PickedFile[]): Promise<ReturnedWorkbook[]> {
  const out: ReturnedWorkbook[] = [];
  for (const f of files) {
    if (COMPOUND_FILE.every((b, i) => f.bytes[i] === b)) {
      const encrypted = contains(f.bytes, ENCRYPTION_INFO);
      out.push(
        refused(
          f.name,
          encrypted ? ENCRYPTED_IN_PANE : 'it is an Excel 97-2003 workbook (.xls), not an .xlsx; ask for the file as it was sent',
        ),
      );
      continue;
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(f.bytes as unknown as ArrayBuffer);
    } catch (e) {
      out.push(
        refused(f.name, `it cannot be read as an .xlsx workbook (${(e as Error).message}); was it saved as "Excel Workbook (.xlsx)"?`),
      );
      continue;
    }
    out.push(readReturnedWorkbook(workbook, f.name));
  }
  return out;
}
