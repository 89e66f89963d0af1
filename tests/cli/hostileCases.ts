/**
 * The hostile-input corpus: bad or awkward inputs a new user gives the
 * command line, one case each, in seven classes (issue 11). hostile.test.ts
 * runs every case against the built command line in a folder of its own and
 * checks, besides what a case says here, that nothing in the folder changed
 * but the files the case names in `writes`, that no temporary file is left,
 * that stderr has no stack trace, and that the case ends within its time.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import { readGrid } from '../../src/xlsx/readGrid';

export type HostileClass =
  /** A command replaces an existing file without asking. */
  | 'loss'
  /** A rebuild overwrites what a person typed. */
  | 'typed'
  /** The file system says no. */
  | 'fs'
  /** Not a regular file: a pipe, a folder, a device, a missing path. */
  | 'not-a-file'
  /** Ids matched two ways. */
  | 'ids'
  /** Accepted without a word. */
  | 'silent'
  /** Vague: no --help, parseArgs' words, thousands of lines. */
  | 'vague';

/** What a case's folder offers its setup: paths are relative to the folder, the command's working directory. */
export interface CaseFolder {
  readonly dir: string;
  path(name: string): string;
  /** Copies a fixture (built once for the whole corpus) into the folder. */
  copy(fixture: string, as?: string): void;
  write(name: string, content: string | Buffer): void;
  folder(name: string): void;
  fifo(name: string): void;
  /** chattr +i: not even root may change or replace it (undone after the case). */
  immutable(name: string): void;
  chmod(name: string, mode: number): void;
}

export interface CaseRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface HostileCase {
  name: string;
  kind: HostileClass;
  args: string[];
  setup?: (f: CaseFolder) => void;
  exit: 0 | 1 | 2;
  /** An error's one line (exit 1 or 2), or a warning a successful run must print. */
  stderr?: RegExp;
  stdout?: RegExp;
  /** Files the command is meant to write or update; every other file must stay byte for byte. */
  writes?: string[];
  /** What the case needs of the machine; cases whose need is missing are skipped, announced. */
  needs?: 'chattr' | 'read-only-mount' | 'unprivileged-user';
  check?: (f: CaseFolder, run: CaseRun) => void | Promise<void>;
}

/** The fixtures hostile.test.ts builds once, with the command line itself, before the cases run. */
export const FIXTURES = {
  roster: 'roster.csv',
  team: 'team.xlsx',
  cycle: 'cycle',
  tables: 'tables',
  json: 'fw.json',
  /** team.xlsx with typed edits: an N/A, a cleared cell and a different level. */
  typed: 'team-typed.xlsx',
  fullRoster: 'roster-full.csv',
  /** The grid of roster-full.csv with every rating cleared in the workbook. */
  cleared: 'team-cleared.xlsx',
} as const;

export const ROSTER = `id,name,role,manager,Adaptability,Teamwork
E001,Ada,DevOps Engineer I,M1,B,I
E002,Bob,DevOps Engineer II,M1,I,
M1,Max,DevOps Engineer IV,,A,A
`;

const COMPETENCIES = [
  'Adaptability',
  'Analytical Thinking',
  'Business Function Knowledge',
  'Communications for Results',
  'Openness to Learning',
  'Problem Solving',
  'Systems Thinking',
  'Teamwork',
  'Thoroughness',
];

export const FULL_ROSTER = `id,name,role,manager,${COMPETENCIES.join(',')}\n${Array.from(
  { length: 6 },
  (_, i) => `P${i + 1},Person ${i + 1},DevOps Engineer ${['I', 'II', 'III'][i % 3]},P1,${COMPETENCIES.map(() => 'I').join(',')}`,
).join('\n')}\n`;

/** The typed edits on team.xlsx's grid: [person row, competency column, value typed]. */
const TYPED_EDITS: [number, number, string][] = [
  [0, 0, 'N/A'], // Ada's Adaptability: B on the roster
  [1, 0, ''], // Bob's Adaptability: I on the roster, cleared
  [2, 7, 'E'], // Max's Teamwork: A on the roster
];

/** A copy of a grid workbook with cells typed over, as a manager would in Excel. */
export async function typeIntoGrid(source: string, target: string, edits: 'typed' | 'clear-all'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const g = readGrid(wb).geometry;
  const ws = wb.getWorksheet(g.sheetName)!;
  const set = (person: number, col: number, value: string) => {
    ws.getRow(g.firstPersonRow + person + 1).getCell(col + 1).value = value === '' ? null : value;
  };
  if (edits === 'typed') for (const [p, c, v] of TYPED_EDITS) set(p, g.ratingCols[c], v);
  else for (let p = 0; p < 6; p++) for (const c of g.ratingCols) set(p, c, '');
  await wb.xlsx.writeFile(target);
}

/** The grid's ratings in a workbook: person id -> competency id -> cell. */
export async function gridRatings(file: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return Object.fromEntries(readGrid(wb).people.map((p) => [p.id, p.ratings]));
}

const BUILT_IN = 'mit-devops';

/** Every command that writes one file: its arguments with the output path, and the file name it takes. */
interface Writer {
  label: string;
  args: (out: string) => string[];
  ext: string;
  setup?: (f: CaseFolder) => void;
}

const withRoster = (f: CaseFolder) => f.copy(FIXTURES.roster);
const withGrid = (f: CaseFolder) => f.copy(FIXTURES.team);

