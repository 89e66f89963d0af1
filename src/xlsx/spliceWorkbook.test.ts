import ExcelJS from 'exceljs';
import { builtIn } from '../core/frameworks/library';
import { workbookLayout } from '../core/layouts/workbook';
import { main } from '../cli/index';
import { captureIO } from '../cli/testIO';
import { addCalibrationPack } from '../cli/commands/calibration';
import { generatedRoster } from '../../tests/xlsx/support/rosters';
import { planWorkbookBytes } from '../../tests/xlsx/support/writeWorkbook';
import { recalculatedSheets, sameAsCsv, sofficeFor } from '../../tests/support/libreoffice';
import { openWorkbook } from './readWorkbook';
import { readGridFrom } from './readGrid';
import { ZipParts } from './zipEntries';

const model = builtIn('mit-devops');
const soffice = sofficeFor('the recalculation of a pack spliced into a grid file');
const withLibreOffice = soffice ? it : it.skip;

/** A grid as the workbook command writes it, plus a sheet of the user's own: styled, merged, a number format, a note. */
async function gridWithNotes(): Promise<Buffer> {
  const grid = await planWorkbookBytes(workbookLayout(model, { roster: generatedRoster(model, 40, { seed: 5 }) }).plan, 'stream');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(grid as unknown as ArrayBuffer);
  const notes = book.addWorksheet('Notes');
  notes.getCell('A1').value = 'Our own notes';
  notes.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF8B0000' } };
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  notes.mergeCells('A1:D1');
  notes.getCell('B3').value = 0.375;
  notes.getCell('B3').numFmt = '0.0%';
  notes.getCell('C3').value = 'see the grid';
  notes.getCell('C3').note = 'A note of our own';
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function calibrate(grid: Buffer): Promise<Buffer> {
  const io = captureIO({ 'team.xlsx': grid });
  expect(await main(['calibration', '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', '2026 H1'], io)).toBe(0);
  expect(io.stderr).toBe('');
  return io.files.get('pack.xlsx')!;
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('a calibration pack spliced into the grid file', () => {
  it('copies every part it does not have to change byte for byte, the user sheet and its note included', async () => {
    const before = await gridWithNotes();
    const after = await calibrate(before);
    const old = new ZipParts(before, 'team.xlsx');
    const next = new ZipParts(after, 'pack.xlsx');
    const registryPart = (await openWorkbook(before, 'team.xlsx')).sheets.find((s) => s.name === 'CompetencyMatrix.Registry')!.part;
    const rewritten = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    const copied = old.names.filter((n) => !rewritten.includes(n) && n !== registryPart);
    expect(copied).toEqual(expect.arrayContaining([expect.stringMatching(/^xl\/comments/), expect.stringMatching(/vmlDrawing/)]));
    for (const name of copied) {
      expect([name, next.entry(name)?.crc]).toEqual([name, old.entry(name)!.crc]);
      expect(next.raw(name).equals(old.raw(name))).toBe(true);
    }
  });

  it("keeps the user's sheet as it was: its font, fill, merge, number format and note", async () => {
    const notes = (await load(await calibrate(await gridWithNotes()))).getWorksheet('Notes')!;
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, size: 14, color: { argb: 'FF8B0000' } });
    expect(notes.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(notes.getCell('D1').isMerged).toBe(true);
    expect(notes.getCell('B3').numFmt).toBe('0.0%');
    expect(notes.getCell('C3').note).toBe('A note of our own');
  });

  it('gives the pack sheets the same values, formulas and formats as a pack written in memory', async () => {
    const grid = await gridWithNotes();
    const spliced = await load(await calibrate(grid));
    const built = await load(grid);
    await addCalibrationPack(built, model, { fileName: 'team.xlsx', cycle: '2026 H1' }, captureIO());
    // Both read back from their bytes, so each shows what its file says.
    const inMemory = await load(Buffer.from(await built.xlsx.writeBuffer()));
    const packSheets = ['Calibration', 'Changes', 'Snapshot 2026 H1', 'Calibration data'];
    expect(spliced.worksheets.map((w) => w.name)).toEqual(inMemory.worksheets.map((w) => w.name));
    for (const name of packSheets) {
      const a = spliced.getWorksheet(name)!;
      const b = inMemory.getWorksheet(name)!;
      expect([name, a.rowCount, a.columnCount]).toEqual([name, b.rowCount, b.columnCount]);
      b.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = a.getCell(r, c);
          expect([name, cell.address, other.value, other.font, other.fill, other.numFmt, other.border]).toEqual([
            name,
            cell.address,
            cell.value,
            cell.font,
            cell.fill,
            cell.numFmt,
            cell.border,
          ]);
        });
      });
      // Conditional formats with their differential styles (whose indices the splice shifts).
      const formats = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
      expect(formats(a)).toEqual(formats(b));
    }
  });

  it('workbook --into copies the user sheet and its note byte for byte and keeps every rating', async () => {
    const before = await gridWithNotes();
    const io = captureIO({ 'team.xlsx': before });
    expect(await main(['workbook', '--framework', 'mit-devops', '--into', 'team.xlsx'], io)).toBe(0);
    const after = io.files.get('team.xlsx')!;
    const oldBook = await openWorkbook(before, 'team.xlsx');
    const newBook = await openWorkbook(after, 'team.xlsx');
    const notesPart = (b: typeof oldBook) => b.sheets.find((s) => s.name === 'Notes')!.part;
    expect(newBook.zip.raw(notesPart(newBook)).equals(oldBook.zip.raw(notesPart(oldBook)))).toBe(true);
    for (const name of oldBook.zip.names.filter((n) => /comments|vmlDrawing|theme/.test(n)))
      expect([name, newBook.zip.raw(name).equals(oldBook.zip.raw(name))]).toEqual([name, true]);
    const ratings = async (b: typeof oldBook) =>
      (await readGridFrom(b, 'Team grid')).people.map((p) => [p.id, p.ratings] as const).sort((x, y) => x[0].localeCompare(y[0]));
    expect(await ratings(newBook)).toEqual(await ratings(oldBook));
    expect(io.stdout).toContain('ratings kept: ');
    expect((await load(after)).getWorksheet('Notes')!.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
  });

  withLibreOffice(
    'opens in LibreOffice, whose recalculation of the pack agrees with the figures written',
    async () => {
      const pack = await calibrate(await gridWithNotes());
      const sheets = recalculatedSheets(soffice!, pack, ['Calibration data', 'Notes']);
      const written = (await (await openWorkbook(pack, 'pack.xlsx')).values('Calibration data')).rows;
      const csv = sheets.get('Calibration data')!;
      let checked = 0;
      const wrong: string[] = [];
      written.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v !== 'number') return;
          checked++;
          if (!sameAsCsv(csv[r]?.[c], v, 1e-6)) wrong.push(`R${r + 1}C${c + 1}: ${csv[r]?.[c]} != ${v}`);
        }),
      );
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(100);
      expect(sheets.get('Notes')![0][0]).toBe('Our own notes');
    },
    120000,
  );
});

describe('a file spliced twice', () => {
  it('keeps the sheets the first splice added (their relationship ids are not given out again)', async () => {
    const packed = await calibrate(await gridWithNotes());
    const first = await openWorkbook(packed, 'pack.xlsx');
    const added = first.sheets.map((s) => s.name).filter((n) => n.startsWith('Snapshot'));
    expect(added).toHaveLength(1);
    const io = captureIO({ 'team.xlsx': packed });
    expect(await main(['calibration', '--grid', 'team.xlsx', '--out', 'again.xlsx', '--cycle', '2026 H2'], io)).toBe(0);
    const again = await openWorkbook(io.files.get('again.xlsx')!, 'again.xlsx');
    const parts = again.sheets.map((s) => s.part);
    expect(new Set(parts).size).toBe(parts.length);
    expect(again.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...added, 'Notes', 'Team grid']));
    expect((await load(io.files.get('again.xlsx')!)).getWorksheet(added[0])!.getCell('A1').value).toBe(
      (await load(packed)).getWorksheet(added[0])!.getCell('A1').value,
    );
  });
});
