import { listTables, readRosterFromSelection, readRosterFromTable, rosterFrom } from './readRoster';
import { ExcelFake } from '../../tests/fakes/excelFake';
import { builtIn } from '../core/frameworks/library';
import { CompetencyError } from '../core/problems';

function workbookWithRoster(people = 3): ExcelFake {
  const fake = new ExcelFake();
  const rows = [
    ['Id', 'Name', 'Role', 'Manager'],
    ...Array.from({ length: people }, (_, i) => [
      `E${String(i + 1).padStart(3, '0')}`,
      `Person ${i + 1}`,
      i % 2 ? 'SRE' : 'Senior SRE',
      'Ann',
    ]),
  ];
  fake.addSheet('Team A', rows, 'B2');
  return fake;
}

describe('reading a roster from the workbook', () => {
  it('reads the selected cells as raw rows, with their sheet and address', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'B2:E5');
    const read = await readRosterFromSelection({ host: fake.host });
    expect(read).toEqual({
      source: 'selection',
      sheet: 'Team A',
      address: 'B2:E5',
      firstRow: 2,
      rows: [
        ['Id', 'Name', 'Role', 'Manager'],
        ['E001', 'Person 1', 'Senior SRE', 'Ann'],
        ['E002', 'Person 2', 'SRE', 'Ann'],
        ['E003', 'Person 3', 'Senior SRE', 'Ann'],
      ],
    });
  });

  it('takes a single selected cell to mean the block of data around it', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'C3');
    const read = await readRosterFromSelection({ host: fake.host });
    expect(read.address).toBe('B2:E5');
    expect(read.rows).toHaveLength(4);
  });

  it('reads whole selected columns (B:E) only as far down as the sheet has data', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'B:E');
    const read = await readRosterFromSelection({ host: fake.host });
    expect(read.address).toBe('B2:E5');
    expect(read.firstRow).toBe(2);
    expect(read.rows).toEqual([
      ['Id', 'Name', 'Role', 'Manager'],
      ['E001', 'Person 1', 'Senior SRE', 'Ann'],
      ['E002', 'Person 2', 'SRE', 'Ann'],
      ['E003', 'Person 3', 'Senior SRE', 'Ann'],
    ]);
    // The selected areas and the used range, the selection, then one read of 16 cells: not a million rows.
    expect(fake.syncCount).toBe(3);
    expect(Math.max(...fake.requests.map((r) => r.responseBytes))).toBeLessThan(1_000);
  });

  it('says plainly to select one block when several areas are selected', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'B2:C5,E2:E5');
    await expect(readRosterFromSelection({ host: fake.host })).rejects.toThrow(
      'Several separate areas are selected (B2:C5, E2:E5). Select the roster as one block (a header row with id, name and role, then one row per person), or click a cell inside it, and try again.',
    );
  });

  it('says what to select when the selection is empty', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'K20');
    await expect(readRosterFromSelection({ host: fake.host })).rejects.toThrow(
      'K20: The selection is empty. Select the roster (a header row with id, name and role, then one row per person), or click a cell inside it, and try again.',
    );
  });

  it('reads a large selection in chunks, each response under the budget', async () => {
    const fake = workbookWithRoster(5_000);
    fake.select('Team A', 'B2:E5002');
    const read = await readRosterFromSelection({ host: fake.host, readBudgetBytes: 100_000 });
    expect(read.rows).toHaveLength(5_001);
    expect(read.rows[5_000][0]).toBe('E5000');
    // Two looks at the selection, then about 225 KB of rows in slices of under 100 KB.
    expect(fake.syncCount).toBeGreaterThanOrEqual(5);
    expect(Math.max(...fake.requests.map((r) => r.responseBytes))).toBeLessThan(100_000);
  });

  it('reads an Excel table with its header row, and names the tables there are when one is missing', async () => {
    const fake = workbookWithRoster();
    fake.addTable('Team A', 'TeamA', 'B2:E5');
    expect(await listTables({ host: fake.host })).toEqual(['TeamA']);
    const read = await readRosterFromTable('TeamA', { host: fake.host });
    expect(read).toMatchObject({ source: 'table', table: 'TeamA', sheet: 'Team A', address: 'B2:E5' });
    expect(read.rows[0]).toEqual(['Id', 'Name', 'Role', 'Manager']);
    await expect(readRosterFromTable('Team B', { host: fake.host })).rejects.toThrow(
      'There is no table named "Team B" in this workbook; its tables are "TeamA".',
    );
  });

  it('hands the rows to core, which names the place and the sheet rows in every problem', async () => {
    const fake = workbookWithRoster();
    fake.type('Team A', 'B5', 'E001');
    fake.type('Team A', 'D4', 'Astronaut');
    fake.select('Team A', 'B2:E5');
    const read = await readRosterFromSelection({ host: fake.host });
    const model = builtIn('sre-ladder');
    let error: unknown;
    try {
      rosterFrom(read, model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as Error).message).toMatch(/^'Team A'!B2:E5: /);
    // The roster starts on sheet row 2, so its people are on rows 3 to 5, as Excel numbers them.
    expect((error as Error).message).toMatch(/row 4: role "Astronaut" is not a role of/);
    expect((error as Error).message).toMatch(/row 5: id "E001" is already used on row 3/);
  });

  it('names sheet rows for a table lower on the sheet too', async () => {
    const fake = workbookWithRoster();
    fake.type('Team A', 'D4', '');
    fake.addTable('Team A', 'TeamA', 'B2:E5');
    const read = await readRosterFromTable('TeamA', { host: fake.host });
    expect(read.firstRow).toBe(2);
    expect(() => rosterFrom(read, builtIn('sre-ladder'))).toThrow(/row 4: no role for "E002"/);
  });

  it('parses a clean roster into people with their roles, keeping the sheet row of each', async () => {
    const fake = workbookWithRoster();
    fake.select('Team A', 'C3');
    const roster = rosterFrom(await readRosterFromSelection({ host: fake.host }), builtIn('sre-ladder'));
    expect(roster.people.map((p) => [p.id, p.role.name, p.row])).toEqual([
      ['E001', 'Senior SRE', 3],
      ['E002', 'SRE', 4],
      ['E003', 'Senior SRE', 5],
    ]);
  });
});
