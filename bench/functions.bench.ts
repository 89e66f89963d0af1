/**
 * Worksheet-function speed on raw level strings, against a baseline measured
 * in the same run: a bare loop subtracting pre-parsed level values over the
 * same 5,000 x 40 cells. Slowdowns are measured time / baseline time (how many
 * times slower than bare subtraction), timed in rounds beside the baseline;
 * ROSTERGAP also has an absolute goal.
 *
 * Inputs are shaped as Excel hands them to a custom function: matrices of
 * strings that went through JSON (not the literals of this file), a blank
 * in about one cell in nine.
 */
import { consume, median, timeMedian, type BenchResult } from './harness';
import { builtIn } from '../src/core/frameworks/library';
import { FrameworkModel } from '../src/core/framework/model';
import { validateFramework } from '../src/core/framework/validate';
import { declarationOf, runFunction, setWorkbookFrameworks } from '../src/functions';

const PEOPLE = 5000;
const COMPETENCIES = 40;
const CELLS = PEOPLE * COMPETENCIES;

function rosterFramework(): FrameworkModel {
  const mit = builtIn('mit-devops');
  const codes = mit.primaryScale.levels.map((l) => l.code);
  const competencies = Array.from({ length: COMPETENCIES }, (_, j) => ({
    id: `skill-${j + 1}`,
    name: `Skill ${j + 1}`,
    scale: mit.primaryScale.id,
  }));
  const targets = mit.data.roles.flatMap((r, i) =>
    competencies.map((c, j) => ({ role: r.id, competency: c.id, level: codes[(i + 2 * j) % codes.length] })),
  );
  const result = validateFramework({ ...mit.data, id: 'bench-devops', name: 'Bench DevOps', competencies, targets, categories: [] });
  if (!result.framework) throw new Error('bench framework is invalid');
  return new FrameworkModel(result.framework);
}

