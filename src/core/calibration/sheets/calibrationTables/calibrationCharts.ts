/**
 * Pictures for the room, at the foot of the calibration sheet: the ratings per
 * level against the guideline (clustered columns), and each manager's rater
 * estimate with its uncertainty (bars, most lenient first). Both are native
 * charts over the sheet's own cells, so they redraw as the grid changes.
 *
 * A chart draws its rows in order, so the estimates are first put in order by
 * formulas (a place per manager, then the manager at each place): no SORT,
 * which Excel 2016 lacks.
 */
import { cellRef, rectRef } from '../../../layouts/a1';
import type { ChartPlan, Rect } from '../../../layouts/plan';
import { CHART_PALETTE } from '../../../layouts/chartPalette';
import type { CalibrationStatistics } from '../../statistics';
import type { RaterEffect } from '../../raterEffect/raterEffects';
import { formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, rect } from './calibrationCursor';
import type { RaterTable } from './raterTable';
import type { GuidelineTable } from './guidelineTable';

/**
 * The rater figure the estimate chart shows: the rater effect adjusted for
 * role and competency (raterEffect/raterEffects.ts), the figure the flags test,
 * not the raw difference a senior team raises. Its uncertainty is two of its
 * standard errors (from people, pooled); managers below the smallest team have
 * no SE and so no bar.
 */
export const RATER_ESTIMATE = {
  label: 'Rater effect',
  column: (raters: RaterTable): number => raters.cols.estimate,
  seColumn: (raters: RaterTable): number => raters.cols.se,
  value: (e: RaterEffect): number | null => e.estimate,
  uncertainty: (e: RaterEffect): number | null => (e.se === null ? null : 2 * e.se),
};

/** Rows a chart takes: enough for its title, axes and legend. */
const DISTRIBUTION_ROWS = 18;
const CHART_COLS = 8;
/** The charts sit right of the sorted table. */
const CHART_COL = 5;

export interface CalibrationCharts {
  charts: ChartPlan[];
  /** The sorted estimates: one row per manager (place, manager, estimate, uncertainty, helper place). */
  sorted: { firstRow: number; rows: number };
}

/** Places 1..G: by estimate, highest first; ties keep the rater table's order; managers without one last. */
export function estimateOrder(values: readonly (number | null)[]): number[] {
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v === null ? (b.v === null ? a.i - b.i : 1) : b.v === null ? -1 : b.v - a.v || a.i - b.i))
    .map((x) => x.i);
}

