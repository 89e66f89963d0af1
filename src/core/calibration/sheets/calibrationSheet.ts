/**
 * The "Calibration" sheet: settings the room can edit, then four tables, each
 * under a few lines that say in plain words what its numbers mean.
 *
 * - Raters: per manager n, counts per level, mean, median, SD, leniency, z,
 *   flag, top-box and bottom-box shares against everyone, compression.
 * - Distribution against the guideline, level by level.
 * - Heatmap of manager x competency: team mean minus everyone's mean, small
 *   groups left blank by formula.
 * - Competencies: distribution across levels and team coverage.
 *
 * Every figure is a native formula over the data sheet (see dataSheet.ts) and
 * carries core's value as its result. Only functions Excel 2010+, LibreOffice
 * and HyperFormula all evaluate the same way are used (no dynamic arrays, no
 * AVERAGEIFS, which HyperFormula lacks; STDEVP rather than STDEV.P, which a
 * file must spell _xlfn.STDEV.P or LibreOffice reads #NAME?): per-manager
 * means, spreads and medians come from the counts per level, exactly as
 * levelDistribution.ts computes them.
 */
import type { PlanCell, Rect, SheetPlan } from '../../layouts/plan';
import { cellRef, columnLetters, quoteSheet, rectRef } from '../../layouts/a1';
import type { RatingMatrix } from '../ratingMatrix';
import type { CalibrationStatistics, GroupStatistics } from '../statistics';
import type { GridSource } from '../gridSource';
import type { RoleReadiness } from '../readiness';
import type { DataRefs } from './dataSheet';
import { exactCriterion, formula, SheetCanvas } from './sheetCanvas';
import { divergingScale, levelStep } from './divergingColors';
import { GUIDELINE_REGION, SETTING_KEYS, SETTINGS_REGION } from '../sheetSettings';

const FLAG_FILL = 'FCE4D6';
const COMPRESSED_FILL = 'FFF2CC';
const NOBODY_FILL = 'F8CBAD';
const SINGLE_FILL = 'FFE699';

export const FLAG_TEXT = { lenient: 'Lenient', harsh: 'Harsh' } as const;
export const COMPRESSED_TEXT = 'Compressed';
export const COVERAGE_TEXT = { nobody: 'Nobody', single: 'Single point of expertise', covered: '' } as const;

/** Where the cells that other sheets and tests need sit (0-based). */
export interface CalibrationSheetLayout {
  settings: {
    minGroup: Rect;
    flagZ: Rect;
    flagMinRatings: Rect;
    compressionSdRatio: Rect;
    compressionModeShare: Rect;
    coverageLevel: Rect;
    guideline: Rect;
  };
  /** Rows of the rater table: the "Everyone" row, then one per manager. */
  raters: { everyoneRow: number; firstManagerRow: number; managers: number; meanCol: number; leniencyCol: number; flagCol: number };
  heatmap: Rect;
  competencies: { firstRow: number; rows: number };
  readiness?: { firstRow: number; rows: number };
}

function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}

function abs(row: number, col: number): string {
  return cellRef(row, col, true);
}

export interface CalibrationSheetInput {
  name: string;
  matrix: RatingMatrix;
  stats: CalibrationStatistics;
  grid: GridSource;
  data: DataRefs;
  /** Readiness per role, shown when the grid has a Blocking column. */
  readiness?: readonly RoleReadiness[];
}