const WRITERS: Writer[] = [
  { label: 'workbook', args: (o) => ['workbook', '--framework', BUILT_IN, '--out', o], ext: 'xlsx' },
  {
    label: 'workbook --roster',
    args: (o) => ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--out', o],
    ext: 'xlsx',
    setup: withRoster,
  },
  {
    label: 'workbook --calibration',
    args: (o) => ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--calibration', '--out', o],
    ext: 'xlsx',
    setup: withRoster,
  },
  { label: 'calibration', args: (o) => ['calibration', '--grid', FIXTURES.team, '--out', o], ext: 'xlsx', setup: withGrid },
  { label: 'frameworks export json', args: (o) => ['frameworks', 'export', BUILT_IN, '--format', 'json', '--out', o], ext: 'json' },
  { label: 'frameworks export csv', args: (o) => ['frameworks', 'export', BUILT_IN, '--format', 'csv', '--out', o], ext: 'csv' },
  { label: 'frameworks export case', args: (o) => ['frameworks', 'export', BUILT_IN, '--format', 'case', '--out', o], ext: 'json' },
];

/** Commands that write into a folder. */
const FOLDER_WRITERS: { label: string; args: (out: string) => string[]; setup?: (f: CaseFolder) => void; file: string }[] = [
  {
    label: 'cycle split',
    args: (o) => ['cycle', 'split', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--out', o],
    setup: withRoster,
    file: 'master.xlsx',
  },
  {
    label: 'frameworks export csv-tables',
    args: (o) => ['frameworks', 'export', BUILT_IN, '--format', 'csv-tables', '--out', o],
    file: 'targets.csv',
  },
];

const USER_BYTES = 'a file the user made; it must survive\n';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lossCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const w of WRITERS) {
    const out = `mine.${w.ext}`;
    cases.push({
      name: `${w.label}: an existing --out is refused without --force`,
      kind: 'loss',
      args: w.args(out),
      setup: (f) => {
        w.setup?.(f);
        f.write(out, USER_BYTES);
      },
      exit: 1,
      stderr: new RegExp(`${esc(out)} already exists; .*--force`),
    });
    cases.push({
      name: `${w.label}: --force replaces an existing --out, whole`,
      kind: 'loss',
      args: [...w.args(out), '--force'],
      setup: (f) => {
        w.setup?.(f);
        f.write(out, USER_BYTES);
      },
      exit: 0,
      writes: [out],
      stdout: new RegExp(esc(out)),
    });
  }
  for (const w of FOLDER_WRITERS) {
    cases.push({
      name: `${w.label}: a file already in the --out folder is refused without --force`,
      kind: 'loss',
      args: w.args('out'),
      setup: (f) => {
        w.setup?.(f);
        f.folder('out');
        f.write(`out/${w.file}`, USER_BYTES);
      },
      exit: 1,
      stderr: /already exist.*--force/,
    });
    cases.push({
      name: `${w.label}: --force replaces the files in the --out folder and leaves the others`,
      kind: 'loss',
      args: [...w.args('out'), '--force'],
      setup: (f) => {
        w.setup?.(f);
        f.folder('out');
        f.write(`out/${w.file}`, USER_BYTES);
        f.write('out/notes.txt', USER_BYTES);
      },
      exit: 0,
      writes: [`out/${w.file}`, 'out/*'],
    });
  }
  cases.push(
    {
      name: 'calibration: --out naming the grid itself is refused without --force',
      kind: 'loss',
      args: ['calibration', '--grid', FIXTURES.team, '--out', FIXTURES.team],
      setup: withGrid,
      exit: 1,
      stderr: /team\.xlsx already exists; .*--force/,
    },
    {
      name: 'workbook --into with an --out that exists is refused without --force',
      kind: 'loss',
      args: ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--into', FIXTURES.team, '--out', 'other.xlsx'],
      setup: (f) => {
        withRoster(f);
        withGrid(f);
        f.write('other.xlsx', USER_BYTES);
      },
      exit: 1,
      stderr: /other\.xlsx already exists/,
    },
    {
      name: 'workbook without --out refuses to replace the default file name',
      kind: 'loss',
      args: ['workbook', '--framework', BUILT_IN],
      setup: (f) => f.write(`${BUILT_IN}.xlsx`, USER_BYTES),
      exit: 1,
      stderr: /mit-devops\.xlsx already exists/,
    },
  );
  return cases;
}

function fsCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const w of WRITERS) {
    const name = `out.${w.ext}`;
    cases.push(
      {
        name: `${w.label}: --out in a folder that does not exist`,
        kind: 'fs',
        args: w.args(`nofolder/${name}`),
        setup: w.setup,
        exit: 1,
        stderr: new RegExp(`cannot write nofolder/${esc(name)}: the folder nofolder does not exist`),
      },
      {
        name: `${w.label}: --out is a folder`,
        kind: 'fs',
        args: [...w.args(name), '--force'],
        setup: (f) => {
          w.setup?.(f);
          f.folder(name);
        },
        exit: 1,
        stderr: new RegExp(`cannot write ${esc(name)}: it is a folder`),
      },
      {
        name: `${w.label}: --out under a file, as if it were a folder`,
        kind: 'fs',
        args: w.args(`plain.txt/${name}`),
        setup: (f) => {
          w.setup?.(f);
          f.write('plain.txt', USER_BYTES);
        },
        exit: 1,
        stderr: /cannot write plain\.txt\/.*plain\.txt is a file, not a folder/,
      },
      {
        name: `${w.label}: --force over an immutable file`,
        kind: 'fs',
        needs: 'chattr',
        args: [...w.args(name), '--force'],
        setup: (f) => {
          w.setup?.(f);
          f.write(name, USER_BYTES);
          f.immutable(name);
        },
        exit: 1,
        stderr: new RegExp(`cannot write ${esc(name)}: the operating system does not allow it`),
      },
      {
        name: `${w.label}: --out in an immutable folder`,
        kind: 'fs',
        needs: 'chattr',
        args: w.args(`locked/${name}`),
        setup: (f) => {
          w.setup?.(f);
          f.folder('locked');
          f.immutable('locked');
        },
        exit: 1,
        stderr: new RegExp(`cannot write locked/${esc(name)}: the operating system does not allow it`),
      },
      {
        name: `${w.label}: --out on a read-only file system`,
        kind: 'fs',
        needs: 'read-only-mount',
        args: w.args(name),
        setup: w.setup,
        exit: 1,
        stderr: new RegExp(`cannot write ${esc(name)}: the file system is read-only`),
      },
      {
        name: `${w.label}: --force over a read-only file (an ordinary user)`,
        kind: 'fs',
        needs: 'unprivileged-user',
        args: [...w.args(name), '--force'],
        setup: (f) => {
          w.setup?.(f);
          f.write(name, USER_BYTES);
          f.chmod(name, 0o444);
        },
        exit: 1,
        stderr: new RegExp(`cannot write ${esc(name)}: the file is read-only`),
      },
      {
        name: `${w.label}: --out in a folder the user may not write (an ordinary user)`,
        kind: 'fs',
        needs: 'unprivileged-user',
        args: w.args(`shut/${name}`),
        setup: (f) => {
          w.setup?.(f);
          f.folder('shut');
          f.chmod('shut', 0o555);
        },
        exit: 1,
        stderr: new RegExp(`cannot write shut/${esc(name)}: permission denied`),
      },
    );
  }
  const split = FOLDER_WRITERS[0];
  const tables = FOLDER_WRITERS[1];
  cases.push(
    {
      name: 'cycle split: --out is a file',
      kind: 'fs',
      args: split.args('plain.txt'),
      setup: (f) => {
        split.setup?.(f);
        f.write('plain.txt', USER_BYTES);
      },
      exit: 1,
      stderr: /plain\.txt: cannot make the folder: a file has that name/,
    },
    {
      name: 'frameworks export csv-tables: --out is a file',
      kind: 'fs',
      args: tables.args('plain.txt'),
      setup: (f) => f.write('plain.txt', USER_BYTES),
      exit: 1,
      stderr: /plain\.txt: cannot make the folder: a file has that name/,
    },
    {
      name: 'cycle split: --out inside an immutable folder',
      kind: 'fs',
      needs: 'chattr',
      args: split.args('locked/cycle'),
      setup: (f) => {
        split.setup?.(f);
        f.folder('locked');
        f.immutable('locked');
      },
      exit: 1,
      stderr: /cannot make the folder locked\/cycle: the operating system does not allow it/,
    },
    {
      name: 'cycle split: on a read-only file system',
      kind: 'fs',
      needs: 'read-only-mount',
      args: split.args('cycle'),
      setup: split.setup,
      exit: 1,
      stderr: /cannot make the folder cycle: the file system is read-only/,
    },
    {
      name: 'workbook --into an immutable workbook',
      kind: 'fs',
      needs: 'chattr',
      args: ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--into', FIXTURES.team],
      setup: (f) => {
        withRoster(f);
        withGrid(f);
        f.immutable(FIXTURES.team);
      },
      exit: 1,
      stderr: /cannot write team\.xlsx: the operating system does not allow it/,
    },
    {
      name: 'workbook --into on a read-only file system',
      kind: 'fs',
      needs: 'read-only-mount',
      args: ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--into', FIXTURES.team],
      setup: (f) => {
        withRoster(f);
        withGrid(f);
      },
      exit: 1,
      stderr: /cannot write team\.xlsx: the file system is read-only/,
    },
    {
      name: 'cycle collect into an immutable master',
      kind: 'fs',
      needs: 'chattr',
      args: ['cycle', 'collect', FIXTURES.cycle, '--into', `${FIXTURES.cycle}/master.xlsx`],
      setup: (f) => {
        f.copy(FIXTURES.cycle);
        f.immutable(`${FIXTURES.cycle}/master.xlsx`);
      },
      exit: 1,
      stderr: /cannot write cycle\/master\.xlsx: the operating system does not allow it/,
    },
    {
      name: 'cycle collect on a read-only file system',
      kind: 'fs',
      needs: 'read-only-mount',
      args: ['cycle', 'collect', FIXTURES.cycle, '--into', `${FIXTURES.cycle}/master.xlsx`],
      setup: (f) => f.copy(FIXTURES.cycle),
      exit: 1,
      stderr: /cannot write cycle\/master\.xlsx: the file system is read-only/,
    },
  );
  return cases;
}

