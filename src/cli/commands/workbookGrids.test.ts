/**
 * `workbook --into` with several grids: a roster of other people adds a grid
 * beside the first, one of the same people rebuilds it, a partial overlap is
 * not guessed at; `calibration --team` picks a grid. The grids are read back
 * from the files written.
 */
import ExcelJS from 'exceljs';
import { main } from '../index';
import { captureIO } from '../testIO';
import { builtIn } from '../../core/frameworks/library';
import type { FrameworkModel } from '../../core/framework/model';
import { readGrid } from '../../xlsx/readGrid';
import { readRegistry } from '../../xlsx/workbookRegistry';
import { gridsOf } from '../../core/layouts/gridRecords';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

function roster(model: FrameworkModel, ids: string[], rated?: string): string {
  const level = model.scaleOf(model.competencies[0]).levels[1].code;
  const head = ['id', 'name', 'role', 'manager', model.competencies[0].name].join(',');
  return [
    head,
    ...ids.map((id, i) => [id, `Person ${id}`, model.roles[i % 2].name, ['Grace', 'Ken'][i % 2], id === rated ? level : ''].join(',')),
  ].join('\n');
}

async function run(files: Map<string, Buffer> | Record<string, string | Buffer>, ...argv: string[]) {
  const io = captureIO(files instanceof Map ? Object.fromEntries(files) : files);
  const code = await main(argv, io);
  return { code, io };
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const A = roster(MIT, ['A1', 'A2', 'A3'], 'A2');

async function firstBook() {
  const first = await run({ 'team-a.csv': A }, 'workbook', '--framework', 'mit-devops', '--roster', 'team-a.csv', '--out', 'book.xlsx');
  expect(first.code).toBe(0);
  return first.io.files.get('book.xlsx')!;
}

describe('workbook --into with several grids', () => {
  it('adds a grid for a roster of other people on the same framework, sharing its sheets, and says so', async () => {
    const book = await firstBook();
    const { code, io } = await run(
      { 'book.xlsx': book, 'team-b.csv': roster(MIT, ['B1', 'B2']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'team-b.csv',
      '--into',
      'book.xlsx',
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('grid: added "team-b grid" beside "Team grid"');
    expect(io.stdout).toContain('it shares Matrix, Scales, Descriptors, Roles, Targets with them');
    const wb = await open(io.files.get('book.xlsx')!);
    expect(readGrid(wb, 'Team grid').people.map((p) => p.id)).toEqual(['A1', 'A2', 'A3']);
    expect(readGrid(wb, 'team-b grid').people.map((p) => p.id)).toEqual(['B1', 'B2']);
    expect(wb.worksheets.filter((w) => w.name.startsWith('Targets'))).toHaveLength(1);
    expect(gridsOf(readRegistry(wb)).map((g) => [g.label, g.frameworkId, g.people])).toEqual([
      ['team-a', 'mit-devops', 3],
      ['team-b', 'mit-devops', 2],
    ]);
  });

  it('rebuilds the grid whose people the roster holds, and only that one', async () => {
    const book = await firstBook();
    const two = await run(
      { 'book.xlsx': book, 'sre.csv': roster(SRE, ['S1', 'S2']) },
      'workbook',
      '--framework',
      'sre-ladder',
      '--roster',
      'sre.csv',
      '--team',
      'SRE',
      '--into',
      'book.xlsx',
    );
    expect(two.code).toBe(0);
    expect(two.io.stdout).toContain('grid: added "SRE grid (sre-ladder)" beside "Team grid"');
    const again = await run(
      { 'book.xlsx': two.io.files.get('book.xlsx')!, 'team-a.csv': roster(MIT, ['A1', 'A2', 'A3', 'A4']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'team-a.csv',
      '--into',
      'book.xlsx',
    );
    expect(again.io.stderr).toBe('');
    expect(again.io.stdout).toContain(
      `grid: rebuilt "Team grid" (the roster's people are the grid's (3 in both)); "SRE grid (sre-ladder)" left as it was`,
    );
    expect(again.io.stdout).toContain('ratings kept: 1');
    const wb = await open(again.io.files.get('book.xlsx')!);
    expect(readGrid(wb, 'Team grid').people).toHaveLength(4);
    expect(readGrid(wb, 'SRE grid (sre-ladder)').people.map((p) => p.id)).toEqual(['S1', 'S2']);
  });

  it('rebuilds the grid for the same team with one person gone and one joined, ids matched under the one id rule', async () => {
    const book = await firstBook();
    const { code, io } = await run(
      { 'book.xlsx': book, 'team-a.csv': roster(MIT, [' a1 ', 'a2', 'A4']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'team-a.csv',
      '--into',
      'book.xlsx',
    );
    expect(code).toBe(0);
    expect(io.stdout).toContain(
      `grid: rebuilt "Team grid" (most of the roster's people are the grid's (2 of 3 on it, of its 3): the same team with people joined or left)`,
    );
    // A2's rating, given when the grid was made, is carried to the roster's "a2" (A3, gone, had none).
    expect(io.stdout).toContain('ratings kept: 1');
    const wb = await open(io.files.get('book.xlsx')!);
    expect(readGrid(wb, 'Team grid').people).toHaveLength(3);
    expect(gridsOf(readRegistry(wb)!)).toHaveLength(1);
  });

  it('asks which grid when the roster shares only some people with one, and names the grids a --grid can pick', async () => {
    const book = await firstBook();
    const partial = await run(
      { 'book.xlsx': book, 'mixed.csv': roster(MIT, ['A1', 'X9']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'mixed.csv',
      '--into',
      'book.xlsx',
    );
    expect(partial.code).toBe(1);
    expect(partial.io.stderr).toContain(
      `the roster's 2 people are partly on grids of the workbook already (1 of them on "Team grid" (of 3)); say which grid to rebuild with --grid "Team grid", or add a grid with --new-grid`,
    );
    expect(partial.io.files.get('book.xlsx')).toBe(book);
    const unknown = await run(
      { 'book.xlsx': book, 'mixed.csv': roster(MIT, ['A1', 'X9']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'mixed.csv',
      '--grid',
      'Nope',
      '--into',
      'book.xlsx',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.io.stderr).toContain('--grid: the workbook has no grid "Nope"; its grids are "Team grid"');
    const chosen = await run(
      { 'book.xlsx': book, 'mixed.csv': roster(MIT, ['A1', 'X9']) },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'mixed.csv',
      '--grid',
      'team grid',
      '--into',
      'book.xlsx',
    );
    expect(chosen.code).toBe(0);
    expect(chosen.io.stdout).toContain('grid: rebuilt "Team grid" (chosen with --grid)');
  });
});

describe('calibration --grid with several grids', () => {
  it('picks a grid with --team, and says which names there are without it', async () => {
    const book = await firstBook();
    const two = await run(
      { 'book.xlsx': book, 'team-b.csv': roster(MIT, ['B1', 'B2', 'B3', 'B4'], 'B1') },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'team-b.csv',
      '--into',
      'book.xlsx',
    );
    const both = two.io.files.get('book.xlsx')!;
    const ask = await run({ 'book.xlsx': both }, 'calibration', '--grid', 'book.xlsx', '--out', 'pack.xlsx');
    expect(ask.code).toBe(1);
    expect(ask.io.stderr).toContain(
      'the workbook has 2 grids; choose one with --team, or several on one framework with --team repeated or --team all: "team-a" (sheet "Team grid") or "team-b" (sheet "team-b grid")',
    );
    const pack = await run(
      { 'book.xlsx': both },
      'calibration',
      '--grid',
      'book.xlsx',
      '--team',
      'team-b',
      '--min-group',
      '2',
      '--out',
      'pack.xlsx',
    );
    expect(pack.io.stderr).not.toContain('error');
    expect(pack.code).toBe(0);
    expect(pack.io.stdout).toContain('4 people');
  });
});

describe('calibration --team repeated or all: grids calibrated together', () => {
  async function bookOf(b: string[]) {
    const book = await firstBook();
    const two = await run(
      { 'book.xlsx': book, 'team-b.csv': roster(MIT, b, 'B1') },
      'workbook',
      '--framework',
      'mit-devops',
      '--roster',
      'team-b.csv',
      '--into',
      'book.xlsx',
      '--new-grid',
    );
    expect(two.code).toBe(0);
    return two.io.files.get('book.xlsx')!;
  }

  it('pools the two grids into one pack over both teams', async () => {
    const pack = await run(
      { 'book.xlsx': await bookOf(['B1', 'B2']) },
      'calibration',
      '--grid',
      'book.xlsx',
      '--team',
      'all',
      '--min-group',
      '1',
      '--out',
      'pack.xlsx',
    );
    expect(pack.io.stderr).not.toContain('error');
    expect(pack.code).toBe(0);
    expect(pack.io.stdout).toContain('5 people, 2 managers');
    expect(pack.io.stdout).toContain('Pooled team-a + team-b');
  });

  it('refuses a person on both grids, naming them, and writes no pack', async () => {
    const pack = await run(
      { 'book.xlsx': await bookOf(['B1', ' a2']) },
      'calibration',
      '--grid',
      'book.xlsx',
      '--team',
      'team-a',
      '--team',
      'team-b',
      '--out',
      'pack.xlsx',
    );
    expect(pack.code).toBe(1);
    expect(pack.io.stderr).toContain('a person is on two of the grids: a2 (on "team-a" and "team-b")');
    expect(pack.io.files.has('pack.xlsx')).toBe(false);
  });

  it('refuses --team all beside another --team', async () => {
    const pack = await run(
      { 'book.xlsx': await bookOf(['B1']) },
      'calibration',
      '--grid',
      'book.xlsx',
      '--team',
      'all',
      '--team',
      'team-a',
      '--out',
      'pack.xlsx',
    );
    expect(pack.code).toBe(2);
    expect(pack.io.stderr).toContain('--team all already takes every grid; give it alone');
  });
});
