import { defaultGuideline, parseGuideline } from './guideline';
import { CompetencyError } from '../problems';

const codes = ['BD', 'B', 'I', 'A', 'E'];

describe('a guideline distribution', () => {
  it('defaults to 10/20/40/20/10 on a five-level scale and adds up to 100% on any scale', () => {
    expect(defaultGuideline(5)).toEqual([0.1, 0.2, 0.4, 0.2, 0.1]);
    for (let k = 1; k <= 9; k++) expect(defaultGuideline(k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('reads percentages typed with commas, spaces or percent signs', () => {
    expect(parseGuideline('5, 25, 40, 25, 5', codes)).toEqual([0.05, 0.25, 0.4, 0.25, 0.05]);
    expect(parseGuideline('10% 20% 40% 20% 10%', codes)).toEqual([0.1, 0.2, 0.4, 0.2, 0.1]);
  });

  it('accepts a total rounded to within half a point of 100%', () => {
    expect(parseGuideline('33.3,33.3,33.3,0,0', codes)).toHaveLength(5);
    expect(() => parseGuideline('33,33,33,0,0', codes)).toThrow(/add up to 99%, not 100%/);
  });

  it('says how many percentages the scale needs, naming its levels', () => {
    expect(() => parseGuideline('50,50', codes)).toThrow(
      new CompetencyError(
        'invalid-argument',
        'the guideline has 2 percentages but the scale has 5 levels (BD, B, I, A, E); give one percentage per level, lowest first',
        '--guideline',
      ),
    );
  });

  it('rejects text and negative shares', () => {
    expect(() => parseGuideline('10,20,forty,20,10', codes)).toThrow(/"forty" is not a percentage/);
    expect(() => parseGuideline('-10,40,40,20,10', codes)).toThrow(/from 0 to 100/);
  });
});
