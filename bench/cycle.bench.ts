/**
 * The assessment cycle at an organisation's size: 50,000 people under 2,500
 * managers, the MIT framework's 9 competencies.
 *
 * - split: the master plus 2,500 protected team files (plans, streamed
 *   ExcelJS writes, registries with the cycle records), each written to a
 *   file in a temporary folder and dropped, as the command does, against
 *   writing the same 50,000 people as one workbook the workbook command's
 *   way, in the same run. Goal: at most 2x, peak memory (RSS) at most 1 GB.
 * - collect: reading the 2,500 returns from that folder and merging them into
 *   the master as the command does (open the master, read it, open each
 *   return with the streaming reader, read its grid and identity, core's
 *   merge), against reading the same ratings from one workbook (open the
 *   one-workbook file and read its grid, with ExcelJS as the master is opened,
 *   and, reported beside it, with the streaming reader). Goal: at most 2x.
 *   Writing the merged master back
 *   is reported on its own line: it is a whole-workbook write, as large as
 *   the baseline of the split.
 *
 * - a password to open (`--encrypt`): encrypting and then opening a sample
 *   of the team files, per file, against writing one: no goal, the cost is
 *   the 100,000 SHA-512 rounds Excel's encryption asks for on purpose.
 *
 * Times are CPU time (user + system) of this process: the machine is shared.
 * BENCH_CYCLE_PEOPLE scales it down for a quick look (managers stay 1 in 20).
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Writable } from 'stream';
import { consume, peakRssMb, type BenchResult } from './harness';
import { builtIn } from '../src/core/frameworks/library';
import type { Roster, RosterPerson } from '../src/core/roster';
import type { ScaleLevel } from '../src/core/framework/schema';
import { workbookLayout } from '../src/core/layouts/workbook';
import { writePlanStream } from '../src/xlsx/renderPlan';
import { registryFor, streamRegistry } from '../src/xlsx/workbookRegistry';
import { planSplit } from '../src/core/cycle/splitCycle';
import { cycleWorkbookPlan } from '../src/core/cycle/cycleWorkbook';
import { openCycleWorkbook, openReturnedWorkbook, writeCycleWorkbook } from '../src/xlsx/cycleWorkbookFile';
import { readReturnedFile } from '../src/xlsx/cycleReturns';
import { applyCollectPlan, readMaster } from '../src/xlsx/cycleMaster';
import { readGrid, readGridFrom } from '../src/xlsx/readGrid';
import { openWorkbook } from '../src/xlsx/readWorkbook';
import { COMMENT_FIELD, mergeReturns, type CellValue } from '../src/core/cycle/merge';
import { decryptWorkbook, encryptWorkbook } from '../src/xlsx/workbookEncryption';

/** Team files encrypted and opened for the per-file figure. */
const ENCRYPTED_SAMPLE = 20;

const PEOPLE = Number(process.env.BENCH_CYCLE_PEOPLE ?? 50_000);
const MANAGERS = Math.round(PEOPLE / 20);
const GOAL = 2;
const MEMORY_GOAL_MB = 1024;
const model = builtIn('mit-devops');

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 2,500 managers and 47,500 people, every manager with 19 direct reports; a mix of ratings, some not rated. */
function organisation(): Roster {
  const random = seeded(7);
  const people: RosterPerson[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const ratings = new Map<string, ScaleLevel>();
    for (const c of model.competencies) if (random() > 0.15) ratings.set(c.id, model.scaleOf(c).levels[Math.floor(random() * 5)]);
    people.push({
      id: `E${String(i + 1).padStart(6, '0')}`,
      name: `Person ${i + 1}`,
      role: model.roles[i % model.roles.length],
      manager: i < MANAGERS ? '' : `E${String(1 + (i % MANAGERS)).padStart(6, '0')}`,
      row: i + 2,
      ratings,
    });
  }
  return { people, ratedCompetencies: [...model.competencies], warnings: [], managerBy: 'id' };
}

async function cpuTime<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

/** The workbook command's way of writing a new workbook: one plan, streamed, with its registry. */
async function oneWorkbook(roster: Roster): Promise<Buffer> {
  const { plan } = workbookLayout(model, { roster });
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePlanStream(plan, sink, {
    extra: (book, r) =>
      streamRegistry(
        book,
        registryFor(
          r,
          plan.title,
          plan.names.map((n) => n.name),
        ),
      ),
  });
  return Buffer.concat(chunks);
}

/** What cycle split does once the roster is parsed: the master and every team file, each written to a file in `folder` and dropped. */
async function split(roster: Roster, folder: string): Promise<{ master: string; files: { name: string; path: string }[]; bytes: number }> {
  const s = planSplit(model, roster, { cycleId: 'bench', label: 'Bench', writtenAt: '2026-01-01T00:00:00Z' });
  const master = path.join(folder, 'master.xlsx');
  let bytes = 0;
  const write = async (file: string, content: Buffer) => {
    bytes += content.length;
    await fs.writeFile(file, content);
  };
  await write(master, await writeCycleWorkbook(cycleWorkbookPlan(model, roster, { kind: 'master' }).plan, s.records));
  const files: { name: string; path: string }[] = [];
  for (const f of s.files) {
    const { plan } = cycleWorkbookPlan(model, f.roster, { kind: f.kind });
    const file = { name: f.fileName, path: path.join(folder, f.fileName) };
    await write(file.path, await writeCycleWorkbook(plan, { identity: f.identity, issued: [], returned: [], provenance: [] }));
    files.push(file);
  }
  return { master, files, bytes };
}