export function calibrationSheet(input: CalibrationSheetInput): { sheet: SheetPlan; layout: CalibrationSheetLayout } {
  const { name, matrix, stats, grid, data, readiness } = input;
  const { scale, competencies } = matrix;
  const { settings, overall, managers } = stats;
  const levels = scale.levels;
  const K = levels.length;
  const C = competencies.length;
  const G = managers.length;
  const canvas = new SheetCanvas();
  const valuesText = levels.map((l) => `${l.code}=${l.value}`).join(', ');
  const top = levels[K - 1];
  const bottom = levels[0];
  let row = 0;

  const note = (text: string) => {
    canvas.set(row, 0, text);
    canvas.style(rect(row, 0), 'cal-note');
    row++;
  };
  const section = (text: string) => {
    canvas.set(row, 0, text);
    canvas.style(rect(row, 0), 'cal-section');
    row++;
  };

  canvas.set(row, 0, `Calibration of "${grid.sheet}"`);
  canvas.style(rect(row++, 0), 'cal-title');
  note(`Live: every figure below is a formula on the grid "${grid.sheet}" and follows as ratings change there.`);
  note(
    `Ratings are level values on the ${scale.name} scale (${valuesText}). Blank or N/A is not rated and never counts as the lowest level.`,
  );
  row++;

  // Settings -------------------------------------------------------------
  section('Settings: edit the blue cells and every figure follows');
  const setting = (label: string, value: PlanCell, style: string, explanation: string): Rect => {
    canvas.set(row, 0, label);
    canvas.set(row, 1, value);
    canvas.set(row, 3, explanation);
    canvas.style(rect(row, 1), style);
    canvas.style(rect(row, 3), 'cal-note');
    return rect(row++, 1);
  };
  const minGroup = setting(
    'Smallest group shown in the heatmap',
    settings.minGroup,
    'cal-input',
    'Heatmap cells with fewer people rated are left blank: small groups identify individuals.',
  );
  const flagZ = setting(
    'Flag a rater when |z| is above',
    settings.flagZ,
    'cal-input',
    'z measures how far a manager’s mean is from everyone’s, for the number of ratings they gave.',
  );
  const flagMin = setting(
    '… and they gave at least this many ratings',
    settings.flagMinRatings,
    'cal-input',
    'Fewer ratings say too little about a rater to flag them.',
  );
  const sdRatio = setting(
    'Compressed: their SD is below this share of everyone’s',
    settings.compressionSdRatio,
    'cal-input-percent',
    'A rater who uses little of the scale: ratings bunched together.',
  );
  const modeLimit = setting(
    '… or this share of their ratings is on one level',
    settings.compressionModeShare,
    'cal-input-percent',
    'A rater who gives nearly everyone the same level.',
  );
  const coverage = setting(
    'Coverage level (team views)',
    settings.coverageLevel,
    'cal-input',
    'Team views count people rated at or above this level. Pick it from the list.',
  );
  const coverageValue = rect(coverage.row, 2);
  const coverageValueRank = levels.findIndex((l) => l.code === settings.coverageLevel);
  canvas.set(
    coverage.row,
    2,
    formula(`INDEX(${data.levelCodeValues},MATCH(${abs(coverage.row, 1)},${data.levelCodes},0))`, levels[coverageValueRank].value),
  );
  canvas.style(coverageValue, 'cal-helper');
  canvas.validations.push({
    range: coverage,
    source: data.levelCodes,
    title: 'Coverage level',
    prompt: 'Team views count people at or above this level.',
    errorMessage: `Pick a level of the ${scale.name} scale from the list.`,
  });
  row++;

  // Levels, their values, and the guideline, aligned with the count columns below.
  const countCol = 3;

  canvas.set(row, 0, 'Level');
  canvas.setRow(
    row,
    countCol,
    levels.map((l) => l.code),
  );
  canvas.style(rect(row, countCol, 1, K), 'cal-header');
  row++;
  const valuesRow = row;
  canvas.set(row, 0, 'Value');
  canvas.setRow(
    row,
    countCol,
    levels.map((l) => l.value),
  );
  canvas.style(rect(row, countCol, 1, K), 'cal-text');
  row++;
  const guidelineRow = row;
  canvas.set(row, 0, 'Guideline: expected share of ratings at each level');
  canvas.setRow(row, countCol, settings.guideline);
  canvas.style(rect(row, countCol, 1, K), 'cal-input-percent');
  const guidelineRange = rectRef(rect(row, countCol, 1, K), true);
  const guidelineTotal = settings.guideline.reduce((a, b) => a + b, 0);
  canvas.set(row, countCol + K, 'Total');
  canvas.set(row, countCol + K + 1, formula(`SUM(${guidelineRange})`, guidelineTotal));
  canvas.style(rect(row, countCol + K + 1), 'cal-percent');
  canvas.set(row, countCol + K + 2, formula(`IF(ABS(SUM(${guidelineRange})-1)>0.005,"The guideline should add up to 100%","")`, ''));
  canvas.style(rect(row, countCol + K + 2), 'cal-warning');
  canvas.inputs.push(
    { id: SETTINGS_REGION, range: rect(minGroup.row, 1, SETTING_KEYS.length, 1), rowKeys: [...SETTING_KEYS], colKeys: ['value'] },
    { id: GUIDELINE_REGION, range: rect(guidelineRow, countCol, 1, K), rowKeys: ['guideline'], colKeys: levels.map((l) => l.code) },
  );
  row += 2;

  const valuesRange = rectRef(rect(valuesRow, countCol, 1, K), true);
  const minGroupRef = abs(minGroup.row, 1);
  const flagZRef = abs(flagZ.row, 1);
  const flagMinRef = abs(flagMin.row, 1);
  const sdRatioRef = abs(sdRatio.row, 1);
  const modeLimitRef = abs(modeLimit.row, 1);
  const coverageValueRef = abs(coverageValue.row, coverageValue.col);

  // Raters ---------------------------------------------------------------
  section('Raters: how each manager rates, compared with everyone');
  note('n: ratings the manager gave (blank and N/A are not ratings). Under each level: how many of their ratings are at that level.');
  note('Mean and median of level values; SD: population standard deviation (STDEVP). μ and σ: everyone’s mean and SD (the first row).');
  note('Leniency: the manager’s mean minus μ. Positive rates softer than the rest, negative harsher.');
  note(
    'z: leniency ÷ (σ ÷ √n), how unusual the leniency is for this many ratings. Flag: Lenient or Harsh when |z| and n pass the limits in Settings.',
  );
  note(
    `Top-box: share of ratings on the top level (${top.code}); bottom-box: on the lowest (${bottom.code}). "vs all": minus everyone’s share.`,
  );
  note('Most on one level: share of ratings on the level the manager uses most. Compressed: SD or that share past the limits in Settings.');
  const m = {
    people: 1,
    n: 2,
    mean: countCol + K,
    median: countCol + K + 1,
    sd: countCol + K + 2,
    leniency: countCol + K + 3,
    z: countCol + K + 4,
    flag: countCol + K + 5,
    top: countCol + K + 6,
    topVs: countCol + K + 7,
    bottom: countCol + K + 8,
    bottomVs: countCol + K + 9,
    mode: countCol + K + 10,
    compressed: countCol + K + 11,
  };
  const raterCols = m.compressed + 1;

  canvas.setRow(row, 0, ['Manager', 'People', 'Ratings (n)']);
  canvas.setRow(
    row,
    countCol,
    levels.map((l) => l.code),
  );
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
  const countsOf = (r: number) => `${at(r, countCol)}:${at(r, countCol + K - 1)}`;
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
    canvas.set(r, m.top, formula(`IF(${n}=0,"",${at(r, countCol + K - 1)}/${n})`, s.topShare));
    canvas.set(r, m.bottom, formula(`IF(${n}=0,"",${at(r, countCol)}/${n})`, s.bottomShare));
    canvas.set(r, m.mode, formula(`IF(${n}=0,"",MAX(${countsOf(r)})/${n})`, s.modeShare));
  };

  // Everyone: the reference row (μ, σ), straight from the values with native statistics.
  canvas.set(everyoneRow, 0, 'Everyone');
  canvas.set(everyoneRow, m.people, formula(`COUNTA(${data.managers})`, matrix.people.length));
  canvas.set(everyoneRow, m.n, formula(`COUNT(${data.allValues})`, overall.n));
  for (let k = 0; k < K; k++) canvas.set(everyoneRow, countCol + k, formula(`SUM(${data.counts(k)})`, overall.counts[k]));
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
    for (let k = 0; k < K; k++) canvas.set(r, countCol + k, formula(`SUMIF(${data.managers},${criterion},${data.counts(k)})`, s.counts[k]));
    canvas.set(r, m.mean, formula(`IF(${n}=0,"",SUMPRODUCT(${countsOf(r)},${valuesRange})/${n})`, s.mean));
    canvas.set(r, m.median, formula(`IF(${n}=0,"",(${valueAt(r, `INT((${n}+1)/2)`)}+${valueAt(r, `INT(${n}/2)+1`)})/2)`, s.median));
    canvas.set(r, m.sd, formula(`IF(${n}=0,"",SQRT(SUMPRODUCT(${countsOf(r)},(${valuesRange}-${mean})^2)/${n}))`, s.sd));
    canvas.set(r, m.leniency, formula(`IF(${n}=0,"",${mean}-${mu})`, s.leniency));
    canvas.set(r, m.z, formula(`IF(OR(${n}=0,${sigma}=0),"",(${mean}-${mu})/(${sigma}/SQRT(${n})))`, s.z));
    canvas.set(
      r,
      m.flag,
      formula(
        `IF(${z}="","",IF(AND(${n}>=${flagMinRef},ABS(${z})>${flagZRef}),IF(${z}>0,"${FLAG_TEXT.lenient}","${FLAG_TEXT.harsh}"),""))`,
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
        `IF(${n}<${flagMinRef},"",IF(OR(${at(r, m.sd)}<${sdRatioRef}*${sigma},${at(r, m.mode)}>=${modeLimitRef}),"${COMPRESSED_TEXT}",""))`,
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

  /** The value of the p-th smallest rating of row r: 1 + (levels whose cumulative count is below p). */
  function valueAt(r: number, p: string): string {
    const below = levels.slice(0, -1).map((_, k) => `(SUM(${at(r, countCol).replace(/^([A-Z]+)/, '$$$1')}:${at(r, countCol + k)})<${p})`);
    return `INDEX(${valuesRange},1,1${below.map((b) => `+${b}`).join('')})`;
  }

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
  const ratingRect = gridRatingsRef(grid);
  canvas.set(row, 0, 'Grid entries not counted (N/A, or text that is not a level of the scale)');
  canvas.set(row, m.n, formula(`COUNTA(${ratingRect})-${nAll}`, matrix.notCounted));
  canvas.style(rect(row++, 0), 'cal-note');
  row++;

  // Guideline ------------------------------------------------------------
  section('Distribution against the guideline');
  note(
    'Share: the group’s ratings at each level ÷ its ratings. Difference: share minus the guideline share set in Settings (edit it there).',
  );
  note('A positive difference means more ratings at that level than the guideline expects; negative, fewer.');
  const shareCol = 2;
  const diffCol = shareCol + K + 1;
  canvas.set(row, shareCol, 'Share of ratings');
  canvas.set(row, diffCol, 'Difference from the guideline');
  canvas.style(rect(row, shareCol), 'cal-label');
  canvas.style(rect(row, diffCol), 'cal-label');
  row++;
  canvas.setRow(row, 0, ['Group', 'Ratings (n)']);
  canvas.setRow(
    row,
    shareCol,
    levels.map((l) => l.code),
  );
  canvas.setRow(
    row,
    diffCol,
    levels.map((l) => l.code),
  );
  canvas.style(rect(row, 0, 1, diffCol + K), 'cal-header');
  row++;
  const guidelineFirst = row;
  [overall, ...managers].forEach((s, i) => {
    const r = row + i;
    const source = i === 0 ? everyoneRow : firstManagerRow + i - 1;
    const n = at(r, 1);
    canvas.set(r, 0, formula(`A${source + 1}`, i === 0 ? 'Everyone' : managers[i - 1].manager));
    canvas.set(r, 1, formula(at(source, m.n), s.n));
    for (let k = 0; k < K; k++) {
      const share = s.n ? s.counts[k] / s.n : null;
      canvas.set(r, shareCol + k, formula(`IF(${n}=0,"",${at(source, countCol + k)}/${n})`, share));
      canvas.set(
        r,
        diffCol + k,
        formula(
          `IF(${n}=0,"",${at(r, shareCol + k)}-${abs(guidelineRow, countCol + k)})`,
          s.guidelineDifference ? s.guidelineDifference[k] : null,
        ),
      );
    }
    canvas.style(rect(r, 0), i === 0 ? 'cal-total' : 'cal-text');
    canvas.style(rect(r, 1), 'cal-count');
    canvas.style(rect(r, shareCol, 1, K), 'cal-percent');
    canvas.style(rect(r, diffCol, 1, K), 'cal-signed-percent');
  });
  canvas.conditionalFormats.push(divergingScale(rect(guidelineFirst, diffCol, G + 1, K), 0.2));
  row = guidelineFirst + G + 2;

  // Heatmap --------------------------------------------------------------
  section('Heatmap: each manager’s team against everyone, competency by competency');
  note(
    'Each cell: the mean rating of the manager’s team on the competency, minus everyone’s mean on that competency (shown in the table further down).',
  );
  note(
    'Orange: the team is rated higher than everyone; blue: lower. Blank: fewer people rated than the smallest group in Settings, so no one can be singled out.',
  );

  canvas.set(row, 0, 'Manager');
  competencies.forEach((c, j) => canvas.set(row, 1 + j, c.name));
  canvas.style(rect(row, 0), 'cal-header');
  canvas.style(rect(row, 1, 1, C), 'cal-header-rotated');
  canvas.rowHeights.push({ row, height: 120 });
  row++;
  const heatFirst = row;
  const competencyFirstRow = heatFirst + G + 5; // where the competency table's rows start (computed below)
  const compMeanCol = countCol + K; // the competency table puts Mean right after the counts
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
          `IF(${count}<${minGroupRef},"",SUMIFS(${values},${data.managers},${criterion})/${count}-${abs(competencyFirstRow + j, compMeanCol)})`,
          stats.heatmap.difference[g][j],
        ),
      );
    });
    canvas.style(rect(r, 0), 'cal-text');
    canvas.style(rect(r, 1, 1, C), 'cal-signed');
  });
  const heatmap = rect(heatFirst, 1, G, C);
  if (G && C) canvas.conditionalFormats.push(divergingScale(heatmap, levelStep(scale)));
  row = heatFirst + G + 1;

  // Competencies ---------------------------------------------------------
  section('Competencies: distribution across levels, and team coverage');
  note(
    `Under each level: ratings at that level. Mean, median and SD (STDEVP) of level values. At or above: people rated at or above the coverage level in Settings.`,
  );
  note('Single point of expertise: only one person is at or above it (named under Who); Nobody: a gap in the team.');
  const c = {
    id: 1,
    n: 2,
    mean: compMeanCol,
    median: compMeanCol + 1,
    sd: compMeanCol + 2,
    covered: compMeanCol + 3,
    status: compMeanCol + 4,
    who: compMeanCol + 5,
  };
  canvas.setRow(row, 0, ['Competency', 'Id', 'Ratings (n)']);
  canvas.setRow(
    row,
    countCol,
    levels.map((l) => l.code),
  );
  canvas.setRow(row, c.mean, ['Mean', 'Median', 'SD', 'At or above', 'Coverage', 'Who']);
  canvas.style(rect(row, 0, 1, c.who + 1), 'cal-header');
  row++;
  if (row !== competencyFirstRow) throw new Error('calibration sheet: the competency table moved; update competencyFirstRow');
  stats.competencies.forEach((s, j) => {
    const r = row + j;
    const values = data.values(j);
    const n = at(r, c.n);
    const covered = at(r, c.covered);
    canvas.setRow(r, 0, [s.competency.name, s.competency.id]);
    canvas.set(r, c.n, formula(`COUNT(${values})`, s.n));
    for (let k = 0; k < K; k++) canvas.set(r, countCol + k, formula(`COUNTIF(${values},${abs(valuesRow, countCol + k)})`, s.counts[k]));
    canvas.set(r, c.mean, formula(`IF(${n}=0,"",AVERAGE(${values}))`, s.mean));
    canvas.set(r, c.median, formula(`IF(${n}=0,"",MEDIAN(${values}))`, s.median));
    canvas.set(r, c.sd, formula(`IF(${n}=0,"",STDEVP(${values}))`, s.sd));
    canvas.set(r, c.covered, formula(`COUNTIF(${values},">="&${coverageValueRef})`, s.covered));
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
        `IF(${covered}<>1,"",INDEX(${data.names},SUMPRODUCT(ISNUMBER(${values})*(${values}>=${coverageValueRef})*${data.index})))`,
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
        range: rect(row, countCol, C, K),
        points: [
          { kind: 'min', color: 'FFFFFF' },
          { kind: 'max', color: '9BC2E6' },
        ],
      },
      { kind: 'formula', range: statusRange, formula: `${first}="${COVERAGE_TEXT.nobody}"`, style: { fill: NOBODY_FILL } },
      { kind: 'formula', range: statusRange, formula: `${first}="${COVERAGE_TEXT.single}"`, style: { fill: SINGLE_FILL } },
    );
  }

  row += C + 1;

  // Readiness ------------------------------------------------------------
  let readinessRows: { firstRow: number; rows: number } | undefined;
  if (readiness?.length && grid.blockingCol !== undefined) {
    const roleCol = gridColumn(grid, grid.roleCol);
    const blockingCol = gridColumn(grid, grid.blockingCol);
    section('Readiness for the next role');
    note(
      'Ready: nothing blocks the next role: every competency it requires is rated at or above its target (the grid’s Blocking column is 0).',
    );
    note('One away: exactly one competency blocks (below the next role’s target, or not rated).');
    canvas.setRow(row, 0, ['Role', 'People', 'Next role', 'Ready', 'One away', 'Share ready']);
    canvas.style(rect(row, 0, 1, 6), 'cal-header');
    row++;
    readinessRows = { firstRow: row, rows: readiness.length };
    readiness.forEach((step, i) => {
      const r = row + i;
      const criterion = exactCriterion(step.name, `$A${r + 1}`);
      const people = at(r, 1);
      canvas.set(r, 0, step.name);
      canvas.set(r, 1, formula(`COUNTIF(${roleCol},${criterion})`, step.people));
      canvas.set(r, 2, step.nextRole ?? '(most senior role)');
      if (step.nextRole) {
        canvas.set(r, 3, formula(`COUNTIFS(${roleCol},${criterion},${blockingCol},0)`, step.ready));
        canvas.set(r, 4, formula(`COUNTIFS(${roleCol},${criterion},${blockingCol},1)`, step.oneAway));
        canvas.set(r, 5, formula(`IF(${people}=0,"",${at(r, 3)}/${people})`, step.people ? step.ready / step.people : null));
      }
      canvas.style(rect(r, 0), 'cal-text');
      canvas.style(rect(r, 1), 'cal-count');
      canvas.style(rect(r, 2), 'cal-text');
      canvas.style(rect(r, 3, 1, 2), 'cal-count');
      canvas.style(rect(r, 5), 'cal-percent');
    });
    row += readiness.length + 1;
  }

  canvas.width(0, 46);
  for (let col = 1; col < Math.max(raterCols, diffCol + K, C + 1, c.who + 1); col++) canvas.width(col, 10);
  canvas.width(c.who, 22);

  const layout: CalibrationSheetLayout = {
    settings: {
      minGroup,
      flagZ,
      flagMinRatings: flagMin,
      compressionSdRatio: sdRatio,
      compressionModeShare: modeLimit,
      coverageLevel: coverage,
      guideline: rect(guidelineRow, countCol, 1, K),
    },
    raters: { everyoneRow, firstManagerRow, managers: G, meanCol: m.mean, leniencyCol: m.leniency, flagCol: m.flag },
    heatmap,
    competencies: { firstRow: competencyFirstRow, rows: C },
    readiness: readinessRows,
  };
  return { sheet: canvas.toSheet(name, 'calibration', { landscape: true }), layout };
}

/** The grid's rating cells, for COUNTA: one range per run of adjacent rating columns. */
function gridRatingsRef(grid: GridSource): string {
  const cols = [...grid.ratingCols].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const col of cols) {
    const last = runs[runs.length - 1];
    if (last && col === last[1] + 1) last[1] = col;
    else runs.push([col, col]);
  }
  const rows = Math.max(1, grid.rows);
  return runs.map(([from, to]) => `${quoteSheet(grid.sheet)}!${rectRef(rect(grid.firstRow, from, rows, to - from + 1), true)}`).join(',');
}

/** One grid column over its people rows, absolute, with the sheet name. */
function gridColumn(grid: GridSource, col: number): string {
  return `${quoteSheet(grid.sheet)}!${rectRef(rect(grid.firstRow, col, Math.max(1, grid.rows), 1), true)}`;
}