/** Every input a command reads, as [label, args with the input at INPUT, the word the refusal uses, setup]. */
const READERS: [string, (input: string) => string[], string, ((f: CaseFolder) => void)?][] = [
  ['workbook --roster', (i) => ['workbook', '--framework', BUILT_IN, '--roster', i, '--out', 'x.xlsx'], 'roster file'],
  ['workbook --framework', (i) => ['workbook', '--framework', i, '--out', 'x.xlsx'], 'file'],
  ['workbook --into', (i) => ['workbook', '--framework', BUILT_IN, '--into', i], 'workbook file'],
  ['frameworks show', (i) => ['frameworks', 'show', i], 'file'],
  ['frameworks import', (i) => ['frameworks', 'import', i], 'file'],
  ['frameworks export', (i) => ['frameworks', 'export', i, '--format', 'json'], 'file'],
  ['targets', (i) => ['targets', i], 'file'],
  ['levels', (i) => ['levels', i], 'file'],
  ['calibration --grid', (i) => ['calibration', '--grid', i, '--out', 'p.xlsx'], 'grid file'],
  [
    'calibration --snapshot',
    (i) => ['calibration', '--grid', FIXTURES.team, '--snapshot', i, '--out', 'p.xlsx'],
    'snapshot file',
    withGrid,
  ],
  ['cycle split --roster', (i) => ['cycle', 'split', '--framework', BUILT_IN, '--roster', i, '--out', 'c'], 'roster file'],
  ['cycle split --framework', (i) => ['cycle', 'split', '--framework', i, '--roster', FIXTURES.roster, '--out', 'c'], 'file', withRoster],
  ['cycle collect --into', (i) => ['cycle', 'collect', FIXTURES.cycle, '--into', i], 'master workbook', (f) => f.copy(FIXTURES.cycle)],
];

function notAFileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [label, args, what, setup] of READERS) {
    // Workbook inputs are named .xlsx so the reader that would read them is the one asked.
    const xlsx = /--into|--grid|--snapshot|collect/.test(label);
    const pipe = xlsx ? 'pipe.xlsx' : label.includes('roster') ? 'pipe.csv' : 'pipe.json';
    cases.push({
      name: `${label}: a named pipe is refused before it is opened (no hang)`,
      kind: 'not-a-file',
      args: args(pipe),
      setup: (f) => {
        setup?.(f);
        f.fifo(pipe);
      },
      exit: 1,
      stderr: new RegExp(`${esc(pipe)}: is a named pipe, not a ${what}`),
    });
    const missing = xlsx ? 'nope.xlsx' : label.includes('roster') ? 'nope.csv' : './nope.json';
    cases.push({
      name: `${label}: a path that does not exist`,
      kind: 'not-a-file',
      args: args(missing),
      setup,
      exit: 1,
      stderr: new RegExp(`${esc(missing)}.*(no such|does not exist|no workbook)`),
    });
  }
  for (const [label, args, what, setup] of READERS.filter(([l]) => /roster|--grid|--into|--snapshot/.test(l))) {
    const folder = label.includes('roster') ? 'folder.csv' : 'folder.xlsx';
    cases.push({
      name: `${label}: a folder where a file is expected`,
      kind: 'not-a-file',
      args: args(folder),
      setup: (f) => {
        setup?.(f);
        f.folder(folder);
      },
      exit: 1,
      stderr: new RegExp(`${esc(folder)}: is a folder, not a ${what}`),
    });
  }
  cases.push(
    {
      name: 'workbook --roster /dev/null: a device, not a roster',
      kind: 'not-a-file',
      args: ['workbook', '--framework', BUILT_IN, '--roster', '/dev/null', '--out', 'x.xlsx'],
      exit: 1,
      stderr: /\/dev\/null: is a device, not a roster file/,
    },
    {
      name: 'frameworks import: a folder of tables with a named pipe among them',
      kind: 'not-a-file',
      args: ['frameworks', 'import', FIXTURES.tables],
      setup: (f) => {
        f.copy(FIXTURES.tables);
        f.fifo(`${FIXTURES.tables}/extra.csv`);
      },
      exit: 1,
      stderr: /tables\/extra\.csv: is a named pipe/,
    },
    {
      name: 'cycle collect: a named pipe among the returns is reported, the rest collected',
      kind: 'not-a-file',
      args: ['cycle', 'collect', FIXTURES.cycle, 'pipe.xlsx', '--into', `${FIXTURES.cycle}/master.xlsx`, '--dry-run'],
      setup: (f) => {
        f.copy(FIXTURES.cycle);
        f.fifo('pipe.xlsx');
      },
      exit: 0,
      stdout: /Refused: 1 file[\s\S]*pipe\.xlsx.*is a named pipe/,
    },
    {
      name: 'cycle collect: a returns folder that does not exist',
      kind: 'not-a-file',
      args: ['cycle', 'collect', 'returns', '--into', `${FIXTURES.cycle}/master.xlsx`],
      setup: (f) => f.copy(FIXTURES.cycle),
      exit: 1,
      stderr: /returns: no such file or folder/,
    },
    {
      name: 'workbook --roster a file the user may not read (an ordinary user)',
      kind: 'not-a-file',
      needs: 'unprivileged-user',
      args: ['workbook', '--framework', BUILT_IN, '--roster', FIXTURES.roster, '--out', 'x.xlsx'],
      setup: (f) => {
        withRoster(f);
        f.chmod(FIXTURES.roster, 0o000);
      },
      exit: 1,
      stderr: /cannot read roster\.csv: permission denied/,
    },
    {
      name: 'calibration --grid a file the user may not read (an ordinary user)',
      kind: 'not-a-file',
      needs: 'unprivileged-user',
      args: ['calibration', '--grid', FIXTURES.team, '--out', 'p.xlsx'],
      setup: (f) => {
        withGrid(f);
        f.chmod(FIXTURES.team, 0o000);
      },
      exit: 1,
      stderr: /cannot read team\.xlsx: permission denied/,
    },
    {
      name: 'frameworks show a file the user may not read (an ordinary user)',
      kind: 'not-a-file',
      needs: 'unprivileged-user',
      args: ['frameworks', 'show', FIXTURES.json],
      setup: (f) => {
        f.copy(FIXTURES.json);
        f.chmod(FIXTURES.json, 0o000);
      },
      exit: 1,
      stderr: /cannot read fw\.json: permission denied/,
    },
    {
      name: 'frameworks import a folder the user may not list (an ordinary user)',
      kind: 'not-a-file',
      needs: 'unprivileged-user',
      args: ['frameworks', 'import', FIXTURES.tables],
      setup: (f) => {
        f.copy(FIXTURES.tables);
        f.chmod(FIXTURES.tables, 0o000);
      },
      exit: 1,
      stderr: /tables.*permission denied/,
    },
  );
  return cases;
}

