import { ratingKey } from './carryRatings';
import { coverageLevelsFromInputs } from './coverageLevelsFromInputs';
import type { PlanCell } from './plan';

const inputs = (entries: [string, string, string, PlanCell][]) =>
  new Map(entries.map(([region, row, competency, value]) => [ratingKey(region, row, competency), value]));

describe('coverage levels taken from what people entered in earlier grids', () => {
  it('keeps the level chosen for each competency and ignores the ratings of people', () => {
    const levels = coverageLevelsFromInputs(
      inputs([
        ['ratings', 'E1', 'coding', 'B'],
        ['coverage-levels', 'coverage-level', 'coding', 'E'],
        ['coverage-levels', 'coverage-level', 'testing', 'A'],
      ]),
    );
    expect([...levels]).toEqual([
      ['coding', 'E'],
      ['testing', 'A'],
    ]);
  });

  it('keeps the first level read when two coverage rows name one competency differently', () => {
    const levels = coverageLevelsFromInputs(
      inputs([
        ['coverage-levels', 'coverage-level', 'coding', 'E'],
        ['coverage-levels', 'older-row', 'coding', 'A'],
      ]),
    );
    expect(levels.get('coding')).toBe('E');
  });

  it('passes numeric levels on as text and skips empty cells', () => {
    const levels = coverageLevelsFromInputs(
      inputs([
        ['coverage-levels', 'coverage-level', 'coding', 3],
        ['coverage-levels', 'coverage-level', 'testing', null],
      ]),
    );
    expect(levels.get('coding')).toBe('3');
    expect(levels.has('testing')).toBe(false);
  });

  it('gives no levels when no grid was read', () => {
    expect(coverageLevelsFromInputs(new Map()).size).toBe(0);
  });
});
