import ExcelJS from 'exceljs';
import { main } from '../index';
import { captureIO, type CapturedIO } from '../testIO';
import { builtIn } from '../../core/frameworks/library';
import { readGrid } from '../../xlsx/readGrid';
import { organisation, organisationCsv } from '../../../tests/cycle/support';

const mit = builtIn('mit-devops');
const people = organisation(mit);
// ZQ1X heads ZQ2X, ZQ6X, ZQ10X; ZQ2X manages ZQ3X-ZQ5X by id, ZQ6X manages ZQ7X-ZQ9X by name.
const TEAM2 = 'out/Team - ZedCq Morrow (ZQ2X).xlsx';
const TEAM6 = 'out/Team - ZedGq Morrow (ZQ6X).xlsx';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A manager's edit of a returned file: cells of its first sheet (the grid) set by A1 address. */
async function edited(bytes: Buffer, cells: Record<string, string>): Promise<Buffer> {
  const book = await load(bytes);
  for (const [a1, v] of Object.entries(cells)) book.worksheets[0].getCell(a1).value = v;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function split(io: CapturedIO, ...extra: string[]): Promise<void> {
  const code = await main(
    ['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--cycle', 'Spring 2026', ...extra],
    io,
  );
  if (code !== 0) throw new Error(io.stderr);
}

async function collect(io: CapturedIO, ...args: string[]): Promise<number> {
  io.stdout = '';
  return main(['cycle', 'collect', ...args, '--into', 'out/master.xlsx'], io);
}

async function masterRating(io: CapturedIO, id: string, competency: string): Promise<unknown> {
  const grid = readGrid(await load(io.files.get('out/master.xlsx')!));
  return grid.people.find((p) => p.id === id)!.ratings[competency];
}

describe('competency-matrix cycle', () => {
  it('splits a roster into the master, one file per manager and one per person, named for whom they are', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io, '--self');
    expect(io.stdout).toContain('Wrote 20 files into out for the cycle "Spring 2026"');
    expect(io.stdout).toContain('team files: 5, one per manager, direct reports only');
    expect(io.stdout).toContain('self-assessment files: 14, one per person');
    expect([...io.files.keys()].filter((f) => f.startsWith('out/Team'))).toEqual([
      'out/Team - ZedBq Morrow (ZQ1X).xlsx',
      TEAM2,
      TEAM6,
      'out/Team - ZedKq Morrow (ZQ10X).xlsx',
      'out/Team - Yorvath Outsidecase.xlsx',
    ]);
    const team = readGrid(await load(io.files.get(TEAM6)!));
    expect(team.people.map((p) => p.id)).toEqual(['ZQ7X', 'ZQ8X', 'ZQ9X']);
  });

  it('refuses to replace the files of an earlier split without --force', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    const code = await main(['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out'], io);
    expect(code).toBe(1);
    expect(io.stderr).toMatch(
      /out: 6 of the files already exist \(master\.xlsx, .*\); pick a new --out folder, or add --force to replace them/,
    );
  });

  it('places returned ratings by person and competency, and collecting the same file again changes nothing', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'A', M11: 'e', AW10: 'Strong year' }));
    expect(await collect(io, TEAM2)).toBe(0);
    expect(io.stdout).toContain('Placed: 3 ratings and comments (0 already in the master)');
    expect(io.stdout).toContain('Missing: 4 files not returned yet');
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('A');
    expect(await masterRating(io, 'ZQ4X', 'analytical-thinking')).toBe('E');
    const master = await load(io.files.get('out/master.xlsx')!);
    expect(master.getWorksheet('Collection')!.getCell('A1').value).toBe('Collection of returned workbooks: cycle "Spring 2026"');

    expect(await collect(io, TEAM2)).toBe(0);
    expect(io.stdout).toContain('Placed: 0 ratings and comments (3 already in the master)');
    expect(io.stdout).toContain('Conflicts: 0');
  });

  it('refuses files of another cycle and files the product did not write, naming them, and reads nothing from them', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    const other = captureIO({ 'org.csv': organisationCsv(people) });
    await main(['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--cycle', 'Autumn 2025'], other);
    io.files.set('back/old.xlsx', await edited(other.files.get(TEAM2)!, { L10: 'E' }));
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'ZQ3X';
    io.files.set('back/mine.xlsx', Buffer.from(await plain.xlsx.writeBuffer()));
    io.files.set('back/notes.xlsx', Buffer.from('not a workbook'));
    expect(await collect(io, 'back')).toBe(0);
    expect(io.stdout).toContain('Refused: 3 files');
    expect(io.stdout).toMatch(
      /back\/old\.xlsx \| from another cycle \("Autumn 2025", written .*\); this master is the cycle "Spring 2026"/,
    );
    expect(io.stdout).toContain('back/mine.xlsx | not written by Competency Matrix for an assessment cycle');
    expect(io.stdout).toContain('back/notes.xlsx | it cannot be read as an .xlsx workbook');
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBeNull();
  });

  it('never lets a manager’s file change a person of another team, even with their real id typed in', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { A12: 'ZQ7X', L12: 'E', L10: 'B', A13: 'NEW9', L13: 'A' }));
    expect(await collect(io, TEAM2)).toBe(0);
    expect(io.stdout).toContain(`${TEAM2} | ZQ7X | belongs to another file of the cycle: not applied, their ratings unchanged`);
    expect(io.stdout).toContain(`${TEAM2} | ZQ5X | issued in this file but missing from the return`);
    expect(io.stdout).toContain(`${TEAM2} | NEW9 | added in the return; not on the master: not applied`);
    expect(io.stdout).toContain(
      `${TEAM2} | Team grid | L12 | ZQ7X | Adaptability | E | this person is not in the team the file was issued for`,
    );
    expect(await masterRating(io, 'ZQ7X', 'adaptability')).toBeNull();
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('B');
  });

  it('lists a value that is not a level with its file, sheet and cell, and leaves the cell alone', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM6, await edited(io.files.get(TEAM6)!, { N10: 'Superb' }));
    await collect(io, TEAM6);
    expect(io.stdout).toContain(
      `${TEAM6} | Team grid | N10 | ZQ7X | Business Function Knowledge | Superb | not a level of the competency’s scale`,
    );
    expect(await masterRating(io, 'ZQ7X', 'business-function-knowledge')).toBeNull();
  });

  it('keeps the master’s value where two returns disagree, says how to settle it, and lets --prefer name the winner', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    const original = io.files.get(TEAM6)!;
    io.files.set(TEAM6, await edited(original, { L10: 'I' }));
    io.files.set('late/copy.xlsx', await edited(original, { L10: 'A' }));
    await collect(io, TEAM6, 'late/copy.xlsx');
    expect(io.stdout).toContain(`ZQ7X | Adaptability | manager | (empty) | I (${TEAM6}); A (late/copy.xlsx)`);
    expect(io.stdout).toContain('collect again with --prefer "<file>" naming the file that wins');
    expect(await masterRating(io, 'ZQ7X', 'adaptability')).toBeNull();
    await collect(io, TEAM6, 'late/copy.xlsx', '--prefer', 'copy.xlsx');
    expect(io.stdout).toContain('Settled by --prefer: 1');
    expect(await masterRating(io, 'ZQ7X', 'adaptability')).toBe('A');
  });

  it('merges a late file with what is already in the master, keeping ratings the return does not mention', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'A' }));
    await collect(io, TEAM2);
    io.files.set(TEAM6, await edited(io.files.get(TEAM6)!, { M10: 'B' }));
    await collect(io, TEAM6);
    expect(io.stdout).toContain('Missing: 3 files not returned yet');
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('A');
    expect(await masterRating(io, 'ZQ7X', 'analytical-thinking')).toBe('B');
  });

  it('puts self-assessments on the Self ratings sheet, not over the manager’s rating', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io, '--self');
    const selfFile = 'out/Self - ZedDq Morrow (ZQ3X).xlsx';
    io.files.set(selfFile, await edited(io.files.get(selfFile)!, { L10: 'E' }));
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'B' }));
    await collect(io, selfFile, TEAM2);
    expect(io.stdout).toContain('Conflicts: 0');
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('B');
    const self = (await load(io.files.get('out/master.xlsx')!)).getWorksheet('Self ratings')!;
    expect(self.getCell('A7').value).toBe('ZQ1X');
    expect(self.getCell('A9').value).toBe('ZQ3X');
    expect(self.getCell('E9').value).toBe('E');
  });

  it('gives the master’s calibration pack the mean self − manager per manager, read live from the Self ratings sheet', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io, '--self');
    const selfFile = 'out/Self - ZedDq Morrow (ZQ3X).xlsx';
    io.files.set(selfFile, await edited(io.files.get(selfFile)!, { L10: 'E' }));
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'B' }));
    await collect(io, selfFile, TEAM2);
    expect(await main(['calibration', '--grid', 'out/master.xlsx', '--out', 'out/pack.xlsx'], io)).toBe(0);
    const sheet = (await load(io.files.get('out/pack.xlsx')!)).getWorksheet('Calibration')!;
    const rows = sheet.getSheetValues() as unknown[][];
    const header = rows.findIndex((r) => r?.[1] === 'Manager');
    const col = (rows[header] ?? []).indexOf('Self − manager (mean)');
    expect(col).toBeGreaterThan(0);
    const cell = (label: string) =>
      sheet.getCell(
        rows.findIndex((r, i) => i > header && r?.[1] === label),
        col,
      ).value as { formula: string; result: unknown };
    // ZQ3X rates adaptability E (5) herself, her manager ZQ2X B (2): +3, the only pair of the cycle.
    expect(cell('ZQ2X').result).toBe(3);
    expect(cell('ZQ2X').formula).toContain("'Self ratings'!");
    expect(cell('Everyone').result).toBe(3);
    expect(cell('ZedGq Morrow').result).toBe('no self ratings');
  });

  it('lists a person shown under another manager in a return, without moving them, and still takes their ratings', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { D10: 'ZedGq Morrow', L10: 'I' }));
    await collect(io, TEAM2);
    expect(io.stdout).toContain(`${TEAM2} | ZQ3X | shown under another manager in the return: the move is not applied`);
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('I');
    const grid = readGrid(await load(io.files.get('out/master.xlsx')!));
    expect(grid.people.find((p) => p.id === 'ZQ3X')!.manager).toBe('ZQ2X');
  });

  it('explains its two steps with --help', async () => {
    const io = captureIO();
    expect(await main(['cycle', '--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage:\n {2}cycle split --framework <id\|file> --roster <file> --out <folder>/);
    expect(io.stdout).toContain('cycle collect <folder|files...> --into master.xlsx');
    expect(await main(['cycle', 'gather'], io)).toBe(2);
    expect(io.stderr).toContain('cycle: unknown step "gather"');
  });

  it('writes nothing with --dry-run and explains a missing --into', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    const before = io.files.get('out/master.xlsx');
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'A' }));
    await collect(io, TEAM2, '--dry-run');
    expect(io.stdout).toContain('(dry run: nothing written)');
    expect(io.files.get('out/master.xlsx')).toBe(before);
    expect(await main(['cycle', 'collect', TEAM2], io)).toBe(2);
    expect(io.stderr).toContain('cycle collect: --into master.xlsx is required');
  });
});

