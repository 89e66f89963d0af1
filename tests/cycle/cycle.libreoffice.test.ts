/**
 * A whole cycle through a second engine. After collect, LibreOffice
 * recalculates the master and no cell on any sheet is an error; the grid and
 * the Self ratings sheet show the numbers a person works out by hand. In a
 * manager's file every sheet is protected and only the rating and comment
 * cells are unlocked, checked in the file's XML and as LibreOffice reads it.
 */
import ExcelJS from 'exceljs';
import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtIn } from '../../src/core/frameworks/library';
import { ZipParts } from '../../src/xlsx/zipEntries';
import { convert, isErrorText, libreOfficeWorkspace, recalculatedSheets, sofficeFor } from '../support/libreoffice';
import { organisation, organisationCsv } from './support';

const soffice = sofficeFor('the LibreOffice checks of a collected cycle master');
const suite = soffice ? describe : describe.skip;
const mit = builtIn('mit-devops');
const TEAM2 = 'out/Team - ZedCq Morrow (ZQ2X).xlsx';
const SELF3 = 'out/Self - ZedDq Morrow (ZQ3X).xlsx';

async function edited(bytes: Buffer, cells: Record<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [a1, v] of Object.entries(cells)) book.worksheets[0].getCell(a1).value = v;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function splitCycle() {
  const io = captureIO({ 'org.csv': organisationCsv(organisation(mit)) });
  expect(await main(['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--self'], io)).toBe(0);
  return io;
}

/** "B12" style addresses of the cells a sheet XML gives one of the style indices. */
function cellsWithStyles(sheetXml: string, styles: Set<number>): string[] {
  const out: string[] = [];
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: [^>]*?)? s="(\d+)"/g)) if (styles.has(Number(m[2]))) out.push(m[1]);
  return out.sort();
}

function range(cols: string[], rows: number[]): string[] {
  return cols.flatMap((c) => rows.map((r) => `${c}${r}`)).sort();
}

suite('a cycle through LibreOffice', () => {
  jest.setTimeout(120_000);

  it('recalculates a collected master with no error cell, the self-minus-manager difference and its flag as worked by hand', async () => {
    const io = await splitCycle();
    // Manager ZQ2X rates ZQ3X: Adaptability B (2), Analytical Thinking E (5); ZQ3X rates themselves E (5) and E (5).
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'B', M10: 'E', AW10: 'Good year' }));
    io.files.set(SELF3, await edited(io.files.get(SELF3)!, { L10: 'E', M10: 'E' }));
    expect(await main(['cycle', 'collect', TEAM2, SELF3, '--into', 'out/master.xlsx'], io)).toBe(0);
    const sheets = recalculatedSheets(soffice!, io.files.get('out/master.xlsx')!, ['Team grid', 'Self ratings', 'Collection']);
    const errors: string[] = [];
    for (const [name, rows] of sheets)
      rows.forEach((row, r) => row.forEach((v, c) => isErrorText(v) && errors.push(`${name} row ${r + 1} col ${c + 1}: ${v}`)));
    expect(errors).toEqual([]);
    const self = sheets.get('Self ratings')!;
    const row = self.findIndex((r) => r[0] === 'ZQ3X');
    // Columns: A id, B name, C manager, D items apart, E.. self (9), N.. difference (9).
    expect(self[row].slice(3, 6)).toEqual(['1', 'E', 'E']);
    expect(self[row].slice(13, 15)).toEqual(['3', '0']);
    const grid = sheets.get('Team grid')!;
    const g = grid.findIndex((r) => r[0] === 'ZQ3X');
    expect(grid[g].slice(11, 13)).toEqual(['B', 'E']);
    // The manager file's progress cells, recalculated: nobody fully rated, 2 of 27 cells rated.
    const team = recalculatedSheets(soffice!, await edited(io.files.get(TEAM2)!, { L10: 'B', M10: 'E' }), ['Team grid']).get('Team grid')!;
    expect(team[2].slice(0, 2)).toEqual(['People fully rated', '0']);
    expect(team[3].slice(0, 2)).toEqual(['Rating cells left', '25']);
  });

  it('protects every sheet of a manager’s file with only the rating and comment cells unlocked, in the XML and as LibreOffice reads it', async () => {
    const io = await splitCycle();
    const bytes = io.files.get(TEAM2)!;
    const zip = new ZipParts(bytes, TEAM2);
    const sheetParts = zip.names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const workbookXml = zip.text('xl/workbook.xml')!;
    const hiddenRegistry = /<sheet [^>]*name="CompetencyMatrix\.Registry"[^>]*state="hidden"/.test(workbookXml);
    expect(hiddenRegistry).toBe(true);
    const protectedParts = sheetParts.filter((p) => /<sheetProtection [^>]*sheet="1"/.test(zip.text(p)!));
    expect(protectedParts.length).toBe(sheetParts.length - 1); // all but the hidden registry
    // Styles whose protection says locked="0".
    const xfs = zip.text('xl/styles.xml')!.split('<cellXfs')[1].split('</cellXfs>')[0];
    const unlocked = new Set<number>();
    [...xfs.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].forEach((m, i) => /<protection [^>]*locked="0"/.test(m[0]) && unlocked.add(i));
    const gridCells = cellsWithStyles(zip.text('xl/worksheets/sheet1.xml')!, unlocked);
    const ratingCols = ['L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'];
    expect(gridCells).toEqual([...range(ratingCols, [10, 11, 12]), ...range(['AW'], [10, 11, 12])].sort());
    for (const p of sheetParts.slice(1)) expect(cellsWithStyles(zip.text(p)!, unlocked)).toEqual([]);

    // LibreOffice's reading: every table protected; the unprotected cells are the same 30.
    const { dir, profile } = libreOfficeWorkspace();
    try {
      writeFileSync(join(dir, 'team.xlsx'), bytes);
      convert(soffice!, profile, [join(dir, 'team.xlsx')], 'fods', join(dir, 'out'));
      const fods = readFileSync(join(dir, 'out', 'team.fods'), 'utf8');
      // "local-table" is the data table inside an embedded chart (the grid's coverage chart), not a sheet.
      const tables = [...fods.matchAll(/<table:table table:name="([^"]+)"([^>]*)>/g)].filter((t) => t[1] !== 'local-table');
      expect(tables.filter((t) => t[1] !== 'CompetencyMatrix.Registry' && !/table:protected="true"/.test(t[2])).map((t) => t[1])).toEqual(
        [],
      );
      const open = new Set(
        [...fods.matchAll(/<style:style style:name="([^"]+)" style:family="table-cell"[^>]*?(?:\/>|>([\s\S]*?)<\/style:style>)/g)]
          .filter((m) => m[2]?.includes('style:cell-protect="none"'))
          .map((m) => m[1]),
      );
      expect(open.size).toBeGreaterThan(0);
      const grid = fods.split(/<table:table table:name="Team grid"/)[1].split('</table:table>')[0];
      let unprotected = 0;
      for (const rowMatch of grid.matchAll(/<table:table-row([^>]*)>([\s\S]*?)<\/table:table-row>/g)) {
        const rowsRepeated = Number(/table:number-rows-repeated="(\d+)"/.exec(rowMatch[1])?.[1] ?? 1);
        for (const cell of rowMatch[2].matchAll(/<table:table-cell([^>]*?)\/?>/g)) {
          const style = /table:style-name="([^"]+)"/.exec(cell[1])?.[1];
          const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(cell[1])?.[1] ?? 1);
          if (style && open.has(style)) unprotected += repeated * rowsRepeated;
        }
      }
      expect(unprotected).toBe(30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
