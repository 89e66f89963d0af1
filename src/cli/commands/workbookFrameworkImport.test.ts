/**
 * Issue 8's "done when", through real files: a matrix workbook written by the
 * command line, edited in the sheet, imported, exported to CSV, imported again
 * and written as a matrix gives the same matrix.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../index';
import { captureIO, type CapturedIO } from '../testIO';
import { worksheetValues } from '../../xlsx/worksheetValues';
import { FRAMEWORKS_SHEET } from '../../core/interchange/frameworkSheet';

function diskIO(): CapturedIO {
  const io = captureIO();
  io.readFile = (p) => fs.readFile(p);
  io.writeFile = (p, d) => fs.writeFile(p, d);
  io.exists = async (p) =>
    fs.access(p).then(
      () => true,
      () => false,
    );
  return io;
}

async function run(io: CapturedIO, ...argv: string[]) {
  io.stdout = '';
  io.stderr = '';
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function matrixValues(file: string) {
  return worksheetValues((await load(file)).getWorksheet('Matrix')!);
}

/** Opens a workbook, lets a "person" edit its Matrix sheet, saves it. */
async function editMatrix(file: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = await load(file);
  edit(wb.getWorksheet('Matrix')!);
  await wb.xlsx.writeFile(file);
}

const ACME =
  'competency,category,level,descriptor,role,target\nCoding,Technical,1,Writes small changes with help,Junior,1\nCoding,Technical,2,Delivers features alone,Senior,2\nMentoring,People,2,Pairs with newer colleagues,Senior,2\n';

let dir: string;
let io: CapturedIO;
const at = (name: string) => path.join(dir, name);

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cm-xlsx-import-'));
  io = diskIO();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a framework read from an .xlsx workbook', () => {
  it('an edited matrix, exported to CSV, imported again and written as a matrix gives the same matrix', async () => {
    expect((await run(io, 'workbook', '--framework', 'mit-devops', '--out', at('matrix.xlsx'))).code).toBe(0);
    await editMatrix(at('matrix.xlsx'), (ws) => {
      // Row 5 is the first competency; column E the first role's target.
      ws.getCell('E5').value = ws.getCell('E5').value === 'E' ? 'A' : 'E';
      ws.getCell('B6').value = 'Learning on the job';
    });
    const edited = await matrixValues(at('matrix.xlsx'));

    const imported = await run(io, 'frameworks', 'import', at('matrix.xlsx'));
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain(`from ${at('matrix.xlsx')}, sheet "Matrix".`);

    const exported = await run(io, 'frameworks', 'export', at('matrix.xlsx'), '--format', 'csv', '--out', at('edited.csv'));
    expect(exported.code).toBe(0);
    const csv = await fs.readFile(at('edited.csv'), 'utf8');
    expect(csv).toContain('Learning on the job');
    // The definitions the matrix does not show came from the built-in framework it was written from.
    expect(csv).toContain('Being Developed');

    expect((await run(io, 'frameworks', 'import', at('edited.csv'))).code).toBe(0);
    expect((await run(io, 'workbook', '--framework', at('edited.csv'), '--out', at('again.xlsx'))).code).toBe(0);
    expect(await matrixValues(at('again.xlsx'))).toEqual(edited);
  });

  it('an edited matrix of an imported framework keeps its descriptors, read with --sheet', async () => {
    await fs.writeFile(at('acme.csv'), ACME);
    expect((await run(io, 'workbook', '--framework', at('acme.csv'), '--out', at('acme.xlsx'))).code).toBe(0);
    await editMatrix(at('acme.xlsx'), (ws) => {
      ws.getCell('B5').value = 'Programming';
    });

    // Without --sheet: the framework the workbook keeps, as it was stored.
    const kept = await run(io, 'frameworks', 'import', at('acme.xlsx'));
    expect(kept.out).toContain(`hidden sheet ${FRAMEWORKS_SHEET}`);
    expect(kept.out).not.toContain('Programming');

    await run(io, 'frameworks', 'export', at('acme.xlsx'), '--sheet', 'Matrix', '--format', 'csv', '--out', at('out.csv'));
    const csv = await fs.readFile(at('out.csv'), 'utf8');
    expect(csv).toContain('Programming');
    expect(csv).toContain('Writes small changes with help');
  });

  it('names the file, the sheet and the cell of a target that is not a level', async () => {
    expect((await run(io, 'workbook', '--framework', 'mit-devops', '--out', at('matrix.xlsx'))).code).toBe(0);
    await editMatrix(at('matrix.xlsx'), (ws) => {
      ws.getCell('F7').value = 'Expret';
    });
    const { code, err } = await run(io, 'frameworks', 'import', at('matrix.xlsx'));
    expect(code).toBe(1);
    expect(err).toContain(`${at('matrix.xlsx')}: Matrix!F7: "Expret" is not a level of`);
  });

  it('says which sheets there are when --sheet names none of them', async () => {
    await run(io, 'workbook', '--framework', 'mit-devops', '--out', at('matrix.xlsx'));
    const { code, err } = await run(io, 'frameworks', 'import', at('matrix.xlsx'), '--sheet', 'Matrx');
    expect(code).toBe(1);
    expect(err).toContain(`${at('matrix.xlsx')}: there is no sheet "Matrx"; its sheets are "Matrix"`);
  });

  it('refuses a workbook that holds neither a kept framework nor a matrix, and says to use --sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'hello';
    await wb.xlsx.writeFile(at('notes.xlsx'));
    const { code, err } = await run(io, 'frameworks', 'import', at('notes.xlsx'));
    expect(code).toBe(1);
    expect(err).toContain('keeps no framework and has no proficiency matrix sheet');
    expect(err).toContain('--sheet NAME');
  });

  it('refuses a file named .xlsx that is not a workbook, and --sheet with a CSV', async () => {
    await fs.writeFile(at('fake.xlsx'), 'id,name\n');
    expect((await run(io, 'frameworks', 'import', at('fake.xlsx'))).err).toContain('this is not an .xlsx workbook');
    await fs.writeFile(at('acme.csv'), ACME);
    const { code, err } = await run(io, 'frameworks', 'import', at('acme.csv'), '--sheet', 'Matrix');
    expect(code).toBe(2);
    expect(err).toContain('--sheet NAME reads a sheet of an .xlsx workbook');
  });
});

describe('calibration of a grid made with an imported framework', () => {
  it('finds the framework kept in the grid workbook, without --framework', async () => {
    await fs.writeFile(at('acme.csv'), ACME);
    const people = Array.from({ length: 10 }, (_, i) => {
      const manager = i < 2 ? '' : i % 2 ? 'Ann Lead' : 'Bob Lead';
      const name = i === 0 ? 'Ann Lead' : i === 1 ? 'Bob Lead' : `Person ${i}`;
      return `P${i},${name},${i % 3 ? 'Junior' : 'Senior'},${manager},${(i % 2) + 1},${((i + 1) % 2) + 1}`;
    });
    await fs.writeFile(at('team.csv'), ['id,name,role,manager,Coding,Mentoring', ...people].join('\n'));
    expect((await run(io, 'workbook', '--framework', at('acme.csv'), '--roster', at('team.csv'), '--out', at('team.xlsx'))).code).toBe(0);
    const { code, out, err } = await run(io, 'calibration', '--grid', at('team.xlsx'), '--out', at('pack.xlsx'));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('10 people');
  });
});
