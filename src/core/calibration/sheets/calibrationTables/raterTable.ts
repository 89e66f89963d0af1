/**
 * The rater table: per manager n, counts per level, mean, median, SD,
 * leniency, z, flag, top-box and bottom-box shares against everyone, and
 * compression; everyone's row first, as the reference (μ, σ). Per-manager
 * means, spreads and medians come from the counts per level, exactly as
 * levelDistribution.ts computes them (no AVERAGEIFS, which HyperFormula lacks).
 */
import { cellRef, columnLetters, rectRef } from '../../../layouts/a1';
import type { RatingMatrix } from '../../ratingMatrix';
import type { CalibrationStatistics, GroupStatistics } from '../../statistics';
import type { GridSource } from '../../gridSource';
import type { DataRefs } from '../dataSheet';
import { exactCriterion, formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, COUNT_COL, rect } from './calibrationCursor';
import type { SettingsTable } from './settingsTable';
import { gridRatingsRef } from './gridRefs';

const FLAG_FILL = 'FCE4D6';
const COMPRESSED_FILL = 'FFF2CC';

export const FLAG_TEXT = { lenient: 'Lenient', harsh: 'Harsh' } as const;
export const COMPRESSED_TEXT = 'Compressed';

export interface RaterTableInput {
  matrix: RatingMatrix;
  stats: CalibrationStatistics;
  grid: GridSource;
  data: DataRefs;
  settings: SettingsTable;
}

export interface RaterTable {
  everyoneRow: number;
  firstManagerRow: number;
  /** The table's columns. */
  cols: { n: number; mean: number; sd: number; leniency: number; flag: number };
  /** Columns the table spans. */
  width: number;
}

