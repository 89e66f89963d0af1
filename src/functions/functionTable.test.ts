import { builtIn } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { validateFramework } from '../core/framework/validate';
import { declarationOf } from './functionTable';
import { FormulaError } from './formulaError';
import { setWorkbookFrameworks } from './frameworkRegistry';
import { runFunction } from './runFunction';

/**
 * Calls a declared function as Excel would: scalars (and blank cells, null) as 1 x 1 matrices,
 * left-out optional arguments (undefined here) as null.
 */
function call(name: string, ...args: unknown[]) {
  return runFunction(
    declarationOf(name),
    args.map((a) => (a === undefined ? null : Array.isArray(a) ? a : [[a]])),
  );
}

/** The single cell of a 1 x 1 result. */
function one(name: string, ...args: unknown[]) {
  const result = call(name, ...args);
  if (result instanceof FormulaError) return result;
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

function errorOf(value: unknown): FormulaError {
  expect(value).toBeInstanceOf(FormulaError);
  return value as FormulaError;
}

const MIT_LEVELS = 'use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave it blank for not rated';

describe('COMPETENCY.LEVELGAP', () => {
  it('is rating minus target in level steps: positive exceeds, negative falls short', () => {
    expect(one('LEVELGAP', 'A', 'I', 'mit-devops')).toBe(1);
    expect(one('LEVELGAP', 'B', 'A', 'mit-devops')).toBe(-2);
    expect(one('LEVELGAP', 'Intermediate', 'i', 'mit-devops')).toBe(0);
  });

  it('reads the scale a framework, a scale id or a framework name names', () => {
    expect(one('LEVELGAP', 'Basic', 'Advanced', 'kaairo-devops')).toBe(-3);
    expect(one('LEVELGAP', 'Basic', 'Advanced', 'kaairo-proficiency')).toBe(-3);
    expect(one('LEVELGAP', 'Basic', 'Advanced', 'MIT IS&T DevOps Engineer')).toBe(-2);
    expect(one('LEVELGAP', '3 – Practitioner', 'Awareness', 'ddat-skill-level')).toBe(2);
  });

  it('infers the scale when only one scale reads the levels', () => {
    expect(one('LEVELGAP', 'A', 'I')).toBe(1);
    expect(one('LEVELGAP', 'L4', 'Junior SRE')).toBe(3);
    expect(one('LEVELGAP', 'Advanced (4/5)', 'Basic (1/5)')).toBe(3);
  });

  it('infers nothing it would have to guess: "Basic" to "Advanced" is -2 on MIT and -3 on Kaairo', () => {
    const error = errorOf(one('LEVELGAP', 'Basic', 'Advanced'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(
      '"Basic" means different levels on Proficiency level (mit-devops) and Proficiency (1-5) (kaairo-devops); give the scale, e.g. "kaairo-devops"',
    );
  });

  it('works on plain numbers without a scale, since every scale agrees on them', () => {
    expect(one('LEVELGAP', 4, 1)).toBe(3);
  });

  it('gives a blank, never a number, when the rating or target is blank or N/A', () => {
    expect(one('LEVELGAP', null, 'I', 'mit-devops')).toBe('');
    expect(one('LEVELGAP', '', 'I', 'mit-devops')).toBe('');
    expect(one('LEVELGAP', 'n/a', 'I', 'mit-devops')).toBe('');
    expect(one('LEVELGAP', 'A', 'N/A', 'mit-devops')).toBe('');
    expect(one('LEVELGAP', null, null)).toBe('');
  });

  it('reads a 0 as blank on a scale without a level 0 (Excel desktop sends empty cells as 0)', () => {
    expect(one('LEVELGAP', 0, 'I', 'mit-devops')).toBe('');
    expect(one('LEVELGAP', 0, 2, [[0], [1], [2], [3]])).toBe(-2);
  });

  it('gives #VALUE! naming the valid levels for an unknown level, in that cell only', () => {
    const result = call('LEVELGAP', [['A'], ['Guru']], 'I', 'mit-devops') as unknown[][];
    expect(result[0][0]).toBe(1);
    const error = errorOf(result[1][0]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(`"Guru" is not a level of the Proficiency level scale; ${MIT_LEVELS}`);
  });

  it('names the choices when no scale reads a level and none was given', () => {
    const error = errorOf(one('LEVELGAP', 'Guru', 'Wizard'));
    expect(error.message).toMatch(/^"Guru" is not a level of any scale the functions know; give the scale: a framework id \(mit-devops, /);
  });

  it('works element-wise and spills, as Excel arithmetic does', () => {
    expect(call('LEVELGAP', [['BD'], ['E']], [['B', 'A']], 'mit-devops')).toEqual([
      [-1, -3],
      [3, 1],
    ]);
    expect(call('LEVELGAP', [['A', 'B']], [['I', 'I']])).toEqual([[1, -1]]);
  });

  it('fills #N/A where ranges of different sizes do not overlap, as Excel does', () => {
    const result = call('LEVELGAP', [['A'], ['B'], ['E']], [['I'], ['I']], 'mit-devops') as unknown[][];
    expect(result.slice(0, 2)).toEqual([[1], [-1]]);
    expect(errorOf(result[2][0]).code).toBe('#N/A');
  });

  it('passes an incoming error on unchanged, cell by cell', () => {
    const incoming = { code: '#DIV/0!' };
    const result = call('LEVELGAP', [[incoming], ['E']], 'I') as unknown[][];
    expect(errorOf(result[0][0]).passedOn).toBe(incoming);
    expect(result[1][0]).toBe(2);
  });

  it('passes on an error in the scale argument for the whole call', () => {
    const incoming = { code: '#REF!' };
    expect(errorOf(call('LEVELGAP', 'A', 'I', incoming)).passedOn).toBe(incoming);
  });

  it('takes a scale listed in a range: positions lowest first, or the numbers themselves', () => {
    expect(one('LEVELGAP', 'low', 'High', [['Low', 'Mid', 'High']])).toBe(-2);
    expect(one('LEVELGAP', 'Mid', 'Low', [['Low'], ['Mid'], [null], ['High']])).toBe(1);
    expect(
      one('LEVELGAP', 'N', 'Expert', [
        ['N', 'Novice'],
        ['P', 'Practitioner'],
        ['X', 'Expert'],
      ]),
    ).toBe(-2);
    expect(one('LEVELGAP', 0, 4, [[0, 1, 2, 3, 4]])).toBe(-4);
  });

  it('refuses a scale range it cannot read, saying how to list one', () => {
    expect(errorOf(one('LEVELGAP', 'a', 'b', [['a', 'b', 'a']])).message).toBe(
      'the scale range lists "a" twice; each level once, lowest first',
    );
    expect(
      errorOf(
        one('LEVELGAP', 'a', 'b', [
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ]),
      ).message,
    ).toMatch(/is 2 rows by 3 columns; list the levels lowest first/);
    expect(errorOf(one('LEVELGAP', 3, 1, [[3, 2, 1]])).message).toMatch(/lowest first; 2 comes after 3/);
    expect(errorOf(one('LEVELGAP', 'Q', 'Low', [['Low', 'High']])).message).toBe(
      '"Q" is not a level of the listed scale; use Low or High, or leave it blank for not rated',
    );
  });

  it('refuses a scale it does not know, listing the choices', () => {
    const error = errorOf(one('LEVELGAP', 'A', 'I', 'itil'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(
      /^no scale or framework "itil"; give a framework id \(mit-devops, ddat-devops, canon-devops-p3, sre-ladder or kaairo-devops\), a scale id/,
    );
  });

  it('says which argument is missing and refuses extra arguments', () => {
    expect(errorOf(call('LEVELGAP', 'A')).message).toBe('COMPETENCY.LEVELGAP needs target');
    expect(errorOf(call('LEVELGAP', 'A', 'I', 'mit-devops', 'x')).message).toBe('COMPETENCY.LEVELGAP takes 3 arguments, not 4');
  });
});

describe('COMPETENCY.SHORTFALL', () => {
  it('is max(0, target - rating), blank when not rated', () => {
    expect(call('SHORTFALL', [['B'], ['E'], [null]], 'A', 'mit-devops')).toEqual([[2], [0], ['']]);
  });
});

describe('COMPETENCY.LEVELVALUE and COMPETENCY.LEVELNAME', () => {
  it('turn a spelling into its value and a value into its name or code', () => {
    expect(one('LEVELVALUE', 'Proficient in', 'ddat-devops')).toBe(3); // DDaT's primary scale is depth: Aware, Familiar, Proficient
    expect(one('LEVELVALUE', 'Practitioner', 'ddat-skill-level')).toBe(3);
    expect(one('LEVELNAME', 4, 'kaairo-devops')).toBe('Advanced');
    expect(one('LEVELNAME', 4, 'mit-devops', 'code')).toBe('A');
    expect(one('LEVELNAME', 'principal sre', undefined, 'CODE')).toBe('L5');
  });

  it('asks for the scale when a plain number names different levels on different scales', () => {
    expect(errorOf(one('LEVELNAME', 3)).message).toMatch(/^"3" means different levels on Proficiency level \(mit-devops\), /);
  });

  it('refuses a form other than code or name', () => {
    expect(errorOf(one('LEVELNAME', 4, 'mit-devops', 'label')).message).toBe('form is "code" or "name", not "label"');
  });
});

describe('COMPETENCY.TARGET', () => {
  it("gives the target level's code for a role and competency", () => {
    expect(one('TARGET', 'DevOps Engineer II', 'Adaptability', 'mit-devops')).toBe('I');
    expect(one('TARGET', 'III', 'analytical-thinking')).toBe('I');
    expect(one('TARGET', 'Senior DevOps Engineer – Management', 'information-security')).toBe('3');
  });

  it('is blank where the role requires nothing', () => {
    expect(one('TARGET', 'Senior DevOps Engineer – Management', 'Creativity', 'ddat-devops')).toBe('');
  });

  it('gives #N/A with a message for an unknown role or competency', () => {
    const role = errorOf(one('TARGET', 'Astronaut', 'Adaptability', 'mit-devops'));
    expect(role.code).toBe('#N/A');
    expect(role.message).toBe(
      '"Astronaut" is not a role of MIT IS&T DevOps Engineer; use DevOps Engineer I, DevOps Engineer II, DevOps Engineer III or DevOps Engineer IV',
    );
    const competency = errorOf(one('TARGET', 'DevOps Engineer I', 'Juggling', 'mit-devops'));
    expect(competency.code).toBe('#N/A');
    expect(competency.message).toMatch(/^"Juggling" is not a competency of MIT IS&T DevOps Engineer; use Adaptability, /);
  });

  it('spills a role column against a competency row', () => {
    expect(call('TARGET', [['DevOps Engineer I'], ['DevOps Engineer IV']], [['Adaptability', 'Systems Thinking']])).toEqual([
      ['B', 'B'],
      ['A', 'E'],
    ]);
  });
});

describe('COMPETENCY.MEETS', () => {
  it('is the share of rated, required competencies at or above target', () => {
    expect(one('MEETS', [['A', 'B', 'E', null, 'B']], [['I', 'I', 'E', 'B', null]])).toBe(2 / 3);
  });

  it('is blank when nothing is both rated and required', () => {
    expect(one('MEETS', [[null, 'A']], [['I', null]], 'mit-devops')).toBe('');
  });

  it('gives one result per person, against one shared row of targets', () => {
    expect(
      call(
        'MEETS',
        [
          ['A', 'A'],
          ['B', 'E'],
          [null, null],
        ],
        [['I', 'E']],
      ),
    ).toEqual([[0.5], [0.5], ['']]);
  });

  it("reads one person's ratings down a column", () => {
    expect(one('MEETS', [['A'], ['B']], [['I'], ['I']])).toBe(0.5);
  });

  it('refuses ratings and targets that do not line up', () => {
    const error = errorOf(call('MEETS', [['A', 'B', 'E']], [['I', 'I']]));
    expect(error.message).toBe('targets has 2 cells per row where 3 are needed; give the ranges in the same order and size');
  });
});

describe('COMPETENCY.READINESS and COMPETENCY.READINESS.BLOCKERS', () => {
  const header = [['Adaptability', 'Analytical Thinking', 'Systems Thinking']];

  it("is the share of the next role's targets met, with not rated counting as not met", () => {
    // DevOps Engineer IV: Adaptability A, Analytical Thinking A, Systems Thinking E.
    expect(one('READINESS', [['E', 'A', 'A']], header, 'DevOps Engineer IV')).toBe(2 / 3);
    expect(one('READINESS', [['E', 'A', null]], header, 'DevOps Engineer IV')).toBe(2 / 3);
    expect(one('READINESS', [['E', 'A', 'E']], header, 'DevOps Engineer IV')).toBe(1);
  });

  it('names the competencies that block, marking those not rated', () => {
    expect(one('READINESS.BLOCKERS', [['E', 'I', null]], header, 'DevOps Engineer IV')).toBe(
      'Analytical Thinking; Systems Thinking (not rated)',
    );
    expect(one('READINESS.BLOCKERS', [['E', 'A', 'E']], header, 'DevOps Engineer IV')).toBe('');
  });

  it('gives one result per person, each against their own next role', () => {
    expect(
      call(
        'READINESS',
        [
          ['B', 'BD', 'B'],
          ['B', 'BD', 'B'],
        ],
        header,
        [['DevOps Engineer I'], ['DevOps Engineer II']],
      ),
    ).toEqual([[1], [0]]);
  });

  it("reads each rating on its competency's own scale when a framework has several", () => {
    const ddat = [['Programming Languages', 'information-security']]; // depth scale; skill-level scale
    expect(one('READINESS', [['Proficient in', '3 – Practitioner']], ddat, 'Senior DevOps Engineer – Management')).toBe(1);
    expect(one('READINESS.BLOCKERS', [['Familiar', 'Working']], ddat, 'Senior DevOps Engineer – Management')).toBe(
      'Programming Languages; information-security',
    );
  });

  it('gives #N/A for an unknown next role, and a blank for a blank one', () => {
    expect(errorOf(one('READINESS', [['A']], [['Adaptability']], 'Astronaut', 'mit-devops')).code).toBe('#N/A');
    expect(one('READINESS', [['A']], [['Adaptability']], null, 'mit-devops')).toBe('');
  });
});

describe('COMPETENCY.READINESS.TOLERANT', () => {
  // DevOps Engineer IV: Adaptability A, Analytical Thinking A, Systems Thinking E.
  const header = [['Adaptability', 'Analytical Thinking', 'Systems Thinking']];
  const IV = 'DevOps Engineer IV';

  it('is TRUE at or above the threshold (80% by default) with nothing more than one level short', () => {
    expect(one('READINESS.TOLERANT', [['E', 'A', 'E']], header, IV)).toBe(true);
    expect(one('READINESS.TOLERANT', [['E', 'A', 'A']], header, IV)).toBe(false); // 2 of 3 is under 80%
    expect(one('READINESS.TOLERANT', [['E', 'A', 'A']], header, IV, 0.6)).toBe(true); // one level short is tolerated
  });

  it('is FALSE where a competency is two levels short or not rated, whatever the threshold', () => {
    expect(one('READINESS.TOLERANT', [['E', 'A', 'I']], header, IV, 0.6)).toBe(false);
    expect(one('READINESS.TOLERANT', [['E', 'A', null]], header, IV, 0.6)).toBe(false);
    expect(one('READINESS', [['E', 'A', 'I']], header, IV)).toBe(2 / 3); // the share is unchanged
  });

  it('gives one verdict per person and a blank without a next role', () => {
    expect(
      call(
        'READINESS.TOLERANT',
        [
          ['E', 'A', 'A'],
          ['E', 'A', 'E'],
        ],
        header,
        IV,
        0.6,
      ),
    ).toEqual([[true], [true]]);
    expect(one('READINESS.TOLERANT', [['A']], [['Adaptability']], null, undefined, 'mit-devops')).toBe('');
  });

  it('refuses a threshold that is not a share, saying what to give', () => {
    const e = errorOf(one('READINESS.TOLERANT', [['E', 'A', 'A']], header, IV, 80));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/threshold is a share from 0 to 1 \(80% or 0\.8\), not 80/);
  });
});

describe('COMPETENCY.COVERAGE', () => {
  const team = [
    ['A', 'B'],
    ['E', 'E'],
    [null, 'I'],
  ];

  it('counts the people at or above a level in each column', () => {
    expect(call('COVERAGE', team, 'A')).toEqual([[2, 1]]);
    expect(call('COVERAGE', team, [['E', 'I']])).toEqual([[1, 2]]);
  });

  it('counts a single column or a single row as one list', () => {
    expect(one('COVERAGE', [['A'], ['E'], ['B']], 'A')).toBe(2);
    expect(one('COVERAGE', [['A', 'E', 'B']], 'A')).toBe(2);
  });

  it('asks for the level when it is blank', () => {
    expect(errorOf(one('COVERAGE', [['A'], ['E']], null, 'mit-devops')).message).toBe('give the level to count at or above, e.g. "E"');
  });
});

describe('COMPETENCY.ROSTERGAP', () => {
  const header = [['Adaptability', 'Analytical Thinking']];

  it("gives every person's gap to their role's target in one matrix", () => {
    // Engineer I targets B and BD; Engineer IV targets A and A.
    expect(
      call(
        'ROSTERGAP',
        [
          ['A', 'B'],
          ['E', null],
        ],
        [['DevOps Engineer I'], ['DevOps Engineer IV']],
        header,
      ),
    ).toEqual([
      [2, 1],
      [1, ''],
    ]);
  });

  it('marks an unknown role on its row and an unknown competency on its column, with #N/A', () => {
    const result = call(
      'ROSTERGAP',
      [
        ['A', 'B', 'A'],
        ['E', 'E', 'E'],
      ],
      [['Astronaut'], ['DevOps Engineer IV']],
      [['Adaptability', 'Juggling', 'Teamwork']],
      'mit-devops',
    ) as unknown[][];
    expect(result[0].map((c) => errorOf(c).code)).toEqual(['#N/A', '#N/A', '#N/A']);
    expect(errorOf(result[1][1]).message).toMatch(/^"Juggling" is not a competency/);
    expect([result[1][0], result[1][2]]).toEqual([1, 1]);
  });

  it('gives blanks for a blank role and where nothing is required', () => {
    expect(call('ROSTERGAP', [['A', 'Proficient']], [[null]], [['Teamwork', 'DevOps']], 'ddat-devops')).toEqual([['', '']]);
    expect(call('ROSTERGAP', [['Aware', 'Proficient']], 'Senior DevOps Engineer – Management', [['Teamwork', 'DevOps']])).toEqual([
      ['', 0],
    ]);
  });

  it('refuses roles or competencies that do not match the ratings', () => {
    expect(errorOf(call('ROSTERGAP', [['A', 'B']], [['DevOps Engineer I'], ['DevOps Engineer II']], header)).message).toBe(
      'roles must be one column with a role for each of the 1 rows of ratings (it is 2 by 1)',
    );
    expect(errorOf(call('ROSTERGAP', [['A', 'B']], 'DevOps Engineer I', [['Adaptability']])).message).toBe(
      'competencies must be one row naming each of the 2 columns of ratings (it has 1)',
    );
  });

  it('passes an incoming error on in its cell', () => {
    const incoming = { code: '#NUM!' };
    const result = call('ROSTERGAP', [[incoming, 'B']], 'DevOps Engineer I', header) as unknown[][];
    expect(errorOf(result[0][0]).passedOn).toBe(incoming);
    expect(result[0][1]).toBe(1);
  });
});

describe('frameworks stored in the workbook', () => {
  afterEach(() => setWorkbookFrameworks([]));

  function imported(id: string, name: string) {
    const source = structuredClone(builtIn('kaairo-devops').data);
    const result = validateFramework({ ...source, id, name, roles: source.roles.map((r) => ({ ...r, name: `${r.name} (ACME)` })) });
    if (!result.framework) throw new Error(JSON.stringify(result.errors));
    return new FrameworkModel(result.framework);
  }

  it('become findable by TARGET and READINESS once the task pane hands them over', () => {
    expect(errorOf(one('TARGET', 'Senior (ACME)', 'Problem Solving')).code).toBe('#N/A');
    setWorkbookFrameworks([imported('acme', 'ACME DevOps')]);
    expect(one('TARGET', 'Senior (ACME)', 'Problem Solving')).toBe(one('TARGET', 'Senior', 'Problem Solving', 'kaairo-devops'));
    expect(one('READINESS', [['Expert']], [['Problem Solving']], 'Senior (ACME)', 'acme')).toBe(1);
    expect(one('LEVELGAP', 'Basic', 'Advanced', 'acme')).toBe(-3);
  });

  it('ask for the framework when a name is in two of them', () => {
    setWorkbookFrameworks([imported('acme', 'ACME DevOps'), imported('acme-2', 'ACME DevOps 2')]);
    expect(errorOf(one('TARGET', 'Senior (ACME)', 'Problem Solving')).message).toBe(
      'these roles and competencies are in more than one framework (acme and acme-2); give the framework',
    );
  });
});
