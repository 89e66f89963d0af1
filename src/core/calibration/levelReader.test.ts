import { LevelReader } from './levelReader';
import { fiveLevels } from '../../../tests/calibration/fixtures';
import { Scale } from '../scale';

describe('reading a grid cell as the calibration sheet does', () => {
  const reader = new LevelReader(fiveLevels);

  it('counts a level code in any case', () => {
    expect(reader.read('A')).toEqual({ kind: 'level', rank: 3 });
    expect(reader.read('bd')).toEqual({ kind: 'level', rank: 0 });
  });

  it('treats blank as not rated, never as the lowest level', () => {
    expect(reader.read(null)).toEqual({ kind: 'blank' });
    expect(reader.read('')).toEqual({ kind: 'blank' });
  });

  it('does not count names, padded codes, N/A or typos, and says which were meant as not rated', () => {
    expect(reader.read('Advanced')).toEqual({ kind: 'not-counted', notRated: false, text: 'Advanced' });
    expect(reader.read('A ')).toMatchObject({ kind: 'not-counted', notRated: false });
    expect(reader.read('N/A')).toEqual({ kind: 'not-counted', notRated: true, text: 'N/A' });
  });

  it('matches a number typed in a cell to the text code of a numeric scale', () => {
    const numeric = new Scale({
      id: 'n',
      name: 'Numeric',
      levels: [1, 2, 3].map((v) => ({ code: String(v), name: `Level ${v}`, value: v })),
    });
    expect(new LevelReader(numeric).rank(2)).toBe(1);
    expect(new LevelReader(numeric).rank('3')).toBe(2);
    expect(new LevelReader(numeric).rank(true)).toBe(-1);
  });
});
