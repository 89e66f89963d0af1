/**
 * Decoding file bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Anything else is refused with a message that says how to save the file, never
 * guessed: a wrong guess would turn "Müller" into "MÃ¼ller" without a word.
 */
import { CompetencyError } from '../problems';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark shows as a NUL in every other byte of plain text. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  let nulOdd = 0;
  let nulEven = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) nulEven++;
    else nulOdd++;
  }
  return Math.max(nulOdd, nulEven) >= n / 4;
}

export function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new CompetencyError('invalid-file', 'the file is empty; export the framework again or pick another file', fileName);
  if (startsWith(bytes, ZIP)) {
    throw new CompetencyError(
      'invalid-file',
      'this is a zip archive such as an Excel workbook (.xlsx), not text; save the sheet as "CSV UTF-8" or import the framework from the workbook in the add-in',
      fileName,
    );
  }
  if (startsWith(bytes, OLE2)) {
    throw new CompetencyError(
      'invalid-file',
      'this is an old binary Excel workbook (.xls), not text; save the sheet as "CSV UTF-8" and import that',
      fileName,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeUtf16WithoutBom(bytes)) {
    throw new CompetencyError(
      'invalid-file',
      'the file looks like UTF-16 text without a byte-order mark, which cannot be read safely; save it as "CSV UTF-8" or UTF-8 JSON and try again',
      fileName,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CompetencyError(
      'invalid-file',
      'the file is not UTF-8 text (it may be Windows-1252 or a spreadsheet saved as binary); save it as "CSV UTF-8" or UTF-8 JSON and try again',
      fileName,
    );
  }
  if (text.trim() === '')
    throw new CompetencyError('invalid-file', 'the file holds only white space; export the framework again or pick another file', fileName);
  if (text.includes('\u0000')) {
    throw new CompetencyError(
      'invalid-file',
      'the file holds NUL characters, so it is binary rather than text; save it as "CSV UTF-8" or UTF-8 JSON',
      fileName,
    );
  }
  return text;
}
