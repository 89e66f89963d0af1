/**
 * The settings a calibration sheet holds in its input cells, read back so a
 * rebuilt pack keeps what the room edited (a guideline, the smallest group).
 * The cells are found through the sheet's input regions (see
 * sheets/calibrationTables/settingsTable.ts), so a moved layout still reads right.
 */
import type { InputRegion } from '../layouts/plan';
import type { CalibrationSettingsInput } from './settings';
import { DEFAULT_TALENT_CUTOFFS, TALENT_CUTOFFS_REGION, type TalentCutoffs } from './talentGrid';

export const SETTINGS_REGION = 'calibration-settings';
export const GUIDELINE_REGION = 'calibration-guideline';

/** Row keys of the settings region, in sheet order. */
export const SETTING_KEYS = [
  'minGroup',
  'falseDiscoveryRate',
  'minTeam',
  'flagMinRatings',
  'compressionSdRatio',
  'compressionModeShare',
  'coverageLevel',
] as const;

export interface SheetSettings {
  settings: CalibrationSettingsInput;
  /** The guideline share per level code, as the sheet had it. */
  guideline?: Map<string, number>;
  /** The talent grid's cut-offs, when all four cells hold numbers (checked when the grid is built). */
  talentCutoffs?: TalentCutoffs;
}

/** Reads the settings from input regions; `cellAt(row, col)` gives a cell's value (0-based). Cells left blank or garbled are skipped. */
export function calibrationSheetSettings(regions: readonly InputRegion[], cellAt: (row: number, col: number) => unknown): SheetSettings {
  const out: SheetSettings = { settings: {} };
  const settings = regions.find((r) => r.id === SETTINGS_REGION);
  if (settings) {
    settings.rowKeys.forEach((key, i) => {
      const value = cellAt(settings.range.row + i, settings.range.col);
      if (key === 'coverageLevel') {
        if (typeof value === 'string' && value.trim()) out.settings.coverageLevel = value.trim();
      } else if ((SETTING_KEYS as readonly string[]).includes(key) && typeof value === 'number' && Number.isFinite(value)) {
        out.settings[key as Exclude<(typeof SETTING_KEYS)[number], 'coverageLevel'>] = value;
      }
    });
  }
  const guideline = regions.find((r) => r.id === GUIDELINE_REGION);
  if (guideline) {
    const shares = guideline.colKeys.map((code, j) => [code, cellAt(guideline.range.row, guideline.range.col + j)] as const);
    if (shares.every(([, v]) => typeof v === 'number')) out.guideline = new Map(shares as [string, number][]);
  }
  const cut = regions.find((r) => r.id === TALENT_CUTOFFS_REGION);
  if (cut) {
    const v = cut.rowKeys.map((_, i) => cellAt(cut.range.row + i, cut.range.col));
    if (v.length === 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      const [ml, mh, rl, rh] = v as number[];
      // A performance/potential grid keeps its own cut-offs; meets % and readiness then keep their defaults.
      out.talentCutoffs =
        cut.rowKeys[0] === 'performanceLow'
          ? { ...DEFAULT_TALENT_CUTOFFS, performance: { low: ml, high: mh }, potential: { low: rl, high: rh } }
          : { meets: { low: ml, high: mh }, readiness: { low: rl, high: rh } };
    }
  }
  return out;
}

/** The kept guideline for a scale's levels, when it was written for the same levels. */
export function guidelineFor(kept: Map<string, number> | undefined, levelCodes: readonly string[]): number[] | undefined {
  if (!kept || kept.size !== levelCodes.length || !levelCodes.every((c) => kept.has(c))) return undefined;
  return levelCodes.map((c) => kept.get(c)!);
}
