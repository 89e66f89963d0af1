/**
 * Framework import and export at a size well past any real framework: 400
 * competencies in 20 categories, 25 roles, a 5-level scale, a descriptor per
 * level (2,000) and a target per role and competency (10,000). The baseline,
 * measured in the same run, is importing the same framework from framework
 * JSON (parse + full validation): the other formats are ratios against it.
 */
import { consume, peakRssMb, timeMedian, type BenchResult } from './harness';
import type { Framework } from '../src/core/framework/validate';
import { exportFramework } from '../src/core/interchange/exportFramework';
import { importFrameworkFiles } from '../src/core/interchange/importFramework';
import { frameworkFromSheetRows, frameworkToSheetRows } from '../src/core/interchange/frameworkSheet';

const COMPETENCIES = 400;
const ROLES = 25;
const CATEGORIES = 20;
/** Each format may cost at most this many JSON imports. */
const GOAL_RATIO = 10;

function bigFramework(): Framework {
  const codes = ['1', '2', '3', '4', '5'];
  return {
    id: 'bench-big',
    name: 'Bench framework',
    provenance: { title: 'Bench framework', publisher: 'Bench', licence: 'none' },
    scales: [
      {
        id: 'five',
        name: 'Five levels',
        levels: codes.map((code, i) => ({ code, name: `Level ${code}`, value: i + 1, definition: `What level ${code} means` })),
      },
    ],
    categories: Array.from({ length: CATEGORIES }, (_, i) => ({ id: `cat-${i}`, name: `Category ${i}` })),
    roleDimensions: [],
    roles: Array.from({ length: ROLES }, (_, i) => ({ id: `role-${i}`, name: `Role ${i}`, code: `R${i}` })),
    competencies: Array.from({ length: COMPETENCIES }, (_, i) => ({
      id: `comp-${i}`,
      name: `Competency ${i}`,
      category: `cat-${i % CATEGORIES}`,
      definition: `Competency ${i}, defined in a sentence or two of ordinary length for a framework.`,
      scale: 'five',
      descriptors: Object.fromEntries(
        codes.map((c) => [c, `At level ${c}, competency ${i} shows in this behaviour, described at some length.`]),
      ),
    })),
    targets: Array.from({ length: COMPETENCIES * ROLES }, (_, k) => ({
      role: `role-${k % ROLES}`,
      competency: `comp-${Math.floor(k / ROLES)}`,
      level: codes[Math.min(4, Math.floor(((k % ROLES) * 5) / ROLES))],
    })),
  };
}

export async function run(): Promise<BenchResult[]> {
  const fw = bigFramework();
  const enc = new TextEncoder();
  const filesOf = (format: 'json' | 'csv' | 'csv-tables' | 'case') =>
    exportFramework(fw, format, { changedAt: '2025-01-01T00:00:00Z' }).map((f) => ({ name: `big/${f.name}`, bytes: enc.encode(f.text) }));
  const inputs = { json: filesOf('json'), csv: filesOf('csv'), 'csv-tables': filesOf('csv-tables'), case: filesOf('case') };

  const baseline = await timeMedian(() => consume(importFrameworkFiles(inputs.json)), 7, 2);
  const results: BenchResult[] = [
    { name: `baseline: import framework JSON (${COMPETENCIES} competencies x ${ROLES} roles)`, value: baseline, unit: 'ms' },
  ];
  for (const format of ['csv', 'csv-tables', 'case'] as const) {
    const ms = await timeMedian(() => consume(importFrameworkFiles(inputs[format])), 7, 2);
    results.push({
      name: `import ${format} of the same framework`,
      value: ms,
      unit: 'ms',
      baseline,
      ratio: ms / baseline,
      goal: `ratio <= ${GOAL_RATIO}`,
      pass: ms / baseline <= GOAL_RATIO,
    });
  }
  // CASE names every object with a SHA-1 UUID (about 13,000 here), hence its looser goal.
  for (const [format, goal] of [
    ['csv', GOAL_RATIO],
    ['case', 2.5 * GOAL_RATIO],
  ] as const) {
    const ms = await timeMedian(() => consume(exportFramework(fw, format)), 7, 2);
    results.push({
      name: `export ${format}`,
      value: ms,
      unit: 'ms',
      baseline,
      ratio: ms / baseline,
      goal: `ratio <= ${goal}`,
      pass: ms / baseline <= goal,
    });
  }
  const rows = frameworkToSheetRows(fw);
  const sheetMs = await timeMedian(() => consume(frameworkFromSheetRows(rows)), 7, 2);
  results.push({
    name: `read back from the workbook sheet (${Number(rows[1][2])} chunks)`,
    value: sheetMs,
    unit: 'ms',
    baseline,
    ratio: sheetMs / baseline,
    goal: 'ratio <= 2',
    pass: sheetMs / baseline <= 2,
  });
  results.push({ name: 'peak memory after interchange bench', value: peakRssMb(), unit: 'MB' });
  return results;
}
