import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../index';
import { captureIO } from '../testIO';
import { builtIn } from '../../core/frameworks/library';
import { readGrid } from '../../xlsx/readGrid';
import { generatedRoster, rosterCsv } from '../../../tests/xlsx/support/rosters';
import { importFrameworkFiles } from '../../core/interchange/importFramework';
import { FRAMEWORKS_SHEET, frameworksFromSheetRows } from '../../core/interchange/frameworkSheet';
import { worksheetValues } from '../../xlsx/worksheetValues';

const example = readFileSync(join(__dirname, '../../../examples/mit-devops-team.csv'));

async function run(files: Record<string, string | Buffer>, ...argv: string[]) {
  const io = captureIO(files);
  const code = await main(['workbook', ...argv], io);
  return { code, io };
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('competency-matrix workbook', () => {
  it('turns the example roster into a workbook and says what it wrote', async () => {
    const { code, io } = await run({ 'team.csv': example }, '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'mit-team.xlsx');
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('Wrote mit-team.xlsx');
    expect(io.stdout).toContain('sheets: Team grid, Matrix, Scales, Descriptors, Roles, Targets');
    expect(io.stdout).toContain('people: 12 (3 managers)');
    expect(io.stdout).toMatch(/ratings: 94 of 108 cells rated/);
    const grid = readGrid(await open(io.files.get('mit-team.xlsx')!));
    expect(grid.people).toHaveLength(12);
    expect(grid.people[0]).toMatchObject({ id: 'E001', name: 'Priya Raman', role: 'DevOps Engineer IV' });
  });

  it('writes the matrix and scales alone without a roster, named after the framework', async () => {
    const { code, io } = await run({}, '--framework', 'sre-ladder');
    expect(code).toBe(0);
    const book = await open(io.files.get('sre-ladder.xlsx')!);
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Matrix', 'Scales', 'Descriptors']);
    expect(io.stdout).toContain('add --roster roster.csv for a team grid');
  });

  it.each([
    [
      'an unknown role',
      'id,name,role\nA1,Ann,DevOps Engineer I\nA2,Bob,Wizard\n',
      /team\.csv: row 3: role "Wizard" is not a role of MIT IS&T DevOps Engineer; use DevOps Engineer I/,
    ],
    [
      'a duplicate id',
      'id,name,role\nA1,Ann,DevOps Engineer I\na1,Bob,DevOps Engineer II\n',
      /team\.csv: row 3: id "a1" is already used on row 2/,
    ],
    [
      'an unknown level',
      'id,name,role,Teamwork\nA1,Ann,DevOps Engineer I,Great\n',
      /row 2, Teamwork: "Great" is not a level; use BD \(Being Developed\)/,
    ],
    ['an empty file', '', /team\.csv: the roster file is empty; give a header row with id, name and role/],
    [
      'bytes that are neither UTF-8 nor Windows-1252',
      Buffer.from([
        0x69, 0x64, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x2c, 0x72, 0x6f, 0x6c, 0x65, 0x0a, 0x31, 0x2c, 0x4a, 0x81, 0x72, 0x67, 0x2c, 0x58, 0x0a,
      ]),
      /team\.csv: the file is neither UTF-8 nor Windows-1252 text/,
    ],
  ])('refuses a roster with %s, naming the problem, and writes no file', async (_what, content, message) => {
    const { code, io } = await run({ 'team.csv': content }, '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'out.xlsx');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(message);
    expect(io.files.has('out.xlsx')).toBe(false);
  });

  it('will not replace an existing file unless told how', async () => {
    const { code, io } = await run({ 'out.xlsx': 'precious' }, '--framework', 'mit-devops', '--out', 'out.xlsx');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(
      /out\.xlsx already exists; to rebuild the product's sheets inside it and keep everything else, use --into out\.xlsx/,
    );
    expect(io.files.get('out.xlsx')!.toString()).toBe('precious');
  });

  it('rebuilds in place with --into, keeping ratings entered in the workbook and reporting the ones it could not place', async () => {
    const first = await run({ 'team.csv': example }, '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx');
    const book = await open(first.io.files.get('team.xlsx')!);
    const g = readGrid(book).geometry;
    book
      .getWorksheet('Team grid')!
      .getRow(g.firstPersonRow + 8 + 1)
      .getCell(g.ratingCols[0] + 1).value = 'I'; // Raj (E009) gets a rating
    book.addWorksheet('Notes').getCell('A1').value = 'mine';
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const leaver = example
      .toString()
      .split('\n')
      .filter((l) => !l.startsWith('E012'))
      .join('\n');
    const { code, io } = await run(
      { 'team.xlsx': edited, 'team.csv': leaver },
      '--framework',
      'mit-devops',
      '--roster',
      'team.csv',
      '--into',
      'team.xlsx',
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('ratings that could not be placed: 9, kept on the sheet "Unplaced ratings"');
    expect(io.stdout).toContain('E012 / adaptability = "B": the person is not on the new roster');
    const after = await open(io.files.get('team.xlsx')!);
    expect(after.getWorksheet('Notes')!.getCell('A1').value).toBe('mine');
    expect(readGrid(after).people.find((p) => p.id === 'E009')!.ratings.adaptability).toBe('I');
  });

  it('limits the workbook to the roles given and refuses a roster row outside them', async () => {
    const ok = await run(
      { 'team.csv': 'id,name,role\nA1,Ann,DevOps Engineer II\n' },
      '--framework',
      'mit-devops',
      '--roster',
      'team.csv',
      '--roles',
      'II, devops-engineer-3',
      '--out',
      'a.xlsx',
    );
    expect(ok.code).toBe(0);
    const matrix = (await open(ok.io.files.get('a.xlsx')!)).getWorksheet('Matrix')!;
    expect(matrix.getRow(4).values).toEqual([
      undefined,
      'Category',
      'Competency',
      'Competency id',
      'Scale',
      'DevOps Engineer II',
      'DevOps Engineer III',
    ]);
    const bad = await run(
      { 'team.csv': 'id,name,role\nA1,Ann,DevOps Engineer I\n' },
      '--framework',
      'mit-devops',
      '--roster',
      'team.csv',
      '--roles',
      'II',
      '--out',
      'b.xlsx',
    );
    expect(bad.code).toBe(1);
    expect(bad.io.stderr).toMatch(/row 2: role "DevOps Engineer I" is not among --roles/);
  });

  it('reports progress on stderr for a large roster', async () => {
    const mit = builtIn('mit-devops');
    const csv = rosterCsv(mit, generatedRoster(mit, 1000));
    const { code, io } = await run({ 'big.csv': csv }, '--framework', 'mit-devops', '--roster', 'big.csv', '--out', 'big.xlsx');
    expect(code).toBe(0);
    expect(io.stderr).toMatch(
      /read 1000 people from big\.csv\n.*building the grid: 1000 people × 9 competencies\n(.*wrote sheet \d of \d: .*\n)+.*saving the file\n/,
    );
  });

  it('explains bad options as usage errors', async () => {
    expect((await run({}, '--roster', 'x.csv')).io.stderr).toMatch(/--framework is required/);
    expect((await run({}, '--framework', 'mit-devops', '--formulas', 'magic')).io.stderr).toMatch(/--formulas must be portable or addin/);
    expect((await run({}, '--framework', 'mit-devops', '--out', 'x.csv')).code).toBe(2);
    const bad = await run({}, '--framework', 'mit-devops', '--readiness', 'lenient');
    expect(bad.code).toBe(2);
    expect(bad.io.stderr).toMatch(/--readiness must be strict or tolerant or none, not "lenient"/);
  });

  it('builds a tolerant grid with --readiness tolerant: a Ready column and the 80% threshold on the grid', async () => {
    const { code, io } = await run({ 'team.csv': example }, '--framework', 'mit-devops', '--roster', 'team.csv', '--readiness', 'tolerant');
    expect(code).toBe(0);
    expect(io.stdout).toContain('readiness: tolerant');
    const book = await open(io.files.get('mit-devops-team.xlsx')!);
    const grid = readGrid(book);
    expect(grid.geometry.readiness).toBe('tolerant');
    const ws = book.getWorksheet('Team grid')!;
    const at = grid.geometry.readinessThresholdCell!;
    expect(ws.getRow(at.row + 1).getCell(at.col + 1).value).toBe(0.8);
    const header = ws.getRow(grid.geometry.headerRow + 1).getCell(grid.geometry.readyCol! + 1).value;
    expect(header).toBe('Ready (tolerant)');
  });

  it('leaves the next-role columns out with --readiness none, and still reads the grid back', async () => {
    const { code, io } = await run({ 'team.csv': example }, '--framework', 'mit-devops', '--roster', 'team.csv', '--readiness', 'none');
    expect(code).toBe(0);
    expect(io.stdout).toContain('readiness: none');
    const grid = readGrid(await open(io.files.get('mit-devops-team.xlsx')!));
    expect(grid.geometry).toMatchObject({ readiness: 'none', blockingCol: undefined, nextRoleCol: undefined });
    expect(grid.people).toHaveLength(12);
  });

  it('builds a calibration pack from a grid without readiness, saying the readiness table is left out', async () => {
    const { code, io } = await run(
      { 'team.csv': example },
      '--framework',
      'mit-devops',
      '--roster',
      'team.csv',
      '--readiness',
      'none',
      '--calibration',
    );
    expect(code).toBe(0);
    expect(io.stdout + io.stderr).toMatch(
      /has no readiness columns \(built with readiness "none"\), so the calibration has no readiness table/,
    );
  });
});

describe('competency-matrix workbook with an imported framework', () => {
  const acmeCsv = [
    'competency,category,level,descriptor,role,target',
    'Coding,Technical,1,Writes small changes,Junior,1',
    'Coding,Technical,2,Designs modules,Senior,2',
    'Mentoring,People,1,Answers questions,Junior,',
    'Mentoring,People,2,Runs pairing sessions,Senior,2',
  ].join('\n');
  const betaCsv = acmeCsv.replace(/Mentoring/g, 'Hiring');
  const team = 'id,name,role\nA1,Ann,Junior\nA2,Bo,Senior\n';
  const onlyWarnings = (stderr: string) => stderr.split('\n').every((l) => !l || l.startsWith('competency-matrix: warning: '));
  const imported = (name: string, text: string) => importFrameworkFiles([{ name, bytes: new Uint8Array(Buffer.from(text)) }]).framework;

  async function stored(bytes: Buffer) {
    const book = await open(bytes);
    const sheets = book.worksheets.filter((w) => w.name.startsWith(FRAMEWORKS_SHEET));
    expect(sheets.map((w) => [w.name, w.state])).toEqual([[FRAMEWORKS_SHEET, 'hidden']]);
    return frameworksFromSheetRows(worksheetValues(sheets[0]));
  }

  it('keeps the framework in the workbook, on the hidden sheet the add-in reads', async () => {
    const { code, io } = await run(
      { 'acme.csv': acmeCsv, 'team.csv': team },
      '--framework',
      'acme.csv',
      '--roster',
      'team.csv',
      '--out',
      'acme-team.xlsx',
    );
    expect(onlyWarnings(io.stderr)).toBe(true); // the import's own warnings (no name, no provenance)
    expect(code).toBe(0);
    expect(io.stdout).toContain('sheets: Team grid, Matrix, Scales, Descriptors, Targets\n');
    expect(io.stdout).toContain(`framework kept in the workbook (hidden sheet ${FRAMEWORKS_SHEET})`);
    expect(await stored(io.files.get('acme-team.xlsx')!)).toStrictEqual([imported('acme.csv', acmeCsv)]);
  });

  it('adds to what the workbook already keeps with --into, replacing a framework of the same id', async () => {
    const first = await run(
      { 'acme.csv': acmeCsv, 'team.csv': team },
      '--framework',
      'acme.csv',
      '--roster',
      'team.csv',
      '--out',
      't.xlsx',
    );
    expect(first.code).toBe(0);
    const beta = await run({ 't.xlsx': first.io.files.get('t.xlsx')!, 'beta.csv': betaCsv }, '--framework', 'beta.csv', '--into', 't.xlsx');
    expect(onlyWarnings(beta.io.stderr)).toBe(true);
    expect(beta.code).toBe(0);
    expect((await stored(beta.io.files.get('t.xlsx')!)).map((f) => f.id)).toEqual(['acme', 'beta']);

    const acme2Csv = acmeCsv.replace('Writes small changes', 'Ships small changes');
    const again = await run(
      { 't.xlsx': beta.io.files.get('t.xlsx')!, 'acme.csv': acme2Csv },
      '--framework',
      'acme.csv',
      '--into',
      't.xlsx',
    );
    expect(again.code).toBe(0);
    expect(await stored(again.io.files.get('t.xlsx')!)).toStrictEqual([imported('acme.csv', acme2Csv), imported('beta.csv', betaCsv)]);
  });

  it('leaves the kept frameworks alone when a built-in framework rebuilds the workbook', async () => {
    const first = await run({ 'acme.csv': acmeCsv }, '--framework', 'acme.csv', '--out', 't.xlsx');
    const next = await run({ 't.xlsx': first.io.files.get('t.xlsx')! }, '--framework', 'sre-ladder', '--into', 't.xlsx');
    expect(next.code).toBe(0);
    expect(next.io.stdout).not.toContain('framework kept');
    expect((await stored(next.io.files.get('t.xlsx')!)).map((f) => f.id)).toEqual(['acme']);
  });
});

describe('competency-matrix workbook, rosters as HR systems export them', () => {
  it('reads a CSV saved by Excel as plain "CSV" (Windows-1252) with a one-line note', async () => {
    const csv = Buffer.concat([Buffer.from('id,name,role\nE1,J'), Buffer.from([0xfc]), Buffer.from('rgen,DevOps Engineer I\n')]);
    const { code, io } = await run({ 'team.csv': csv }, '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'out.xlsx');
    expect(code).toBe(0);
    expect(io.stderr).toBe(
      'competency-matrix: note: team.csv is not UTF-8; it was read as Windows-1252 (what Excel\'s plain "CSV" choice saves). Save it as "CSV UTF-8" to avoid this note\n',
    );
    expect(readGrid(await open(io.files.get('out.xlsx')!)).people[0].name).toBe('Jürgen');
  });

  it('reads an .xlsx roster: the named sheet, its header found below title rows', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').getCell('A1').value = 'not the roster';
    const ws = book.addWorksheet('People export');
    ws.addRow(['HR export, 1 March']);
    ws.addRow([]);
    ws.addRow(['Employee ID', 'Full name', 'Job title', 'Manager ID']);
    ws.addRow(['E7', 'Ana Díaz', 'DevOps Engineer II', 'E9']);
    ws.addRow([9, 'Bo Chen', 'DevOps Engineer IV', '']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { code, io } = await run(
      { 'hr.xlsx': bytes },
      ...['--framework', 'mit-devops', '--roster', 'hr.xlsx', '--sheet', 'people export', '--out', 'out.xlsx'],
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const grid = readGrid(await open(io.files.get('out.xlsx')!));
    expect(grid.people.map((p) => [p.id, p.name, p.manager])).toEqual([
      ['E7', 'Ana Díaz', 'E9'],
      ['9', 'Bo Chen', ''],
    ]);
  });

  it('names the sheets of an .xlsx roster when --sheet names none of them', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Staff');
    const { code, io } = await run(
      { 'hr.xlsx': Buffer.from(await book.xlsx.writeBuffer()) },
      ...['--framework', 'mit-devops', '--roster', 'hr.xlsx', '--sheet', 'People', '--out', 'out.xlsx'],
    );
    expect(code).toBe(1);
    expect(io.stderr).toBe('competency-matrix: hr.xlsx: no sheet named "People"; its sheets are "Staff"\n');
  });
});
