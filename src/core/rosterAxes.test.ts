import { builtIn } from './frameworks/library';
import { parseRoster } from './roster';

const mit = builtIn('mit-devops');
const role = 'DevOps Engineer II';

describe('a roster with performance and potential columns', () => {
  it('reads the aliases, words in any case and whole numbers as a 1-3 axis, and leaves competency columns alone', () => {
    const roster = parseRoster(
      [
        ['ID', 'Name', 'Role', 'Performance rating', 'Potential score', 'Adaptability'],
        ['e1', 'Ada', role, 'High', 'low', 'A'],
        ['e2', 'Bob', role, 'MEDIUM', 3, ''],
        ['e3', 'Cy', role, '1', '', ''],
      ],
      mit,
    );
    expect(roster.performance).toEqual({ steps: 3 });
    expect(roster.potential).toEqual({ steps: 3 });
    expect(roster.people.map((p) => [p.performance, p.potential])).toEqual([
      [3, 1],
      [2, 3],
      [1, undefined],
    ]);
    expect(roster.ratedCompetencies.map((c) => c.name)).toEqual(['Adaptability']);
    expect(roster.warnings).toEqual([]);
  });

  it('takes "perf" and "potential"; a column holding a 4 or 5 is a 1-5 axis, and words in it are refused with a warning naming the row', () => {
    const roster = parseRoster(
      [
        ['id', 'name', 'role', 'perf', 'potential'],
        ['e1', 'Ada', role, 5, 2],
        ['e2', 'Bob', role, 'High', 3],
        ['e3', 'Cy', role, 4, 'High'],
      ],
      mit,
    );
    expect(roster.performance).toEqual({ steps: 5 });
    expect(roster.potential).toEqual({ steps: 3 });
    expect(roster.people.map((p) => [p.performance, p.potential])).toEqual([
      [5, 2],
      [undefined, 3],
      [4, 3],
    ]);
    expect(roster.warnings).toHaveLength(1);
    expect(roster.warnings[0]).toMatch(/^row 3, Performance: "High" is not a value of the 1-5 scale/);
  });

  it('warns once per value it cannot read, naming the row and the value, and keeps the person without it', () => {
    const roster = parseRoster(
      [
        ['id', 'name', 'role', 'performance', 'potential'],
        ['e1', 'Ada', role, 'Great', 2.5],
        ['e2', 'Bob', role, 0, 'Medium'],
      ],
      mit,
    );
    expect(roster.people.map((p) => [p.id, p.performance, p.potential])).toEqual([
      ['e1', undefined, undefined],
      ['e2', undefined, 2],
    ]);
    expect(roster.warnings).toEqual([
      expect.stringMatching(/^row 2, Performance: "Great" is not a value/),
      expect.stringMatching(/^row 3, Performance: "0" is not a value/),
      expect.stringMatching(/^row 2, Potential: "2.5" is not a value/),
    ]);
  });

  it('has no axes when the roster has neither column', () => {
    const roster = parseRoster(
      [
        ['id', 'name', 'role'],
        ['e1', 'Ada', role],
      ],
      mit,
    );
    expect(roster.performance).toBeUndefined();
    expect(roster.potential).toBeUndefined();
    expect('performance' in roster.people[0]).toBe(false);
  });
});
