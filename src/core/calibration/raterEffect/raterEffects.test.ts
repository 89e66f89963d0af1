import { emptyRatingMatrix, type RatedPerson } from '../ratingMatrix';
import { managerGroups } from '../managerGroups';
import { fiveLevels } from '../../../../tests/calibration/fixtures';
import { LevelReader } from '../levelReader';
import { raterEffects } from './raterEffects';

/** [manager, role, c1, c2] rows on BD=1 ... E=5. */
function ratings(rows: [string, string, string | null, string | null][]) {
  const people: RatedPerson[] = rows.map(([manager, role], i) => ({ id: `p${i + 1}`, name: `P${i + 1}`, role, manager }));
  const matrix = emptyRatingMatrix(fiveLevels, people, [
    { id: 'c1', name: 'C1' },
    { id: 'c2', name: 'C2' },
  ]);
  const reader = new LevelReader(fiveLevels);
  rows.forEach((r, p) => [r[2], r[3]].forEach((code, c) => (matrix.ranks[p * 2 + c] = reader.rank(code))));
  return { matrix, groups: managerGroups(people) };
}

// Ana leads two seniors, Ben a senior and a junior, Cy two juniors.
// Role means: Senior c1 13/3, c2 9/2; Junior c1 5/3, c2 2.
// Residuals: Ana 7/12, -1/3; Ben -5/12, 1/6; Cy -1/3, 1/3.
const mixed = ratings([
  ['Ana', 'Senior', 'E', 'E'],
  ['Ana', 'senior ', 'A', null],
  ['Ben', 'Senior', 'A', 'A'],
  ['Ben', 'Junior', 'B', 'B'],
  ['Cy', 'Junior', 'BD', 'B'],
  ['Cy', 'Junior', 'B', null],
]);

describe('the rater effect adjusted for role and competency', () => {
  const fx = raterEffects(mixed.matrix, mixed.groups, { falseDiscoveryRate: 0.05, minTeam: 2 });
  const rater = (name: string) => fx.raters.find((r) => r.manager === name)!;

  it('compares each rating with what the same role gets on the same competency from everyone', () => {
    expect(fx.roles.labels).toEqual(['Senior', 'Junior']);
    expect(fx.expected[0][0]).toBeCloseTo(13 / 3, 12);
    expect(fx.expected[0][1]).toBeCloseTo(9 / 2, 12);
    expect(fx.expected[1][0]).toBeCloseTo(5 / 3, 12);
    expect(fx.expected[1][1]).toBeCloseTo(2, 12);
    const expectedResiduals = [7 / 12, -1 / 3, -5 / 12, 1 / 6, -1 / 3, 1 / 3];
    fx.residual.forEach((d, i) => expect(d).toBeCloseTo(expectedResiduals[i], 12));
  });

  it('averages residuals per person, so a senior team’s high ratings are not leniency', () => {
    expect(rater('Ana').estimate).toBeCloseTo(1 / 8, 12); // the naive leniency would be 4.67 - 3.2 = +1.47
    expect(rater('Ben').estimate).toBeCloseTo(-1 / 8, 12);
    expect(rater('Cy').estimate).toBeCloseTo(0, 12);
    expect(rater('Ana').people).toBe(2);
  });

  it('takes the uncertainty from people, with the within-rater variance pooled over raters', () => {
    // Within sums of squares 242/576 + 98/576 + 128/576 = 13/16 over 6 people - 3 raters.
    expect(fx.pooledVariance).toBeCloseTo(13 / 48, 12);
    expect(rater('Ana').se).toBeCloseTo(Math.sqrt(13 / 96), 12);
    expect(rater('Ana').z).toBeCloseTo(1 / 8 / Math.sqrt(13 / 96), 12);
  });

  it('shrinks every estimate to zero when the estimates spread no more than their errors', () => {
    expect(fx.tau2).toBe(0);
    fx.raters.forEach((r) => expect(Math.abs(r.shrunk!)).toBe(0));
    expect(fx.raters.some((r) => r.flagged)).toBe(false);
  });

  it('gives a team below the smallest team an estimate but no test and no flag', () => {
    const small = raterEffects(mixed.matrix, mixed.groups, { falseDiscoveryRate: 0.05, minTeam: 3 });
    expect(small.raters[0].estimate).toBeCloseTo(1 / 8, 12);
    expect(small.raters.map((r) => [r.se, r.p, r.flagged])).toEqual([
      [null, null, false],
      [null, null, false],
      [null, null, false],
    ]);
  });
});
