import { readActiveSheetValues } from './readSheetValues';
import { ExcelFake } from '../../tests/fakes/excelFake';

describe('reading the active sheet', () => {
  it('gives the sheet name and its values from A1, so row and column numbers match the sheet', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Notes', [['other sheet']]);
    fake.addSheet(
      'Acme matrix',
      [
        ['Category', 'Competency', 'Competency id', 'Scale', 'Junior'],
        ['Technical', 'Coding', 'coding', 'Proficiency', 1],
      ],
      'B3',
    );
    fake.select('Acme matrix', 'D4');
    const read = await readActiveSheetValues({ host: fake.host });
    expect(read.sheet).toBe('Acme matrix');
    expect(read.values).toHaveLength(4);
    expect(read.values[2].slice(1)).toEqual(['Category', 'Competency', 'Competency id', 'Scale', 'Junior']);
    expect(read.values[3][5]).toBe(1);
    expect(read.values[0][0]).toBe('');
  });

  it('reads a large sheet in chunks under the read budget without losing a row', async () => {
    const fake = new ExcelFake();
    const rows = Array.from({ length: 120 }, (_, i) => [`Competency ${i}`, 'A', 'B']);
    fake.addSheet('Big', rows);
    fake.select('Big', 'A1');
    const read = await readActiveSheetValues({ host: fake.host, readBudgetBytes: 48 * 3 * 25 });
    expect(read.values.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  it('reads the active sheet while several areas of it are selected', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Acme matrix', [
      ['Category', 'Competency'],
      ['Technical', 'Coding'],
    ]);
    fake.select('Acme matrix', 'A1:A2,B2');
    const read = await readActiveSheetValues({ host: fake.host });
    expect(read).toEqual({
      sheet: 'Acme matrix',
      values: [
        ['Category', 'Competency'],
        ['Technical', 'Coding'],
      ],
    });
  });

  it('refuses an empty sheet and says to go to the sheet with the table', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Empty');
    fake.select('Empty', 'A1');
    await expect(readActiveSheetValues({ host: fake.host })).rejects.toThrow(
      'Empty: The sheet is empty. Go to the sheet that holds the table',
    );
  });
});
