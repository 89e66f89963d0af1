import { calibrationSheetSettings } from './sheetSettings';
import { DEFAULT_TALENT_CUTOFFS, TALENT_CUTOFFS_REGION } from './talentGrid';

/** The four cut-off cells in a column from (5, 1), as a talent grid sheet has them. */
function readBack(rowKeys: string[], values: unknown[]) {
  const region = { id: TALENT_CUTOFFS_REGION, range: { row: 5, col: 1, rows: 4, cols: 1 }, rowKeys, colKeys: ['value'] };
  return calibrationSheetSettings([region], (row, col) => (col === 1 ? values[row - 5] : null)).talentCutoffs;
}

describe('the talent grid cut-offs read back from the sheet', () => {
  it('keeps meets % and readiness cut-offs under their own keys', () => {
    expect(readBack(['meetsLow', 'meetsHigh', 'readinessLow', 'readinessHigh'], [0.4, 0.7, 0.6, 0.9])).toEqual({
      meets: { low: 0.4, high: 0.7 },
      readiness: { low: 0.6, high: 0.9 },
    });
  });

  it('keeps performance and potential cut-offs apart, leaving meets % and readiness at their defaults', () => {
    expect(readBack(['performanceLow', 'performanceHigh', 'potentialLow', 'potentialHigh'], [2, 3, 3, 5])).toEqual({
      ...DEFAULT_TALENT_CUTOFFS,
      performance: { low: 2, high: 3 },
      potential: { low: 3, high: 5 },
    });
  });

  it('keeps nothing when a cell is not a number', () => {
    expect(readBack(['performanceLow', 'performanceHigh', 'potentialLow', 'potentialHigh'], [2, 'x', 3, 4])).toBeUndefined();
  });
});
