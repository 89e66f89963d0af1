import { band, DEFAULT_TALENT_CUTOFFS, performancePotentialAxes, talentGrid } from './talentGrid';

const person = (name: string, meets: number | null, readiness: number | null) => ({
  id: name,
  name,
  role: 'r',
  manager: 'm',
  meets,
  readiness,
});

describe('the talent grid', () => {
  it('puts a value on a cut-off in the band above it', () => {
    const cut = { low: 0.5, high: 0.8 };
    expect([0.49, 0.5, 0.79, 0.8, 1].map((v) => band(v, cut))).toEqual([0, 1, 1, 2, 2]);
  });

  it('places people by meets across and readiness up, and leaves out those without both figures', () => {
    const grid = talentGrid([
      person('Ann', 1, 1), // high, high: box 8
      person('Bo', 0.2, 0.9), // low meets, high readiness: box 6
      person('Cy', 0.6, 0.1), // medium meets, low readiness: box 1
      person('Di', 0.7, 0.3), // box 1 too
      person('Ed', null, 0.5),
      person('Fay', 0.9, null),
    ]);
    expect(grid.boxes).toEqual([8, 6, 1, 1, null, null]);
    expect(grid.names).toEqual([[], ['Cy', 'Di'], [], [], [], [], ['Bo'], [], ['Ann']]);
    expect(grid.unplaced).toBe(2);
  });
});

describe('the talent grid on performance and potential', () => {
  const pp = (name: string, performance: number | null, potential: number | null) => ({
    id: name,
    name,
    role: 'r',
    manager: 'm',
    meets: 1,
    readiness: 1,
    performance,
    potential,
  });

  it('cuts a 1-3 axis at 2 and 3 and a 1-5 axis at 3 and 4, ignoring meets % and readiness', () => {
    const people = [pp('Ann', 1, 5), pp('Bo', 2, 3), pp('Cy', 3, 2), pp('Di', 3, 4), pp('Ed', null, 5)];
    const axes = performancePotentialAxes(people);
    expect([axes.across.steps, axes.up.steps]).toEqual([3, 5]);
    expect([axes.across.defaultCut, axes.up.defaultCut]).toEqual([
      { low: 2, high: 3 },
      { low: 3, high: 4 },
    ]);
    const grid = talentGrid(people, DEFAULT_TALENT_CUTOFFS, axes);
    // Ann: low perf, high potential = 6; Bo: medium, medium = 4; Cy: high, low = 2; Di: high, high = 8.
    expect(grid.boxes).toEqual([6, 4, 2, 8, null]);
    expect(grid.unplaced).toBe(1);
  });

  it('uses cut-offs kept for performance and potential, and names the axis when they are the wrong way round', () => {
    const people = [pp('Ann', 2, 2)];
    const axes = performancePotentialAxes(people);
    const kept = { ...DEFAULT_TALENT_CUTOFFS, performance: { low: 1, high: 2 }, potential: { low: 3, high: 3 } };
    expect(talentGrid(people, kept, axes).boxes).toEqual([2]);
    expect(() => talentGrid(people, { ...kept, potential: { low: 3, high: 2 } }, axes)).toThrow(/cut-offs for potential are 3/);
  });
});
