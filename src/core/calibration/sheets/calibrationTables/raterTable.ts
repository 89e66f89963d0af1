/**
 * The rater table, one row per manager: first the simple figures (n, counts
 * per level, mean, median, SD, raw difference from everyone, top-box and
 * bottom-box shares, compression; everyone's row first, as the reference μ,
 * σ), then the rater effect adjusted for role and competency, its standard
 * error from people, z, p, the Benjamini-Hochberg step, the shrunk estimate
 * and the flag (../../raterEffect/raterEffects.ts computes the same). Per-manager
 * means, spreads and medians come from the counts per level, exactly as
 * levelDistribution.ts computes them (no AVERAGEIFS, which HyperFormula lacks).
 */
import { cellRef, columnLetters, rectRef, sheetRef } from '../../../layouts/a1';
import type { RatingMatrix } from '../../ratingMatrix';
import type { CalibrationStatistics, GroupStatistics } from '../../statistics';
import type { GridSource } from '../../gridSource';
import type { DataRefs } from '../dataSheet';
import { exactCriterion, formula } from '../sheetCanvas';
import { abs, type CalibrationCursor, COUNT_COL, rect } from './calibrationCursor';
import type { SettingsTable } from './settingsTable';
import { managerGroupKey, type SelfDifferences } from '../../selfDifferences';
import { gridEntriesCount } from './gridRefs';

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
  /** A cycle master's self-minus-manager differences: one more column, their mean per manager. */
  self?: SelfDifferences;
}

export const NO_SELF_RATINGS = 'no self ratings';
/** Excel's limit on a formula's length ("Excel specifications and limits": 8,192 characters). */
const FORMULA_MAX = 8192;

export interface RaterTable {
  everyoneRow: number;
  firstManagerRow: number;
  /** The table's columns. */
  cols: {
    n: number;
    mean: number;
    sd: number;
    leniency: number;
    flag: number;
    peopleRated: number;
    estimate: number;
    se: number;
    p: number;
    shrunk: number;
    shrunkSe: number;
  };
  /** Cells under the table: pooled within-rater variance, raters tested, τ², the BH cutoff rank. */
  summary: { pooledVariance: string; tested: string; tau2: string; cutoff: string };
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
  cursor.note(
    'Raw difference: the manager’s mean minus μ, unadjusted. A simple figure: a team of senior people gets a higher one without any leniency.',
  );
  cursor.note(
    `Top-box: share of ratings on the top level (${top.code}); bottom-box: on the lowest (${bottom.code}). "vs all": minus everyone’s share.`,
  );
  cursor.note(
    'Most on one level: share of ratings on the level the manager uses most. Compressed: SD or that share past the limits in Settings.',
  );
  cursor.note(
    'Rater effect (from "People rated" on): each rating minus the mean rating everyone gives the same role on the same competency (Calibration data, far right), averaged per person, then per manager.',
  );
  cursor.note(
    'Estimate: that average, in levels: +0.5 means the manager rates half a level above what the same roles get from everyone. People rated: people with at least one rating; the person, not the rating, is the unit.',
  );
  cursor.note(
    'SE: standard error of the estimate, √(pooled within-team variance of people’s residuals ÷ people rated); the variance is pooled over all managers so a small team’s SE is not a noisy guess. z = estimate ÷ SE; p: chance of a z this far from 0 for a fair rater.',
  );
  cursor.note(
    'BH rank, limit, passes: Benjamini-Hochberg across all managers tested: the p-values ranked smallest first pass when p ≤ rank × false-discovery rate ÷ raters tested; every manager ranked up to the last pass is flagged.',
  );
  cursor.note(
    'Shrunk: the estimate pulled toward 0 by τ² ÷ (τ² + SE²), τ² the spread of true rater effects: small teams are pulled most. Shrunk SE: its uncertainty. Flag: Lenient or Harsh when BH flags the manager.',
  );
  if (input.self)
    cursor.note(
      `Self − manager (mean): where self-assessments came back, the mean over the manager's people of self minus manager, in level values, from "${input.self.sheet}" (positive: people rate themselves higher than their manager does); "${NO_SELF_RATINGS}" where none of the manager's people has a self rating beside a manager rating.`,
    );
  const m = {
    people: 1,
    n: 2,
    mean: COUNT_COL + K,
    median: COUNT_COL + K + 1,
    sd: COUNT_COL + K + 2,
    leniency: COUNT_COL + K + 3,
    top: COUNT_COL + K + 4,
    topVs: COUNT_COL + K + 5,
    bottom: COUNT_COL + K + 6,
    bottomVs: COUNT_COL + K + 7,
    mode: COUNT_COL + K + 8,
    compressed: COUNT_COL + K + 9,
    peopleRated: COUNT_COL + K + 10,
    residualSum: COUNT_COL + K + 11,
    residualSqSum: COUNT_COL + K + 12,
    estimate: COUNT_COL + K + 13,
    withinSs: COUNT_COL + K + 14,
    se: COUNT_COL + K + 15,
    z: COUNT_COL + K + 16,
    p: COUNT_COL + K + 17,
    rank: COUNT_COL + K + 18,
    limit: COUNT_COL + K + 19,
    passes: COUNT_COL + K + 20,
    excess: COUNT_COL + K + 21,
    shrunk: COUNT_COL + K + 22,
    shrunkSe: COUNT_COL + K + 23,
    flag: COUNT_COL + K + 24,
  };
  const selfCol = input.self ? m.flag + 1 : undefined;
  const raterCols = (selfCol ?? m.flag) + 1;

