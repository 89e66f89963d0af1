/**
 * Frameworks kept inside the workbook, on a hidden sheet named
 * "CompetencyMatrix.Frameworks", so the worksheet functions and a colleague's
 * copy of the workbook find a framework without the file it came from.
 *
 * Layout: a header row, then one framework a row:
 *   A: framework id | B: version | C: chunk count | D, E, ...: the framework JSON
 * in chunks of at most 32,000 characters (a cell holds at most 32,767).
 * Chunks never start with a character a spreadsheet could read as a formula and
 * never split a surrogate pair, so the JSON survives any renderer unchanged.
 */
import type { Framework } from '../framework/validate';
import { CompetencyError } from '../problems';
import { checkFramework } from './checkFramework';
import { columnLetters } from '../layouts/a1';

export const FRAMEWORKS_SHEET = 'CompetencyMatrix.Frameworks';
export const FRAMEWORKS_SHEET_HEADER: readonly string[] = ['framework id', 'version', 'chunks', 'framework JSON (continues to the right)'];
export const MAX_CHUNK = 32_000;
const FIRST_CHUNK_COL = 3;

const risky = (text: string, at: number) => /[=+\-@]/.test(text.charAt(at)) || /[\uDC00-\uDFFF]/.test(text.charAt(at));

/** Splits text into chunks of at most `max` characters, none starting with a formula character or half a character. */
export function chunkText(text: string, max: number = MAX_CHUNK): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    while (end < text.length && end > start + 1 && risky(text, end)) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

export function frameworkToSheetRow(fw: Framework): string[] {
  const chunks = chunkText(JSON.stringify(fw));
  return [fw.id, fw.version ?? '', String(chunks.length), ...chunks];
}

/** The sheet's rows for these frameworks: the header, then one row each. */
export function frameworksToSheetRows(frameworks: readonly Framework[]): string[][] {
  return [[...FRAMEWORKS_SHEET_HEADER], ...frameworks.map(frameworkToSheetRow)];
}

export function frameworkToSheetRows(fw: Framework): string[][] {
  return frameworksToSheetRows([fw]);
}

/** The frameworks to keep after storing `fw`: it replaces one with the same id, or is added last. */
export function withStoredFramework(stored: readonly Framework[], fw: Framework): Framework[] {
  const i = stored.findIndex((f) => f.id === fw.id);
  return i < 0 ? [...stored, fw] : stored.map((f, j) => (j === i ? fw : f));
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * Reads every framework on the sheet (cells as Office.js or ExcelJS return them).
 * A row that was damaged by hand is reported with its row and what to do; it is
 * never read half-way.
 */
export function frameworksFromSheetRows(rows: readonly (readonly unknown[])[], sheet: string = FRAMEWORKS_SHEET): Framework[] {
  if (!rows.length || cellText(rows[0]?.[0]).trim().toLowerCase() !== FRAMEWORKS_SHEET_HEADER[0]) {
    throw new CompetencyError(
      'invalid-framework',
      `this is not a framework sheet: cell A1 should read "${FRAMEWORKS_SHEET_HEADER[0]}"; store the framework again from the add-in or the command line`,
      sheet,
    );
  }
  const out: Framework[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = cellText(row[0]).trim();
    if (!id) continue;
    const where = `${sheet} row ${r + 1}`;
    const damaged = (what: string) =>
      new CompetencyError(
        'invalid-framework',
        `framework "${id}": ${what}; the stored copy was changed by hand, so store the framework again (import it from its file)`,
        where,
      );
    const count = Number(cellText(row[2]));
    if (!Number.isInteger(count) || count < 1) throw damaged(`cell C${r + 1} should hold the number of chunks, not "${cellText(row[2])}"`);
    const chunks = Array.from({ length: count }, (_, i) => cellText(row[FIRST_CHUNK_COL + i]));
    const empty = chunks.findIndex((c) => c === '');
    if (empty >= 0) throw damaged(`chunk ${empty + 1} of ${count} (cell ${columnLetters(FIRST_CHUNK_COL + empty)}${r + 1}) is empty`);
    let json: unknown;
    try {
      json = JSON.parse(chunks.join(''));
    } catch {
      throw damaged('its JSON is broken');
    }
    const { framework } = checkFramework(where, json);
    if (framework.id !== id) throw damaged(`cell A${r + 1} says "${id}" but the stored framework is "${framework.id}"`);
    out.push(framework);
  }
  return out;
}

/** One framework from the sheet: the one with this id, or the only one. */
export function frameworkFromSheetRows(rows: readonly (readonly unknown[])[], id?: string, sheet: string = FRAMEWORKS_SHEET): Framework {
  const all = frameworksFromSheetRows(rows, sheet);
  if (id !== undefined) {
    const found = all.find((f) => f.id === id.trim().toLowerCase());
    if (!found) {
      throw new CompetencyError(
        'unknown-framework',
        `no framework "${id}" is stored in this workbook; stored: ${all.map((f) => f.id).join(', ') || 'none'}`,
        sheet,
      );
    }
    return found;
  }
  if (all.length !== 1) {
    throw new CompetencyError(
      'unknown-framework',
      all.length
        ? `the workbook stores ${all.length} frameworks (${all.map((f) => f.id).join(', ')}); say which one`
        : 'no framework is stored in this workbook; import one first',
      sheet,
    );
  }
  return all[0];
}
