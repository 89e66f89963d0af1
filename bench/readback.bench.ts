/**
 * Everything the product writes, it reads back, at any size: for a grid of
 * 50,000 people x 9 competencies (mit-devops) and one of 5,000 x 40, each
 * command runs in a child process of its own (the compiled CLI, lib/), with
 * wall time and peak memory (maxRSS, from the child's own resource usage):
 * `workbook` writing the grid, `workbook --into` rebuilding it,
 * `calibration --grid` adding the pack, and `frameworks import` reading the
 * framework back from the workbook. Goals (issue 12): every read at most 2x
 * the time of writing the same workbook; for 50,000 people, peak memory at
 * most 1.5 GB and at most 2x the writer's own peak.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { BenchResult } from './harness';
import { builtIn } from '../src/core/frameworks/library';
import type { FrameworkModel } from '../src/core/framework/model';
import { generatedRoster, rosterCsv } from '../tests/xlsx/support/rosters';
import { benchFramework } from './workbook.bench';

const ROOT = path.join(__dirname, '..');
const READ_TIME_GOAL = 2;
const PEAK_MB_GOAL = 1500;
const PEAK_RATIO_GOAL = 2;

/** Runs the CLI in a child; its own peak RSS is written to a file as it exits. */
function runCli(args: string[], cwd: string): { ms: number; peakMb: number; stderr: string } {
  const usage = path.join(cwd, 'usage.json');
  const script =
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));` +
    `process.argv.splice(1, 0, 'competency-matrix'); require(${JSON.stringify(path.join(ROOT, 'bin/competency-matrix.js'))});`;
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--max-old-space-size=6144', '-e', script, ...args], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`competency-matrix ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const { maxRSS } = JSON.parse(readFileSync(usage, 'utf8')) as { maxRSS: number };
  return { ms, peakMb: maxRSS / 1024, stderr: run.stderr };
}

/** The compiled CLI must be as new as its sources, or the figures are of old code. */
function requireFreshBuild(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : /\.test\.tsx?$/.test(e.name) ? 0 : statSync(p).mtimeMs);
    }, 0);
  const src = Math.max(newest(path.join(ROOT, 'src/cli')), newest(path.join(ROOT, 'src/xlsx')), newest(path.join(ROOT, 'src/core')));
  let built = 0;
  try {
    built = statSync(path.join(ROOT, 'lib/cli/index.js')).mtimeMs;
  } catch {
    // not built
  }
  if (built < src) throw new Error('lib/ is older than src/: run npm run build:cli first, so the benchmark measures this code');
}

function sizeRun(label: string, model: FrameworkModel, people: number, frameworkArg: string, dir: string): BenchResult[] {
  const roster = path.join(dir, `${label}.csv`);
  writeFileSync(roster, rosterCsv(model, generatedRoster(model, people, { seed: 12 })));
  const framework = frameworkArg === 'file' ? path.join(dir, `${label}.framework.json`) : frameworkArg;
  if (frameworkArg === 'file') writeFileSync(framework, JSON.stringify(model.data));
  const book = path.join(dir, `${label}.xlsx`);
  const write = runCli(['workbook', '--framework', framework, '--roster', roster, '--out', book], dir);
  const mb = statSync(book).size / 1e6;
  const runs: [string, string[]][] = [
    ['--into rebuild', ['workbook', '--framework', framework, '--into', book, '--out', path.join(dir, `${label}-rebuilt.xlsx`)]],
    ['calibration --grid', ['calibration', '--grid', book, '--out', path.join(dir, `${label}-pack.xlsx`), '--cycle', 'bench']],
    ['frameworks import from the workbook', ['frameworks', 'import', book]],
  ];
  const big = people >= 50000;
  const out: BenchResult[] = [
    {
      name: `${label}: workbook (write, ${mb.toFixed(1)} MB .xlsx), wall time`,
      value: write.ms,
      unit: 'ms',
    },
    { name: `${label}: workbook (write), peak memory`, value: write.peakMb, unit: 'MB' },
  ];
  for (const [what, args] of runs) {
    const r = runCli(args, dir);
    const ratio = r.ms / write.ms;
    out.push({
      name: `${label}: ${what}, wall time`,
      value: r.ms,
      unit: 'ms',
      baseline: write.ms,
      ratio,
      goal: `ratio <= ${READ_TIME_GOAL} (baseline: writing the same workbook)`,
      pass: ratio <= READ_TIME_GOAL,
    });
    const memRatio = r.peakMb / write.peakMb;
    out.push({
      name: `${label}: ${what}, peak memory`,
      value: r.peakMb,
      unit: 'MB',
      baseline: write.peakMb,
      ratio: memRatio,
      ...(big
        ? {
            goal: `<= ${PEAK_MB_GOAL} MB and ratio <= ${PEAK_RATIO_GOAL} (baseline: the writer's peak)`,
            pass: r.peakMb <= PEAK_MB_GOAL && memRatio <= PEAK_RATIO_GOAL,
          }
        : {}),
    });
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  requireFreshBuild();
  const dir = mkdtempSync(path.join(tmpdir(), 'cm-readback-'));
  try {
    const only = process.env.READBACK_SIZES?.split(',');
    const results: BenchResult[] = [];
    if (!only || only.includes('50000x9')) results.push(...sizeRun('50,000 x 9', builtIn('mit-devops'), 50000, 'mit-devops', dir));
    if (!only || only.includes('5000x40')) results.push(...sizeRun('5,000 x 40', benchFramework(), 5000, 'file', dir));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
