/**
 * Two grids in one workbook from the command line, recalculated by
 * LibreOffice: two teams on one framework (the second grid reads the first
 * grid's matrix, scales and targets) and two teams on two frameworks (the
 * second has its own). No cell of any sheet is an error, a rating typed on
 * the first grid is still there after the second is built, and
 * each grid's gap for a rated person is rating - target as worked from the
 * framework.
 */
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtIn } from '../../src/core/frameworks/library';
import type { FrameworkModel } from '../../src/core/framework/model';
import { readGrid } from '../../src/xlsx/readGrid';
import { isErrorText, recalculatedSheets, sofficeFor } from '../support/libreoffice';

const soffice = sofficeFor('the LibreOffice checks of a workbook with several grids');
const suite = soffice ? describe : describe.skip;
const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

/** A roster whose first person is rated on the first competency (the second level of its scale), unless `rated` is false. */
function roster(model: FrameworkModel, ids: string[], rated = true): string {
  const c = model.competencies[0];
  const rows = ids.map((id, i) =>
    [id, `Person ${id}`, model.roles[1].name, 'Grace', rated && i === 0 ? model.scaleOf(c).levels[1].code : ''].join(','),
  );
  return [['id', 'name', 'role', 'manager', c.name].join(','), ...rows].join('\n');
}

/** A manager types a rating on the first grid (first person, first competency), as in Excel. */
async function typeRating(bytes: Buffer, sheet: string, model: FrameworkModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const { geometry } = readGrid(book, sheet);
  const c = model.competencies[0];
  const col = geometry.ratingCols[geometry.competencyIds.indexOf(c.id)];
  book.getWorksheet(sheet)!.getCell(geometry.firstPersonRow + 1, col + 1).value = model.scaleOf(c).levels[1].code;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function twoGrids(second: FrameworkModel): Promise<Buffer> {
  const io = captureIO({ 'team-a.csv': roster(MIT, ['A1', 'A2'], false), 'team-b.csv': roster(second, ['B1', 'B2', 'B3']) });
  expect(await main(['workbook', '--framework', 'mit-devops', '--roster', 'team-a.csv', '--out', 'book.xlsx'], io)).toBe(0);
  io.files.set('book.xlsx', await typeRating(io.files.get('book.xlsx')!, 'Team grid', MIT));
  expect(await main(['workbook', '--framework', second.id, '--roster', 'team-b.csv', '--into', 'book.xlsx'], io)).toBe(0);
  expect(io.stdout).toContain('grid: added');
  return io.files.get('book.xlsx')!;
}

/** The gap the grid shows for its first person on the first competency, and what the framework says it is. */
async function firstGap(bytes: Buffer, sheet: string, model: FrameworkModel, csv: string[][]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const { geometry } = readGrid(book, sheet);
  const c = model.competencies[0];
  const k = geometry.competencyIds.indexOf(c.id);
  const row = csv[geometry.firstPersonRow];
  const target = model.target(model.roles[1], c)!;
  return {
    rating: row[geometry.ratingCols[k]],
    shown: Number(row[geometry.gapCols[k]]),
    worked: model.scaleOf(c).levels[1].value - target.value,
  };
}

function errorCells(sheets: Map<string, string[][]>): string[] {
  const out: string[] = [];
  for (const [name, rows] of sheets)
    rows.forEach((row, r) => row.forEach((v, c) => isErrorText(v) && out.push(`${name} row ${r + 1} col ${c + 1}: ${v}`)));
  return out;
}

suite('several grids in one workbook, through LibreOffice', () => {
  jest.setTimeout(180_000);

  it.each([
    ['one framework', MIT, 'team-b grid', ['Team grid', 'team-b grid', 'Matrix', 'Scales', 'Targets']],
    [
      'two frameworks',
      SRE,
      'team-b grid (sre-ladder)',
      ['Team grid', 'team-b grid (sre-ladder)', 'Matrix', 'Targets', 'Matrix (sre-ladder)', 'Targets (sre-ladder)'],
    ],
  ])(
    'two teams on %s: both grids calculate, with no error cell and the first team’s rating kept',
    async (_case, second, sheet, expected) => {
      const bytes = await twoGrids(second);
      const sheets = recalculatedSheets(soffice!, bytes, expected);
      expect(errorCells(sheets)).toEqual([]);
      const first = await firstGap(bytes, 'Team grid', MIT, sheets.get('Team grid')!);
      expect(first.rating).toBe(MIT.scaleOf(MIT.competencies[0]).levels[1].code);
      expect(first.shown).toBe(first.worked);
      const other = await firstGap(bytes, sheet, second, sheets.get(sheet)!);
      expect(other.rating).toBe(second.scaleOf(second.competencies[0]).levels[1].code);
      expect(other.shown).toBe(other.worked);
    },
  );
});
