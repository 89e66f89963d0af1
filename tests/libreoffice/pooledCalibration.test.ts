/**
 * `calibration --team A --team B` on a workbook with two grids on one
 * framework, recalculated by LibreOffice: the pooled pack counts both teams'
 * people and managers, no cell of it is an error, every formula gives the
 * value core wrote, and the grids are left as they were. Two grids on two
 * frameworks are refused with a usage error naming the frameworks.
 */
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtIn } from '../../src/core/frameworks/library';
import type { FrameworkModel } from '../../src/core/framework/model';
import { readRegistry } from '../../src/xlsx/workbookRegistry';
import { cellRef } from '../../src/core/layouts/a1';
import { isErrorText, recalculatedSheets, sameAsCsv, sofficeFor } from '../support/libreoffice';

const soffice = sofficeFor('the LibreOffice checks of calibrating two grids together');
const withLibreOffice = soffice ? it : it.skip;
const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

/** A roster rated on the first two competencies, ratings cycling through the scale's levels. */
function roster(model: FrameworkModel, ids: string[], managers: string[]): string {
  const [c1, c2] = model.competencies;
  const levels = model.scaleOf(c1).levels.map((l) => l.code);
  const rows = ids.map((id, i) =>
    [
      id,
      `Person ${id}`,
      model.roles[i % 2].name,
      managers[i % managers.length],
      levels[i % levels.length],
      i % 3 ? levels[(i + 2) % levels.length] : '',
    ].join(','),
  );
  return [['id', 'name', 'role', 'manager', c1.name, c2.name].join(','), ...rows].join('\n');
}

async function twoGrids(second: FrameworkModel) {
  const io = captureIO({
    'team-a.csv': roster(MIT, ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'], ['Grace', 'Ken']),
    'team-b.csv': roster(second, ['B1', 'B2', 'B3', 'B4', 'B5'], ['Lu', 'Mo']),
  });
  expect(await main(['workbook', '--framework', 'mit-devops', '--roster', 'team-a.csv', '--out', 'book.xlsx'], io)).toBe(0);
  expect(await main(['workbook', '--framework', second.id, '--roster', 'team-b.csv', '--into', 'book.xlsx'], io)).toBe(0);
  expect(io.stdout).toContain('grid: added');
  return io;
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Every cell of a sheet as [ref, value] (a formula as its formula and cached result). */
function cells(sheet: ExcelJS.Worksheet): [string, unknown][] {
  const out: [string, unknown][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => out.push([cellRef(r - 1, c - 1), cell.value])),
  );
  return out;
}

describe('calibration of two grids together from the command line', () => {
  withLibreOffice(
    'pools two grids on one framework: both teams counted, LibreOffice recalculates every figure to core’s value, the grids untouched',
    async () => {
      const io = await twoGrids(MIT);
      const book = io.files.get('book.xlsx')!;
      io.stdout = '';
      const code = await main(
        ['calibration', '--grid', 'book.xlsx', '--team', 'team-a', '--team', 'team-b', '--min-group', '1', '--out', 'pack.xlsx'],
        io,
      );
      expect(io.stderr).not.toContain('error');
      expect(code).toBe(0);
      expect(io.stdout).toContain('11 people, 4 managers');
      expect(io.stdout).toContain('Pooled team-a + team-b');

      const packBytes = io.files.get('pack.xlsx')!;
      const pack = await open(packBytes);
      const packSheets = readRegistry(pack)
        .sheets.filter((s) => s.kind === 'calibration')
        .map((s) => s.name);
      expect(packSheets).toContain('Pooled team-a + team-b');
      const sheets = recalculatedSheets(soffice!, packBytes, packSheets);

      // No error cell anywhere, and every formula of the pack as core computed it.
      const errors: string[] = [];
      const wrong: string[] = [];
      let checked = 0;
      for (const name of packSheets) {
        const csv = sheets.get(name)!;
        csv.forEach((line, r) => line.forEach((text, c) => isErrorText(text) && errors.push(`${name}!${cellRef(r, c)} ${text}`)));
        for (const [ref, value] of cells(pack.getWorksheet(name)!)) {
          if (!value || typeof value !== 'object' || !('result' in value || 'formula' in value)) continue;
          checked++;
          const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
          const row = Number(m[2]) - 1;
          const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const result = (value as { result?: unknown }).result;
          const text = csv[row]?.[col] ?? '';
          // ExcelJS writes no cached value for a falsy result (0 or ""): read back, it is undefined.
          const same = result === undefined ? ['', '0', '0%'].includes(text) : sameAsCsv(text, result);
          if (!same) wrong.push(`${name}!${ref}: LibreOffice ${csv[row]?.[col]}, core ${String(result)}`);
        }
      }
      expect(errors).toEqual([]);
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(500);

      // The pooled sheet lists both teams' people, read live from each grid.
      const pooled = sheets.get('Pooled team-a + team-b')!;
      expect(pooled.slice(3, 14).map((r) => [r[0], r[1]])).toEqual([
        ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((id) => ['team-a', id]),
        ...['B1', 'B2', 'B3', 'B4', 'B5'].map((id) => ['team-b', id]),
      ]);

      // The grids are as the book had them.
      const before = await open(book);
      for (const grid of ['Team grid', 'team-b grid']) expect(cells(pack.getWorksheet(grid)!)).toEqual(cells(before.getWorksheet(grid)!));
    },
    240_000,
  );

  it('refuses to pool grids on two frameworks, naming them, and writes nothing', async () => {
    const io = await twoGrids(SRE);
    const code = await main(['calibration', '--grid', 'book.xlsx', '--team', 'all', '--out', 'pack.xlsx'], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain(
      'grids on different frameworks cannot be calibrated together: "mit-devops" ("team-a") and "sre-ladder" ("team-b")',
    );
    expect(io.files.has('pack.xlsx')).toBe(false);
  });
});
