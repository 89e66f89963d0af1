/**
 * The knobs of a calibration pack. Each one is written into the calibration
 * sheet as an input cell, so the room can change it and every figure follows.
 */
import type { Scale } from '../scale';
import { CompetencyError, listForHumans } from '../problems';
import { checkGuideline, defaultGuideline } from './guideline';

export interface CalibrationSettings {
  /** Heatmap cells with fewer people rated are hidden: small groups identify individuals. */
  minGroup: number;
  /** The naive rule the rater effect replaces (bench comparison only): |z| above this... */
  flagZ: number;
  /** ...with at least this many ratings; also the fewest ratings for "compressed". */
  flagMinRatings: number;
  /** Benjamini-Hochberg false-discovery rate for rater flags: the share of flagged raters that may be fair. */
  falseDiscoveryRate: number;
  /** Raters with fewer people rated get an estimate but no test and no flag. */
  minTeam: number;
  /** Compressed: the rater's standard deviation is below this fraction of everyone's... */
  compressionSdRatio: number;
  /** ...or at least this share of their ratings sits on one level. */
  compressionModeShare: number;
  /** Expected share of ratings per level, lowest first, as fractions adding up to 1. */
  guideline: number[];
  /** Team views count people at or above this level (a level code of the scale). */
  coverageLevel: string;
}

export type CalibrationSettingsInput = Partial<CalibrationSettings>;

/**
 * "Expert" coverage by default: the second-highest level on scales of four or
 * more levels (Advanced on Basic..Expert), otherwise the highest.
 */
export function defaultCoverageLevel(scale: Scale): string {
  const levels = scale.levels;
  return levels[levels.length >= 4 ? levels.length - 2 : levels.length - 1].code;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new CompetencyError('invalid-argument', `${what} must be a whole number of 1 or more, not ${value}`);
  return value;
}

function fraction(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1)
    throw new CompetencyError('invalid-argument', `${what} must be above 0 and at most 1 (100%), not ${value}`);
  return value;
}

/** Fills defaults and checks every setting against the scale, with messages that say what to change. */
export function resolveCalibrationSettings(scale: Scale, input: CalibrationSettingsInput = {}): CalibrationSettings {
  const codes = scale.levels.map((l) => l.code);
  const coverageLevel = input.coverageLevel ?? defaultCoverageLevel(scale);
  const coverage = scale.levels.find((l) => l.code.toLowerCase() === coverageLevel.toLowerCase());
  if (!coverage) {
    throw new CompetencyError(
      'invalid-argument',
      `the coverage level "${coverageLevel}" is not a level of ${scale.name}; use ${listForHumans(codes)}`,
    );
  }
  const flagZ = input.flagZ ?? 2;
  if (!Number.isFinite(flagZ) || flagZ <= 0)
    throw new CompetencyError('invalid-argument', `the z limit for flags must be a positive number, not ${flagZ}`);
  return {
    minGroup: positiveInteger(input.minGroup ?? 4, 'the smallest group shown'),
    flagZ,
    flagMinRatings: positiveInteger(input.flagMinRatings ?? 4, 'the fewest ratings for a flag'),
    falseDiscoveryRate: fraction(input.falseDiscoveryRate ?? 0.05, 'the false-discovery rate for rater flags'),
    minTeam: positiveInteger(input.minTeam ?? 2, 'the smallest team given a rater estimate'),
    compressionSdRatio: fraction(input.compressionSdRatio ?? 0.5, 'the compression spread ratio'),
    compressionModeShare: fraction(input.compressionModeShare ?? 0.7, 'the compression share on one level'),
    guideline: checkGuideline(input.guideline ?? defaultGuideline(codes.length), codes),
    coverageLevel: coverage.code,
  };
}
