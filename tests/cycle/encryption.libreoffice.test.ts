/**
 * A team workbook with a password to open, as LibreOffice sees it. What
 * LibreOffice 7.4 actually does, checked here: `soffice --convert-to` on the
 * encrypted file loads nothing and says "source file could not be loaded"
 * (exit status 0, no output file), while the same workbook decrypted converts;
 * given the password (as the "Password" of the load, what its password dialog
 * passes on), it opens the file and shows the team's grid.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import Papa from 'papaparse';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtIn } from '../../src/core/frameworks/library';
import { decryptWorkbook } from '../../src/xlsx/workbookEncryption';
import { libreOfficeWorkspace, sofficeFor } from '../support/libreoffice';
import { firstSheetOpenedWithPassword } from '../support/libreofficePassword';
import { organisation, organisationCsv } from './support';

const soffice = sofficeFor('the LibreOffice checks of encrypted cycle workbooks');
const suite = soffice ? describe : describe.skip;
const TEAM2 = 'Team - ZedCq Morrow (ZQ2X).xlsx';

/** soffice --convert-to csv on the bytes: what it printed, and the files it wrote. */
function convertToCsv(bytes: Buffer): { said: string; written: string[] } {
  const { dir, profile } = libreOfficeWorkspace();
  const input = join(dir, 'team.xlsx');
  const out = join(dir, 'out');
  writeFileSync(input, bytes);
  const run = spawnSync(
    soffice!,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', out, input],
    {
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  return { said: `${run.stdout}${run.stderr}`, written: existsSync(out) ? readdirSync(out) : [] };
}

suite('encrypted cycle workbooks in LibreOffice', () => {
  jest.setTimeout(300_000);

  it('will not load a team file without its password, loads the same workbook decrypted, and opens it with the password', async () => {
    const io = captureIO({ 'org.csv': organisationCsv(organisation(builtIn('mit-devops'), 1, 2)) });
    expect(await main(['cycle', 'split', '--framework', 'mit-devops', '--roster', 'org.csv', '--out', 'out', '--encrypt'], io)).toBe(0);
    const rows = Papa.parse<string[]>(
      io.files
        .get('out/passwords.csv')!
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const password = rows.find((r) => r[0] === TEAM2)![3];
    const encrypted = io.files.get(`out/${TEAM2}`)!;

    const refused = convertToCsv(encrypted);
    expect(refused.said).toContain('source file could not be loaded');
    expect(refused.written).toEqual([]);

    const plain = convertToCsv(await decryptWorkbook(encrypted, password, TEAM2));
    expect(plain.said).not.toContain('could not be loaded');
    expect(plain.written).toEqual(['team.csv']);

    const opened = firstSheetOpenedWithPassword(soffice!, encrypted, password);
    expect(opened).toBeDefined();
    const grid = Papa.parse<string[]>(opened!).data;
    const ids = grid.map((r) => r[0]).filter((v) => /^ZQ\d+X$/.test(v));
    expect(ids).toEqual(['ZQ3X', 'ZQ4X']);
    expect(opened).toContain('ZedDq Morrow');
  });
});
