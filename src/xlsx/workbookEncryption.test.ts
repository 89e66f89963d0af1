import ExcelJS from 'exceljs';
import { builtIn } from '../core/frameworks/library';
import { parseRosterCsv } from '../core/roster';
import { cycleWorkbookPlan } from '../core/cycle/cycleWorkbook';
import type { CycleRecords } from '../core/cycle/identity';
import { organisation, organisationCsv } from '../../tests/cycle/support';
import { writeCycleWorkbook } from './cycleWorkbookFile';
import { openWorkbook } from './readWorkbook';
import { decryptWorkbook, encryptWorkbook, isEncryptedWorkbook } from './workbookEncryption';

const mit = builtIn('mit-devops');

const records: CycleRecords = {
  identity: {
    cycleId: 'c-1',
    label: 'Spring 2026',
    kind: 'team',
    fileKey: 'team:zq2x',
    subjectName: 'ZedCq Morrow',
    writtenAt: '2026-03-01T09:00:00.000Z',
    frameworkId: 'mit-devops',
  },
  issued: [],
  returned: [],
  provenance: [],
};

/** A team workbook as split hands it out: protected sheets, dropdowns, formulas, notes. */
async function teamWorkbook(): Promise<Buffer> {
  const roster = parseRosterCsv(organisationCsv(organisation(mit, 1, 3)), mit);
  const team = { ...roster, people: roster.people.filter((p) => p.manager === 'ZQ2X') };
  const { plan } = cycleWorkbookPlan(mit, team, { kind: 'team', formulas: 'portable', readiness: 'strict', withSelfSheet: false });
  return writeCycleWorkbook(plan, records);
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Everything ExcelJS reads of a workbook's sheets: each cell's value or formula, and each data validation. */
async function reading(bytes: Buffer): Promise<unknown> {
  const book = await load(bytes);
  return book.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = c.formula ? { formula: c.formula } : c.value;
      }),
    );
    const model = ws.model as unknown as { dataValidations?: unknown };
    return { name: ws.name, state: ws.state, cells, validations: model.dataValidations };
  });
}

describe('a password to open', () => {
  let plain: Buffer;
  let sealed: Buffer;
  beforeAll(async () => {
    plain = await teamWorkbook();
    sealed = encryptWorkbook(plain, 'Tr0ub4dor-horse-staple');
  });

  it('makes a file that is no zip: neither reader can open it without the password, and it holds no text of the workbook', async () => {
    expect(isEncryptedWorkbook(plain)).toBe(false);
    expect(isEncryptedWorkbook(sealed)).toBe(true);
    expect(sealed.readUInt32LE(0)).not.toBe(0x04034b50); // a zip starts "PK\3\4"
    await expect(load(sealed)).rejects.toThrow();
    await expect(openWorkbook(sealed, 'team.xlsx')).rejects.toThrow(/^team\.xlsx: the workbook is encrypted with a password to open/);
    // Names of the team are in the plain file's shared strings, and nowhere in the encrypted one (as UTF-8 or UTF-16).
    for (const name of ['ZedDq Morrow', 'ZQ3X']) {
      expect(plain.includes(Buffer.from(name))).toBe(false); // deflated in the zip
      expect(sealed.includes(Buffer.from(name))).toBe(false);
      expect(sealed.includes(Buffer.from(name, 'utf16le'))).toBe(false);
    }
  });

  it('gives back the same workbook with the password: the same bytes, every sheet, formula and validation', async () => {
    const opened = await decryptWorkbook(sealed, 'Tr0ub4dor-horse-staple', 'team.xlsx');
    expect(opened.equals(plain)).toBe(true);
    const before = (await reading(plain)) as { name: string; validations: Record<string, unknown> }[];
    expect(await reading(opened)).toEqual(before);
    // The reading compared is not empty: the grid's dropdowns and formulas are in it.
    const grid = before.find((s) => s.name === 'Team grid')!;
    expect(Object.keys(grid.validations ?? {}).length).toBeGreaterThan(0);
    expect(JSON.stringify(grid)).toContain('"formula"');
  });

  it('writes a cycle file encrypted when it has a password to open, readable the same once decrypted', async () => {
    const roster = parseRosterCsv(organisationCsv(organisation(mit, 1, 3)), mit);
    const team = { ...roster, people: roster.people.filter((p) => p.manager === 'ZQ2X') };
    const { plan } = cycleWorkbookPlan(mit, team, { kind: 'team', formulas: 'portable', readiness: 'strict', withSelfSheet: false });
    const written = await writeCycleWorkbook(plan, records, { openPassword: 'abc-def' });
    expect(isEncryptedWorkbook(written)).toBe(true);
    expect(await reading(await decryptWorkbook(written, 'abc-def', 'team.xlsx'))).toEqual(await reading(plain));
  });

  it('tells a wrong password from a damaged file, naming the file', async () => {
    await expect(decryptWorkbook(sealed, 'tr0ub4dor-horse-staple', 'team.xlsx')).rejects.toThrow(
      /^team\.xlsx: the password given does not open it/,
    );
    const damaged = Buffer.from(sealed);
    damaged.fill(0, 600, 2000);
    await expect(decryptWorkbook(damaged, 'Tr0ub4dor-horse-staple', 'team.xlsx')).rejects.toThrow(/^team\.xlsx: /);
  });

  it('refuses a password Excel would not take (empty, over 255 characters, a stray space)', () => {
    expect(() => encryptWorkbook(plain, '')).toThrow(/the password is empty/);
    expect(() => encryptWorkbook(plain, 'x'.repeat(256))).toThrow(/256 characters; Excel takes at most 255/);
    expect(isEncryptedWorkbook(encryptWorkbook(plain, 'é'.repeat(255)))).toBe(true);
    expect(() => encryptWorkbook(plain, 'secret ')).toThrow(/starts or ends with a space/);
  });
});
