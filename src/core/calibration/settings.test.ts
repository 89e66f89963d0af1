import { resolveCalibrationSettings } from './settings';
import { fiveLevels } from '../../../tests/calibration/fixtures';
import { Scale } from '../scale';

describe('calibration settings', () => {
  it('defaults to the documented limits', () => {
    expect(resolveCalibrationSettings(fiveLevels)).toEqual({
      minGroup: 4,
      flagZ: 2,
      flagMinRatings: 4,
      falseDiscoveryRate: 0.05,
      minTeam: 2,
      compressionSdRatio: 0.5,
      compressionModeShare: 0.7,
      guideline: [0.1, 0.2, 0.4, 0.2, 0.1],
      coverageLevel: 'A',
    });
  });

  it('takes the top level for coverage on a scale of three levels or fewer', () => {
    const three = new Scale({
      id: 'd',
      name: 'Depth',
      levels: ['Aware', 'Familiar', 'Proficient'].map((code, i) => ({ code, name: code, value: i + 1 })),
    });
    expect(resolveCalibrationSettings(three).coverageLevel).toBe('Proficient');
    expect(resolveCalibrationSettings(three).guideline).toEqual([0.2, 0.6, 0.2]);
  });

  it('reads a coverage level in any case and writes it as the scale spells it', () => {
    expect(resolveCalibrationSettings(fiveLevels, { coverageLevel: 'e' }).coverageLevel).toBe('E');
  });

  it('rejects settings that cannot work, saying what to give', () => {
    expect(() => resolveCalibrationSettings(fiveLevels, { minGroup: 0 })).toThrow(
      'the smallest group shown must be a whole number of 1 or more, not 0',
    );
    expect(() => resolveCalibrationSettings(fiveLevels, { minGroup: 2.5 })).toThrow(/whole number/);
    expect(() => resolveCalibrationSettings(fiveLevels, { flagZ: -1 })).toThrow(/z limit/);
    expect(() => resolveCalibrationSettings(fiveLevels, { falseDiscoveryRate: 0 })).toThrow(/false-discovery rate/);
    expect(() => resolveCalibrationSettings(fiveLevels, { minTeam: 0 })).toThrow(/smallest team/);
    expect(() => resolveCalibrationSettings(fiveLevels, { compressionModeShare: 1.5 })).toThrow(/at most 1 \(100%\)/);
    expect(() => resolveCalibrationSettings(fiveLevels, { coverageLevel: 'Expert+' })).toThrow(
      /"Expert\+" is not a level of Proficiency; use BD, B, I, A or E/,
    );
  });
});
