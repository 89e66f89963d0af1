import { builtIn } from './frameworks/library';
import { blankRoster, parseRoster, parseRosterCsv } from './roster';
import { CompetencyError } from './problems';

const mit = builtIn('mit-devops');

function rejection(fn: () => unknown): CompetencyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CompetencyError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('reading a roster', () => {
  it('finds the header below title rows, trims cells and parses ratings with each competency scale', () => {
    const roster = parseRoster(
      [
        ['Team Alpha assessment'],
        [],
        ['ID', 'Full name', 'Job title', 'Line manager', 'Adaptability', 'Teamwork'],
        [' e1 ', ' Ada ', 'DevOps Engineer II', 'Grace', 'A', ''],
        ['e2', 'Bob', 'devops engineer iv', '', 'Expert', 'n/a'],
      ],
      mit,
      { source: 'team.csv' },
    );
    expect(roster.people.map((p) => [p.id, p.name, p.role.id, p.manager, p.row])).toEqual([
      ['e1', 'Ada', 'devops-engineer-2', 'Grace', 4],
      ['e2', 'Bob', 'devops-engineer-4', '', 5],
    ]);
    expect(roster.people[0].ratings.get('adaptability')?.code).toBe('A');
    expect(roster.people[0].ratings.has('teamwork')).toBe(false);
    expect(roster.people[1].ratings.get('adaptability')?.code).toBe('E');
    expect(roster.ratedCompetencies.map((c) => c.name)).toEqual(['Adaptability', 'Teamwork']);
  });

  it('reports duplicate ids, unknown roles and unknown levels together, naming rows', () => {
    const e = rejection(() =>
      parseRosterCsv(
        'id,name,role,Teamwork\na,Ann,DevOps Engineer I,B\na,Al,DevOps Engineer I,B\nb,Bea,Wizard,B\nc,Cy,DevOps Engineer I,Z\n',
        mit,
        {
          source: 'team.csv',
        },
      ),
    );
    expect(e.kind).toBe('invalid-roster');
    expect(e.message).toContain('team.csv: row 3: id "a" is already used on row 2');
    expect(e.message).toContain(
      'row 4: role "Wizard" is not a role of MIT IS&T DevOps Engineer; use DevOps Engineer I, DevOps Engineer II, DevOps Engineer III or DevOps Engineer IV',
    );
    expect(e.message).toContain('row 5, Teamwork: "Z" is not a level; use BD (Being Developed)');
  });

  it('names sheet rows when the rows start lower on the sheet (firstRow)', () => {
    const rows = [
      ['id', 'name', 'role', 'Teamwork'],
      ['a', 'Ann', 'DevOps Engineer I', 'B'],
      ['a', 'Al', 'DevOps Engineer I', 'Z'],
    ];
    const e = rejection(() => parseRoster(rows, mit, { source: "'Team'!C10:F12", firstRow: 10 }));
    expect(e.message).toBe(`'Team'!C10:F12: row 12: id "a" is already used on row 11; give each person a unique id`);
    expect(parseRoster(rows.slice(0, 2), mit, { firstRow: 10 }).people[0].row).toBe(11);
    const twice = [['id', 'name', 'role', 'Teamwork', 'teamwork']];
    expect(rejection(() => parseRoster(twice, mit, { source: 'sel', firstRow: 7 })).message).toMatch(/^sel, header row 7: two columns/);
  });

  it('keeps formula-like names as they are, as text', () => {
    const roster = parseRosterCsv('id,name,role\nx1,"=HYPERLINK(""http://x"",""y"")",DevOps Engineer I\n', mit);
    expect(roster.people[0].name).toBe('=HYPERLINK("http://x","y")');
  });

  it('explains an empty file and a file without a header', () => {
    expect(rejection(() => parseRosterCsv('', mit, { source: 'empty.csv' })).message).toMatch(/^empty\.csv: the roster is empty/);
    expect(rejection(() => parseRosterCsv('a,b\n1,2\n', mit)).message).toMatch(/no header row with id, name and role/);
    expect(rejection(() => parseRosterCsv('id,name,role\n', mit)).message).toMatch(/header row but no people/);
  });

  it('warns about columns that are not competencies instead of guessing', () => {
    const roster = parseRosterCsv('id,name,role,Shoe size\nx,X,DevOps Engineer I,44\n', mit);
    expect(roster.warnings).toEqual(['column "Shoe size" is not a competency of MIT IS&T DevOps Engineer; it was ignored']);
  });

  it('summarises thousands of unknown columns in one warning line', () => {
    const header = ['id', 'name', 'role', ...Array.from({ length: 5000 }, (_, i) => `extra ${i}`)];
    const roster = parseRoster([header, ['e1', 'Ada', 'DevOps Engineer II']], mit);
    expect(roster.warnings).toEqual([
      `5000 columns are not competencies of ${mit.name} and were ignored: "extra 0", "extra 1", "extra 2", … (4997 more)`,
    ]);
  });

  it('warns about rows with more cells than the header, and about control characters it removed', () => {
    const roster = parseRosterCsv(
      'id,name,role\ne1,Ada\u0007,DevOps Engineer II,stray\ne2,Bob,DevOps Engineer I\ne3,Cy,DevOps Engineer I,,more',
      mit,
    );
    expect(roster.people.map((p) => p.name)).toEqual(['Ada', 'Bob', 'Cy']);
    expect(roster.warnings).toEqual([
      'rows 2, 4 have more cells than the header row (row 1); the cells past the last heading were ignored; give them a heading or remove them',
      'control characters (invisible codes such as NUL or ESC) were removed from the id, name, role or manager on row 2; check those cells',
    ]);
  });

  it('refuses a cell longer than an Excel cell holds, naming the row and column', () => {
    const e = rejection(() => parseRosterCsv(`id,name,role\ne1,${'x'.repeat(32768)},DevOps Engineer II`, mit, { source: 'r.csv' }));
    expect(e.message).toBe('r.csv: row 2, column "name": 32,768 characters, more than the 32,767 an Excel cell holds; shorten it');
  });

  it('makes N blank rows with unique ids', () => {
    const roster = blankRoster(12, mit);
    expect(roster.people).toHaveLength(12);
    expect(new Set(roster.people.map((p) => p.id)).size).toBe(12);
    expect(roster.people[0].id).toBe('P01');
  });
});