export function calibrationCharts(
  cursor: CalibrationCursor,
  stats: CalibrationStatistics,
  raters: RaterTable,
  guideline: GuidelineTable,
  guidelineRow: number,
  guidelineCol: number,
): CalibrationCharts {
  const { canvas, levels } = cursor;
  const effects = stats.raterEffects.raters;
  const G = effects.length;
  const K = levels.length;

  cursor.section('Pictures for the room');
  cursor.note(
    `Left: managers in order of ${RATER_ESTIMATE.label.toLowerCase()}, highest first, with ± two standard errors of the estimate (blank below the smallest team). The charts read these cells and the tables above.`,
  );
  cursor.note('Place (helper): where the manager on the same row of the Raters table comes in that order.');
  const header = cursor.row;
  canvas.setRow(header, 0, ['Manager, in order', RATER_ESTIMATE.label, '± 2 SE', 'Place (helper)']);
  canvas.style(rect(header, 0, 1, 4), 'cal-header');
  const first = header + 1;

  const estimateCol = RATER_ESTIMATE.column(raters);
  const estimates = rect(raters.firstManagerRow, estimateCol, Math.max(1, G), 1);
  const estimatesRef = rectRef(estimates, true);
  const namesRef = rectRef(rect(raters.firstManagerRow, 0, Math.max(1, G), 1), true);
  const seRef = rectRef(rect(raters.firstManagerRow, RATER_ESTIMATE.seColumn(raters), Math.max(1, G), 1), true);
  const placesRef = rectRef(rect(first, 3, Math.max(1, G), 1), true);
  const values = effects.map(RATER_ESTIMATE.value);
  const order = estimateOrder(values);
  const placeOf = new Map(order.map((g, p) => [g, p + 1]));
  const numeric = values.filter((v) => v !== null).length;

  for (let i = 0; i < G; i++) {
    const r = first + i;
    // The place of the manager on row i of the rater table: estimates above it, plus equal ones before it.
    const own = cellRef(raters.firstManagerRow + i, estimateCol);
    const upTo = `${abs(raters.firstManagerRow, estimateCol)}:${own}`;
    canvas.set(
      r,
      3,
      formula(
        `IF(ISNUMBER(${own}),SUMPRODUCT(ISNUMBER(${estimatesRef})*(${estimatesRef}>${own}))+SUMPRODUCT(ISNUMBER(${upTo})*(${upTo}=${own})),COUNT(${estimatesRef})+${i + 1}-COUNT(${upTo}))`,
        values[i] !== null ? placeOf.get(i)! : numeric + i + 1 - values.slice(0, i + 1).filter((v) => v !== null).length,
      ),
    );
    const at = `MATCH(${i + 1},${placesRef},0)`;
    const e = effects[order[i]];
    canvas.set(r, 0, formula(`IFERROR(INDEX(${namesRef},${at}),"")`, e.manager));
    // ISNUMBER, not +0: a blank "" estimate or SE is 0 to some engines' arithmetic and #VALUE! to Excel's.
    const estimateAt = `INDEX(${estimatesRef},${at})`;
    const seAt = `INDEX(${seRef},${at})`;
    canvas.set(r, 1, formula(`IFERROR(IF(ISNUMBER(${estimateAt}),${estimateAt},""),"")`, RATER_ESTIMATE.value(e)));
    canvas.set(r, 2, formula(`IFERROR(IF(ISNUMBER(${seAt}),2*${seAt},""),"")`, RATER_ESTIMATE.uncertainty(e)));
    canvas.style(rect(r, 0), 'cal-text');
    canvas.style(rect(r, 1), 'cal-signed');
    canvas.style(rect(r, 2), 'cal-number');
    canvas.style(rect(r, 3), 'cal-helper');
  }

  const estimateRows = Math.max(12, Math.ceil(G * 1.5) + 6);
  const charts: ChartPlan[] = [
    {
      id: 'calibration-distribution',
      kind: 'clusteredColumn',
      title: 'Ratings per level against the guideline',
      anchor: rect(first, CHART_COL, DISTRIBUTION_ROWS, CHART_COLS),
      categories: guideline.levelCodes,
      series: [
        { name: 'Everyone', values: guideline.everyoneShares, color: CHART_PALETTE.actual },
        { name: 'Guideline', values: rect(guidelineRow, guidelineCol, 1, K), color: CHART_PALETTE.expected },
      ],
      axisTitles: { category: 'Level', value: 'Share of ratings' },
      valueFormat: '0%',
    },
  ];
  if (G) {
    const sortedRows: Rect = rect(first, 0, G, 1);
    charts.push({
      id: 'calibration-rater-estimates',
      kind: 'clusteredBar',
      title: `Each manager’s ${RATER_ESTIMATE.label.toLowerCase()}, highest first (± 2 SE)`,
      anchor: rect(first + DISTRIBUTION_ROWS + 1, CHART_COL, estimateRows, CHART_COLS),
      categories: sortedRows,
      series: [{ name: RATER_ESTIMATE.label, values: rect(first, 1, G, 1), color: CHART_PALETTE.actual, errorBars: rect(first, 2, G, 1) }],
      axisTitles: { value: `${RATER_ESTIMATE.label} (level values)` },
      valueFormat: '+0.0;-0.0;0.0',
      firstCategoryOnTop: true,
    });
  }
  cursor.row = Math.max(first + G, first + DISTRIBUTION_ROWS + 1 + (G ? estimateRows : 0)) + 1;
  return { charts, sorted: { firstRow: first, rows: G } };
}
