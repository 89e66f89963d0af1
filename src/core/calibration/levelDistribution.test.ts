import { levelDistribution, valueAtPosition } from './levelDistribution';

const values = [1, 2, 3, 4, 5];

describe('statistics from counts per level', () => {
  it('finds the p-th smallest rating from the counts', () => {
    const counts = [1, 0, 2, 0, 1]; // 1, 3, 3, 5
    expect([1, 2, 3, 4].map((p) => valueAtPosition(counts, values, p))).toEqual([1, 3, 3, 5]);
  });

  it('takes the median of an even count as the mean of the two middle ratings, as MEDIAN does', () => {
    expect(levelDistribution([1, 1, 0, 0, 0], values).median).toBe(1.5);
    expect(levelDistribution([0, 0, 1, 0, 3], values).median).toBe(5);
  });

  it('gives the population standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7-style check on this scale: 1, 3, 5 -> mean 3, variance 8/3
    expect(levelDistribution([1, 0, 1, 0, 1], values).sd).toBeCloseTo(Math.sqrt(8 / 3), 12);
  });

  it('is empty, not zero, when nothing is rated', () => {
    expect(levelDistribution([0, 0, 0, 0, 0], values)).toEqual({ counts: [0, 0, 0, 0, 0], n: 0, mean: null, median: null, sd: null });
  });
});