export async function run(): Promise<BenchResult[]> {
  const framework = rosterFramework();
  setWorkbookFrameworks([framework]);
  const scale = framework.primaryScale;
  const codes = scale.levels.map((l) => l.code);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);

  const roles = Array.from({ length: PEOPLE }, () => [framework.roles[next() % framework.roles.length].name]);
  const header = [framework.competencies.map((c) => c.name)];
  const ratingsLiteral = Array.from({ length: PEOPLE }, () =>
    Array.from({ length: COMPETENCIES }, () => (next() % 9 === 0 ? null : codes[next() % codes.length])),
  );
  const ratings = JSON.parse(JSON.stringify(ratingsLiteral)) as (string | null)[][];
  const targets = JSON.parse(
    JSON.stringify(roles.map(([role]) => header[0].map((c) => framework.target(framework.role(role), framework.competency(c))!.code))),
  ) as string[][];
  const valueOf = (code: string | null) => (code === null ? null : scale.parse(code)!.value);
  const ratingValues = ratings.map((row) => row.map(valueOf));
  const targetValues = targets.map((row) => row.map(valueOf));

  // Baseline: the same cells, already numbers, subtracted into a new matrix (blank stays blank).
  const baseline = () => {
    const out = new Array(PEOPLE);
    for (let i = 0; i < PEOPLE; i++) {
      const r = ratingValues[i];
      const t = targetValues[i];
      const row = new Array(COMPETENCIES);
      for (let j = 0; j < COMPETENCIES; j++) {
        const a = r[j];
        const b = t[j];
        row[j] = a === null || b === null ? '' : a - b;
      }
      out[i] = row;
    }
    consume(out);
  };

  // Reference: the least any reader of raw strings must do, a hand-written loop with one
  // text-to-value lookup per cell and no function machinery. Shows how much of LEVELGAP's
  // distance from the baseline is the lookup itself.
  const valueByCode: Record<string, number> = Object.create(null);
  for (const l of scale.levels) valueByCode[l.code] = l.value;
  const lookupFloor = () => {
    const out = new Array(PEOPLE);
    for (let i = 0; i < PEOPLE; i++) {
      const r = ratings[i];
      const t = targets[i];
      const row = new Array(COMPETENCIES);
      for (let j = 0; j < COMPETENCIES; j++) {
        const a = r[j];
        row[j] = a === null ? '' : valueByCode[a] - valueByCode[t[j]];
      }
      out[i] = row;
    }
    consume(out);
  };

  const levelGap = declarationOf('LEVELGAP');
  const rosterGap = declarationOf('ROSTERGAP');
  const scaleArg = [['mit-devops']];

  // One call over the whole roster: =COMPETENCY.LEVELGAP(B2:AO5001, targets, "mit-devops"), spilled.
  // This is how a big roster is scored with LEVELGAP, so it is the headline figure.
  const range = () => consume(runFunction(levelGap, [ratings, targets, scaleArg]));
  // One call per cell, as Excel makes for =COMPETENCY.LEVELGAP(B2, C2, "mit-devops") filled over the roster.
  const perCall = (scaleOption: typeof scaleArg | null) => () => {
    let last: unknown;
    for (let i = 0; i < PEOPLE; i++) {
      const r = ratings[i];
      const t = targets[i];
      for (let j = 0; j < COMPETENCIES; j++) last = runFunction(levelGap, [[[r[j]]], [[t[j]]], scaleOption]);
    }
    consume(last);
  };
  const roster = () => consume(runFunction(rosterGap, [ratings, roles, header, [['bench-devops']]]));
  const rosterInferred = () => consume(runFunction(rosterGap, [ratings, roles, header, null]));

  // Each figure is timed in rounds, each round beside a fresh baseline timing, and the ratio is the
  // median of the rounds' ratios: on a shared machine the load changes within seconds, and pairing
  // keeps a busy moment from landing on one side only.
  const rangeTiming = await pairedWithBaseline(range, baseline, 31);
  const lookupTiming = await pairedWithBaseline(lookupFloor, baseline, 15);
  const perCallTiming = await pairedWithBaseline(perCall(scaleArg), baseline, 7);
  const perCallInferredTiming = await pairedWithBaseline(perCall(null), baseline, 7);
  const rosterTiming = await pairedWithBaseline(roster, baseline, 15);
  const rosterMs = rosterTiming.ms;
  const rosterInferredMs = await timeMedian(rosterInferred, 9, 2);
  setWorkbookFrameworks([]);

  const rate = (ms: number) => CELLS / (ms / 1000);
  const baselineRate = rate(rangeTiming.baselineMs);
  const slowdown = (
    t: Paired,
    goal?: number,
    unit = 'cells/s',
  ): Pick<BenchResult, 'value' | 'unit' | 'baseline' | 'ratio' | 'goal' | 'pass'> => ({
    value: Math.round(rate(t.ms)),
    unit,
    baseline: Math.round(rate(t.baselineMs)),
    ratio: t.ratio,
    ...(goal === undefined ? {} : { goal: `ratio (times slower than the baseline) <= ${goal}`, pass: t.ratio <= goal }),
  });

  return [
    { name: 'baseline: bare loop subtracting pre-parsed level values, 5,000 x 40', value: Math.round(baselineRate), unit: 'cells/s' },
    {
      name: 'LEVELGAP on raw level strings, 5,000 x 40, one spilled element-wise call (how big rosters are scored)',
      ...slowdown(rangeTiming, 3),
    },
    { name: '(info) reference: hand-written loop, one text-to-value lookup per cell', ...slowdown(lookupTiming) },
    { name: '(info) LEVELGAP one call per cell on raw level strings (scale given)', ...slowdown(perCallTiming, undefined, 'calls/s') },
    {
      name: '(info) LEVELGAP one call per cell on raw level strings (scale inferred)',
      ...slowdown(perCallInferredTiming, undefined, 'calls/s'),
    },
    { name: '(info) ROSTERGAP cells/s on a 5,000 x 40 roster', ...slowdown(rosterTiming) },
    { name: 'ROSTERGAP 5,000 x 40 wall time (framework given)', value: rosterMs, unit: 'ms', goal: '< 50 ms', pass: rosterMs < 50 },
    {
      name: 'ROSTERGAP 5,000 x 40 wall time (framework inferred from roles and competencies)',
      value: rosterInferredMs,
      unit: 'ms',
      goal: '< 50 ms',
      pass: rosterInferredMs < 50,
    },
  ];
}

interface Paired {
  /** Median time of the measured work, ms. */
  ms: number;
  /** Median time of the baseline, ms. */
  baselineMs: number;
  /** Median over the rounds of (measured time / baseline time in the same round). */
  ratio: number;
}

/**
 * Times `work` in rounds; each round also times the baseline (the median of three runs, as it is
 * short) right before it. Two warm-up rounds let the optimiser settle first.
 */
async function pairedWithBaseline(work: () => void, baseline: () => void, rounds: number): Promise<Paired> {
  const ms: number[] = [];
  const baselineMs: number[] = [];
  const ratios: number[] = [];
  for (let round = -2; round < rounds; round++) {
    const b = await timeMedian(baseline, 3, 0);
    const w = await timeMedian(work, 1, 0);
    if (round < 0) continue;
    ms.push(w);
    baselineMs.push(b);
    ratios.push(w / b);
  }
  return { ms: median(ms), baselineMs: median(baselineMs), ratio: median(ratios) };
}
