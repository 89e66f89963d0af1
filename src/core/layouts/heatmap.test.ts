import { builtIn } from '../frameworks/library';
import { gapHeatmap, gapSpan, levelCodeHeatmap, levelPosition, mixColor, SEQUENTIAL_HIGH, SEQUENTIAL_LOW } from './heatmap';

const rect = { row: 9, col: 11, rows: 5, cols: 3 };

describe('heatmap colours', () => {
  it('mixes colours linearly', () => {
    expect(mixColor('000000', 'FFFFFF', 0.5)).toBe('808080');
    expect(mixColor('F8696B', 'FFFFFF', 0)).toBe('F8696B');
    expect(mixColor('F8696B', 'FFFFFF', 2)).toBe('FFFFFF');
  });

  it('places levels by value between the lowest and the highest, a one-level scale at the top', () => {
    const mit = builtIn('mit-devops').primaryScale;
    expect(mit.levels.map((l) => levelPosition(mit, l.value))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(levelPosition(builtIn('canon-devops-p3').primaryScale, 3)).toBe(1);
  });

  it('reaches full red or green at about half the scale, and never less than one step', () => {
    expect(gapSpan(builtIn('mit-devops').primaryScale)).toBe(2);
    expect(gapSpan(builtIn('ddat-devops').scale('ddat-depth'))).toBe(1);
    expect(gapSpan(builtIn('canon-devops-p3').primaryScale)).toBe(1);
    expect(gapHeatmap(rect, builtIn('sre-ladder').primaryScale)).toMatchObject({
      kind: 'colorScale',
      points: [{ value: -2 }, { value: 0 }, { value: 2 }],
    });
  });

  it('gives every level of a code block its own rule, relative to the block’s first cell', () => {
    const rules = levelCodeHeatmap(rect, builtIn('kaairo-devops').primaryScale);
    expect(rules.map((r) => r.kind === 'formula' && r.formula)).toEqual([
      'L10&""="1"',
      'L10&""="2"',
      'L10&""="3"',
      'L10&""="4"',
      'L10&""="5"',
    ]);
    expect(rules[0].kind === 'formula' && rules[0].style.fill).toBe(SEQUENTIAL_LOW);
    expect(rules[4].kind === 'formula' && rules[4].style.fill).toBe(SEQUENTIAL_HIGH);
  });
});
