import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { main } from '../index';
import { captureIO, type CapturedIO } from '../testIO';
import { builtIn } from '../../core/frameworks/library';
import { readGrid } from '../../xlsx/readGrid';
import { decryptWorkbook, encryptWorkbook, isEncryptedWorkbook } from '../../xlsx/workbookEncryption';
import { organisation, organisationCsv } from '../../../tests/cycle/support';

// ZQ1X heads ZQ2X, who manages ZQ3X and ZQ4X (by id); ZQ5X's manager is not on the roster.
const people = organisation(builtIn('mit-devops'), 1, 2);
const HEAD = 'Team - ZedBq Morrow (ZQ1X).xlsx';
const TEAM2 = 'Team - ZedCq Morrow (ZQ2X).xlsx';
const OUTSIDE = 'Team - Yorvath Outsidecase.xlsx';

async function split(io: CapturedIO, ...extra: string[]): Promise<number> {
  return main(
    ['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--cycle', 'Spring 2026', ...extra],
    io,
  );
}

function passwordsOf(io: CapturedIO): Map<string, string> {
  const rows = Papa.parse<string[]>(
    io.files
      .get('out/passwords.csv')!
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { skipEmptyLines: true },
  ).data;
  expect(rows[0]).toEqual(['file', 'for', 'id', 'password']);
  return new Map(rows.slice(1).map((r) => [r[0], r[3]]));
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A manager opens the file with its password, rates, and saves it (Excel keeps the password). */
async function rated(bytes: Buffer, password: string, cells: Record<string, string>, savedWith = password): Promise<Buffer> {
  const book = await load(await decryptWorkbook(bytes, password, 'return'));
  for (const [a1, v] of Object.entries(cells)) book.worksheets[0].getCell(a1).value = v;
  return encryptWorkbook(Buffer.from(await book.xlsx.writeBuffer()), savedWith);
}

describe('cycle split --encrypt and cycle collect --passwords', () => {
  it('encrypts every team file with a strong password of its own, lists them beside the master, and prints none', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    expect(await split(io, '--encrypt')).toBe(0);
    const passwords = passwordsOf(io);
    expect([...passwords.keys()].sort()).toEqual([HEAD, OUTSIDE, TEAM2].sort());
    for (const [file, password] of passwords) {
      expect(password.replace(/-/g, '').length).toBeGreaterThanOrEqual(16);
      expect(isEncryptedWorkbook(io.files.get(`out/${file}`)!)).toBe(true);
      expect(io.stdout).not.toContain(password);
    }
    expect(new Set(passwords.values()).size).toBe(3);
    expect(isEncryptedWorkbook(io.files.get('out/master.xlsx')!)).toBe(false);
    expect(io.stdout).toContain('encrypted with a password to open: 3 files, each with its own password, listed in out/passwords.csv');
    expect(io.stdout).toContain('never in the same email');
    // The team file opens with its password and holds its team; no password is in any workbook.
    const team = await decryptWorkbook(io.files.get(`out/${TEAM2}`)!, passwords.get(TEAM2)!, TEAM2);
    expect(readGrid(await load(team)).people.map((p) => p.id)).toEqual(['ZQ3X', 'ZQ4X']);
    const master = io.files.get('out/master.xlsx')!;
    for (const p of passwords.values()) {
      expect(team.includes(Buffer.from(p))).toBe(false);
      expect(master.includes(Buffer.from(p))).toBe(false);
    }

    // Another split into the same folder would replace passwords.csv: refused without --force.
    io.files.delete('out/master.xlsx');
    for (const f of passwords.keys()) io.files.delete(`out/${f}`);
    expect(await split(io, '--encrypt')).toBe(1);
    expect(io.stderr).toContain('out: 1 of the files already exist (passwords.csv); pick a new --out folder, or add --force');
  });

  it('takes the passwords from --passwords (by id or file name), names the files it has none for, and shows them only when asked', async () => {
    const io = captureIO({
      'org.csv': organisationCsv(people),
      'mine.csv': 'id,password\nZQ1X,first-Horse-battery\nzq2x,second-Staple-card\n',
    });
    expect(await split(io, '--encrypt', '--passwords', 'mine.csv')).toBe(1);
    expect(io.stderr).toContain(`mine.csv: no password for 1 of the 3 files: "${OUTSIDE}" (id Yorvath Outsidecase); add a row for each`);
    expect([...io.files.keys()].filter((f) => f.startsWith('out/'))).toEqual([]);

    io.files.set(
      'mine.csv',
      Buffer.from(`id,file,password\nZQ1X,,first-Horse-battery\nzq2x,,second-Staple-card\n,${OUTSIDE},third-Lamp-river\n`),
    );
    io.stdout = '';
    expect(await split(io, '--encrypt', '--passwords', 'mine.csv', '--show-passwords')).toBe(0);
    expect(passwordsOf(io).get(TEAM2)).toBe('second-Staple-card');
    expect(io.stdout).toContain(`    ${TEAM2}\tsecond-Staple-card\n`);
    expect(
      readGrid(await load(await decryptWorkbook(io.files.get(`out/${OUTSIDE}`)!, 'third-Lamp-river', OUTSIDE))).people.map((p) => p.id),
    ).toEqual(['ZQ5X']);

    expect(
      await main(['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'o2', '--passwords', 'mine.csv'], io),
    ).toBe(2);
    expect(io.stderr).toContain('--passwords is for passwords to open; add --encrypt (team and self files) or --encrypt-master');
  });

  it('collects encrypted returns with the passwords file, names the one whose password is wrong, and keeps the master encrypted', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    expect(await split(io, '--encrypt', '--encrypt-master')).toBe(0);
    const passwords = passwordsOf(io);
    const masterPassword = passwords.get('master.xlsx')!;
    expect(isEncryptedWorkbook(io.files.get('out/master.xlsx')!)).toBe(true);
    io.files.set(
      `back/${TEAM2}`,
      await rated(io.files.get(`out/${TEAM2}`)!, passwords.get(TEAM2)!, { L10: 'A', M10: 'E', L11: 'B', AW11: 'Ready' }),
    );
    io.files.set(`back/${HEAD}`, await rated(io.files.get(`out/${HEAD}`)!, passwords.get(HEAD)!, { L10: 'I' }));
    // Saved with another password than the one HR has for it.
    io.files.set(`back/${OUTSIDE}`, await rated(io.files.get(`out/${OUTSIDE}`)!, passwords.get(OUTSIDE)!, { L10: 'E' }, 'a-new-password'));

    // Without the passwords nothing is read, and each file says why.
    expect(await main(['cycle', 'collect', 'back', '--into', 'out/master.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain(
      'out/master.xlsx: the workbook is encrypted with a password to open; give it with --passwords passwords.csv',
    );

    io.stdout = '';
    expect(await main(['cycle', 'collect', 'back', '--into', 'out/master.xlsx', '--passwords', 'out/passwords.csv'], io)).toBe(0);
    expect(io.stdout).toContain('Returned: 2 files');
    expect(io.stdout).toContain('Refused: 1 file');
    expect(io.stdout).toContain(`back/${OUTSIDE} | the password given does not open it; check the password for this file`);
    expect(io.stdout).toContain('Placed: 5 ratings and comments (0 already in the master)');

    const written = io.files.get('out/master.xlsx')!;
    expect(isEncryptedWorkbook(written)).toBe(true);
    const grid = readGrid(await load(await decryptWorkbook(written, masterPassword, 'master.xlsx')));
    const rating = (id: string, c: string) => grid.people.find((p) => p.id === id)!.ratings[c];
    expect(rating('ZQ3X', 'adaptability')).toBe('A');
    expect(rating('ZQ3X', 'analytical-thinking')).toBe('E');
    expect(rating('ZQ4X', 'adaptability')).toBe('B');
    expect(rating('ZQ2X', 'adaptability')).toBe('I');
    expect(rating('ZQ5X', 'adaptability')).toBeNull();
  });
});
