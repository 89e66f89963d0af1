import { typedSinceAction, type RatingCell } from './typedSince';

const cell = (person: string, competency: string, value: RatingCell['value'], region = 'ratings'): RatingCell => ({
  region,
  person,
  competency,
  value,
});

describe('what was typed on an action’s sheets since the action', () => {
  it('is nothing when every rating now was carried from the replaced sheets or brought by the action', () => {
    const before = [cell('p1', 'c1', 'A'), cell('p2', 'c1', 'B')];
    const brought = [cell('p3', 'c2', 'E')];
    const now = [cell('p1', 'c1', 'A'), cell('p2', 'c1', 'B'), cell('p3', 'c2', 'E')];
    expect(typedSinceAction({ before, brought, now })).toEqual({ typed: [], cleared: 0 });
  });

  it('lists a rating typed over a carried one, and one typed in an empty cell, but not the untouched ones', () => {
    const before = [cell('p1', 'c1', 'A'), cell('p2', 'c1', 'B')];
    const now = [cell('p1', 'c1', 'E'), cell('p2', 'c1', 'B'), cell('p2', 'c2', 'I')];
    expect(typedSinceAction({ before, brought: [], now }).typed).toEqual([cell('p1', 'c1', 'E'), cell('p2', 'c2', 'I')]);
  });

  it('counts ratings of the replaced sheets that are gone now as cleared', () => {
    const before = [cell('p1', 'c1', 'A'), cell('p2', 'c1', 'B'), cell('p2', 'c2', 'I')];
    expect(typedSinceAction({ before, brought: [], now: [cell('p1', 'c1', 'A')] }).cleared).toBe(2);
  });

  it('takes a person’s id retyped in another case or with spaces as the same person (the one id rule)', () => {
    const before = [cell('P-001', 'c1', 'A')];
    expect(typedSinceAction({ before, brought: [], now: [cell(' p-001 ', 'c1', 'A')] })).toEqual({ typed: [], cleared: 0 });
  });

  it('reads a number and its digits as one rating, and ignores spaces around a level', () => {
    const before = [cell('p1', 'c1', 3), cell('p1', 'c2', 'A')];
    expect(typedSinceAction({ before, brought: [], now: [cell('p1', 'c1', '3'), cell('p1', 'c2', ' A ')] }).typed).toEqual([]);
  });

  it('keeps regions apart: the same person and competency in another region is another cell', () => {
    const before = [cell('p1', 'c1', 'A', 'ratings')];
    const now = [cell('p1', 'c1', 'A', 'coverage-levels')];
    expect(typedSinceAction({ before, brought: [], now })).toEqual({ typed: now, cleared: 1 });
  });

  it('accepts either of two values the replaced sheets held for one cell (two old sheets, one key)', () => {
    const before = [cell('p1', 'c1', 'A'), cell('p1', 'c1', 'B')];
    expect(typedSinceAction({ before, brought: [], now: [cell('p1', 'c1', 'B')] }).typed).toEqual([]);
  });
});
