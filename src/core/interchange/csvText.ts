/**
 * CSV text in and out, the way spreadsheets write and read it. Reading guesses
 * the delimiter (comma, semicolon as in European Excel, or tab) and numbers rows
 * as a spreadsheet shows them (the header is row 1). Writing uses CRLF and a
 * byte-order mark so Excel opens the file as UTF-8, and guards formula-like text
 * with an apostrophe so it stays text when the file is opened.
 */
import Papa from 'papaparse';
import { CompetencyError } from '../problems';
import { guardCsvText } from './formulaText';

export interface CsvRow {
  /** The row number a spreadsheet shows (header = 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export function parseCsv(source: string, text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  });
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new CompetencyError(
      'invalid-file',
      `row ${row}: a quoted cell is never closed (${broken.message.toLowerCase()}); every cell that starts with " must end with ", and a " inside a cell is written ""`,
      source,
    );
  }
  const data = parsed.data;
  const headerIndex = data.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0)
    throw new CompetencyError('invalid-file', 'the file has no rows; the first row names the columns, then one row per fact', source);
  const header = data[headerIndex];
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i];
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  return { header, rows };
}

/** CSV text for a header and rows: CRLF line ends, a UTF-8 byte-order mark, formula-like text guarded. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const guarded = rows.map((r) => r.map((c) => guardCsvText(c)));
  return `\uFEFF${Papa.unparse({ fields: [...header], data: guarded }, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}