function idCases(): HostileCase[] {
  const into =
    (roster: string): HostileCase['setup'] =>
    (f) => {
      withGrid(f);
      f.write('roster2.csv', roster);
    };
  const cases: HostileCase[] = [
    {
      name: 'roster: "E001" and " e001 " are one person, a duplicate',
      kind: 'ids',
      args: ['workbook', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'x.xlsx'],
      setup: (f) => f.write('r.csv', `${ROSTER} e001 ,Eve,DevOps Engineer I,,,\n`),
      exit: 1,
      stderr: /r\.csv: row 5: id "e001" is already used on row 2/,
    },
    {
      name: 'roster: a full-width "Ｅ００１" is E001, a duplicate',
      kind: 'ids',
      args: ['workbook', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'x.xlsx'],
      setup: (f) => f.write('r.csv', `${ROSTER}Ｅ００１,Eve,DevOps Engineer I,,,\n`),
      exit: 1,
      stderr: /row 5: id "Ｅ００１" is already used on row 2/,
    },
    {
      name: 'cycle split: "M1" and " m1" are one person, a duplicate',
      kind: 'ids',
      args: ['cycle', 'split', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'c'],
      setup: (f) => f.write('r.csv', `${ROSTER} m1,Mia,DevOps Engineer I,,,\n`),
      exit: 1,
      stderr: /r\.csv: row 5: id "m1" is already used on row 4/,
    },
  ];
  const variants: [string, (id: string) => string][] = [
    ['lower case with spaces', (id) => ` ${id.toLowerCase()} `],
    ['full-width', (id) => id.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['lower case', (id) => id.toLowerCase()],
  ];
  for (const [label, spell] of variants) {
    cases.push({
      name: `workbook --into: roster ids ${label} find the grid's people and keep their ratings`,
      kind: 'ids',
      args: ['workbook', '--framework', BUILT_IN, '--roster', 'roster2.csv', '--into', FIXTURES.team],
      setup: into(ROSTER.replace(/^(E001|E002|M1),/gm, (_, id: string) => `${spell(id)},`)),
      exit: 0,
      writes: [FIXTURES.team],
      stdout: /ratings kept: 5\n(?![\s\S]*could not be placed)/,
      check: async (f) => {
        const ratings = await gridRatings(f.path(FIXTURES.team));
        expect(Object.values(ratings).map((r) => [r.adaptability, r.teamwork])).toEqual([
          ['B', 'I'],
          ['I', null],
          ['A', 'A'],
        ]);
      },
    });
  }
  return cases;
}

function typedCases(): HostileCase[] {
  const rebuild = (grid: string, roster: string): string[] => ['workbook', '--framework', BUILT_IN, '--roster', roster, '--into', grid];
  return [
    {
      name: 'workbook --into: an N/A, a cleared cell and a different level typed in the grid win over the roster',
      kind: 'typed',
      args: rebuild(FIXTURES.typed, FIXTURES.roster),
      setup: (f) => {
        f.copy(FIXTURES.typed);
        withRoster(f);
      },
      exit: 0,
      writes: [FIXTURES.typed],
      stdout:
        /typed in the workbook and kept over the roster file: 3 cells differ[^\n]*\n {4}E001 \/ Adaptability: workbook "N\/A", roster "B"\n {4}E002 \/ Adaptability: workbook blank \(cleared\), roster "I"\n {4}M1 \/ Teamwork: workbook "E", roster "A"\n/,
      check: async (f) => {
        const r = await gridRatings(f.path(FIXTURES.typed));
        expect([r.E001.adaptability, r.E002.adaptability, r.M1.teamwork, r.E001.teamwork]).toEqual(['N/A', null, 'E', 'I']);
      },
    },
    {
      name: 'workbook --into: typed cells win a second rebuild too',
      kind: 'typed',
      args: rebuild(FIXTURES.typed, FIXTURES.roster),
      setup: (f) => {
        f.copy(FIXTURES.typed);
        withRoster(f);
      },
      exit: 0,
      writes: [FIXTURES.typed],
      check: async (f, first) => {
        expect(first.stdout).toMatch(/3 cells differ/);
        const { spawnSync } = await import('child_process');
        const again = spawnSync(
          process.execPath,
          [require.resolve('../../bin/competency-matrix.js'), ...rebuild(FIXTURES.typed, FIXTURES.roster)],
          {
            cwd: f.dir,
            encoding: 'utf8',
          },
        );
        expect(again.status).toBe(0);
        const r = await gridRatings(f.path(FIXTURES.typed));
        expect([r.E001.adaptability, r.E002.adaptability, r.M1.teamwork]).toEqual(['N/A', null, 'E']);
      },
    },
    {
      name: 'workbook --into: 54 cleared cells are counted, five shown',
      kind: 'typed',
      args: rebuild(FIXTURES.cleared, FIXTURES.fullRoster),
      setup: (f) => {
        f.copy(FIXTURES.cleared);
        f.copy(FIXTURES.fullRoster);
      },
      exit: 0,
      writes: [FIXTURES.cleared],
      stdout: /54 cells differ[^\n]*\n( {4}P\d \/ [^\n]+: workbook blank \(cleared\), roster "I"\n){5} {4}… and 49 more\n/,
      check: async (f, run) => {
        expect(run.stdout.split('\n').length).toBeLessThan(30);
        const r = await gridRatings(f.path(FIXTURES.cleared));
        expect(Object.values(r).flatMap((p) => Object.values(p).filter((v) => v !== null))).toEqual([]);
      },
    },
    {
      name: 'workbook --into without a roster keeps the typed cells as they are, with nothing to disagree with',
      kind: 'typed',
      args: ['workbook', '--framework', BUILT_IN, '--into', FIXTURES.typed],
      setup: (f) => f.copy(FIXTURES.typed),
      exit: 0,
      writes: [FIXTURES.typed],
      stdout: /ratings kept: 4\n(?![\s\S]*differ)/,
      check: async (f) => {
        const r = await gridRatings(f.path(FIXTURES.typed));
        expect([r.E001.adaptability, r.E002.adaptability, r.M1.teamwork]).toEqual(['N/A', null, 'E']);
      },
    },
    {
      name: 'workbook --into: a roster that agrees with the grid reports no disagreement',
      kind: 'typed',
      args: rebuild(FIXTURES.team, FIXTURES.roster),
      setup: (f) => {
        withGrid(f);
        withRoster(f);
      },
      exit: 0,
      writes: [FIXTURES.team],
      stdout: /ratings kept: 5\n(?![\s\S]*differ)/,
    },
  ];
}

const WB = ['workbook', '--framework', BUILT_IN, '--out', 'x.xlsx'];

function silentCases(): HostileCase[] {
  const repeated: [string, string[], string][] = [
    [
      'workbook --roster',
      ['workbook', '--framework', BUILT_IN, '--roster', 'a.csv', '--roster', 'b.csv'],
      'workbook: --roster is given twice \\("a.csv" and "b.csv"\\)',
    ],
    ['workbook --framework', ['workbook', '--framework', BUILT_IN, '--framework', 'sre-ladder'], '--framework is given twice'],
    ['workbook --out', [...WB, '--out', 'y.xlsx'], '--out is given twice \\("x.xlsx" and "y.xlsx"\\)'],
    ['workbook --force', [...WB, '--force', '--force'], '--force is given twice'],
    [
      'calibration --grid',
      ['calibration', '--grid', 'a.xlsx', '--grid', 'b.xlsx', '--out', 'p.xlsx'],
      'calibration: --grid is given twice',
    ],
    [
      'calibration --min-group',
      ['calibration', '--grid', 'a.xlsx', '--out', 'p.xlsx', '--min-group', '3', '--min-group', '4'],
      '--min-group is given twice',
    ],
    [
      'cycle split --out',
      ['cycle', 'split', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'a', '--out', 'b'],
      'cycle split: --out is given twice',
    ],
    ['cycle collect --into', ['cycle', 'collect', 'x', '--into', 'a.xlsx', '--into', 'b.xlsx'], 'cycle collect: --into is given twice'],
    [
      'frameworks export --format',
      ['frameworks', 'export', BUILT_IN, '--format', 'csv', '--format', 'json'],
      'frameworks export: --format is given twice',
    ],
    ['frameworks list --format', ['frameworks', 'list', '--format', 'csv', '--format', 'text'], 'frameworks list: --format is given twice'],
    ['targets --format', ['targets', BUILT_IN, '--format', 'csv', '--format', 'text'], 'targets: --format is given twice'],
    ['levels --format', ['levels', BUILT_IN, '--format', 'csv', '--format', 'csv'], 'levels: --format is given twice'],
    [
      'frameworks show --from',
      ['frameworks', 'show', 'f.json', '--from', 'json', '--from', 'csv'],
      'frameworks show: --from is given twice',
    ],
  ];
  const cases: HostileCase[] = repeated.map(([label, args, message]) => ({
    name: `${label} given twice is a usage error, not "the last wins"`,
    kind: 'silent',
    args,
    exit: 2,
    stderr: new RegExp(message),
  }));
  const roster = (text: string) => (f: CaseFolder) => f.write('r.csv', text);
  cases.push(
    {
      name: 'workbook --roster: rows with more cells than the header are named in one warning',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster(
        ROSTER.replace('E001,Ada,DevOps Engineer I,M1,B,I', 'E001,Ada,DevOps Engineer I,M1,B,I,stray').replace(
          'M1,Max,DevOps Engineer IV,,A,A',
          'M1,Max,DevOps Engineer IV,,A,A,x,y',
        ),
      ),
      exit: 0,
      writes: ['x.xlsx'],
      stderr: /warning: r\.csv: rows 2, 4 have more cells than the header row \(row 1\); the cells past the last heading were ignored/,
    },
    {
      name: 'workbook --roster: control characters removed, with a warning naming the row',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster(ROSTER.replace('Bob', 'Bo\u0007b\u001b')),
      exit: 0,
      writes: ['x.xlsx'],
      stderr: /warning: r\.csv: control characters .* were removed from the id, name, role or manager on row 3/,
    },
    {
      name: 'workbook --roster: a cell over Excel’s 32,767 characters is refused, naming row and column',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster(ROSTER.replace('Bob', 'B'.repeat(40000))),
      exit: 1,
      stderr: /r\.csv: row 3, column "name": 40,000 characters, more than the 32,767 an Excel cell holds; shorten it/,
    },
    {
      name: 'cycle split --roster: a cell over Excel’s limit is refused the same way',
      kind: 'silent',
      args: ['cycle', 'split', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'c'],
      setup: roster(ROSTER.replace('M1,Max', `M1,${'M'.repeat(33000)}`)),
      exit: 1,
      stderr: /row 4, column "name": 33,000 characters, more than the 32,767/,
    },
    {
      name: 'frameworks import: a descriptor over Excel’s 32,767 characters is refused, naming where it is',
      kind: 'silent',
      args: ['frameworks', 'import', 'long.json'],
      setup: (f) => {
        f.copy(FIXTURES.json);
        const fw = JSON.parse(fs.readFileSync(f.path(FIXTURES.json), 'utf8'));
        fw.competencies[0].descriptors = { ...fw.competencies[0].descriptors, B: 'x'.repeat(40000) };
        f.write('long.json', JSON.stringify(fw));
      },
      exit: 1,
      stderr: /long\.json.*competencies\[0\]\.descriptors\.B: 40,000 characters, more than the 32,767 an Excel cell holds/,
    },
    {
      name: 'workbook --roster: 5,000 unknown columns give one warning line',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: (f) => {
        const extra = Array.from({ length: 5000 }, (_, i) => `col${i}`);
        f.write('r.csv', `id,name,role,${extra.join(',')}\nE001,Ada,DevOps Engineer I\n`);
      },
      exit: 0,
      writes: ['x.xlsx'],
      stderr: /warning: r\.csv: 5000 columns are not competencies of .* and were ignored: "col0", "col1", "col2", … \(4997 more\)/,
      check: (_f, run) => expect(run.stderr.trim().split('\n')).toHaveLength(1),
    },
    {
      name: 'frameworks import: a set of CSV tables without targets says the grid will have no targets or gaps',
      kind: 'silent',
      args: ['frameworks', 'import', FIXTURES.tables],
      setup: (f) => {
        f.copy(FIXTURES.tables);
        f.write(`${FIXTURES.tables}/targets.csv`, 'competency,role,level\n');
      },
      exit: 0,
      stdout: /\(targets\): the tables give no target levels .*no targets or gaps/,
    },
    {
      name: 'workbook --framework: tables without targets warn on stderr, and the workbook is still written',
      kind: 'silent',
      args: ['workbook', '--framework', FIXTURES.tables, '--roster', FIXTURES.roster, '--out', 'x.xlsx'],
      setup: (f) => {
        f.copy(FIXTURES.tables);
        f.copy(FIXTURES.roster);
        f.write(`${FIXTURES.tables}/targets.csv`, 'competency,role,level\n');
      },
      exit: 0,
      writes: ['x.xlsx'],
      stderr: /warning: \(targets\): the tables give no target levels/,
    },
    {
      name: 'workbook --roster: an empty file is called an empty roster',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster(''),
      exit: 1,
      stderr: /r\.csv: the roster file is empty; give a header row with id, name and role/,
    },
    {
      name: 'workbook --roster: white space only is an empty roster too',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster('\n  \n\n'),
      exit: 1,
      stderr: /r\.csv: the roster file is empty/,
    },
    {
      name: 'workbook --roster: a header and no people',
      kind: 'silent',
      args: [...WB, '--roster', 'r.csv'],
      setup: roster('id,name,role\n'),
      exit: 1,
      stderr: /the roster has a header row but no people/,
    },
    {
      name: 'cycle split --roster: an empty roster in roster terms',
      kind: 'silent',
      args: ['cycle', 'split', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'c'],
      setup: roster(''),
      exit: 1,
      stderr: /the roster file is empty/,
    },
  );
  return cases;
}

/** Every command and sub-command, for --help. */
const HELP_TARGETS: [string[], RegExp][] = [
  [['frameworks'], /frameworks list[\s\S]*frameworks export/],
  [['frameworks', 'list'], /frameworks list/],
  [['frameworks', 'show'], /frameworks show/],
  [['frameworks', 'import'], /frameworks import/],
  [['frameworks', 'export'], /frameworks export .*--force/],
  [['targets'], /targets <id>/],
  [['levels'], /levels <id>/],
  [['workbook'], /workbook --framework[\s\S]*--force/],
  [['calibration'], /calibration --grid[\s\S]*--force/],
  [['cycle'], /cycle split[\s\S]*cycle collect/],
  [['cycle', 'split'], /cycle split/],
  [['cycle', 'collect'], /cycle collect/],
];

function vagueCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [command, usage] of HELP_TARGETS) {
    for (const flag of ['--help', '-h']) {
      cases.push({
        name: `${command.join(' ')} ${flag} prints its usage`,
        kind: 'vague',
        args: [...command, flag],
        exit: 0,
        stdout: new RegExp(`^Usage:\\n[\\s\\S]*${usage.source}`),
      });
    }
  }
  cases.push(
    {
      name: 'workbook --help after other options still prints the usage, and writes nothing',
      kind: 'vague',
      args: [...WB, '--help'],
      exit: 0,
      stdout: /^Usage:\n {2}workbook --framework/,
    },
    { name: 'no command at all prints the usage, exit 2', kind: 'vague', args: [], exit: 2, stdout: /Commands:/ },
    { name: '--help prints the usage', kind: 'vague', args: ['--help'], exit: 0, stdout: /Commands:/ },
  );
  const numbers: [string, RegExp][] = [
    ['-3', /--min-group needs a whole number from 1 to 1000, not "-3", e\.g\. --min-group 4/],
    ['0', /--min-group needs a whole number from 1 to 1000, not "0"/],
    ['2.5', /--min-group needs a whole number from 1 to 1000, not "2\.5"/],
    ['four', /--min-group needs a whole number from 1 to 1000, not "four"/],
    ['99999', /--min-group needs a whole number from 1 to 1000, not "99999"/],
    ['-0.5', /--min-group needs a whole number from 1 to 1000, not "-0\.5"/],
  ];
  for (const [value, message] of numbers) {
    cases.push({
      name: `calibration --min-group ${value} is checked in the user's words`,
      kind: 'vague',
      args: ['calibration', '--grid', FIXTURES.team, '--out', 'p.xlsx', '--min-group', value],
      setup: withGrid,
      exit: 2,
      stderr: message,
    });
  }
  cases.push(
    {
      name: 'calibration --min-group=-3 is the same message',
      kind: 'vague',
      args: ['calibration', '--grid', FIXTURES.team, '--out', 'p.xlsx', '--min-group=-3'],
      setup: withGrid,
      exit: 2,
      stderr: /--min-group needs a whole number from 1 to 1000, not "-3"/,
    },
    {
      name: 'an option missing its value at the end of the line',
      kind: 'vague',
      args: ['workbook', '--framework', BUILT_IN, '--roster'],
      exit: 2,
      stderr: /workbook: --roster needs a value after it/,
    },
    {
      name: 'an option whose value is the next option',
      kind: 'vague',
      args: ['workbook', '--framework', BUILT_IN, '--out', '--force'],
      exit: 2,
      stderr: /workbook: --out needs a value, and "--force" is the next option/,
    },
    {
      name: 'cycle split --cycle followed by an option',
      kind: 'vague',
      args: ['cycle', 'split', '--framework', BUILT_IN, '--roster', 'r.csv', '--out', 'c', '--cycle', '--self'],
      exit: 2,
      stderr: /cycle split: --cycle needs a value, and "--self" is the next option/,
    },
    {
      name: 'a misspelt option points to --help',
      kind: 'vague',
      args: ['workbook', '--framework', BUILT_IN, '--rooster', 'r.csv'],
      exit: 2,
      stderr: /workbook: unknown option --rooster; run competency-matrix workbook --help for the options/,
    },
    {
      name: 'calibration: a misspelt option points to --help',
      kind: 'vague',
      args: ['calibration', '--grid', 'g.xlsx', '--output', 'p.xlsx'],
      exit: 2,
      stderr: /calibration: unknown option --output; run competency-matrix calibration --help/,
    },
    {
      name: 'a switch given a value',
      kind: 'vague',
      args: [...WB, '--force=yes'],
      exit: 2,
      stderr: /workbook: --force is a switch and takes no value/,
    },
    {
      name: 'an unknown command',
      kind: 'vague',
      args: ['wokrbook'],
      exit: 2,
      stderr: /unknown command "wokrbook"; run competency-matrix --help/,
    },
    {
      name: 'an unknown frameworks sub-command',
      kind: 'vague',
      args: ['frameworks', 'lsit'],
      exit: 2,
      stderr: /frameworks: unknown subcommand "lsit"; use list, show, import or export/,
    },
    { name: 'an unknown cycle step', kind: 'vague', args: ['cycle', 'spilt'], exit: 2, stderr: /cycle: unknown step "spilt"/ },
    {
      name: 'a --format that is not one of the formats',
      kind: 'vague',
      args: ['frameworks', 'export', BUILT_IN, '--format', 'xml'],
      exit: 2,
      stderr: /--format must be json or csv or csv-tables or case, not "xml"/,
    },
    {
      name: 'an unknown framework id names the built-in ones',
      kind: 'vague',
      args: ['targets', 'mit-devop'],
      exit: 1,
      stderr: /mit-devop.*mit-devops/,
    },
    {
      name: 'workbook --out that is not an .xlsx',
      kind: 'vague',
      args: ['workbook', '--framework', BUILT_IN, '--out', 'team.xls'],
      exit: 2,
      stderr: /--out must name an \.xlsx file, not "team\.xls"/,
    },
  );
  return cases;
}

export const HOSTILE_CASES: HostileCase[] = [
  ...lossCases(),
  ...typedCases(),
  ...fsCases(),
  ...notAFileCases(),
  ...idCases(),
  ...silentCases(),
  ...vagueCases(),
];
