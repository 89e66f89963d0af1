/**
 * The heatmap of manager x competency: each manager's team mean on a
 * competency minus everyone's mean on it (from the competency table written
 * right after it), left blank by formula where fewer people are rated than
 * the smallest group in Settings, so no one can be singled out.
 */
import type { Rect } from '../../../layouts/plan';
import { CALIBRATION_COLORS, divergingHeatmap, levelStep } from '../../../layouts/heatmap';
import type { Scale } from '../../../scale';
import type { RatedCompetency } from '../../ratingMatrix';
import type { CalibrationStatistics } from '../../statistics';
import type { DataRefs } from '../dataSheet';
import { exactCriterion, formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, rect } from './calibrationCursor';
import { COMPETENCY_TABLE_LEAD, competencyColumns } from './competencyTable';

export interface TeamHeatmapInput {
  scale: Scale;
  competencies: readonly RatedCompetency[];
  stats: CalibrationStatistics;
  data: DataRefs;
  /** The smallest group setting, absolute. */
  minGroupRef: string;
  /** The rater table's first manager row: the heatmap lists the managers in its order. */
  firstManagerRow: number;
}

/** Writes the heatmap; returns its cells and the row where the competency table must start. */
export function teamHeatmap(cursor: CalibrationCursor, input: TeamHeatmapInput): { heatmap: Rect; competencyFirstRow: number } {
  const { scale, competencies, stats, data, minGroupRef, firstManagerRow } = input;
  const { canvas, levels } = cursor;
  const managers = stats.managers;
  const C = competencies.length;
  const G = managers.length;

  cursor.section('Heatmap: each manager’s team against everyone, competency by competency');
  cursor.note(
    'Each cell: the mean rating of the manager’s team on the competency, minus everyone’s mean on that competency (shown in the table further down).',
  );
  cursor.note(
    'Orange: the team is rated higher than everyone; blue: lower. Blank: fewer people rated than the smallest group in Settings, so no one can be singled out.',
  );

  let row = cursor.row;
  canvas.set(row, 0, 'Manager');
  competencies.forEach((c, j) => canvas.set(row, 1 + j, c.name));
  canvas.style(rect(row, 0), 'cal-header');
  canvas.style(rect(row, 1, 1, C), 'cal-header-rotated');
  canvas.rowHeights.push({ row, height: 120 });
  row++;
  const heatFirst = row;
  // The competency table follows the heatmap's rows and a blank line.
  const competencyFirstRow = heatFirst + G + 1 + COMPETENCY_TABLE_LEAD;
  const everyoneMeanCol = competencyColumns(levels.length).mean;
  const lowest = Math.min(...levels.map((l) => l.value));
  managers.forEach((s, g) => {
    const r = heatFirst + g;
    const criterion = exactCriterion(s.manager, `$A${r + 1}`);
    canvas.set(r, 0, formula(`A${firstManagerRow + g + 1}`, s.manager));
    competencies.forEach((_, j) => {
      const values = data.values(j);
      const count = `COUNTIFS(${data.managers},${criterion},${values},">=${lowest}")`;
      canvas.set(
        r,
        1 + j,
        formula(
          `IF(${count}<${minGroupRef},"",SUMIFS(${values},${data.managers},${criterion})/${count}-${abs(competencyFirstRow + j, everyoneMeanCol)})`,
          stats.heatmap.difference[g][j],
        ),
      );
    });
    canvas.style(rect(r, 0), 'cal-text');
    canvas.style(rect(r, 1, 1, C), 'cal-signed');
  });
  const heatmap = rect(heatFirst, 1, G, C);
  if (G && C) canvas.conditionalFormats.push(divergingHeatmap(heatmap, levelStep(scale), CALIBRATION_COLORS));
  cursor.row = heatFirst + G + 1;
  return { heatmap, competencyFirstRow };
}
