import { assignPasswords, parsePasswordsCsv, passwordsCsv, suppliedPassword } from './passwordsFile';

const targets = [
  { fileName: 'Team - Ana (E1).xlsx', holderId: 'E1', holder: 'team of Ana' },
  { fileName: 'Self - Ana (E1).xlsx', holderId: 'E1', holder: 'self-assessment of Ana' },
  { fileName: 'Team - Bo.xlsx', holderId: 'Bo', holder: 'team of Bo' },
];

describe('the passwords file', () => {
  it('reads back what it writes, passwords exactly as they were, formula-like ones included', () => {
    const entries = targets.map((t, i) => ({
      fileName: t.fileName,
      holder: t.holder,
      id: t.holderId,
      password: ['a,b"c', '=HYPERLINK(1)', 'x y'][i],
    }));
    const supplied = parsePasswordsCsv(passwordsCsv(entries), 'passwords.csv');
    expect(targets.map((t) => suppliedPassword(supplied, t.fileName, t.holderId))).toEqual(['a,b"c', '=HYPERLINK(1)', 'x y']);
  });

  it('finds a file by its name without case, else by its holder id (one row for a person’s team and self files)', () => {
    const supplied = parsePasswordsCsv('File;ID;Password\nteam - bo.xlsx;;pw-bo\n;e1;pw-ana\n', 'mine.csv');
    expect(assignPasswords(targets, { supplied, generate: () => 'made' }).map((e) => e.password)).toEqual(['pw-ana', 'pw-ana', 'pw-bo']);
  });

  it('makes one password per file when none are supplied', () => {
    let n = 0;
    expect(assignPasswords(targets, { generate: () => `made-${++n}` }).map((e) => e.password)).toEqual(['made-1', 'made-2', 'made-3']);
  });

  it('names the files it has no password for, and rows that are wrong by row number', () => {
    const supplied = parsePasswordsCsv('id,password\nE1,pw\n', 'mine.csv');
    expect(() => assignPasswords(targets, { supplied, generate: () => 'x' })).toThrow(
      'mine.csv: no password for 1 of the 3 files: "Team - Bo.xlsx" (id Bo); add a row for each (file,password or id,password)',
    );
    expect(() => parsePasswordsCsv('name,secret\nE1,pw\n', 'mine.csv')).toThrow(
      'mine.csv: the first row must name a "password" column and a "file" or "id" column (it names "name" and "secret"); e.g. file,password',
    );
    expect(() => parsePasswordsCsv('id,password\nE1,pw\nE2,\n', 'mine.csv')).toThrow('mine.csv, row 3: the password is empty');
    expect(() => parsePasswordsCsv('id,password\nE1,pw \n', 'mine.csv')).toThrow(
      'mine.csv, row 2: the password starts or ends with a space',
    );
    expect(() => parsePasswordsCsv('id,password\n,pw\n', 'mine.csv')).toThrow('mine.csv, row 2: the row names no file and no id');
    expect(() => parsePasswordsCsv('id,password\nE1,pw\n e1 ,other\n', 'mine.csv')).toThrow(
      'mine.csv: rows 2 and 3 both give a password for the id "e1"; keep one',
    );
    expect(() => parsePasswordsCsv(`file,password\na.xlsx,${'p'.repeat(256)}\n`, 'mine.csv')).toThrow('Excel takes at most 255');
  });
});
