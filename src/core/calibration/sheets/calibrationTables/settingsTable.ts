/**
 * The settings at the top of the calibration sheet: the knobs the room can
 * edit (blue input cells every figure below reads), then the scale's levels,
 * their values and the guideline share of each, aligned with the count
 * columns of the tables below. Both blocks are input regions, so a rebuilt
 * pack keeps what the room typed (see ../../sheetSettings.ts).
 */
import type { PlanCell, Rect } from '../../../layouts/plan';
import { rectRef } from '../../../layouts/a1';
import type { Scale } from '../../../scale';
import type { CalibrationSettings } from '../../settings';
import type { DataRefs } from '../dataSheet';
import { formula } from '../sheetCanvas';
import { GUIDELINE_REGION, SETTING_KEYS, SETTINGS_REGION } from '../../sheetSettings';
import { abs, type CalibrationCursor, COUNT_COL, rect } from './calibrationCursor';

/** Where each setting sits (the value cell), for the sheet's layout. */
export interface SettingsCells {
  minGroup: Rect;
  falseDiscoveryRate: Rect;
  minTeam: Rect;
  flagMinRatings: Rect;
  compressionSdRatio: Rect;
  compressionModeShare: Rect;
  coverageLevel: Rect;
  guideline: Rect;
}

export interface SettingsTable {
  cells: SettingsCells;
  /** Absolute references to the settings, for the formulas of the tables below. */
  refs: {
    minGroup: string;
    falseDiscoveryRate: string;
    minTeam: string;
    flagMinRatings: string;
    compressionSdRatio: string;
    compressionModeShare: string;
    coverageValue: string;
  };
  /** The row of level values (under COUNT_COL...) and the same cells as an absolute range. */
  valuesRow: number;
  valuesRange: string;
  guidelineRow: number;
}

export function settingsTable(cursor: CalibrationCursor, scale: Scale, settings: CalibrationSettings, data: DataRefs): SettingsTable {
  const { canvas } = cursor;
  const levels = scale.levels;
  const K = levels.length;

  cursor.section('Settings: edit the blue cells and every figure follows');
  const setting = (label: string, value: PlanCell, style: string, explanation: string): Rect => {
    const row = cursor.row++;
    canvas.set(row, 0, label);
    canvas.set(row, 1, value);
    canvas.set(row, 3, explanation);
    canvas.style(rect(row, 1), style);
    canvas.style(rect(row, 3), 'cal-note');
    return rect(row, 1);
  };
  const minGroup = setting(
    'Smallest group shown in the heatmap',
    settings.minGroup,
    'cal-input',
    'Heatmap cells with fewer people rated are left blank: small groups identify individuals.',
  );
  const fdr = setting(
    'False-discovery rate for rater flags',
    settings.falseDiscoveryRate,
    'cal-input-percent',
    'Of the raters flagged, at most about this share may in truth rate fairly (Benjamini-Hochberg across all raters). Lower flags fewer.',
  );
  const minTeam = setting(
    'Smallest team given a test and a flag',
    settings.minTeam,
    'cal-input',
    'Managers with fewer people rated still get an estimate, but no standard error, test or flag.',
  );
  const flagMin = setting(
    'Compressed: judged only with at least this many ratings',
    settings.flagMinRatings,
    'cal-input',
    'Fewer ratings say too little about how a rater spreads them.',
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
  // Beside the coverage level, its value: what the coverage counts compare with.
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
  cursor.row++;

  // Levels, their values, and the guideline, aligned with the count columns below.
  let row = cursor.row;
  canvas.set(row, 0, 'Level');
  cursor.levelCodes(row, COUNT_COL);
  canvas.style(rect(row, COUNT_COL, 1, K), 'cal-header');
  row++;
  const valuesRow = row;
  canvas.set(row, 0, 'Value');
  canvas.setRow(
    row,
    COUNT_COL,
    levels.map((l) => l.value),
  );
  canvas.style(rect(row, COUNT_COL, 1, K), 'cal-text');
  row++;
  const guidelineRow = row;
  canvas.set(row, 0, 'Guideline: expected share of ratings at each level');
  canvas.setRow(row, COUNT_COL, settings.guideline);
  canvas.style(rect(row, COUNT_COL, 1, K), 'cal-input-percent');
  const guidelineRange = rectRef(rect(row, COUNT_COL, 1, K), true);
  const guidelineTotal = settings.guideline.reduce((a, b) => a + b, 0);
  canvas.set(row, COUNT_COL + K, 'Total');
  canvas.set(row, COUNT_COL + K + 1, formula(`SUM(${guidelineRange})`, guidelineTotal));
  canvas.style(rect(row, COUNT_COL + K + 1), 'cal-percent');
  canvas.set(row, COUNT_COL + K + 2, formula(`IF(ABS(SUM(${guidelineRange})-1)>0.005,"The guideline should add up to 100%","")`, ''));
  canvas.style(rect(row, COUNT_COL + K + 2), 'cal-warning');
  canvas.inputs.push(
    { id: SETTINGS_REGION, range: rect(minGroup.row, 1, SETTING_KEYS.length, 1), rowKeys: [...SETTING_KEYS], colKeys: ['value'] },
    { id: GUIDELINE_REGION, range: rect(guidelineRow, COUNT_COL, 1, K), rowKeys: ['guideline'], colKeys: levels.map((l) => l.code) },
  );
  cursor.row = row + 2;

  return {
    cells: {
      minGroup,
      falseDiscoveryRate: fdr,
      minTeam,
      flagMinRatings: flagMin,
      compressionSdRatio: sdRatio,
      compressionModeShare: modeLimit,
      coverageLevel: coverage,
      guideline: rect(guidelineRow, COUNT_COL, 1, K),
    },
    refs: {
      minGroup: abs(minGroup.row, 1),
      falseDiscoveryRate: abs(fdr.row, 1),
      minTeam: abs(minTeam.row, 1),
      flagMinRatings: abs(flagMin.row, 1),
      compressionSdRatio: abs(sdRatio.row, 1),
      compressionModeShare: abs(modeLimit.row, 1),
      coverageValue: abs(coverageValue.row, coverageValue.col),
    },
    valuesRow,
    valuesRange: rectRef(rect(valuesRow, COUNT_COL, 1, K), true),
    guidelineRow,
  };
}
