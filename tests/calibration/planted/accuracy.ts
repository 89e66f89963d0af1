/**
 * Precision and recall of rater flags on planted-truth organisations, for the
 * rater effect and for the naive rule it replaces, on the same data: what the
 * bench prints and the accuracy test pins.
 */
import { resolveCalibrationSettings, type CalibrationSettingsInput } from '../../../src/core/calibration/settings';
import { calibrationStatistics } from '../../../src/core/calibration/statistics';
import { plantedOrganisation, scoreFlags, PLANTED_SCALE, type FlagScore, type PlantedOptions } from './plantedOrganisation';

export interface RuleScore extends FlagScore {
  precision: number;
  recall: number;
}

export interface Accuracy {
  organisations: number;
  effect: RuleScore;
  naive: RuleScore;
}

function total(scores: FlagScore[]): RuleScore {
  const sum = scores.reduce(
    (a, s) => ({
      flagged: a.flagged + s.flagged,
      right: a.right + s.right,
      wrong: a.wrong + s.wrong,
      biasedInTeams: a.biasedInTeams + s.biasedInTeams,
      foundInTeams: a.foundInTeams + s.foundInTeams,
    }),
    { flagged: 0, right: 0, wrong: 0, biasedInTeams: 0, foundInTeams: 0 },
  );
  return {
    ...sum,
    precision: sum.flagged ? sum.right / sum.flagged : 1,
    recall: sum.biasedInTeams ? sum.foundInTeams / sum.biasedInTeams : 1,
  };
}

/** Scores both rules on one organisation per option set. */
export function accuracy(organisations: readonly PlantedOptions[], settingsInput: CalibrationSettingsInput = {}): Accuracy {
  const settings = resolveCalibrationSettings(PLANTED_SCALE, settingsInput);
  const effect: FlagScore[] = [];
  const naive: FlagScore[] = [];
  for (const options of organisations) {
    const org = plantedOrganisation(options);
    const stats = calibrationStatistics(org.matrix, settings);
    effect.push(scoreFlags(org.managers, new Map(stats.raterEffects.raters.map((r) => [r.manager, r.direction]))));
    naive.push(scoreFlags(org.managers, new Map(stats.managers.map((m) => [m.manager, m.flag]))));
  }
  return { organisations: organisations.length, effect: total(effect), naive: total(naive) };
}

/** Sizes 300 to 5,000 people, one seed each. */
export function plantedSeries(seeds: number, extra: Partial<PlantedOptions> = {}): PlantedOptions[] {
  const sizes = [300, 468, 900, 1600, 2500, 5000];
  return Array.from({ length: seeds }, (_, i) => ({ people: sizes[i % sizes.length], seed: 1000 + i, ...extra }));
}
