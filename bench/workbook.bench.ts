/**
 * Writing a team-grid workbook of 5,000 people x 40 competencies: the whole
 * path of the workbook command after the roster is parsed (layout plan with
 * core's results, streamed ExcelJS rendering with styles, dropdowns, heatmaps,
 * names, the registry, and the .xlsx bytes), against a baseline measured in
 * the same run: a bare in-memory ExcelJS write of the same cell values and
 * formulas (same sheets, no styles, no validations, no conditional formats).
 * Goal: at most 1.5x the baseline. Peak memory (RSS) is reported.
 */
import ExcelJS from 'exceljs';
import { consume, median, peakRssMb, type BenchResult } from './harness';
import { FrameworkModel } from '../src/core/framework/model';
import { validateFramework } from '../src/core/framework/validate';
import { workbookLayout } from '../src/core/layouts/workbook';
import type { LayoutPlan } from '../src/core/layouts/plan';
import { generatedRoster } from '../tests/xlsx/support/rosters';
import { planWorkbookBytes } from '../tests/xlsx/support/writeWorkbook';

const PEOPLE = 5000;
const COMPETENCIES = 40;
const GOAL_RATIO = 1.5;

/** A framework of 40 competencies on a five-level scale, four roles with rising targets. */
export function benchFramework(): FrameworkModel {
  const levels = ['BD', 'B', 'I', 'A', 'E'];
  const roles = ['Engineer I', 'Engineer II', 'Engineer III', 'Engineer IV'].map((name, i) => ({ id: `r${i + 1}`, name }));
  const competencies = Array.from({ length: COMPETENCIES }, (_, j) => ({ id: `c${j + 1}`, name: `Competency ${j + 1}`, scale: 'five' }));
  const { framework, errors } = validateFramework({
    id: 'bench',
    name: 'Bench framework',
    provenance: { title: 'Benchmark', publisher: 'Competency Matrix', licence: 'none' },
    scales: [{ id: 'five', name: 'Five levels', levels: levels.map((code, i) => ({ code, name: code, value: i + 1 })) }],
    roles,
    competencies,
    targets: roles.flatMap((r, i) =>
      competencies.map((c, j) => ({ role: r.id, competency: c.id, level: levels[Math.min(4, i + 1 + (j % 2))] })),
    ),
  });
  if (!framework) throw new Error(errors.map((e) => e.message).join('; '));
  return new FrameworkModel(framework);
}

/** CPU time (user + system, ms) of one async call: the machine is shared, so waiting for a core is not counted. */
async function cpuTime(fn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  consume(await fn());
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The same cells as the plan, written the plain way: one addRow per row, nothing else. */
async function bareWrite(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function planRows(plan: LayoutPlan): { name: string; rows: ExcelJS.CellValue[][] }[] {
  return plan.sheets.map((sheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    for (const b of sheet.blocks) {
      b.cells.forEach((line, i) => {
        const row = (rows[b.row + i] ??= []);
        line.forEach((c, j) => {
          if (c === null) return;
          row[b.col + j] = typeof c === 'object' ? { formula: c.formula, result: c.result ?? undefined, date1904: false } : c;
        });
      });
    }
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** What the workbook command does for a new file once the roster is parsed: plan, stream, bytes. */
async function productWrite(model: FrameworkModel, roster: ReturnType<typeof generatedRoster>): Promise<Buffer> {
  return planWorkbookBytes(workbookLayout(model, { roster }).plan, 'stream');
}

/** The same plan through an in-memory workbook, as a rebuild with --into writes it. */
async function inMemoryWrite(model: FrameworkModel, roster: ReturnType<typeof generatedRoster>): Promise<Buffer> {
  return planWorkbookBytes(workbookLayout(model, { roster }).plan, 'memory');
}

export async function run(): Promise<BenchResult[]> {
  const model = benchFramework();
  const roster = generatedRoster(model, PEOPLE, { seed: 3 });
  // The command path first, alone: the process's peak memory then is what the command needs.
  let bytes = (await productWrite(model, roster)).length;
  const peakOurs = peakRssMb();

  const { plan } = workbookLayout(model, { roster });
  const same = planRows(plan);
  const cells = same.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.filter((c) => c !== undefined).length, 0), 0);
  // Warm up the baseline once, then alternate so drift on a shared machine hits both alike.
  await bareWrite(same);
  const ours: number[] = [];
  const bare: number[] = [];
  const inMemory: number[] = [];
  for (let i = 0; i < 3; i++) {
    bare.push(await cpuTime(() => bareWrite(same)));
    ours.push(await cpuTime(async () => (bytes = (await productWrite(model, roster)).length)));
    inMemory.push(await cpuTime(() => inMemoryWrite(model, roster)));
  }
  const o = median(ours);
  const b = median(bare);
  const m = median(inMemory);
  const ratio = o / b;
  return [
    {
      name: `workbook command path, ${PEOPLE} x ${COMPETENCIES} grid (${cells.toLocaleString('en')} cells, ${(bytes / 1e6).toFixed(1)} MB .xlsx), CPU time`,
      value: o,
      unit: 'ms',
      baseline: b,
      ratio,
      goal: `ratio <= ${GOAL_RATIO} (baseline: bare ExcelJS write of the same cells)`,
      pass: ratio <= GOAL_RATIO,
    },
    {
      name: `in-memory renderer (what --into rebuilds with), same workbook, CPU time`,
      value: m,
      unit: 'ms',
      baseline: b,
      ratio: m / b,
      goal: `ratio <= ${GOAL_RATIO}`,
      pass: m / b <= GOAL_RATIO,
    },
    { name: 'peak memory (RSS) while writing the 5,000 x 40 workbook the command line way (streamed)', value: peakOurs, unit: 'MB' },
    { name: 'peak memory (RSS) after the bare in-memory ExcelJS baseline too', value: peakRssMb(), unit: 'MB' },
  ];
}
