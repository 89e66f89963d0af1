/**
 * LibreOffice headless for tests: a fresh profile that forces recalculation
 * of every formula on load (so the values seen are LibreOffice's own, not the
 * cached results the file carries), and one soffice run for many files.
 */
import { spawnSync } from 'child_process';
import { accessSync, constants, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import Papa from 'papaparse';

export function sofficePath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
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
