import { benjaminiHochberg } from './benjaminiHochberg';

describe('Benjamini-Hochberg across raters', () => {
  it('flags only the raters whose p-value passes its rank’s share of the false-discovery rate', () => {
    // m = 4 tested; limits k/4 x 5%: 1.25%, 2.5%, 3.75%, 5%. Only 1% (rank 1) passes.
    const bh = benjaminiHochberg([0.01, 0.04, 0.03, 0.5, null], 0.05);
    expect(bh.rank).toEqual([1, 3, 2, 4, null]);
    expect(bh.cutoff).toBe(1);
    expect(bh.flagged).toEqual([true, false, false, false, false]);
  });

  it('steps up: the largest passing rank flags every rater ranked before it', () => {
    // 4% <= 5% at rank 4, so all four are flagged although 3% at rank 2 would fail alone (2.5%).
    expect(benjaminiHochberg([0.03, 0.01, 0.04, 0.03], 0.05).flagged).toEqual([true, true, true, true]);
  });

  it('flags tied p-values together, ranked at the last of their places', () => {
    const bh = benjaminiHochberg([0.02, 0.02, 0.9], 0.05);
    expect(bh.rank).toEqual([2, 2, 3]);
    expect(bh.flagged).toEqual([true, true, false]);
  });

  it('flags nobody when nothing passes', () => {
    expect(benjaminiHochberg([0.2, 0.3], 0.05)).toEqual({ rank: [1, 2], cutoff: 0, flagged: [false, false] });
  });
});
