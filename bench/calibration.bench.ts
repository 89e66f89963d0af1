/**
 * Calibration statistics at scale: 5,000 people x 40 competencies (200,000
 * ratings, about one blank in twenty) under 100 managers, against a baseline
 * measured in the same run: one pass over the same rank array summing level
 * values. The ratio says how many such passes the whole set of statistics
 * (managers, competencies, heatmap, guideline, coverage) costs.
 *
 * Building the sheet plan (every figure as a formula with core's result) is
 * reported beside it, against the same baseline, without a goal: it is
 * dominated by formula text, which the renderers then write.
 */
import { consume, peakRssMb, type BenchResult } from './harness';

/**
 * Median CPU time (user + system) in ms of one call of `fn`, each sample
 * averaging `repeat` calls. CPU time rather than wall time: on a machine
 * shared by several busy people, time spent waiting for a core would land on
 * the longer measurement and skew the ratio.
 */
function cpuMedian(fn: () => unknown, samples: number, repeat: number): number {
  for (let i = 0; i < repeat * 2; i++) fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.cpuUsage();
    for (let i = 0; i < repeat; i++) fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000 / repeat);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
import { Scale } from '../src/core/scale';
import { emptyRatingMatrix, type RatedPerson } from '../src/core/calibration/ratingMatrix';
import { calibrationStatistics } from '../src/core/calibration/statistics';
import { resolveCalibrationSettings } from '../src/core/calibration/settings';
import { calibrationPlan } from '../src/core/layouts/calibration';
import { accuracy, plantedSeries } from '../tests/calibration/planted/accuracy';

/** Planted-truth organisations of 300 to 5,000 people scored per rule (see tests/calibration/planted). */
const SEEDS = 20;

/** Precision and recall of the rater effect's flags beside the naive rule's, on the same organisations; false flags where nobody is biased. */
function flagAccuracy(): BenchResult[] {
  const biased = accuracy(plantedSeries(SEEDS));
  const nulls = [0, 1].map((batch) =>
    accuracy(plantedSeries(10, { biasedShare: 0 }).map((o) => ({ ...o, seed: o.seed + 5000 + 10 * batch }))),
  );
  const worstNull = Math.max(...nulls.map((n) => n.effect.wrong));
  const naiveNull = Math.max(...nulls.map((n) => n.naive.wrong));
  const where = `${SEEDS} planted organisations of 300-5,000 people, 20% of raters biased by 0.8 level`;
  return [
    {
      name: `rater flags, precision (${where})`,
      value: biased.effect.precision,
      unit: '',
      goal: '>= 0.9',
      pass: biased.effect.precision >= 0.9,
    },
    {
      name: `rater flags, recall in teams of 5+ (${where})`,
      value: biased.effect.recall,
      unit: '',
      goal: '>= 0.8',
      pass: biased.effect.recall >= 0.8,
    },
    { name: `today's rule (|z| > 2 over ratings), precision, same organisations`, value: biased.naive.precision, unit: '' },
    { name: `today's rule (|z| > 2 over ratings), recall in teams of 5+, same organisations`, value: biased.naive.recall, unit: '' },
    {
      name: 'rater flags on ten organisations with no biased rater (worst of two batches)',
      value: worstNull,
      unit: 'false flags',
      goal: '<= 1',
      pass: worstNull <= 1,
    },
    { name: "today's rule on the same ten null organisations (worst of two batches)", value: naiveNull, unit: 'false flags' },
  ];
}

const PEOPLE = 5000;
const COMPETENCIES = 40;
const MANAGERS = 100;
/** Statistics may cost at most this many plain passes over the ratings (about 7 measured; a per-rating allocation or lookup would pass 10 at once). */
const GOAL_RATIO = 10;

export async function run(): Promise<BenchResult[]> {
  const scale = new Scale({
    id: 'bench',
    name: 'Bench scale',
    levels: ['BD', 'B', 'I', 'A', 'E'].map((code, i) => ({ code, name: code, value: i + 1 })),
  });
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const people: RatedPerson[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `E${i + 1}`,
    name: `Person ${i + 1}`,
    role: 'Engineer',
    manager: `Manager ${(next() % MANAGERS) + 1}`,
  }));
  const competencies = Array.from({ length: COMPETENCIES }, (_, j) => ({ id: `c${j + 1}`, name: `Competency ${j + 1}` }));
  const matrix = emptyRatingMatrix(scale, people, competencies);
  for (let i = 0; i < matrix.ranks.length; i++) matrix.ranks[i] = next() % 20 === 0 ? -1 : next() % 5;
  const values = scale.levels.map((l) => l.value);
  const settings = resolveCalibrationSettings(scale);
  const ranks = matrix.ranks;

  const baselineMs = cpuMedian(
    () => {
      let sum = 0;
      for (let i = 0; i < ranks.length; i++) {
        const r = ranks[i];
        if (r >= 0) sum += values[r];
      }
      consume(sum);
    },
    21,
    200,
  );
  const statisticsMs = cpuMedian(() => consume(calibrationStatistics(matrix, settings)), 21, 20);
  const grid = {
    sheet: 'Team grid',
    firstRow: 9,
    rows: PEOPLE,
    idCol: 0,
    nameCol: 1,
    roleCol: 2,
    managerCol: 3,
    ratingCols: competencies.map((_, j) => 11 + j),
  };
  const planMs = cpuMedian(() => consume(calibrationPlan({ matrix, grid, settings })), 5, 1);
  const ratio = statisticsMs / baselineMs;
  return [
    {
      name: `calibration statistics, ${PEOPLE} x ${COMPETENCIES} ratings, ${MANAGERS} managers`,
      value: statisticsMs,
      unit: 'ms CPU',
      baseline: baselineMs,
      ratio,
      goal: `ratio <= ${GOAL_RATIO} (passes over the ratings)`,
      pass: ratio <= GOAL_RATIO,
    },
    {
      name: `calibration sheet plan (${PEOPLE * COMPETENCIES} value formulas and the tables), same grid`,
      value: planMs,
      unit: 'ms CPU',
      baseline: baselineMs,
      ratio: planMs / baselineMs,
    },
    ...flagAccuracy(),
    { name: 'peak memory after the calibration bench', value: peakRssMb(), unit: 'MB' },
  ];
}
