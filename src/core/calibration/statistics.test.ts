import { calibrationStatistics } from './statistics';
import { resolveCalibrationSettings } from './settings';
import { fiveLevels, matrixOf, threeManagers } from '../../../tests/calibration/fixtures';

// Every expected figure below is worked out by hand from the fixture in
// tests/calibration/fixtures.ts (values BD=1 ... E=5):
//   Ana: 5,4,4,4,5,5,4 (n 7, sum 31)   Ben: 2,3,3,2,1,2,3,3 (n 8, sum 19)   Cy: 5,5,5 (n 3, sum 15)
//   everyone: n 18, sum 65, counts per level [1,3,4,4,6], sum of squares 263.

const settings = resolveCalibrationSettings(fiveLevels);
const stats = calibrationStatistics(threeManagers, settings);
const manager = (name: string) => stats.managers.find((m) => m.manager === name)!;
const sigma = Math.sqrt(509) / 18; // variance = 263/18 - (65/18)^2 = 509/324

describe('calibration statistics for the whole group', () => {
  it('counts every rating once and never counts a blank as the lowest level', () => {
    expect(stats.overall.n).toBe(18);
    expect(stats.overall.counts).toEqual([1, 3, 4, 4, 6]);
  });

  it('gives the mean, median and population standard deviation of level values', () => {
    expect(stats.overall.mean).toBeCloseTo(65 / 18, 12);
    expect(stats.overall.median).toBe(4); // 9th and 10th of 18 ratings are both A (4)
    expect(stats.overall.sd).toBeCloseTo(sigma, 12);
  });

  it('gives top-box and bottom-box shares', () => {
    expect(stats.overall.topShare).toBeCloseTo(6 / 18, 12);
    expect(stats.overall.bottomShare).toBeCloseTo(1 / 18, 12);
  });

  it('compares the distribution with the 10/20/40/20/10 guideline level by level', () => {
    const expected = [1 / 18 - 0.1, 3 / 18 - 0.2, 4 / 18 - 0.4, 4 / 18 - 0.2, 6 / 18 - 0.1];
    stats.overall.guidelineDifference!.forEach((d, k) => expect(d).toBeCloseTo(expected[k], 12));
  });
});