describe('competency-matrix cycle collect, a master without its Self ratings sheet', () => {
  it('refuses self-assessments it has nowhere to put, and still takes the team files', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io, '--self');
    const book = await load(io.files.get('out/master.xlsx')!);
    book.removeWorksheet(book.getWorksheet('Self ratings')!.id);
    io.files.set('out/master.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const selfFile = 'out/Self - ZedDq Morrow (ZQ3X).xlsx';
    io.files.set(selfFile, await edited(io.files.get(selfFile)!, { L10: 'E' }));
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'B' }));
    expect(await collect(io, selfFile, TEAM2)).toBe(0);
    expect(io.stdout).toContain(`${selfFile} | a self-assessment, but the master has no "Self ratings" sheet to put it on`);
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('B');
  });
});

describe('a cycle master rebuilt with workbook --into', () => {
  it('treats collected ratings as decided: a rebuild with a roster that disagrees keeps them, and keeps one HR cleared blank', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { L10: 'A', L11: 'B' }));
    expect(await collect(io, TEAM2)).toBe(0);
    // HR clears ZQ4X's collected rating in the master.
    const book = await load(io.files.get('out/master.xlsx')!);
    const grid = readGrid(book);
    const zq4 = grid.people.find((p) => p.id === 'ZQ4X')!;
    book.worksheets[0].getCell(zq4.row + 1, grid.geometry.ratingCols[0] + 1).value = null;
    io.files.set('out/master.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    // A roster that rates both differently, e.g. last cycle's export.
    const lines = organisationCsv(people).trimEnd().split('\n');
    const withRatings = [`${lines[0]},Adaptability`, ...lines.slice(1).map((l) => `${l},${/^ZQ[34]X,/.test(l) ? 'E' : ''}`)];
    io.files.set('org2.csv', Buffer.from(`${withRatings.join('\n')}\n`));
    const rebuilt = await main(['workbook', '--framework', 'mit-devops', '--roster', 'org2.csv', '--into', 'out/master.xlsx'], io);
    expect(io.stderr).toBe('');
    expect(rebuilt).toBe(0);
    expect(await masterRating(io, 'ZQ3X', 'adaptability')).toBe('A');
    expect(await masterRating(io, 'ZQ4X', 'adaptability')).toBeNull();
  });

  it('keeps its cycle records and sets comments aside on the Unplaced ratings sheet instead of losing them', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    await split(io);
    io.files.set(TEAM2, await edited(io.files.get(TEAM2)!, { AW10: 'Ready for more' }));
    await collect(io, TEAM2);
    expect(await main(['workbook', '--framework', 'mit-devops', '--into', 'out/master.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain('ZQ3X / comment = "Ready for more"');
    io.stdout = '';
    io.files.set(TEAM6, await edited(io.files.get(TEAM6)!, { L10: 'B' }));
    expect(await collect(io, TEAM6)).toBe(0);
    expect(io.stdout).toContain('Missing: 3 files not returned yet');
  });
});
