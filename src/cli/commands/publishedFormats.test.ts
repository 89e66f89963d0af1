/**
 * The framework-taking commands with frameworks as publishers ship them: a CASE
 * package without rubrics (--scale), a progression framework, a Markdown
 * ladder; --from overriding the format told from the content.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../index';
import { captureIO, type CapturedIO } from '../testIO';

const FIXTURES = path.join(__dirname, '../../../tests/fixtures/frameworks');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function run(io: CapturedIO, ...argv: string[]) {
  io.stdout = '';
  io.stderr = '';
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function filesIO(): CapturedIO {
  return captureIO({
    'cloud.case.json': fixture('case/nested-no-rubrics.case.json'),
    'backend.md': fixture('monzo/backend-seven-levels.md'),
    'support.md': fixture('markdown/support-ladder.md'),
  });
}

describe('commands given a framework file as publishers ship it', () => {
  it('refuse a CASE package without rubrics, naming --scale and the built-in scales', async () => {
    const { code, out, err } = await run(filesIO(), 'frameworks', 'import', 'cloud.case.json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^competency-matrix: cloud\.case\.json: CFRubrics: .*--scale .*sre-level \(Junior SRE … Principal SRE\)/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('import it with --scale as level names, and print the levels they became', async () => {
    const { code, out } = await run(filesIO(), 'frameworks', 'import', 'cloud.case.json', '--scale', 'Novice,Developing,Proficient,Expert');
    expect(code).toBe(0);
    expect(out).toContain('read as CASE 1.1 JSON');
    expect(out).toContain(
      '  Competencies: 5 in 3 categories\n  Scale Proficiency [levels]: 1=Novice, 2=Developing, 3=Proficient, 4=Expert\n',
    );
  });

  it('print the levels of a package rated on a built-in scale given by id', async () => {
    const { code, out } = await run(filesIO(), 'levels', 'cloud.case.json', '--scale', 'kaairo-proficiency', '--format', 'csv');
    expect(code).toBe(0);
    expect(out).toBe(
      'scale,code,name,value,definition\n' +
        ['1,Basic,1', '2,Developing,2', '3,Proficient,3', '4,Advanced,4', '5,Expert,5'].map((r) => `kaairo-proficiency,${r},`).join('\n') +
        '\n',
    );
  });

  it('list the targets of a progression framework: each Level role at its own level', async () => {
    const { code, out } = await run(filesIO(), 'targets', 'backend.md', '--format', 'csv');
    expect(code).toBe(0);
    const rows = out.trim().split('\n');
    expect(rows).toHaveLength(1 + 7 * 4);
    expect(rows.slice(1, 3)).toEqual(['summary,Level 1,1', 'summary,Level 2,2']);
    expect(rows[rows.length - 1]).toBe('people,Level 7,7');
  });

  it('write a workbook from a Markdown ladder, keeping the framework in it', async () => {
    const io = filesIO();
    const { code, out } = await run(io, 'workbook', '--framework', 'support.md', '--out', 'support.xlsx');
    expect(code).toBe(0);
    expect(out).toContain('framework kept in the workbook');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(io.files.get('support.xlsx') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Matrix');
  });

  it('read a file as the format --from names, whatever its content suggests', async () => {
    const { code, err } = await run(filesIO(), 'frameworks', 'show', 'support.md', '--from', 'csv');
    expect(code).toBe(1);
    expect(err).toMatch(/^competency-matrix: support\.md: row 1: no competency column/);
  });

  it('refuse --from and --scale with a built-in id, and an unknown format, as usage mistakes', async () => {
    const io = filesIO();
    expect(await run(io, 'targets', 'mit-devops', '--from', 'csv')).toMatchObject({ code: 2 });
    expect(io.stderr).toBe(
      'competency-matrix: --from csv says how to read a framework file, but "mit-devops" is a built-in framework; leave --from out\n',
    );
    expect(await run(io, 'levels', 'mit-devops', '--scale', 'sre-level')).toMatchObject({ code: 2 });
    expect(await run(io, 'frameworks', 'import', 'backend.md', '--format', 'yaml')).toMatchObject({ code: 2 });
    expect(io.stderr).toBe('competency-matrix: --format must be json or case or csv or csv-tables or monzo or markdown, not "yaml"\n');
  });

  it('export a progression framework to another format', async () => {
    const io = filesIO();
    const { code } = await run(io, 'frameworks', 'export', 'backend.md', '--format', 'json', '--out', 'backend.json');
    expect(code).toBe(0);
    const json = JSON.parse((io.files.get('backend.json') as Buffer).toString('utf8'));
    expect(json.roles).toHaveLength(7);
    expect(json.competencies.map((c: { name: string }) => c.name)).toEqual(['summary', 'Technical skills', 'Delivery', 'people']);
  });
});
