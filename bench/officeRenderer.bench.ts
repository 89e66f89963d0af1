/**
 * The Office.js renderer on a 5,000-person x 40-competency grid, against a
 * naive writer that sends one row per round trip, both measured in the same
 * run on the recording fake: round trips (what a user waits for: each one
 * crosses from the add-in to Excel and back), the largest request (Excel on
 * the web refuses 5 MB) and the JavaScript time spent on our side.
 */
import type { BenchResult } from './harness';
import { timeMedian } from './harness';
import { ExcelFake } from '../tests/fakes/excelFake';
import { gridLikePlan, GRID_FIRST_RATING_COL, GRID_HEADER_ROWS, LEVELS } from '../tests/fakes/gridLikePlan';
import { applyLayoutPlan } from '../src/host/applyLayoutPlan';
import { applyStyle, applyConditionalFormat, applyListValidation, columnWidthPoints } from '../src/host/formatWrites';
import { cellInput } from '../src/host/cellInput';
import type { LayoutPlan } from '../src/core/layouts/plan';

const PEOPLE = 5_000;
const COMPETENCIES = 40;

/** What an add-in written without batching does: every row, format and rule in its own round trip. */
async function naiveRowByRow(fake: ExcelFake, plan: LayoutPlan): Promise<void> {
  await fake.run(async (ctx) => {
    for (const sheet of plan.sheets) {
      const ws = ctx.workbook.worksheets.add(sheet.name);
      await ctx.sync();
      for (const block of sheet.blocks) {
        for (let i = 0; i < block.cells.length; i++) {
          const row = block.cells[i];
          if (!row.length) continue;
          ws.getRangeByIndexes(block.row + i, block.col, 1, row.length).formulas = [row.map((c) => cellInput(c))];
          await ctx.sync();
        }
      }
      for (const sb of sheet.styles) {
        applyStyle(
          ws.getRangeByIndexes(sb.range.row, sb.range.col, sb.range.rows, sb.range.cols),
          plan.styles[sb.style],
          sb.range.rows,
          sb.range.cols,
        );
        await ctx.sync();
      }
      for (const w of sheet.columnWidths) {
        ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = columnWidthPoints(w.width);
        await ctx.sync();
      }
      for (const v of sheet.validations) {
        applyListValidation(ws.getRangeByIndexes(v.range.row, v.range.col, v.range.rows, v.range.cols), v, (f) => f);
        await ctx.sync();
      }
      for (const cf of sheet.conditionalFormats) {
        applyConditionalFormat(ws.getRangeByIndexes(cf.range.row, cf.range.col, cf.range.rows, cf.range.cols), cf, (f) => f);
        await ctx.sync();
      }
    }
    for (const n of plan.names) {
      ctx.workbook.names.add(n.name, `=${n.ref}`);
      await ctx.sync();
    }
  });
}

export async function run(): Promise<BenchResult[]> {
  const plan = gridLikePlan({ people: PEOPLE, competencies: COMPETENCIES, rated: 0.3 });

  const ours = new ExcelFake();
  const report = await applyLayoutPlan(plan, { host: ours.host });
  const naive = new ExcelFake();
  await naiveRowByRow(naive, plan);

  const ourMs = await timeMedian(() => applyLayoutPlan(plan, { host: new ExcelFake().host }), 3, 1);
  const naiveMs = await timeMedian(() => naiveRowByRow(new ExcelFake(), plan), 3, 1);

  // Regenerating after managers rated half the grid: ratings read back, carried, rewritten.
  const regen = new ExcelFake();
  await applyLayoutPlan(gridLikePlan({ people: PEOPLE, competencies: COMPETENCIES }), { host: regen.host });
  const grid = regen.sheet('Team grid');
  for (let i = 0; i < PEOPLE; i++) {
    for (let j = 0; j < COMPETENCIES; j += 2)
      grid.put(GRID_HEADER_ROWS + i, GRID_FIRST_RATING_COL + j, { value: LEVELS[(i + j) % 5], type: 'text', origin: 'typed' }, 'typed');
  }
  const again = await applyLayoutPlan(gridLikePlan({ people: PEOPLE, competencies: COMPETENCIES }), { host: regen.host });
  const largestResponse = Math.max(...regen.requests.map((r) => r.responseBytes));

  const roundTripRatio = naive.syncCount / report.syncs;
  return [
    {
      name: `Round trips to write a ${PEOPLE.toLocaleString('en-US')} x ${COMPETENCIES} grid (vs one row per round trip)`,
      value: report.syncs,
      unit: 'round trips',
      baseline: naive.syncCount,
      ratio: roundTripRatio,
      goal: 'ratio >= 100 (at most 1% of the row-by-row round trips)',
      pass: roundTripRatio >= 100,
    },
    {
      name: `Largest request writing the ${PEOPLE.toLocaleString('en-US')} x ${COMPETENCIES} grid (measured by the fake)`,
      value: ours.largestRequestBytes,
      unit: 'bytes',
      baseline: naive.largestRequestBytes,
      ratio: ours.largestRequestBytes / naive.largestRequestBytes,
      goal: 'value < 4,000,000 bytes (Excel on the web refuses 5 MB)',
      pass: ours.largestRequestBytes < 4_000_000,
    },
    {
      name: `Largest request as estimated by the renderer`,
      value: report.largestRequestBytes,
      unit: 'bytes',
      goal: 'value < 4,000,000 bytes',
      pass: report.largestRequestBytes < 4_000_000,
    },
    {
      name: `Add-in JavaScript time for the grid against the fake host (vs the row-by-row writer)`,
      value: ourMs,
      unit: 'ms',
      baseline: naiveMs,
      ratio: ourMs / naiveMs,
      goal: 'ratio <= 3 (batching, text guarding and size estimates stay cheap)',
      pass: ourMs / naiveMs <= 3,
    },
    {
      name: `Round trips to regenerate the grid keeping ${again.ratingsKept.toLocaleString('en-US')} ratings`,
      value: again.syncs,
      unit: 'round trips',
      baseline: naive.syncCount,
      ratio: naive.syncCount / again.syncs,
      goal: 'value <= 12, every rating kept',
      pass: again.syncs <= 12 && again.ratingsKept === PEOPLE * (COMPETENCIES / 2) && again.ratingsUnplaced === 0,
    },
    {
      name: 'Largest response while reading ratings back',
      value: largestResponse,
      unit: 'bytes',
      goal: 'value < 4,000,000 bytes',
      pass: largestResponse < 4_000_000,
    },
  ];
}
