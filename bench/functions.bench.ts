/**
 * Worksheet-function speed on raw level strings, against a baseline measured
 * in the same run: a bare loop subtracting pre-parsed level values over the
 * same 5,000 x 40 cells. Slowdowns are baseline rate / measured rate (how many
 * times slower than bare subtraction); ROSTERGAP also has an absolute goal.
 *
 * Inputs are shaped as Excel hands them to a custom function: matrices of
 * strings that went through JSON (not the literals of this file), a blank
 * in about one cell in nine.
 */
import { consume, timeMedian, type BenchResult } from './harness';
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
  const baselineMs = await timeMedian(
    () => {
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
    },
    15,
    3,
  );
  const baselineRate = CELLS / (baselineMs / 1000);

  // Reference: the least any reader of raw strings must do, a hand-written loop with one
  // text-to-value lookup per cell and no function machinery. Shows how much of LEVELGAP's
  // distance from the baseline is the lookup itself.
  const valueByCode: Record<string, number> = Object.create(null);
  for (const l of scale.levels) valueByCode[l.code] = l.value;
  const lookupFloorMs = await timeMedian(
    () => {
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
    },
    15,
    3,
  );

  const levelGap = declarationOf('LEVELGAP');
  const rosterGap = declarationOf('ROSTERGAP');
  const scaleArg = [['mit-devops']];

  // One call per cell, as Excel makes for =COMPETENCY.LEVELGAP(B2, C2, "mit-devops") filled over the roster.
  const perCallMs = await timeMedian(
    () => {
      let last: unknown;
      for (let i = 0; i < PEOPLE; i++) {
        const r = ratings[i];
        const t = targets[i];
        for (let j = 0; j < COMPETENCIES; j++) last = runFunction(levelGap, [[[r[j]]], [[t[j]]], scaleArg]);
      }
      consume(last);
    },
    5,
    1,
  );
  const perCallInferredMs = await timeMedian(
    () => {
      let last: unknown;
      for (let i = 0; i < PEOPLE; i++) {
        const r = ratings[i];
        const t = targets[i];
        for (let j = 0; j < COMPETENCIES; j++) last = runFunction(levelGap, [[[r[j]]], [[t[j]]], null]);
      }
      consume(last);
    },
    5,
    1,
  );
  // One call over the whole roster: =COMPETENCY.LEVELGAP(B2:AO5001, targets, "mit-devops"), spilled.
  const rangeMs = await timeMedian(() => consume(runFunction(levelGap, [ratings, targets, scaleArg])), 9, 2);
  const rosterMs = await timeMedian(() => consume(runFunction(rosterGap, [ratings, roles, header, [['bench-devops']]])), 9, 2);
  const rosterInferredMs = await timeMedian(() => consume(runFunction(rosterGap, [ratings, roles, header, null])), 9, 2);
  setWorkbookFrameworks([]);

  const rate = (ms: number) => CELLS / (ms / 1000);
  const slowdown = (ms: number, goal?: number): Pick<BenchResult, 'value' | 'unit' | 'baseline' | 'ratio' | 'goal' | 'pass'> => ({
    value: Math.round(rate(ms)),
    unit: 'cells/s',
    baseline: Math.round(baselineRate),
    ratio: baselineRate / rate(ms),
    ...(goal === undefined ? {} : { goal: `ratio (times slower than the baseline) <= ${goal}`, pass: baselineRate / rate(ms) <= goal }),
  });

  return [
    { name: 'baseline: bare loop subtracting pre-parsed level values, 5,000 x 40', value: Math.round(baselineRate), unit: 'cells/s' },
    { name: 'reference: hand-written loop, one text-to-value lookup per cell', ...slowdown(lookupFloorMs) },
    { name: 'LEVELGAP calls/s, one call per cell on raw level strings (scale given)', ...slowdown(perCallMs, 3) },
    { name: 'LEVELGAP calls/s, one call per cell on raw level strings (scale inferred)', ...slowdown(perCallInferredMs) },
    { name: 'LEVELGAP element-wise over a 5,000 x 40 range of raw level strings (one spilled call)', ...slowdown(rangeMs, 3) },
    { name: 'ROSTERGAP cells/s on a 5,000 x 40 roster', ...slowdown(rosterMs) },
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
