/**
 * The distribution against the guideline: for everyone and each manager, the
 * share of ratings at each level and its difference from the guideline share
 * set in Settings, coloured on the calibration sheets' diverging scale.
 */
import { cellRef } from '../../../layouts/a1';
import type { Rect } from '../../../layouts/plan';
import { CALIBRATION_COLORS, divergingHeatmap } from '../../../layouts/heatmap';
import type { CalibrationStatistics } from '../../statistics';
import { formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, COUNT_COL, rect } from './calibrationCursor';
import type { RaterTable } from './raterTable';

/** Full colour at a difference of 20 percentage points. */
const FULL_COLOUR_DIFFERENCE = 0.2;

export interface GuidelineTable {
  /** Columns the table spans. */
  width: number;
  /** The level codes over the shares, and everyone's share at each level (for the distribution chart). */
  levelCodes: Rect;
  everyoneShares: Rect;
}

/** Writes the table. */
export function guidelineTable(
  cursor: CalibrationCursor,
  stats: CalibrationStatistics,
  raters: RaterTable,
  guidelineRow: number,
): GuidelineTable {
  const { canvas, levels } = cursor;
  const { overall, managers } = stats;
  const { everyoneRow, firstManagerRow } = raters;
  const K = levels.length;
  const G = managers.length;
  const at = (r: number, col: number) => cellRef(r, col);

  cursor.section('Distribution against the guideline');
  cursor.note(
    'Share: the group’s ratings at each level ÷ its ratings. Difference: share minus the guideline share set in Settings (edit it there).',
  );
  cursor.note('A positive difference means more ratings at that level than the guideline expects; negative, fewer.');
  const shareCol = 2;
  const diffCol = shareCol + K + 1;
  let row = cursor.row;
  canvas.set(row, shareCol, 'Share of ratings');
  canvas.set(row, diffCol, 'Difference from the guideline');
  canvas.style(rect(row, shareCol), 'cal-label');
  canvas.style(rect(row, diffCol), 'cal-label');
  row++;
  canvas.setRow(row, 0, ['Group', 'Ratings (n)']);
  cursor.levelCodes(row, shareCol);
  cursor.levelCodes(row, diffCol);
  canvas.style(rect(row, 0, 1, diffCol + K), 'cal-header');
  row++;
  const first = row;
  [overall, ...managers].forEach((s, i) => {
    const r = first + i;
    const source = i === 0 ? everyoneRow : firstManagerRow + i - 1;
    const n = at(r, 1);
    canvas.set(r, 0, formula(`A${source + 1}`, i === 0 ? 'Everyone' : managers[i - 1].manager));
    canvas.set(r, 1, formula(at(source, raters.cols.n), s.n));
    for (let k = 0; k < K; k++) {
      const share = s.n ? s.counts[k] / s.n : null;
      canvas.set(r, shareCol + k, formula(`IF(${n}=0,"",${at(source, COUNT_COL + k)}/${n})`, share));
      canvas.set(
        r,
        diffCol + k,
        formula(
          `IF(${n}=0,"",${at(r, shareCol + k)}-${abs(guidelineRow, COUNT_COL + k)})`,
          s.guidelineDifference ? s.guidelineDifference[k] : null,
        ),
      );
    }
    canvas.style(rect(r, 0), i === 0 ? 'cal-total' : 'cal-text');
    canvas.style(rect(r, 1), 'cal-count');
    canvas.style(rect(r, shareCol, 1, K), 'cal-percent');
    canvas.style(rect(r, diffCol, 1, K), 'cal-signed-percent');
  });
  canvas.conditionalFormats.push(divergingHeatmap(rect(first, diffCol, G + 1, K), FULL_COLOUR_DIFFERENCE, CALIBRATION_COLORS));
  cursor.row = first + G + 2;
  return { width: diffCol + K, levelCodes: rect(first - 1, shareCol, 1, K), everyoneShares: rect(first, shareCol, 1, K) };
}
