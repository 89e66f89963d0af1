/**
 * The issue's "done when": dist/functions.js, loaded in a plain JavaScript
 * context with nothing but a recording CustomFunctions object (no DOM, no
 * window, no Office), registers every function of functions.json, and calling
 * them gives the values the sources' scales imply and the errors users need.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';

const dist = path.resolve(__dirname, '../../dist');
const built = fs.existsSync(path.join(dist, 'functions.js')) && fs.existsSync(path.join(dist, 'functions.json'));
if (!built) console.warn('functionsRuntime.test: dist/ is not built; run `npm run build` first (CI does). Skipping the runtime checks.');
const whenBuilt = built ? describe : describe.skip;

/** Excel's CustomFunctions.ErrorCode values (the cell text of each error). */
const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
  nullReference: '#NULL!',
} as const;

class RecordedError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type ExcelFunction = (...args: unknown[]) => unknown[][];

function loadRuntime() {
  const associated = new Map<string, ExcelFunction>();
  const CustomFunctions = {
    associate: (id: string, fn: ExcelFunction) => {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: RecordedError,
    ErrorCode,
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(fs.readFileSync(path.join(dist, 'functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return { associated, context };
}

whenBuilt('dist/functions.js in a bare JavaScript runtime', () => {
  const { associated, context } = built ? loadRuntime() : { associated: new Map<string, ExcelFunction>(), context: {} };
  const metadata = built
    ? (JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8')) as { functions: { id: string }[] })
    : { functions: [] };
  const call = (id: string, ...args: unknown[]) => {
    const fn = associated.get(id);
    if (!fn) throw new Error(`${id} is not registered`);
    return fn(...args);
  };
  /** Catches what a function throws for the call as a whole. */
  const thrown = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('expected the call to throw');
  };

  it('loads without throwing where there is no CustomFunctions runtime at all (the task pane in a plain browser)', () => {
    const bare = vm.createContext({});
    expect(() => vm.runInContext(fs.readFileSync(path.join(dist, 'functions.js'), 'utf8'), bare)).not.toThrow();
  });

  it('runs with no DOM, window or Office global', () => {
    for (const name of ['window', 'document', 'self', 'Office', 'Excel']) expect(name in context).toBe(false);
  });

  it('registers exactly the functions listed in functions.json', () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect([...associated.keys()].sort()).toEqual(ids);
    expect(ids).toEqual(
      [
        'COVERAGE',
        'LEVELGAP',
        'LEVELNAME',
        'LEVELVALUE',
        'MEETS',
        'READINESS',
        'READINESS.BLOCKERS',
        'READINESS.TOLERANT',
        'ROSTERGAP',
        'SHORTFALL',
        'TARGET',
      ].sort(),
    );
  });

  it('judges tolerant readiness: one level short on one of three is ready at a 60% threshold, not at 80%', () => {
    const header = [['Adaptability', 'Analytical Thinking', 'Systems Thinking']];
    expect(call('READINESS.TOLERANT', [['E', 'A', 'A']], header, [['DevOps Engineer IV']], [[0.6]], null)).toEqual([[true]]);
    expect(call('READINESS.TOLERANT', [['E', 'A', 'A']], header, [['DevOps Engineer IV']], null, null)).toEqual([[false]]);
  });

  it('scores MIT "A" against target "I" as 1, with or without the scale', () => {
    expect(call('LEVELGAP', [['A']], [['I']], [['mit-devops']])).toEqual([[1]]);
    expect(call('LEVELGAP', [['A']], [['I']], null)).toEqual([[1]]);
  });

  it('scores Kaairo "Basic" against "Advanced" as -3 on the Kaairo scale, and MIT\'s as -2', () => {
    expect(call('LEVELGAP', [['Basic']], [['Advanced']], [['kaairo-devops']])).toEqual([[-3]]);
    expect(call('LEVELGAP', [['Basic (1/5)']], [['Advanced (4/5)']], null)).toEqual([[-3]]);
    expect(call('LEVELGAP', [['Basic']], [['Advanced']], [['mit-devops']])).toEqual([[-2]]);
  });

  it('asks for the scale when a left-out scale would be a guess', () => {
    const error = thrown(() => call('LEVELGAP', [['Basic']], [['Advanced']], null)) as RecordedError;
    expect(error).toBeInstanceOf(RecordedError);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/mit-devops.*kaairo-devops.*give the scale/);
  });

  it("gives a blank (never 0) for a blank or N/A rating, and for Excel desktop's 0 for an empty cell", () => {
    expect(call('LEVELGAP', [[null]], [['I']], [['mit-devops']])).toEqual([['']]);
    expect(call('LEVELGAP', [['N/A']], [['I']], [['mit-devops']])).toEqual([['']]);
    expect(call('LEVELGAP', [[0]], [['I']], [['mit-devops']])).toEqual([['']]);
  });

  it('gives #VALUE! naming the valid levels for an unknown level, in that cell only', () => {
    const [[good], [bad]] = call('LEVELGAP', [['E'], ['Guru']], [['I']], [['mit-devops']]) as [[number], [RecordedError]];
    expect(good).toBe(2);
    expect(bad).toBeInstanceOf(RecordedError);
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toBe(
      '"Guru" is not a level of the Proficiency level scale; use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave it blank for not rated',
    );
  });

  it('spills element-wise like Excel arithmetic: a column of ratings against a row of targets', () => {
    expect(call('LEVELGAP', [['BD'], ['E']], [['B', 'A']], [['mit-devops']])).toEqual([
      [-1, -3],
      [3, 1],
    ]);
  });

  it('hands an incoming #N/A back unchanged', () => {
    const incoming = new RecordedError('#N/A');
    const [[cell]] = call('SHORTFALL', [[incoming]], [['I']], null);
    expect(cell).toBe(incoming);
  });

  it('turns an incoming #DIV/0! into #VALUE! naming it where the runtime cannot return #DIV/0! (before CustomFunctionsRuntime 1.3)', () => {
    // This bare runtime has no Office global, so no requirement set answers yes.
    const [[cell]] = call('SHORTFALL', [[new RecordedError('#DIV/0!')]], [['I']], null) as [[RecordedError]];
    expect(cell).toBeInstanceOf(RecordedError);
    expect([cell.code, cell.message]).toEqual(['#VALUE!', 'An argument holds #DIV/0!.']);
  });

  it("computes shortfall, level values and names on the sources' scales", () => {
    expect(call('SHORTFALL', [['B'], ['E']], [['A']], null)).toEqual([[2], [0]]);
    expect(call('LEVELVALUE', [['Practitioner']], [['ddat-skill-level']])).toEqual([[3]]);
    expect(call('LEVELNAME', [[4]], [['kaairo-devops']], null)).toEqual([['Advanced']]);
    expect(call('LEVELNAME', [['Senior SRE (L3)']], null, [['code']])).toEqual([['L3']]);
  });

  it('looks up targets, with #N/A and a message for an unknown role', () => {
    expect(call('TARGET', [['DevOps Engineer II']], [['Adaptability']], [['mit-devops']])).toEqual([['I']]);
    const [[error]] = call('TARGET', [['Astronaut']], [['Adaptability']], [['mit-devops']]) as [[RecordedError]];
    expect(error.code).toBe('#N/A');
    expect(error.message).toMatch(/^"Astronaut" is not a role of .*; use DevOps Engineer I, DevOps Engineer II/);
  });

  it('scores meets %, readiness with its blockers, coverage and a roster gap matrix', () => {
    expect(call('MEETS', [['A', 'B', 'E', null]], [['I', 'I', 'E', 'B']], null)).toEqual([[2 / 3]]);
    const header = [['Adaptability', 'Analytical Thinking']];
    // DevOps Engineer IV needs A on both: E meets it, B does not.
    expect(call('READINESS', [['E', 'B']], header, [['DevOps Engineer IV']], null)).toEqual([[0.5]]);
    expect(call('READINESS.BLOCKERS', [['E', null]], header, [['DevOps Engineer II']], null)).toEqual([
      ['Analytical Thinking (not rated)'],
    ]);
    expect(
      call(
        'COVERAGE',
        [
          ['A', 'B'],
          ['E', 'E'],
          [null, 'I'],
        ],
        [['A']],
        null,
      ),
    ).toEqual([[2, 1]]);
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
        null,
      ),
    ).toEqual([
      [2, 1],
      [1, ''],
    ]);
  });

  it('rejects a scale it does not know with #VALUE! and the choices', () => {
    const error = thrown(() => call('LEVELVALUE', [['A']], [['nope']])) as RecordedError;
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^no scale or framework "nope"; give a framework id \(mit-devops, ddat-devops/);
  });
});