  let row = cursor.row;
  canvas.setRow(row, 0, ['Manager', 'People', 'Ratings (n)']);
  cursor.levelCodes(row, COUNT_COL);
  canvas.setRow(row, m.mean, [
    'Mean',
    'Median',
    'SD',
    'Raw difference',
    'Top-box',
    'Top-box vs all',
    'Bottom-box',
    'Bottom-box vs all',
    'Most on one level',
    'Compressed',
    'People rated',
    'Σ residual',
    'Σ residual²',
    'Estimate',
    'Within-team SS',
    'SE',
    'z',
    'p',
    'BH rank',
    'BH limit',
    'BH passes',
    'Estimate² − SE²',
    'Shrunk',
    'Shrunk SE',
    'Flag',
    ...(input.self ? ['Self − manager (mean)'] : []),
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
    canvas.style(rect(r, m.leniency), 'cal-signed');
    canvas.style(rect(r, m.peopleRated), 'cal-count');
    canvas.style(rect(r, m.residualSum, 1, 6), 'cal-number');
    canvas.style(rect(r, m.estimate), 'cal-signed');
    canvas.style(rect(r, m.z), 'cal-signed');
    canvas.style(rect(r, m.rank), 'cal-count');
    canvas.style(rect(r, m.limit, 1, 3), 'cal-number');
    canvas.style(rect(r, m.shrunk), 'cal-signed');
    canvas.style(rect(r, m.shrunkSe), 'cal-number');
    canvas.style(rect(r, m.flag), 'cal-text');
    canvas.style(rect(r, m.top), 'cal-percent');
    canvas.style(rect(r, m.topVs), 'cal-signed-percent');
    canvas.style(rect(r, m.bottom), 'cal-percent');
    canvas.style(rect(r, m.bottomVs), 'cal-signed-percent');
    canvas.style(rect(r, m.mode), 'cal-percent');
    canvas.style(rect(r, m.compressed), 'cal-text');
    if (selfCol !== undefined) canvas.style(rect(r, selfCol), 'cal-signed');
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
  if (input.self && selfCol !== undefined) canvas.set(everyoneRow, selfCol, selfMean(input.self));
  styleRaterRow(everyoneRow);
  canvas.style(rect(everyoneRow, 0, 1, raterCols), 'cal-total');
  const mu = abs(everyoneRow, m.mean);
  const sigma = abs(everyoneRow, m.sd);
  const effects = stats.raterEffects;
  const bodyRows = Math.max(1, G);
  const sums = new Array<number>(G).fill(0);
  const squares = new Array<number>(G).fill(0);
  effects.residual.forEach((d, i) => {
    if (d === null) return;
    sums[stats.groups.group[i]] += d;
    squares[stats.groups.group[i]] += d * d;
  });
  const columnOf = (col: number) => rectRef(rect(firstManagerRow, col, bodyRows, 1), true);
  // The summary cells sit under the table, after the two lines of counts.
  const summaryRow = firstManagerRow + G + 2;
  const pooledRef = abs(summaryRow, m.n);
  const testedRef = abs(summaryRow + 1, m.n);
  const tau2Ref = abs(summaryRow + 2, m.n);
  const cutoffRef = abs(summaryRow + 3, m.n);

  managers.forEach((s, g) => {
    const r = firstManagerRow + g;
    const criterion = exactCriterion(s.manager, `$A${r + 1}`);
    const n = at(r, m.n);
    const mean = at(r, m.mean);
    const e = effects.raters[g];
    canvas.set(r, 0, s.manager);
    canvas.set(r, m.people, formula(`COUNTIF(${data.managers},${criterion})`, s.people));
    canvas.set(r, m.n, formula(`SUM(${countsOf(r)})`, s.n));
    for (let k = 0; k < K; k++)
      canvas.set(r, COUNT_COL + k, formula(`SUMIF(${data.managers},${criterion},${data.counts(k)})`, s.counts[k]));
    canvas.set(r, m.mean, formula(`IF(${n}=0,"",SUMPRODUCT(${countsOf(r)},${valuesRange})/${n})`, s.mean));
    canvas.set(r, m.median, formula(`IF(${n}=0,"",(${valueAt(r, `INT((${n}+1)/2)`)}+${valueAt(r, `INT(${n}/2)+1`)})/2)`, s.median));
    canvas.set(r, m.sd, formula(`IF(${n}=0,"",SQRT(SUMPRODUCT(${countsOf(r)},(${valuesRange}-${mean})^2)/${n}))`, s.sd));
    canvas.set(r, m.leniency, formula(`IF(${n}=0,"",${mean}-${mu})`, s.leniency));
    shares(r, s);
    const np = at(r, m.peopleRated);
    const est = at(r, m.estimate);
    const se = at(r, m.se);
    const z = at(r, m.z);
    const p = at(r, m.p);
    const rank = at(r, m.rank);
    canvas.set(r, m.peopleRated, formula(`SUMIF(${data.managers},${criterion},${data.rated})`, e.people));
    const residualSum = sums[g];
    const residualSqSum = squares[g];
    canvas.set(r, m.residualSum, formula(`SUMIF(${data.managers},${criterion},${data.residuals})`, residualSum));
    canvas.set(r, m.residualSqSum, formula(`SUMIF(${data.managers},${criterion},${data.residualSquares})`, residualSqSum));
    canvas.set(r, m.estimate, formula(`IF(${np}=0,"",${at(r, m.residualSum)}/${np})`, e.estimate));
    canvas.set(
      r,
      m.withinSs,
      formula(
        `IF(${np}=0,0,${at(r, m.residualSqSum)}-${np}*${est}^2)`,
        e.estimate === null ? 0 : residualSqSum - e.people * e.estimate ** 2,
      ),
    );
    canvas.set(
      r,
      m.se,
      formula(`IF(${np}<${refs.minTeam},"",IF(${pooledRef}="","",IF(${pooledRef}>0,SQRT(${pooledRef}/${np}),"")))`, e.se),
    );
    canvas.set(r, m.z, formula(`IF(${se}="","",${est}/${se})`, e.z));
    // Two-sided p = 2·NORM.S.DIST(-|z|) = ERFC(|z|/√2): ERFC is read the same by every Excel, LibreOffice and
    // HyperFormula without an _xlfn. prefix (NORM.S.DIST needs one in a file, and HyperFormula's NORMSDIST wants two arguments).
    canvas.set(r, m.p, formula(`IF(${z}="","",ERFC(ABS(${z})/SQRT(2)))`, e.p));
    // Rank: how many p-values are at most this one (ties share the last of their places); RANK is not in every engine.
    canvas.set(r, m.rank, formula(`IF(${p}="","",SUMPRODUCT(ISNUMBER(${columnOf(m.p)})*(${columnOf(m.p)}<=${p})))`, e.rank));
    const limit = e.rank === null ? null : (e.rank * stats.settings.falseDiscoveryRate) / effects.tested;
    canvas.set(r, m.limit, formula(`IF(${p}="","",${rank}*${refs.falseDiscoveryRate}/${testedRef})`, limit));
    canvas.set(
      r,
      m.passes,
      formula(`IF(${p}="","",IF(${p}<=${at(r, m.limit)},${rank},0))`, e.p === null ? null : e.p <= limit! ? e.rank : 0),
    );
    canvas.set(r, m.excess, formula(`IF(${se}="","",${est}^2-${se}^2)`, e.se === null ? null : e.estimate! ** 2 - e.se ** 2));
    canvas.set(r, m.shrunk, formula(`IF(OR(${se}="",${tau2Ref}=""),"",${tau2Ref}/(${tau2Ref}+${se}^2)*${est})`, e.shrunk));
    canvas.set(r, m.shrunkSe, formula(`IF(OR(${se}="",${tau2Ref}=""),"",SQRT(${tau2Ref}/(${tau2Ref}+${se}^2))*${se})`, e.shrunkSe));
    canvas.set(
      r,
      m.flag,
      formula(
        `IF(${p}="","",IF(${rank}<=${cutoffRef},IF(${est}>0,"${FLAG_TEXT.lenient}","${FLAG_TEXT.harsh}"),""))`,
        e.direction ? FLAG_TEXT[e.direction] : '',
      ),
    );
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
    if (input.self && selfCol !== undefined) canvas.set(r, selfCol, selfMean(input.self, criterion, s.manager));
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
  canvas.set(row, m.n, formula(`${gridEntriesCount(grid)}-${nAll}`, matrix.notCounted));
  canvas.style(rect(row++, 0), 'cal-note');

  // The rater effect's figures across managers.
  const within = columnOf(m.withinSs);
  const people = columnOf(m.peopleRated);
  const summary: [string, string, number | null][] = [
    [
      'Pooled within-team variance of people’s residuals: Σ within-team SS ÷ (people rated − managers with people)',
      `IF(SUM(${people})-COUNTIF(${people},">0")>0,SUM(${within})/(SUM(${people})-COUNTIF(${people},">0")),"")`,
      effects.pooledVariance,
    ],
    ['Managers tested (at least the smallest team in Settings)', `COUNT(${columnOf(m.p)})`, effects.tested],
    [
      'τ²: spread of true rater effects, the mean of (estimate² − SE²) over managers tested, at least 0',
      `IF(${testedRef}=0,"",MAX(0,SUM(${columnOf(m.excess)})/${testedRef}))`,
      effects.tau2,
    ],
    [
      'Benjamini-Hochberg: the last rank that passes (managers ranked up to it are flagged; 0: none)',
      `MAX(${columnOf(m.passes)})`,
      effects.cutoff,
    ],
  ];
  summary.forEach(([label, text, value]) => {
    canvas.set(row, 0, label);
    canvas.set(row, m.n, formula(text, value));
    canvas.style(rect(row, 0), 'cal-note');
    canvas.style(rect(row, m.n), 'cal-number');
    row++;
  });
  cursor.row = row + 1;

  return {
    everyoneRow,
    firstManagerRow,
    cols: {
      n: m.n,
      mean: m.mean,
      sd: m.sd,
      leniency: m.leniency,
      flag: m.flag,
      peopleRated: m.peopleRated,
      estimate: m.estimate,
      se: m.se,
      p: m.p,
      shrunk: m.shrunk,
      shrunkSe: m.shrunkSe,
    },
    summary: { pooledVariance: pooledRef, tested: testedRef, tau2: tau2Ref, cutoff: cutoffRef },
    width: raterCols,
  };
}

/**
 * The mean self-minus-manager difference of one manager's people (or, without
 * a criterion, of everyone), live from the Self ratings sheet's difference
 * columns: SUMIF and COUNTIFS per column, since a difference cell left "" is
 * text that SUMIF skips and a numeric criterion does not count.
 */
function selfMean(self: SelfDifferences, criterion?: string, manager?: string) {
  const col = (c: number) => sheetRef(self.sheet, { row: self.firstRow, col: c, rows: self.rows, cols: 1 }, true);
  const managers = col(self.managerCol);
  const figures = manager === undefined ? [...self.byManager.values()] : [self.byManager.get(managerGroupKey(manager))];
  const sum = figures.reduce((a, f) => a + (f?.sum ?? 0), 0);
  const n = figures.reduce((a, f) => a + (f?.n ?? 0), 0);
  const result = n ? sum / n : NO_SELF_RATINGS;
  const sums = self.diffCols.map((c) => (criterion ? `SUMIF(${managers},${criterion},${col(c)})` : `SUM(${col(c)})`));
  const counts = self.diffCols.map((c) => (criterion ? `COUNTIFS(${managers},${criterion},${col(c)},">-1E+99")` : `COUNT(${col(c)})`));
  if (!self.diffCols.length) return formula(`"${NO_SELF_RATINGS}"`, NO_SELF_RATINGS);
  const text = `IF((${counts.join('+')})=0,"${NO_SELF_RATINGS}",(${sums.join('+')})/(${counts.join('+')}))`;
  // Past Excel's formula limit (some 45 competencies) the figure is written as core's value, not live.
  return text.length < FORMULA_MAX ? formula(text, result) : result;
}
