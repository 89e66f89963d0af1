import { band, talentGrid } from './talentGrid';

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
