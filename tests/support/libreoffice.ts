/**
 * LibreOffice headless as a second spreadsheet engine for tests: a fresh
 * profile that forces every formula to be recalculated on load (by default it
 * shows the cached results the file carries, which would prove nothing), one
 * soffice run for many files, and the CSV it writes read back sheet by sheet
 * and compared with the results core wrote into a layout plan.
 */
import { spawnSync } from 'child_process';
import { accessSync, constants, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import Papa from 'papaparse';
import { cellRef } from '../../src/core/layouts/a1';
import { isFormula, type SheetPlan } from '../../src/core/layouts/plan';
import { announceSkip } from './announceSkip';

export function sofficePath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * soffice's path; where LibreOffice is missing, undefined after a message in
 * the test output naming the checks that are skipped (CI installs it, so they
 * run there).
 */
export function sofficeFor(checks: string): string | undefined {
  const soffice = sofficePath();
  if (!soffice) announceSkip(`LibreOffice (soffice) is not installed: skipping ${checks}. Install libreoffice-calc to run them.`);
  return soffice;
}

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A working folder with a fresh LibreOffice profile that recalculates every formula on load. */
export function libreOfficeWorkspace(): { dir: string; profile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cm-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  return { dir, profile };
}

/** Every sheet as CSV: raw values (not as shown), UTF-8, all sheets (one file per sheet). */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Converts files in one soffice run; throws with soffice's output if it fails. */
export function convert(soffice: string, profile: string, files: string[], format: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const run = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
    {
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
}

/** The CSV files LibreOffice wrote for one workbook, by sheet name. */
export function sheetsCsv(outDir: string, base: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    const sheet = f.slice(base.length + 1, -4);
    out.set(sheet, Papa.parse<string[]>(readFileSync(join(outDir, f), 'utf8')).data);
  }
  return out;
}

/** One workbook recalculated by LibreOffice: every sheet's values by sheet name, rows from A1; throws if a named sheet is missing. */
export function recalculatedSheets(soffice: string, xlsx: Buffer, sheetNames: readonly string[]): Map<string, string[][]> {
  const { dir, profile } = libreOfficeWorkspace();
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, xlsx);
    const out = join(dir, 'out');
    convert(soffice, profile, [file], CSV_ALL_SHEETS, out);
    const sheets = sheetsCsv(out, 'book');
    const missing = sheetNames.filter((name) => !sheets.has(name));
    if (missing.length)
      throw new Error(`LibreOffice wrote no CSV for sheet(s) ${missing.join(', ')} (files: ${readdirSync(out).join(', ')})`);
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A value as LibreOffice's CSV shows it: numbers (and percentages) as numbers, the rest as text. */
export function csvValue(text: string | undefined): number | string {
  if (text === undefined || text === '') return '';
  const percent = /^(-?\d+(?:\.\d+)?(?:E[-+]?\d+)?)%$/i.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (/^-?\d+(?:\.\d+)?(?:E[-+]?\d+)?$/i.test(text)) return Number(text);
  return text;
}

/** Cells LibreOffice shows as errors: "#N/A", "#VALUE!", "Err:502"... */
export function isErrorText(text: string): boolean {
  return /^(#N\/A|#VALUE!|#REF!|#NAME\?|#DIV\/0!|#NUM!|#NULL!|Err:\d+)$/.test(text);
}

/** A CSV cell against the result core wrote: numbers within a relative tolerance, "" for empty. */
export function sameAsCsv(text: string | undefined, expected: unknown, tolerance = 1e-9): boolean {
  const actual = text ?? '';
  if (typeof expected === 'number') {
    const n = csvValue(actual);
    return typeof n === 'number' && Math.abs(n - expected) <= tolerance * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === 'boolean') return actual.toUpperCase() === String(expected).toUpperCase();
  // CSV cannot tell the text "3" (a level code) from the number 3: text results compare as text.
  return actual === (expected ?? '');
}

/** Every formula cell of the sheets whose LibreOffice value differs from core's result, described; and how many were checked. */
export function formulaMismatches(sheets: readonly SheetPlan[], csvs: Map<string, string[][]>): { wrong: string[]; checked: number } {
  const wrong: string[] = [];
  let checked = 0;
  for (const sheet of sheets) {
    const csv = csvs.get(sheet.name);
    if (!csv) {
      wrong.push(`no CSV for sheet ${sheet.name}`);
      continue;
    }
    for (const block of sheet.blocks) {
      block.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          if (!isFormula(cell)) return;
          checked++;
          const row = block.row + i;
          const col = block.col + j;
          const text = csv[row]?.[col];
          if (!sameAsCsv(text, cell.result))
            wrong.push(
              `${sheet.name}!${cellRef(row, col)} =${cell.formula}: LibreOffice ${JSON.stringify(text ?? '')}, core ${JSON.stringify(cell.result ?? '')}`,
            );
        }),
      );
    }
  }
  return { wrong, checked };
}
