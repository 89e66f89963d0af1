import ExcelJS from 'exceljs';
import { main } from '../cli/index';
import { captureIO } from '../cli/testIO';
import { builtIn } from '../core/frameworks/library';
import { organisation, organisationCsv } from '../../tests/cycle/support';
import { openCycleWorkbook, openReturnedWorkbook } from './cycleWorkbookFile';
import { readReturnedFile, readReturnedWorkbook } from './cycleReturns';

const people = organisation(builtIn('mit-devops'));
const TEAM2 = 'out/Team - ZedCq Morrow (ZQ2X).xlsx';

async function teamFile(): Promise<Buffer> {
  const io = captureIO({ 'org.csv': organisationCsv(people) });
  const code = await main(
    ['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--cycle', 'Spring 2026'],
    io,
  );
  if (code !== 0) throw new Error(io.stderr);
  return io.files.get(TEAM2)!;
}

/** A manager's edit: cells of the grid (the first sheet) set by A1 address, saved by ExcelJS as Excel would save it. */
async function edited(bytes: Buffer, cells: Record<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [a1, v] of Object.entries(cells)) book.worksheets[0].getCell(a1).value = v;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a returned workbook read with the streaming reader', () => {
  it('gives what the in-memory reader gives: identity, people and every filled rating and comment with its cell', async () => {
    const bytes = await edited(await teamFile(), { L10: 'A', M11: 'e', T12: 'BD', AW10: 'Strong year' });
    const streamed = await readReturnedFile(await openReturnedWorkbook(bytes, 'team.xlsx'), 'team.xlsx');
    expect(streamed).toEqual(readReturnedWorkbook(await openCycleWorkbook(bytes, 'team.xlsx'), 'team.xlsx'));
    expect(streamed.identity).toMatchObject({ kind: 'team', subjectName: 'ZedCq Morrow', label: 'Spring 2026' });
    expect(streamed.sheet).toBe('Team grid');
    expect(streamed.people.map((p) => [p.id, p.manager, p.row])).toEqual([
      ['ZQ3X', 'ZQ2X', 10],
      ['ZQ4X', 'ZQ2X', 11],
      ['ZQ5X', 'ZQ2X', 12],
    ]);
    expect(streamed.cells).toEqual([
      { person: 'ZQ3X', field: 'adaptability', value: 'A', cell: 'L10' },
      { person: 'ZQ3X', field: 'comment', value: 'Strong year', cell: 'AW10' },
      { person: 'ZQ4X', field: 'analytical-thinking', value: 'e', cell: 'M11' },
      { person: 'ZQ5X', field: 'thoroughness', value: 'BD', cell: 'T12' },
    ]);
  });

  it('refuses a file that is not an .xlsx with the same words as before, and one without a cycle record reads as such', async () => {
    await expect(openReturnedWorkbook(Buffer.from('not a workbook'), 'notes.xlsx')).rejects.toThrow(
      /^notes\.xlsx: it cannot be read as an \.xlsx workbook \(.+\); was it saved as "Excel Workbook \(\.xlsx\)"\?$/,
    );
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'ZQ3X';
    const bytes = Buffer.from(await plain.xlsx.writeBuffer());
    expect(await readReturnedFile(await openReturnedWorkbook(bytes, 'mine.xlsx'), 'mine.xlsx')).toEqual({
      file: 'mine.xlsx',
      sheet: '',
      people: [],
      cells: [],
    });
  });
});