describe('calibration statistics per manager', () => {
  it('lists managers alphabetically with their people and ratings', () => {
    expect(stats.managers.map((m) => [m.manager, m.people, m.n])).toEqual([
      ['Ana', 4, 7],
      ['Ben', 4, 8],
      ['Cy', 2, 3],
    ]);
  });

  it('gives each manager mean, median and standard deviation', () => {
    expect(manager('Ana').mean).toBeCloseTo(31 / 7, 12);
    expect(manager('Ana').median).toBe(4);
    expect(manager('Ana').sd).toBeCloseTo(Math.sqrt(12) / 7, 12); // squares 4(3/7)^2 + 3(4/7)^2 = 12/7, over 7
    expect(manager('Ben').mean).toBeCloseTo(19 / 8, 12);
    expect(manager('Ben').median).toBe(2.5); // 4th and 5th of 8 ratings: 2 and 3
    expect(manager('Ben').sd).toBeCloseTo(Math.sqrt(3.875 / 8), 12);
  });

  it('measures leniency as the manager mean minus everyone’s mean, and its z-score', () => {
    expect(manager('Ana').leniency).toBeCloseTo(31 / 7 - 65 / 18, 12);
    expect(manager('Ana').z).toBeCloseTo((31 / 7 - 65 / 18) / (sigma / Math.sqrt(7)), 12);
    expect(manager('Ben').leniency).toBeCloseTo(19 / 8 - 65 / 18, 12);
    expect(manager('Ben').z).toBeCloseTo(-(89 / 4) * Math.sqrt(8 / 509), 12); // (-89/72) / (sqrt(509)/18 / sqrt(8))
    expect(manager('Cy').z).toBeCloseTo((5 - 65 / 18) / (sigma / Math.sqrt(3)), 12);
  });

  it('flags a manager whose |z| is above 2 with at least 4 ratings, and no one else', () => {
    expect(manager('Ben').flag).toBe('harsh');
    expect(Math.abs(manager('Ana').z!)).toBeLessThan(2);
    expect(manager('Ana').flag).toBeNull();
    expect(manager('Cy').flag).toBeNull();
  });

  it('gives top-box and bottom-box shares against the whole group', () => {
    expect(manager('Ana').topShare).toBeCloseTo(3 / 7, 12);
    expect(manager('Ben').topShare).toBe(0);
    expect(manager('Ben').bottomShare).toBeCloseTo(1 / 8, 12);
    expect(manager('Ana').topShare! - stats.overall.topShare!).toBeCloseTo(3 / 7 - 1 / 3, 12);
  });

  it('calls a rater compressed when their spread is under half of everyone’s, but not below 4 ratings', () => {
    expect(manager('Ana').sd!).toBeLessThan(0.5 * sigma);
    expect(manager('Ana').compressed).toBe(true);
    expect(manager('Ben').compressed).toBe(false);
    // Cy put all 3 ratings on E, yet 3 ratings are too few to judge.
    expect(manager('Cy').compressed).toBe(false);
  });

  it('calls a rater compressed when 70% or more of their ratings sit on one level', () => {
    const m = matrixOf([
      ['a', 'Dee', 'I', 'I', 'I', 'I', 'I', 'I', 'I', 'BD', 'E', 'E'],
      ['b', 'Eve', 'BD', 'B', 'I', 'A', 'E', 'BD', 'B', 'I', 'A', 'E'],
    ]);
    const s = calibrationStatistics(m, settings);
    const dee = s.managers.find((x) => x.manager === 'Dee')!;
    expect(dee.modeShare).toBeCloseTo(0.7, 12);
    expect(dee.sd!).toBeGreaterThan(0.5 * s.overall.sd!);
    expect(dee.compressed).toBe(true);
    expect(s.managers.find((x) => x.manager === 'Eve')!.compressed).toBe(false);
  });

  it('compares each manager with the guideline', () => {
    const expected = [-0.1, -0.2, -0.4, 4 / 7 - 0.2, 3 / 7 - 0.1];
    manager('Ana').guidelineDifference!.forEach((d, k) => expect(d).toBeCloseTo(expected[k], 12));
  });

  it('treats manager names that differ only in case or spaces as one rater, shown as first written', () => {
    const m = matrixOf([
      ['a', 'Ana Li', 'A'],
      ['b', ' ana  li ', 'B'],
      ['c', '', 'E'],
      ['d', 'Zed', 'E'],
    ]);
    const s = calibrationStatistics(m, settings);
    expect(s.managers.map((x) => [x.manager, x.people])).toEqual([
      ['Ana Li', 2],
      ['Zed', 1],
      ['(no manager)', 1],
    ]);
  });

  it('leaves figures empty, not zero, for a manager with nobody rated', () => {
    const m = matrixOf([
      ['a', 'Ana', 'A'],
      ['b', 'Bo', null],
    ]);
    const bo = calibrationStatistics(m, settings).managers.find((x) => x.manager === 'Bo')!;
    expect([bo.n, bo.mean, bo.median, bo.sd, bo.leniency, bo.z, bo.flag, bo.topShare]).toEqual([
      0,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('calibration statistics per competency', () => {
  it('gives the distribution across levels with mean, median and spread', () => {
    const [c1, c2] = stats.competencies;
    expect(c1.counts).toEqual([1, 1, 2, 2, 3]); // 5,4,5,4,2,3,1,3,5
    expect(c1.n).toBe(9);
    expect(c1.mean).toBeCloseTo(32 / 9, 12);
    expect(c1.median).toBe(4);
    expect(c1.sd).toBeCloseTo(Math.sqrt(146) / 9, 12);
    expect(c2.counts).toEqual([0, 2, 2, 2, 3]); // 4,4,5,3,2,2,3,5,5
    expect(c2.sd).toBeCloseTo(Math.sqrt(4 / 3), 12);
  });

  it('counts people at or above the coverage level and names a single point of expertise', () => {
    const m = matrixOf([
      ['a', 'Ana', 'E', 'B', 'B'],
      ['b', 'Ana', 'A', 'B', 'I'],
      ['c', 'Ben', 'B', 'A', 'I'],
    ]);
    const s = calibrationStatistics(m, resolveCalibrationSettings(fiveLevels, { coverageLevel: 'A' }));
    expect(s.competencies.map((c) => [c.covered, c.coverage, c.soleExpert])).toEqual([
      [2, 'covered', null],
      [1, 'single', 'Person c'],
      [0, 'nobody', null],
    ]);
  });
});

describe('calibration heatmap of manager by competency', () => {
  it('shows the group mean minus the competency mean', () => {
    const [ana, ben] = stats.heatmap.difference;
    expect(ana[0]).toBeCloseTo(4.5 - 32 / 9, 12);
    expect(ben[0]).toBeCloseTo(2.25 - 32 / 9, 12);
    expect(ben[1]).toBeCloseTo(2.5 - 11 / 3, 12);
  });

  it('hides groups of fewer than 4 people rated', () => {
    expect(stats.heatmap.people[0]).toEqual([4, 3]);
    expect(stats.heatmap.difference[0][1]).toBeNull(); // Ana rated 3 people on c2
    expect(stats.heatmap.difference[2]).toEqual([null, null]); // Cy: 1 and 2 people
  });

  it('uses the configured smallest group', () => {
    const s = calibrationStatistics(threeManagers, resolveCalibrationSettings(fiveLevels, { minGroup: 3 }));
    expect(s.heatmap.difference[0][1]).toBeCloseTo(13 / 3 - 11 / 3, 12);
  });
});
