import { builtIn } from '../frameworks/library';
import { parseRoster } from '../roster';
import { cycleTeams } from './teams';

const mit = builtIn('mit-devops');
const I = 'DevOps Engineer I';

function teamsOf(rows: string[][], include: 'direct' | 'all' = 'direct') {
  return cycleTeams(parseRoster(rows, mit), include).map((t) => [t.managerId ?? null, t.managerName, t.members.map((m) => m.id)]);
}

describe('who goes in which team', () => {
  const line = [
    ['id', 'name', 'role', 'manager'],
    ['H1', 'Hana Ito', I, ''],
    ['M1', 'Mo Diallo', I, 'Hana Ito'],
    ['A1', 'Ada', I, 'm1'],
    ['A2', 'Ben', I, 'Mo  Diallo'],
    ['A3', 'Cy', I, 'Dana Outside'],
  ];

  it('names a manager by id (any case) or by name, and a manager not on the roster is still a team', () => {
    expect(teamsOf(line)).toEqual([
      ['H1', 'Hana Ito', ['M1']],
      ['M1', 'Mo Diallo', ['A1', 'A2']],
      [null, 'Dana Outside', ['A3']],
    ]);
  });

  it('gives a manager everyone below them in the line with include all', () => {
    expect(teamsOf(line, 'all')[0]).toEqual(['H1', 'Hana Ito', ['M1', 'A1', 'A2']]);
  });

  it('reads a "manager id" column as ids only: a name there is a manager not on the roster', () => {
    const rows = [
      ['id', 'name', 'role', 'manager id'],
      ['M1', 'Mo', I, ''],
      ['A1', 'Ada', I, 'M1'],
      ['A2', 'Ben', I, 'Mo'],
    ];
    expect(teamsOf(rows)).toEqual([
      ['M1', 'Mo', ['A1']],
      [null, 'Mo', ['A2']],
    ]);
  });

  it('refuses a manager name two people share, naming the rows, instead of guessing', () => {
    const rows = [
      ['id', 'name', 'role', 'manager'],
      ['M1', 'Sam Lee', I, ''],
      ['M2', 'Sam Lee', I, ''],
      ['A1', 'Ada', I, 'Sam Lee'],
    ];
    expect(() => teamsOf(rows)).toThrow(
      'roster: row 4: manager "Sam Lee" is the name of 2 people (rows 2, 3); name the manager by id, or add a "manager id" column',
    );
  });

  it('ends a loop in the line (A reports to B, B to A) instead of running forever', () => {
    const rows = [
      ['id', 'name', 'role', 'manager'],
      ['A', 'Ann', I, 'B'],
      ['B', 'Bo', I, 'A'],
    ];
    expect(teamsOf(rows, 'all')).toEqual([
      ['A', 'Ann', ['B']],
      ['B', 'Bo', ['A']],
    ]);
  });
});
