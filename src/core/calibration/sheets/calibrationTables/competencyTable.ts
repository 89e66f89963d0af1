/**
 * The competency table: per competency, the ratings at each level, mean,
 * median and SD of level values, and team coverage: how many people are at
 * or above the coverage level in Settings, flagged when nobody or a single
 * person is (who, then, by name).
 */
import { cellRef } from '../../../layouts/a1';
import type { CalibrationStatistics } from '../../statistics';
import type { DataRefs } from '../dataSheet';
import { formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, COUNT_COL, rect } from './calibrationCursor';
import type { SettingsTable } from './settingsTable';

const NOBODY_FILL = 'F8CBAD';
const SINGLE_FILL = 'FFE699';

export const COVERAGE_TEXT = { nobody: 'Nobody', single: 'Single point of expertise', covered: '' } as const;

/** Rows the table writes above its first competency: its section line, two notes and the header. */
export const COMPETENCY_TABLE_LEAD = 4;

/** The table's columns; the counts per level start at COUNT_COL, the figures right after them. */
export function competencyColumns(levelCount: number) {
  const mean = COUNT_COL + levelCount;
  return { id: 1, n: 2, mean, median: mean + 1, sd: mean + 2, covered: mean + 3, status: mean + 4, who: mean + 5 };
}

/**
 * Writes the table; `firstRow` is where formulas above (the heatmap) expect its
 * first competency. Returns the column of "Who", the table's last.
 */
export function competencyTable(
  cursor: CalibrationCursor,
  stats: CalibrationStatistics,
  data: DataRefs,
  settings: SettingsTable,
  firstRow: number,
): number {
  const { canvas, levels } = cursor;
  const K = levels.length;
  const C = stats.competencies.length;
  const coverageValue = settings.refs.coverageValue;
  const at = (r: number, col: number) => cellRef(r, col);

  cursor.section('Competencies: distribution across levels, and team coverage');
  cursor.note(
    `Under each level: ratings at that level. Mean, median and SD (STDEVP) of level values. At or above: people rated at or above the coverage level in Settings.`,
  );
  cursor.note('Single point of expertise: only one person is at or above it (named under Who); Nobody: a gap in the team.');
  const c = competencyColumns(K);
  let row = cursor.row;
  canvas.setRow(row, 0, ['Competency', 'Id', 'Ratings (n)']);
  cursor.levelCodes(row, COUNT_COL);
  canvas.setRow(row, c.mean, ['Mean', 'Median', 'SD', 'At or above', 'Coverage', 'Who']);
  canvas.style(rect(row, 0, 1, c.who + 1), 'cal-header');
  row++;
  if (row !== firstRow) throw new Error('calibration sheet: the competency table moved; update COMPETENCY_TABLE_LEAD');
  stats.competencies.forEach((s, j) => {
    const r = row + j;
    const values = data.values(j);
    const n = at(r, c.n);
    const covered = at(r, c.covered);
    canvas.setRow(r, 0, [s.competency.name, s.competency.id]);
    canvas.set(r, c.n, formula(`COUNT(${values})`, s.n));
    for (let k = 0; k < K; k++)
      canvas.set(r, COUNT_COL + k, formula(`COUNTIF(${values},${abs(settings.valuesRow, COUNT_COL + k)})`, s.counts[k]));
    canvas.set(r, c.mean, formula(`IF(${n}=0,"",AVERAGE(${values}))`, s.mean));
    canvas.set(r, c.median, formula(`IF(${n}=0,"",MEDIAN(${values}))`, s.median));
    canvas.set(r, c.sd, formula(`IF(${n}=0,"",STDEVP(${values}))`, s.sd));
    canvas.set(r, c.covered, formula(`COUNTIF(${values},">="&${coverageValue})`, s.covered));
    canvas.set(
      r,
      c.status,
      formula(`IF(${covered}=0,"${COVERAGE_TEXT.nobody}",IF(${covered}=1,"${COVERAGE_TEXT.single}",""))`, COVERAGE_TEXT[s.coverage]),
    );
    // The row of the only expert: the sum of the index column over people at or above the level.
    canvas.set(
      r,
      c.who,
      formula(
        `IF(${covered}<>1,"",INDEX(${data.names},SUMPRODUCT(ISNUMBER(${values})*(${values}>=${coverageValue})*${data.index})))`,
        s.soleExpert ?? '',
      ),
    );
    canvas.style(rect(r, 0, 1, 2), 'cal-text');
    canvas.style(rect(r, c.n, 1, 1 + K), 'cal-count');
    canvas.style(rect(r, c.mean, 1, 3), 'cal-number');
    canvas.style(rect(r, c.covered), 'cal-count');
    canvas.style(rect(r, c.status, 1, 2), 'cal-text');
  });
  if (C) {
    const statusRange = rect(row, c.status, C, 1);
    const first = at(row, c.status);
    canvas.conditionalFormats.push(
      {
        kind: 'colorScale',
        range: rect(row, COUNT_COL, C, K),
        points: [
          { kind: 'min', color: 'FFFFFF' },
          { kind: 'max', color: '9BC2E6' },
        ],
      },
      { kind: 'formula', range: statusRange, formula: `${first}="${COVERAGE_TEXT.nobody}"`, style: { fill: NOBODY_FILL } },
      { kind: 'formula', range: statusRange, formula: `${first}="${COVERAGE_TEXT.single}"`, style: { fill: SINGLE_FILL } },
    );
  }
  cursor.row = row + C + 1;
  return c.who;
}
