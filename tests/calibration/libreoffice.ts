/**
 * LibreOffice headless as a second spreadsheet engine: opens an .xlsx with a
 * fresh profile that forces every formula to be recalculated on load (by
 * default it would show the cached results core wrote), and returns each
 * sheet's values as read from its CSV export.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import Papa from 'papaparse';

export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'soffice');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Every sheet's recalculated values, by sheet name, as text cells (rows from A1). */
export function recalculatedSheets(soffice: string, xlsx: Buffer, sheetNames: readonly string[]): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-lo-'));
  try {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const file = path.join(dir, 'book.xlsx');
    fs.writeFileSync(file, xlsx);
    const out = path.join(dir, 'out');
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const sheets = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const csv = path.join(out, `book-${name}.csv`);
      if (!fs.existsSync(csv)) throw new Error(`LibreOffice wrote no CSV for sheet "${name}" (files: ${fs.readdirSync(out).join(', ')})`);
      sheets.set(name, Papa.parse<string[]>(fs.readFileSync(csv, 'utf8'), { skipEmptyLines: false }).data);
    }
    return sheets;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A CSV cell against the result core wrote: numbers within a relative tolerance, "" for empty. */
export function sameAsCsv(text: string | undefined, expected: unknown, tolerance = 1e-9): boolean {
  const actual = text ?? '';
  if (typeof expected === 'number') {
    // LibreOffice keeps the percent sign of a percentage-formatted cell even with "as shown" off.
    const n = actual.endsWith('%') ? Number(actual.slice(0, -1)) / 100 : Number(actual);
    return actual !== '' && Number.isFinite(n) && Math.abs(n - expected) <= tolerance * Math.max(1, Math.abs(expected));
  }
  if (expected === null || expected === undefined) return actual === '';
  if (typeof expected === 'boolean') return actual.toUpperCase() === String(expected).toUpperCase();
  return actual === expected;
}
