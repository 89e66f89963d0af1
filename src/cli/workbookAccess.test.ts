import ExcelJS from 'exceljs';
import { main } from './index';
import { captureIO } from './testIO';
import { newOpenPassword } from './workbookAccess';
import { readGrid } from '../xlsx/readGrid';
import { decryptWorkbook, encryptWorkbook, isEncryptedWorkbook } from '../xlsx/workbookEncryption';

const ROSTER =
  'id,name,role,manager,Adaptability\nE1,Ana Lead,DevOps Engineer III,,A\nE2,Bo Dev,DevOps Engineer I,E1,B\nE3,Cy Dev,DevOps Engineer II,E1,I\n';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('passwords to open on the command line', () => {
  it('makes passwords of 20 readable symbols from a secure source, never the same twice', () => {
    const made = Array.from({ length: 200 }, newOpenPassword);
    for (const p of made) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-RT-Y346-9]{5}(-[a-km-np-zA-HJ-NP-RT-Y346-9]{5}){3}$/);
    expect(new Set(made).size).toBe(made.length);
    // Every symbol of the alphabet turns up (4,000 draws from 52): no symbol is left out by a biased mapping.
    expect(new Set(made.join('').replace(/-/g, '')).size).toBe(52);
  });

  it('workbook --password writes the workbook encrypted; --into opens it with the password and keeps it encrypted', async () => {
    const io = captureIO({ 'team.csv': ROSTER });
    expect(
      await main(
        ['workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx', '--password', 'open-Sesame-42'],
        io,
      ),
    ).toBe(0);
    const sealed = io.files.get('team.xlsx')!;
    expect(isEncryptedWorkbook(sealed)).toBe(true);
    expect(readGrid(await load(await decryptWorkbook(sealed, 'open-Sesame-42', 'team.xlsx'))).people.map((p) => p.id)).toEqual([
      'E1',
      'E2',
      'E3',
    ]);

    expect(await main(['workbook', '--framework', 'mit-devops', '--into', 'team.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain('team.xlsx: the workbook is encrypted with a password to open; give it with --password TEXT');
    expect(await main(['workbook', '--framework', 'mit-devops', '--into', 'team.xlsx', '--password', 'wrong'], io)).toBe(1);
    expect(io.stderr).toContain('team.xlsx: the password given does not open it');
    expect(io.files.get('team.xlsx')).toBe(sealed);

    expect(await main(['workbook', '--framework', 'mit-devops', '--into', 'team.xlsx', '--password', 'open-Sesame-42'], io)).toBe(0);
    const rebuilt = io.files.get('team.xlsx')!;
    expect(isEncryptedWorkbook(rebuilt)).toBe(true);
    const grid = readGrid(await load(await decryptWorkbook(rebuilt, 'open-Sesame-42', 'team.xlsx')));
    expect(grid.people.find((p) => p.id === 'E2')!.ratings.adaptability).toBe('B');

    expect(await main(['workbook', '--framework', 'mit-devops', '--out', 'x.xlsx', '--password', ''], io)).toBe(2);
    expect(io.stderr).toContain('--password: the password is empty');
  });

  it('calibration opens an encrypted grid with --passwords and encrypts the pack with --password', async () => {
    const io = captureIO({ 'team.csv': ROSTER });
    await main(['workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx', '--password', 'grid-Pass-1'], io);
    expect(await main(['calibration', '--grid', 'team.xlsx', '--out', 'pack.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain('team.xlsx: the workbook is encrypted with a password to open; give it with --passwords passwords.csv');
    io.files.set('pw.csv', Buffer.from('file,password\nteam.xlsx,grid-Pass-1\n'));
    expect(await main(['calibration', '--grid', 'team.xlsx', '--passwords', 'pw.csv', '--out', 'open-pack.xlsx'], io)).toBe(0);
    expect(io.stderr).toContain(
      'note: team.xlsx has a password to open but open-pack.xlsx has none; add --password TEXT to encrypt the pack',
    );
    expect(isEncryptedWorkbook(io.files.get('open-pack.xlsx')!)).toBe(false);
    expect(
      await main(['calibration', '--grid', 'team.xlsx', '--passwords', 'pw.csv', '--out', 'pack.xlsx', '--password', 'pack-Pass-2'], io),
    ).toBe(0);
    expect(io.stdout).toContain('The pack is encrypted with the password to open given with --password.');
    const pack = await load(await decryptWorkbook(io.files.get('pack.xlsx')!, 'pack-Pass-2', 'pack.xlsx'));
    expect(pack.getWorksheet('Calibration')).toBeDefined();
  });

  it('reads a passwords file saved again from Excel as plain CSV (Windows-1252), accented file names included', async () => {
    const io = captureIO({ 'team.csv': ROSTER });
    await main(['workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'équipe.xlsx', '--password', 'grid-Pass-1'], io);
    io.files.set('pw.csv', Buffer.from('file,password\r\n\xe9quipe.xlsx,grid-Pass-1\r\n', 'latin1'));
    expect(
      await main(['calibration', '--grid', 'équipe.xlsx', '--passwords', 'pw.csv', '--out', 'pack.xlsx', '--password', 'p-2'], io),
    ).toBe(0);
    expect(io.stderr).toContain('competency-matrix: note: pw.csv');
  });

  it('says plainly that an encrypted roster or framework workbook is encrypted, where the command takes no password', async () => {
    const io = captureIO();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('People');
    ROSTER.trim()
      .split('\n')
      .forEach((line) => ws.addRow(line.split(',')));
    io.files.set('hr.xlsx', encryptWorkbook(Buffer.from(await book.xlsx.writeBuffer()), 'hr-Pass-3'));
    expect(await main(['workbook', '--framework', 'mit-devops', '--roster', 'hr.xlsx', '--out', 'a.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain('hr.xlsx: the workbook is encrypted with a password to open, and this command takes no password for it');
    expect(io.stderr).not.toMatch(/zip/);
    io.stderr = '';
    expect(await main(['frameworks', 'import', 'hr.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain('hr.xlsx: the workbook is encrypted with a password to open, and this command takes no password for it');
  });
});
