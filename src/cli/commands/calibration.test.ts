import ExcelJS from 'exceljs';
import { main } from '../index';
import { captureIO } from '../testIO';
import { builtIn } from '../../core/frameworks/library';
import { workbookLayout } from '../../core/layouts/workbook';
import { renderPlan } from '../../xlsx/renderPlan';
import { registryFor, writeRegistry, readRegistry } from '../../xlsx/workbookRegistry';
import { plainValue } from '../../xlsx/cellValue';
import { isFormula } from '../../core/layouts/plan';
import Papa from 'papaparse';
import { team, teamRows } from '../../../tests/calibration/team';
import { AXES_ROSTER_CSV, HAND_COUNTS } from '../../../tests/calibration/talentAxesFromRoster';
import { ZipParts } from '../../xlsx/zipEntries';
import { workbookCharts } from '../../xlsx/charts';

const model = builtIn('mit-devops');

/** A grid workbook as the workbook command writes it: sheets, names and the registry. */
async function gridFile(people = 40): Promise<Buffer> {
  const roster = team(model, { people, managers: 5, seed: 3, lenientManager: 'Manager 02' });
  const { plan } = workbookLayout(model, { roster });
  const book = new ExcelJS.Workbook();
  const rendered = renderPlan(book, plan);
  writeRegistry(
    book,
    registryFor(
      rendered,
      plan.title,
      plan.names.map((n) => n.name),
    ),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function run(files: Record<string, Buffer>, ...argv: string[]) {
  const io = captureIO(files);
  const code = await main(['calibration', ...argv], io);
  return { code, io };
}

describe('competency-matrix calibration', () => {
  it('adds the calibration sheets beside the grid, with live formulas on it', async () => {
    const { code, io } = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', '2025 H1');
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^Wrote pack\.xlsx: Calibration, Talent grid, Changes, Snapshot 2025 H1, Person view, Calibration data\./);
    expect(io.stdout).toContain('40 people, 5 managers, 9 competencies');
    const book = await open(io.files.get('pack.xlsx')!);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['Team grid', 'Matrix', 'Calibration', 'Changes', 'Snapshot 2025 H1', 'Calibration data']),
    );
    const data = book.getWorksheet('Calibration data')!;
    expect(data.getCell('E5').formula).toMatch(/^IFERROR\(INDEX\(.*MATCH\('Team grid'!L10&"",/);
    // The registry now lists the calibration sheets too, so a rebuild replaces them.
    expect(readRegistry(book).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Team grid', 'Calibration', 'Calibration data']));
  });

  it('applies the minimum group, guideline and coverage level given on the command line', async () => {
    const { code, io } = await run(
      { 'team.xlsx': await gridFile() },
      '--grid',
      'team.xlsx',
      '--out',
      'pack.xlsx',
      '--min-group',
      '9',
      '--guideline',
      '5,25,40,25,5',
      '--coverage-level',
      'E',
    );
    expect(code).toBe(0);
    const book = await open(io.files.get('pack.xlsx')!);
    const sheet = book.getWorksheet('Calibration')!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(plainValue(c.value))));
    expect(sheet.getCell('B6').value).toBe(9);
    expect(sheet.getCell('B12').value).toBe('E'); // the coverage level, under the rater-effect settings
    expect(values).toEqual(expect.arrayContaining([0.05, 0.25, 0.4, 0.25, 0.05]));
  });

  it('replaces an earlier pack in the same workbook and keeps the settings the room edited', async () => {
    const first = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', 'before');
    const book = await open(first.io.files.get('pack.xlsx')!);
    book.getWorksheet('Calibration')!.getCell('B6').value = 6; // smallest group, edited in the meeting
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const second = await run(
      { 'pack.xlsx': edited },
      '--grid',
      'pack.xlsx',
      '--out',
      'pack2.xlsx',
      '--cycle',
      'after',
      '--snapshot',
      'pack.xlsx',
    );
    expect(second.io.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.io.stdout).toContain('replaced the calibration pack');
    expect(second.io.stdout).toContain('Changes since "before": 0 people with changed ratings');
    const after = await open(second.io.files.get('pack2.xlsx')!);
    const names = after.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Calibration'))).toEqual(['Calibration', 'Calibration data']);
    expect(names.filter((n) => n.startsWith('Snapshot'))).toEqual(['Snapshot before', 'Snapshot after']);
    expect(after.getWorksheet('Calibration')!.getCell('B6').value).toBe(6);
  });

  it('keeps the talent grid cut-offs the room edited when the pack is rebuilt, and its counts follow them', async () => {
    const first = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', 'before');
    const book = await open(first.io.files.get('pack.xlsx')!);
    const talent = book.getWorksheet('Talent grid')!;
    expect([6, 7, 8, 9].map((r) => talent.getCell(`B${r}`).value)).toEqual([0.5, 0.8, 0.5, 0.8]);
    talent.getCell('B6').value = 0.3; // meets %: medium from, edited in the meeting
    talent.getCell('B9').value = 0.95; // readiness: high from
    const second = await run(
      { 'pack.xlsx': Buffer.from(await book.xlsx.writeBuffer()) },
      '--grid',
      'pack.xlsx',
      '--out',
      'pack2.xlsx',
      '--force',
    );
    expect(second.io.stderr).toBe('');
    expect(second.code).toBe(0);
    const after = await open(second.io.files.get('pack2.xlsx')!);
    const rebuilt = after.getWorksheet('Talent grid')!;
    expect([6, 7, 8, 9].map((r) => rebuilt.getCell(`B${r}`).value)).toEqual([0.3, 0.8, 0.5, 0.95]);
    // The counts, counted here from the grid's meets % and readiness (the grid plan's results: a file read back
    // cannot tell a cached 0 from a blank) with the edited cut-offs.
    const roster = team(model, { people: 40, managers: 5, seed: 3, lenientManager: 'Manager 02' });
    const { plan, grid: g } = workbookLayout(model, { roster });
    const gridPlan = plan.sheets.find((s) => s.name === g!.sheetName)!;
    const figure = (row: number, col: number) => {
      for (const b of gridPlan.blocks) {
        const cell = b.cells[row - b.row]?.[col - b.col];
        if (cell !== undefined) return isFormula(cell) ? cell.result : cell;
      }
      return undefined;
    };
    const expected = Array<number>(9).fill(0);
    for (let i = 0; i < 40; i++) {
      const m = figure(g!.firstPersonRow + i, g!.meetsCol);
      const q = figure(g!.firstPersonRow + i, g!.readinessCol!);
      if (typeof m !== 'number' || typeof q !== 'number') continue;
      const across = m < 0.3 ? 0 : m < 0.8 ? 1 : 2;
      const up = q < 0.5 ? 0 : q < 0.95 ? 1 : 2;
      expected[across + 3 * up]++;
    }
    // Box b sits on row 14 - (b div 3), column B + (b mod 3).
    // (ExcelJS reads a cached 0 back as no value.)
    const counts = expected.map((_, b) => plainValue(rebuilt.getCell(14 - Math.floor(b / 3), 2 + (b % 3)).value) ?? 0);
    expect(counts).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('builds the talent grid on the roster’s performance and potential, keeps an edited cut-off on rebuild, and the counts follow', async () => {
    // The hand-counted team of tests/calibration/talentAxesFromRoster.ts, through the workbook command.
    const io = captureIO({ 'axes.csv': Buffer.from(AXES_ROSTER_CSV) });
    expect(await main(['workbook', '--framework', 'mit-devops', '--roster', 'axes.csv', '--out', 'team.xlsx'], io)).toBe(0);
    expect(io.stderr).toContain('row 11, Potential: "Great" is not a value');
    const first = await run({ 'team.xlsx': io.files.get('team.xlsx')! }, '--grid', 'team.xlsx', '--out', 'pack.xlsx');
    expect(first.code).toBe(0);
    const book = await open(first.io.files.get('pack.xlsx')!);
    const talent = book.getWorksheet('Talent grid')!;
    expect([6, 7, 8, 9].map((r) => [talent.getCell(`A${r}`).value, talent.getCell(`B${r}`).value])).toEqual([
      ['Performance: medium from', 2],
      ['Performance: high from', 3],
      ['Potential: medium from', 3],
      ['Potential: high from', 4],
    ]);
    const counts = (ws: ExcelJS.Worksheet) =>
      [14, 13, 12].flatMap((r) => ['B', 'C', 'D'].map((c) => Number(plainValue(ws.getCell(`${c}${r}`).value) ?? 0)));
    expect(counts(talent)).toEqual(HAND_COUNTS);
    talent.getCell('B7').value = 4; // performance: high from, above the 1-3 scale
    const second = await run({ 'pack.xlsx': Buffer.from(await book.xlsx.writeBuffer()) }, '--grid', 'pack.xlsx', '--out', 'pack2.xlsx');
    expect(second.io.stderr).toBe('');
    const rebuilt = (await open(second.io.files.get('pack2.xlsx')!)).getWorksheet('Talent grid')!;
    expect(rebuilt.getCell('B7').value).toBe(4);
    // Counted by hand: Ann, Ed and Hal drop from high to medium performance.
    expect(counts(rebuilt)).toEqual([1, 1, 0, 0, 3, 0, 1, 2, 0]);
  });

  it('refuses a rebuild whose talent grid cut-offs are the wrong way round, and says which to correct', async () => {
    const first = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx');
    const book = await open(first.io.files.get('pack.xlsx')!);
    book.getWorksheet('Talent grid')!.getCell('B8').value = 0.9; // readiness: medium from, above high from (0.8)
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const second = await run({ 'pack.xlsx': edited }, '--grid', 'pack.xlsx', '--out', 'pack.xlsx', '--force');
    expect(second.code).not.toBe(0);
    expect(second.io.stderr).toContain("the talent grid's cut-offs for readiness are 0.9 (medium from) and 0.8 (high from)");
    expect(second.io.files.get('pack.xlsx')).toEqual(edited);
  });

  it('gives a meeting run on a plain workbook its before/after record: per level, per manager, and a chart', async () => {
    const first = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx', '--cycle', 'before');
    // The meeting, without the add-in: two of the first person's ratings move, on the grid.
    const roster = team(model, { people: 40, managers: 5, seed: 3, lenientManager: 'Manager 02' });
    const geometry = workbookLayout(model, { roster }).grid!;
    const book = await open(first.io.files.get('pack.xlsx')!);
    const grid = book.getWorksheet(geometry.sheetName)!;
    const cell = (j: number) => grid.getCell(geometry.firstPersonRow + 1, geometry.ratingCols[j] + 1);
    const codes = model.primaryScale.levels.map((l) => l.code);
    const rated = geometry.ratingCols.map((_, j) => j).filter((j) => codes.includes(String(plainValue(cell(j).value))));
    const picked = rated.slice(0, 2);
    expect(picked).toHaveLength(2);
    const was = picked.map((j) => String(plainValue(cell(j).value)));
    const to = was.map((code) => (code === codes[0] ? codes[1] : codes[0]));
    picked.forEach((j, i) => (cell(j).value = to[i]));
    const manager = String(plainValue(grid.getCell(geometry.firstPersonRow + 1, geometry.managerCol + 1).value));
    const edited = Buffer.from(await book.xlsx.writeBuffer());

    const { code, io } = await run({ 'pack.xlsx': edited }, '--grid', 'pack.xlsx', '--out', 'after.xlsx', '--snapshot', 'pack.xlsx');
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('Changes since "before": 1 people with changed ratings');
    expect(io.stdout).toMatch(new RegExp(`Changed ratings per manager: ${manager} 2 \\(net `));
    const perLevel = /Ratings per level, before → now: (.*) \(chart/.exec(io.stdout)![1].split(', ');
    const moves = new Map(codes.map((c) => [c, 0]));
    was.forEach((c) => moves.set(c, moves.get(c)! - 1));
    to.forEach((c) => moves.set(c, moves.get(c)! + 1));
    perLevel.forEach((entry, k) => {
      const [, level, before, now] = /^(\S+) (\d+)→(\d+)$/.exec(entry)!;
      expect(level).toBe(codes[k]);
      expect(Number(now) - Number(before)).toBe(moves.get(codes[k]));
    });
    const zip = new ZipParts(io.files.get('after.xlsx')!, 'after.xlsx');
    const charts = workbookCharts(zip.names, (n) => zip.text(n)).product;
    expect(charts.find((s) => s.sheet === 'Changes')?.charts.map((c) => c.name)).toEqual(['competency-matrix: changes-before-after']);
  });

  it('writes the figures as cached results, so the pack shows them before any recalculation', async () => {
    const { io } = await run({ 'team.xlsx': await gridFile() }, '--grid', 'team.xlsx', '--out', 'pack.xlsx');
    expect(io.stdout).toMatch(/Flagged raters: .*Manager 02 \(lenient/);
    const sheet = (await open(io.files.get('pack.xlsx')!)).getWorksheet('Calibration')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => plainValue(v as ExcelJS.CellValue))));
    const header = rows.findIndex((r) => r?.[0] === 'Manager' && r.includes('Flag'));
    const flagCol = rows[header].indexOf('Flag');
    const lenient = rows.findIndex((r, i) => i > header && r?.[0] === 'Manager 02');
    expect(sheet.getRow(lenient + 1).getCell(flagCol + 1).formula).toBeTruthy();
    expect(rows[lenient][flagCol]).toBe('Lenient');
    expect(rows[header + 1][0]).toBe('Everyone');
    expect(rows[header + 1][2]).toBeGreaterThan(300); // ratings counted, cached
  });

  it('says what is wrong with the grid file, the guideline or the options', async () => {
    const grid = await gridFile();
    const cases: [string[], number, RegExp][] = [
      [['--out', 'pack.xlsx'], 2, /give the team grid workbook with --grid/],
      [['--grid', 'team.xlsx'], 2, /--out pack\.xlsx/],
      [['--grid', 'missing.xlsx', '--out', 'p.xlsx'], 1, /missing\.xlsx: no such grid file/],
      [
        ['--grid', 'team.xlsx', '--out', 'p.xlsx', '--guideline', '10,20,40,20'],
        1,
        /4 percentages but the scale has 5 levels \(BD, B, I, A, E\)/,
      ],
      [['--grid', 'team.xlsx', '--out', 'p.xlsx', '--guideline', '10,20,40,20,20'], 1, /add up to 110%, not 100%/],
      [
        ['--grid', 'team.xlsx', '--out', 'p.xlsx', '--coverage-level', 'Z'],
        1,
        /coverage level "Z" is not a level of .*; use BD, B, I, A or E/,
      ],
      [['--grid', 'team.xlsx', '--out', 'p.xlsx', '--min-group', '0'], 2, /--min-group needs a whole number from 1 to 1000, not "0"/],
      [['--grid', 'notes.xlsx', '--out', 'p.xlsx'], 1, /no team grid written by competency-matrix was found/],
      [['--grid', 'text.xlsx', '--out', 'p.xlsx'], 1, /not an \.xlsx workbook/],
      [
        ['--grid', 'holed.xlsx', '--out', 'p.xlsx'],
        1,
        /row 15 of the grid "Team grid" has no id, between two people; give that person an id or delete the row/,
      ],
    ];
    const holed = await open(grid);
    holed.getWorksheet('Team grid')!.getCell('A15').value = null; // a person row without an id
    const notes = new ExcelJS.Workbook();
    notes.addWorksheet('Notes').getCell('A1').value = 'hello';
    const files = {
      'team.xlsx': grid,
      'notes.xlsx': Buffer.from(await notes.xlsx.writeBuffer()),
      'text.xlsx': Buffer.from('id,name\n'),
      'holed.xlsx': Buffer.from(await holed.xlsx.writeBuffer()),
    };
    for (const [argv, code, message] of cases) {
      const r = await run(files, ...argv);
      expect([r.code, r.io.stderr]).toEqual([code, expect.stringMatching(message)]);
      expect(r.io.files.has('p.xlsx')).toBe(false);
    }
  });
});

describe('competency-matrix workbook --calibration', () => {
  const roster = (people: number) => Papa.unparse(teamRows(model, { people, managers: 4, seed: 5 }));

  it('writes the calibration pack beside a new team grid', async () => {
    const io = captureIO({ 'team.csv': roster(30) });
    const code = await main(['workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx', '--calibration'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toMatch(
      /calibration pack: Calibration, Talent grid, Changes, Snapshot \d{4}-\d{2}-\d{2}, Person view, Calibration data/,
    );
    const book = await open(io.files.get('team.xlsx')!);
    expect(book.getWorksheet('Calibration data')!.getCell('E5').formula).toContain("'Team grid'!L10");
  });

  it('asks for a roster when there is no grid to calibrate', async () => {
    const io = captureIO();
    expect(await main(['workbook', '--framework', 'mit-devops', '--out', 'm.xlsx', '--calibration'], io)).toBe(2);
    expect(io.stderr).toContain('--calibration needs a team grid; add --roster roster.csv');
  });

  it('rebuilds the pack with a rebuilt grid, comparing with the snapshot already there', async () => {
    const io = captureIO({ 'team.csv': roster(30), 'more.csv': roster(36) });
    await main(['workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx', '--calibration'], io);
    io.stdout = '';
    const code = await main(['workbook', '--framework', 'mit-devops', '--roster', 'more.csv', '--into', 'team.xlsx'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/calibration pack \(rebuilt\): Calibration, Talent grid, Changes, Person view, Calibration data/);
    const book = await open(io.files.get('team.xlsx')!);
    expect(book.worksheets.filter((w) => w.name.startsWith('Snapshot'))).toHaveLength(1);
    const data = book.getWorksheet('Calibration data')!;
    expect(data.getCell('A40').value).toBe(36); // one data row per person of the rebuilt grid
    expect(data.getCell('A41').value).toBeNull();
  });
});
