import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../index';
import { captureIO, type CapturedIO } from '../testIO';
import type { CliIO } from '../io';

async function run(io: CliIO & { stdout: string; stderr: string }, ...argv: string[]) {
  io.stdout = '';
  io.stderr = '';
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Real files (for folders of tables), captured output. */
function diskIO(): CapturedIO {
  const io = captureIO();
  io.readFile = (p) => fs.readFile(p);
  io.writeFile = (p, d) => fs.writeFile(p, d);
  io.exists = async (p) =>
    fs.access(p).then(
      () => true,
      () => false,
    );
  io.makeDirectory = async (p) => {
    await fs.mkdir(p, { recursive: true });
  };
  return io;
}

const HAND_WRITTEN =
  'competency,category,level,descriptor,role,target\nCoding,Technical,1,Small changes,Junior,1\nCoding,Technical,2,Features,Senior,2\n';

describe('frameworks import', () => {
  it('validates a file and prints what it found, with its warnings', async () => {
    const io = captureIO({ 'acme.csv': HAND_WRITTEN });
    const { code, out, err } = await run(io, 'frameworks', 'import', 'acme.csv');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(
      [
        'Imported "acme" (acme) from acme.csv, read as CSV long table.',
        '  Roles: 2 (Junior; Senior)',
        '  Competencies: 1 in 1 category',
        '  Scale Proficiency [proficiency]: 1, 2',
        '  Targets: 2; descriptors: 2',
        '3 warnings:',
        '  framework: the file gives no framework name, so it is called "acme"; add a framework row with field "name" to choose one',
        '  framework: the file does not state provenance.publisher and provenance.licence, recorded as "not stated"; add framework rows for them so colleagues know where the framework comes from',
        '  scale "proficiency": levels 1=1 and 2=2 were given no values, so their codes are their values; add level rows with a value column to set them',
        '',
      ].join('\n'),
    );
  });

  it('rejects a malformed file with one line on stderr and exit code 1', async () => {
    const io = captureIO({ 'bad.csv': 'competency,role,target\nCoding,Junior,1\nCoding,Junior,2\n' });
    const { code, out, err } = await run(io, 'frameworks', 'import', 'bad.csv');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'competency-matrix: bad.csv: row 3: a second target for role "Junior" and competency "Coding" (the first is in row 2); keep one\n',
    );
  });

  it('says what to give when no file is given, or the file does not exist', async () => {
    const io = captureIO();
    expect(await run(io, 'frameworks', 'import')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^competency-matrix: frameworks import: give a framework file/),
    });
    expect(await run(io, 'frameworks', 'import', 'nowhere.csv')).toMatchObject({
      code: 1,
      err: 'competency-matrix: nowhere.csv: no such file or folder; check the path\n',
    });
  });
});

describe('frameworks export', () => {
  it.each(['json', 'csv', 'case'])('writes a built-in framework as %s that imports back to the same summary', async (format) => {
    const io = captureIO();
    const original = await run(io, 'frameworks', 'export', 'kaairo-devops', '--format', 'json', '--out', 'k.json');
    expect(original.out).toBe('Wrote framework JSON of kaairo-devops to k.json\n');
    const exported = await run(io, 'frameworks', 'export', 'kaairo-devops', '--format', format);
    expect(exported.code).toBe(0);
    io.files.set(`k.${format}`, Buffer.from(exported.out));
    const a = await run(io, 'frameworks', 'import', 'k.json');
    const b = await run(io, 'frameworks', 'import', `k.${format}`);
    const body = (s: string) => s.split('\n').slice(1).join('\n');
    expect(body(b.out)).toBe(body(a.out));
    expect(b.out).toMatch(
      format === 'case' ? /read as CASE 1\.1 JSON/ : format === 'csv' ? /read as CSV long table/ : /read as framework JSON/,
    );
  });

  it('converts a framework file to another format', async () => {
    const io = captureIO({ 'acme.csv': HAND_WRITTEN });
    const { code, out, err } = await run(io, 'frameworks', 'export', 'acme.csv', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 'acme', roles: [{ name: 'Junior' }, { name: 'Senior' }] });
    expect(err).toMatch(/^competency-matrix: warning: framework: the file gives no framework name/m);
  });

  it('writes a set of CSV tables into a folder, which imports as a folder or as its files', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cm-tables-'));
    try {
      const io = diskIO();
      const folder = path.join(dir, 'sre');
      const wrote = await run(io, 'frameworks', 'export', 'sre-ladder', '--format', 'csv-tables', '--out', folder);
      expect(wrote.out).toBe(
        `Wrote framework.csv, scales.csv, levels.csv, categories.csv, roles.csv, competencies.csv, targets.csv to ${folder}\n`,
      );
      const fromFolder = await run(io, 'frameworks', 'import', folder);
      expect(fromFolder.code).toBe(0);
      expect(fromFolder.out).toMatch(
        /^Imported "Titles for Ops \(SRE career ladder\)" \(sre-ladder\) from .*sre, read as set of CSV tables\.\n {2}Roles: 5/,
      );
      const files = ['competencies.csv', 'levels.csv', 'targets.csv', 'roles.csv', 'scales.csv', 'categories.csv', 'framework.csv'].map(
        (f) => path.join(folder, f),
      );
      const fromFiles = await run(io, 'frameworks', 'import', ...files);
      expect(fromFiles.out.split('\n').slice(1)).toEqual(fromFolder.out.split('\n').slice(1));
      const targets = await run(io, 'targets', folder, '--format', 'csv');
      const builtIn = await run(io, 'targets', 'sre-ladder', '--format', 'csv');
      expect(targets.out).toBe(builtIn.out);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad arguments with a one-line usage error and exit code 2', async () => {
    const io = captureIO();
    for (const argv of [
      ['frameworks', 'export', 'mit-devops'],
      ['frameworks', 'export', 'mit-devops', '--format', 'xml'],
      ['frameworks', 'export', 'mit-devops', '--format', 'csv-tables'],
      ['frameworks', 'export', '--format', 'csv'],
    ]) {
      const { code, err } = await run(io, ...argv);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('a framework file wherever a command takes a framework', () => {
  it('gives the targets of an imported framework, with its warnings on stderr', async () => {
    const io = captureIO({ 'acme.csv': HAND_WRITTEN });
    const { code, out, err } = await run(io, 'targets', 'acme.csv', '--format', 'csv');
    expect(code).toBe(0);
    expect(out).toBe('competency,role,level\nCoding,Junior,1\nCoding,Senior,2\n');
    expect(err.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('names the file and row when the framework file is malformed', async () => {
    const io = captureIO({ 'acme.csv': `${HAND_WRITTEN}Coding,People,,,,\n` });
    const { code, err } = await run(io, 'levels', 'acme.csv');
    expect(code).toBe(1);
    expect(err).toBe(
      'competency-matrix: acme.csv: row 4: "Coding" is in category "Technical" in row 2 but "People" here; use one category\n',
    );
  });
});