const canonical = (field: string, value: CellValue): string | null | undefined => {
  if (field === COMMENT_FIELD) return String(value).trim() || null;
  const level = model.scaleOf(model.competency(field)).tryParse(value);
  return level === undefined ? undefined : level ? level.code : null;
};

export async function run(): Promise<BenchResult[]> {
  const roster = organisation();
  const results: BenchResult[] = [];
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-bench-'));
  try {
    return await measure(roster, folder, results);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

async function measure(roster: Roster, folder: string, results: BenchResult[]): Promise<BenchResult[]> {
  const splitRun = await cpuTime(() => split(roster, folder));
  const peakSplit = peakRssMb();
  const base = await cpuTime(() => oneWorkbook(roster));
  const { files } = splitRun.value;
  const masterBytes = (await fs.stat(splitRun.value.master)).size;
  results.push({
    name: `cycle split: ${PEOPLE.toLocaleString('en')} people under ${MANAGERS.toLocaleString('en')} managers (master ${(masterBytes / 1e6).toFixed(1)} MB + ${files.length} team files, ${((splitRun.value.bytes - masterBytes) / 1e6).toFixed(0)} MB), CPU time`,
    value: splitRun.ms,
    unit: 'ms',
    baseline: base.ms,
    ratio: splitRun.ms / base.ms,
    goal: `ratio <= ${GOAL} (baseline: the same people as one workbook, written the workbook command's way)`,
    pass: splitRun.ms / base.ms <= GOAL,
  });
  results.push({
    name: 'peak memory (RSS) during cycle split',
    value: peakSplit,
    unit: 'MB',
    goal: `<= ${MEMORY_GOAL_MB}`,
    pass: peakSplit <= MEMORY_GOAL_MB,
  });

  // Collect: every team file comes back (as written: the roster's ratings are in them).
  const oneFile = base.value;
  const read = await cpuTime(async () => readGrid(await openCycleWorkbook(oneFile, 'one.xlsx')).people.length);
  const streamed = await cpuTime(async () => (await readGridFrom(await openWorkbook(oneFile, 'one.xlsx'))).people.length);
  const merged = await cpuTime(async () => {
    const book = await openCycleWorkbook(await fs.readFile(splitRun.value.master), 'master.xlsx');
    const open = readMaster(book, 'master.xlsx');
    const returns = [];
    for (const f of files) returns.push(await readReturnedFile(await openReturnedWorkbook(await fs.readFile(f.path), f.name), f.name));
    const plan = mergeReturns(open.state, returns, { collectedAt: '2026-01-02T00:00:00Z', canonical });
    return { book, open, plan };
  });
  const { book, open, plan } = merged.value;
  if (plan.conflicts.length || plan.notPlaced.length || plan.missing.length) throw new Error('bench: the returns should merge cleanly');
  results.push({
    name: `cycle collect: ${files.length} returns read and merged (${plan.unchanged.toLocaleString('en')} ratings checked against the master), CPU time`,
    value: merged.ms,
    unit: 'ms',
    baseline: read.ms,
    ratio: merged.ms / read.ms,
    goal: `ratio <= ${GOAL} (baseline: reading the same ratings from one workbook, opened with ExcelJS as the master is)`,
    pass: merged.ms / read.ms <= GOAL,
  });
  results.push({
    name: 'cycle collect: the same, against reading the one workbook with the streaming reader, CPU time',
    value: merged.ms,
    unit: 'ms',
    baseline: streamed.ms,
    ratio: merged.ms / streamed.ms,
  });
  const write = await cpuTime(async () => {
    applyCollectPlan(book, open, plan);
    return Buffer.from(await book.xlsx.writeBuffer());
  });
  consume(write.value);
  results.push({
    name: 'cycle collect: writing the merged master back (report sheet, registry), CPU time',
    value: write.ms,
    unit: 'ms',
    baseline: base.ms,
    ratio: write.ms / base.ms,
  });
  results.push({ name: 'peak memory (RSS) after collect', value: peakRssMb(), unit: 'MB' });

  // A password to open: per file, against writing the file (the split's own cost per file).
  const sample = await Promise.all(files.slice(0, ENCRYPTED_SAMPLE).map(async (f) => ({ name: f.name, bytes: await fs.readFile(f.path) })));
  const perFileWrite = splitRun.ms / (files.length + 1);
  const sealed = await cpuTime(async () => sample.map((f) => encryptWorkbook(f.bytes, 'bench-Password-1')));
  const opened = await cpuTime(async () => {
    for (const [i, bytes] of sealed.value.entries()) consume(await decryptWorkbook(bytes, 'bench-Password-1', sample[i].name));
  });
  results.push({
    name: `cycle split --encrypt: encrypting a team file (${sample.length} files), CPU time per file`,
    value: sealed.ms / sample.length,
    unit: 'ms',
    baseline: perFileWrite,
    ratio: sealed.ms / sample.length / perFileWrite,
  });
  results.push({
    name: `cycle collect --passwords: opening an encrypted return (${sample.length} files), CPU time per file`,
    value: opened.ms / sample.length,
    unit: 'ms',
    baseline: perFileWrite,
    ratio: opened.ms / sample.length / perFileWrite,
  });
  return results;
}
