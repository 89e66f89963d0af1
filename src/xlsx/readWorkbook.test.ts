import ExcelJS from 'exceljs';
import { builtInFrameworks } from '../core/frameworks/library';
import { workbookLayout } from '../core/layouts/workbook';
import { main } from '../cli/index';
import { captureIO } from '../cli/testIO';
import { generatedRoster } from '../../tests/xlsx/support/rosters';
import { planWorkbookBytes } from '../../tests/xlsx/support/writeWorkbook';
import { storedZip } from '../../tests/xlsx/support/storedZip';
import { openWorkbook } from './readWorkbook';
import { worksheetValues } from './worksheetValues';

/** Every sheet of a workbook as the in-memory reader (ExcelJS load) sees it. */
async function inMemoryRows(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return Object.fromEntries(book.worksheets.map((ws) => [ws.name, worksheetValues(ws)]));
}

/** Every sheet as the streaming reader sees it. */
async function streamedRows(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const book = await openWorkbook(bytes, 'book.xlsx');
  const out: Record<string, unknown[][]> = {};
  for (const s of book.sheets) out[s.name] = (await book.values(s.name)).rows;
  return out;
}

describe('the streaming workbook reader', () => {
  it.each(builtInFrameworks().map((m) => [m.id, m] as const))(
    'returns the same rows as the in-memory reader for every sheet of a %s team workbook',
    async (_id, model) => {
      const roster = generatedRoster(model, 25, { seed: 7 });
      for (const how of ['stream', 'memory'] as const) {
        const bytes = await planWorkbookBytes(workbookLayout(model, { roster }).plan, how);
        const expected = await inMemoryRows(bytes);
        expect(Object.keys(expected).length).toBeGreaterThan(3);
        expect(await streamedRows(bytes)).toEqual(expected);
      }
    },
  );

  it('returns the same rows as the in-memory reader for a calibration pack', async () => {
    const model = builtInFrameworks()[0];
    const grid = await planWorkbookBytes(workbookLayout(model, { roster: generatedRoster(model, 40, { seed: 2 }) }).plan, 'stream');
    const io = captureIO({ 'team.xlsx': grid });
    expect(await main(['calibration', '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', '2026 H1'], io)).toBe(0);
    const pack = io.files.get('pack.xlsx')!;
    const expected = await inMemoryRows(pack);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['Calibration', 'Snapshot 2026 H1', 'Calibration data']));
    expect(await streamedRows(pack)).toEqual(expected);
  });

  it('reads rich text, inline strings, booleans, errors, dates and formula results as ExcelJS does', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Odd cells');
    ws.getCell('A1').value = { richText: [{ text: 'Ri' }, { font: { bold: true }, text: 'ch & <bold>' }] };
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = { error: '#N/A' };
    ws.getCell('D1').value = new Date(Date.UTC(2026, 2, 4, 12, 30));
    ws.getCell('E1').value = { formula: 'B1&"x"', result: 'TRUEx', date1904: false };
    ws.getCell('F1').value = { formula: '1/0', result: { error: '#DIV/0!' }, date1904: false };
    ws.getCell('A3').value = 4.25;
    ws.getCell('C3').value = { formula: 'A3*2', date1904: false };
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const rows = (await streamedRows(bytes))['Odd cells'];
    expect(rows).toEqual(await inMemoryRows(bytes).then((r) => r['Odd cells']));
    expect(rows[0]).toEqual(['Rich & <bold>', true, '#N/A', '2026-03-04T12:30:00.000Z', 'TRUEx', '#DIV/0!']);
    expect(rows[2][0]).toBe(4.25);
    expect(rows[2][2]).toBeNull();
  });

  it('names the sheets there are when asked for one that is missing', async () => {
    const bytes = await planWorkbookBytes(workbookLayout(builtInFrameworks()[0], {}).plan, 'stream');
    const book = await openWorkbook(bytes, 'team.xlsx');
    await expect(book.values('Team grid')).rejects.toThrow(/^team\.xlsx: there is no sheet "Team grid"; its sheets are "Matrix", /);
  });

  it('says a workbook is encrypted with a password to open, an old .xls, cut short, not a zip, or a zip that is not a workbook', async () => {
    const cfb = (stream: string) =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);
    await expect(openWorkbook(cfb('EncryptionInfo'), 'locked.xlsx')).rejects.toThrow(
      /^locked\.xlsx: the workbook is encrypted with a password to open, and this command takes no password for it; open it in Excel, remove the password/,
    );
    await expect(openWorkbook(cfb('Workbook'), 'old.xls')).rejects.toThrow(/^old\.xls: this is an Excel 97-2003 \.xls workbook/);
    const good = await planWorkbookBytes(workbookLayout(builtInFrameworks()[0], {}).plan, 'stream');
    await expect(openWorkbook(good.subarray(0, Math.floor(good.length / 2)), 'half.xlsx')).rejects.toThrow(
      /^half\.xlsx: the workbook file is cut short/,
    );
    await expect(openWorkbook(Buffer.from('id,name\n1,Ada\n'), 'roster.xlsx')).rejects.toThrow(
      /^roster\.xlsx: this is not an \.xlsx workbook \(it is not a zip file\)/,
    );
    await expect(openWorkbook(storedZip({ 'readme.txt': 'hello' }), 'notes.xlsx')).rejects.toThrow(
      /^notes\.xlsx: this is a zip file but not an \.xlsx workbook/,
    );
    await expect(openWorkbook(Buffer.alloc(0), 'empty.xlsx')).rejects.toThrow(/^empty\.xlsx: the file is empty/);
    await expect(openWorkbook('/nonexistent/team.xlsx')).rejects.toThrow(/^\/nonexistent\/team\.xlsx: no such file; check the path/);
  });

  it('says which part is damaged when a sheet cannot be unpacked', async () => {
    const good = Buffer.from(await planWorkbookBytes(workbookLayout(builtInFrameworks()[0], {}).plan, 'stream'));
    const book = await openWorkbook(good, 'team.xlsx');
    const part = book.sheets[0].part;
    const raw = book.zip.raw(part);
    raw.fill(0xff, 0, Math.min(raw.length, 64)); // scribble over the sheet's compressed data, in place
    await expect(book.values(book.sheets[0].name)).rejects.toThrow(
      new RegExp(`^team\\.xlsx: the workbook file is damaged \\(part ${part.replace(/\./g, '\\.')} cannot be unpacked\\)`),
    );
  });

  it('reports progress with a share done on a long sheet', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Long');
    for (let r = 0; r < 30000; r++) ws.addRow([`person ${r}`, r, r % 5]);
    const lines: string[] = [];
    const file = await openWorkbook(Buffer.from(await book.xlsx.writeBuffer()), 'long.xlsx', { progress: (t) => lines.push(t) });
    const { rows } = await file.values('Long');
    expect(rows).toHaveLength(30000);
    expect(rows[29999]).toEqual(['person 29999', 29999, 4]);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^read \d{2},\d{3} rows of "Long" \(\d{1,2}% of the sheet\)$/);
    expect(lines.at(-1)).toBe('read 30,000 rows of "Long"');
  });
});
