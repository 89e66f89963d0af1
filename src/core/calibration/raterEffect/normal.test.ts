import { normalCdf, twoSidedP } from './normal';

// Reference values of Φ from published tables (Abramowitz & Stegun 26.2; R's pnorm to 16 digits).
describe('the standard normal lower tail', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [2.5, 0.9937903346742238],
    [-3.5, 2.32629079035525e-4],
    [-6, 9.865876450376946e-10],
    [-10, 7.619853024160527e-24],
  ])('gives Φ(%p) = %p to 1e-13 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('gives the two-sided p of z = 1.96 as about 5%', () => {
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 13);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 13);
  });
});