export function raterTable(cursor: CalibrationCursor, input: RaterTableInput): RaterTable {
  const { matrix, stats, grid, data, settings } = input;
  const { canvas, levels } = cursor;
  const { overall, managers } = stats;
  const { refs, valuesRange } = settings;
  const K = levels.length;
  const G = managers.length;
  const top = levels[K - 1];
  const bottom = levels[0];

  cursor.section('Raters: how each manager rates, compared with everyone');
  cursor.note(
    'n: ratings the manager gave (blank and N/A are not ratings). Under each level: how many of their ratings are at that level.',
  );
  cursor.note(
    'Mean and median of level values; SD: population standard deviation (STDEVP). μ and σ: everyone’s mean and SD (the first row).',
  );
  cursor.note('Leniency: the manager’s mean minus μ. Positive rates softer than the rest, negative harsher.');
  cursor.note(
    'z: leniency ÷ (σ ÷ √n), how unusual the leniency is for this many ratings. Flag: Lenient or Harsh when |z| and n pass the limits in Settings.',
  );
  cursor.note(
    `Top-box: share of ratings on the top level (${top.code}); bottom-box: on the lowest (${bottom.code}). "vs all": minus everyone’s share.`,
  );
  cursor.note(
    'Most on one level: share of ratings on the level the manager uses most. Compressed: SD or that share past the limits in Settings.',
  );
  const m = {
    people: 1,
    n: 2,
    mean: COUNT_COL + K,
    median: COUNT_COL + K + 1,
    sd: COUNT_COL + K + 2,
    leniency: COUNT_COL + K + 3,
    z: COUNT_COL + K + 4,
    flag: COUNT_COL + K + 5,
    top: COUNT_COL + K + 6,
    topVs: COUNT_COL + K + 7,
    bottom: COUNT_COL + K + 8,
    bottomVs: COUNT_COL + K + 9,
    mode: COUNT_COL + K + 10,
    compressed: COUNT_COL + K + 11,
  };
  const raterCols = m.compressed + 1;

  let row = cursor.row;
  canvas.setRow(row, 0, ['Manager', 'People', 'Ratings (n)']);
  cursor.levelCodes(row, COUNT_COL);
  canvas.setRow(row, m.mean, [
    'Mean',
    'Median',
    'SD',
    'Leniency',
    'z',
    'Flag',
    'Top-box',
    'Top-box vs all',
    'Bottom-box',
    'Bottom-box vs all',
    'Most on one level',
    'Compressed',
  ]);
  canvas.style(rect(row, 0, 1, raterCols), 'cal-header');
  row++;

  const everyoneRow = row;
  const firstManagerRow = everyoneRow + 1;
  const at = (r: number, col: number) => cellRef(r, col);
  const countsOf = (r: number) => `${at(r, COUNT_COL)}:${at(r, COUNT_COL + K - 1)}`;
  const styleRaterRow = (r: number) => {
    canvas.style(rect(r, 0), 'cal-text');
    canvas.style(rect(r, m.people, 1, 2 + K), 'cal-count');
    canvas.style(rect(r, m.mean, 1, 3), 'cal-number');
    canvas.style(rect(r, m.leniency, 1, 2), 'cal-signed');
    canvas.style(rect(r, m.flag), 'cal-text');
    canvas.style(rect(r, m.top), 'cal-percent');
    canvas.style(rect(r, m.topVs), 'cal-signed-percent');
    canvas.style(rect(r, m.bottom), 'cal-percent');
    canvas.style(rect(r, m.bottomVs), 'cal-signed-percent');
    canvas.style(rect(r, m.mode), 'cal-percent');
    canvas.style(rect(r, m.compressed), 'cal-text');
  };
  const shares = (r: number, s: GroupStatistics) => {
    const n = at(r, m.n);
    canvas.set(r, m.top, formula(`IF(${n}=0,"",${at(r, COUNT_COL + K - 1)}/${n})`, s.topShare));
    canvas.set(r, m.bottom, formula(`IF(${n}=0,"",${at(r, COUNT_COL)}/${n})`, s.bottomShare));
    canvas.set(r, m.mode, formula(`IF(${n}=0,"",MAX(${countsOf(r)})/${n})`, s.modeShare));
  };
  /** The value of the p-th smallest rating of row r: 1 + (levels whose cumulative count is below p). */
  const valueAt = (r: number, p: string): string => {
    const below = levels.slice(0, -1).map((_, k) => `(SUM(${at(r, COUNT_COL).replace(/^([A-Z]+)/, '$$$1')}:${at(r, COUNT_COL + k)})<${p})`);
    return `INDEX(${valuesRange},1,1${below.map((b) => `+${b}`).join('')})`;
  };

  // Everyone: the reference row (μ, σ), straight from the values with native statistics.
  canvas.set(everyoneRow, 0, 'Everyone');
  canvas.set(everyoneRow, m.people, formula(`COUNTA(${data.managers})`, matrix.people.length));
  canvas.set(everyoneRow, m.n, formula(`COUNT(${data.allValues})`, overall.n));
  for (let k = 0; k < K; k++) canvas.set(everyoneRow, COUNT_COL + k, formula(`SUM(${data.counts(k)})`, overall.counts[k]));
  const nAll = at(everyoneRow, m.n);
  canvas.set(everyoneRow, m.mean, formula(`IF(${nAll}=0,"",AVERAGE(${data.allValues}))`, overall.mean));
  canvas.set(everyoneRow, m.median, formula(`IF(${nAll}=0,"",MEDIAN(${data.allValues}))`, overall.median));
  canvas.set(everyoneRow, m.sd, formula(`IF(${nAll}=0,"",STDEVP(${data.allValues}))`, overall.sd));
  shares(everyoneRow, overall);
  styleRaterRow(everyoneRow);
  canvas.style(rect(everyoneRow, 0, 1, raterCols), 'cal-total');
  const mu = abs(everyoneRow, m.mean);
  const sigma = abs(everyoneRow, m.sd);

  managers.forEach((s, g) => {
    const r = firstManagerRow + g;
    const criterion = exactCriterion(s.manager, `$A${r + 1}`);
    const n = at(r, m.n);
    const mean = at(r, m.mean);
    const z = at(r, m.z);
    canvas.set(r, 0, s.manager);
    canvas.set(r, m.people, formula(`COUNTIF(${data.managers},${criterion})`, s.people));
    canvas.set(r, m.n, formula(`SUM(${countsOf(r)})`, s.n));
    for (let k = 0; k < K; k++)
      canvas.set(r, COUNT_COL + k, formula(`SUMIF(${data.managers},${criterion},${data.counts(k)})`, s.counts[k]));
    canvas.set(r, m.mean, formula(`IF(${n}=0,"",SUMPRODUCT(${countsOf(r)},${valuesRange})/${n})`, s.mean));
    canvas.set(r, m.median, formula(`IF(${n}=0,"",(${valueAt(r, `INT((${n}+1)/2)`)}+${valueAt(r, `INT(${n}/2)+1`)})/2)`, s.median));
    canvas.set(r, m.sd, formula(`IF(${n}=0,"",SQRT(SUMPRODUCT(${countsOf(r)},(${valuesRange}-${mean})^2)/${n}))`, s.sd));
    canvas.set(r, m.leniency, formula(`IF(${n}=0,"",${mean}-${mu})`, s.leniency));
    canvas.set(r, m.z, formula(`IF(OR(${n}=0,${sigma}=0),"",(${mean}-${mu})/(${sigma}/SQRT(${n})))`, s.z));
    canvas.set(
      r,
      m.flag,
      formula(
        `IF(${z}="","",IF(AND(${n}>=${refs.flagMinRatings},ABS(${z})>${refs.flagZ}),IF(${z}>0,"${FLAG_TEXT.lenient}","${FLAG_TEXT.harsh}"),""))`,
        s.flag ? FLAG_TEXT[s.flag] : '',
      ),
    );
    shares(r, s);
    canvas.set(
      r,
      m.topVs,
      formula(`IF(${n}=0,"",${at(r, m.top)}-${abs(everyoneRow, m.top)})`, s.topShare === null ? null : s.topShare - overall.topShare!),
    );
    canvas.set(
      r,
      m.bottomVs,
      formula(
        `IF(${n}=0,"",${at(r, m.bottom)}-${abs(everyoneRow, m.bottom)})`,
        s.bottomShare === null ? null : s.bottomShare - overall.bottomShare!,
      ),
    );
    canvas.set(
      r,
      m.compressed,
      formula(
        `IF(${n}<${refs.flagMinRatings},"",IF(OR(${at(r, m.sd)}<${refs.compressionSdRatio}*${sigma},${at(r, m.mode)}>=${refs.compressionModeShare}),"${COMPRESSED_TEXT}",""))`,
        s.compressed ? COMPRESSED_TEXT : '',
      ),
    );
    styleRaterRow(r);
  });
  if (G) {
    const body = rect(firstManagerRow, 0, G, raterCols);
    canvas.conditionalFormats.push(
      {
        kind: 'formula',
        range: body,
        formula: `$${columnLetters(m.flag)}${firstManagerRow + 1}<>""`,
        style: { fill: FLAG_FILL, bold: true },
      },
      {
        kind: 'formula',
        range: rect(firstManagerRow, m.compressed, G, 1),
        formula: `${at(firstManagerRow, m.compressed)}="${COMPRESSED_TEXT}"`,
        style: { fill: COMPRESSED_FILL },
      },
    );
  }
  row = firstManagerRow + G;

  // Under the table: whatever the rows above leave out, so the counts add up.
  const unlisted = matrix.people.length - managers.reduce((a, s) => a + s.people, 0);
  canvas.set(
    row,
    0,
    'People in the grid whose manager is not in this table (a manager changed since this sheet was built; rebuild it to add them)',
  );
  canvas.set(
    row,
    m.n,
    formula(
      `${at(everyoneRow, m.people)}-SUM(${rectRef(rect(firstManagerRow, m.people, Math.max(1, G), 1))})`,
      G ? unlisted : matrix.people.length,
    ),
  );
  canvas.style(rect(row++, 0), 'cal-note');
  canvas.set(row, 0, 'Grid entries not counted (N/A, or text that is not a level of the scale)');
  canvas.set(row, m.n, formula(`COUNTA(${gridRatingsRef(grid)})-${nAll}`, matrix.notCounted));
  canvas.style(rect(row++, 0), 'cal-note');
  cursor.row = row + 1;

  return {
    everyoneRow,
    firstManagerRow,
    cols: { n: m.n, mean: m.mean, sd: m.sd, leniency: m.leniency, flag: m.flag },
    width: raterCols,
  };
}
