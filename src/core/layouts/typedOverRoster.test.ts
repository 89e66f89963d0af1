/**
 * A rebuild with a roster: what the old grid shows wins over the roster
 * file, cell by cell, and every disagreement is listed. Expected values are
 * written out by hand from the rule (docs/workbooks.md, "Rebuilding without loss").
 */
import { builtIn } from '../frameworks/library';
import { parseRoster, type Roster } from '../roster';
import type { LayoutPlan, PlanCell } from './plan';
import { ratingKey, type UnplacedRating } from './carryRatings';
import { typedOverRoster, withCleared, type ClearedCell, type Disagreement } from './typedOverRoster';

const model = builtIn('mit-devops');
const role = model.roles[0].name;
// adaptability and analytical-thinking, on the BD < B < I < A < E scale.
const roster = (): Roster =>
  parseRoster(
    [
      ['id', 'name', 'role', 'manager', 'Adaptability', 'Analytical Thinking'],
      ['E1', 'Ada', role, 'Grace', 'B', 'I'],
      ['E2', 'Alan', role, 'Grace', 'A', ''],
    ],
    model,
  );

function merge(values: [string, string, PlanCell][], covered: [string, string][] = [], unrecorded: [string, string][] = []) {
  const r = roster();
  const unplaced: UnplacedRating[] = [];
  const disagreements: Disagreement[] = [];
  const cleared: ClearedCell[] = [];
  const carry = typedOverRoster(
    model,
    r,
    {
      values: new Map(values.map(([p, c, v]) => [ratingKey('ratings', p, c), v])),
      covered: new Set(covered.map(([p, c]) => ratingKey('ratings', p.toLowerCase(), c))),
      unrecorded: new Set(unrecorded.map(([p, c]) => ratingKey('ratings', p.toLowerCase(), c))),
    },
    unplaced,
    disagreements,
    cleared,
  );
  const rating = (id: string, c: string) => r.people.find((p) => p.id === id)!.ratings.get(c)?.code;
  return { carry, unplaced, disagreements, cleared, rating };
}

describe('typedOverRoster: the workbook wins over the roster file', () => {
  it('keeps a level typed in the workbook, sets the roster’s other level aside and lists the disagreement', () => {
    const out = merge([['E1', 'adaptability', 'A']]);
    expect(out.rating('E1', 'adaptability')).toBe('A');
    expect(out.carry.get(ratingKey('ratings', 'E1', 'adaptability'))).toBe('A');
    expect(out.unplaced).toEqual([{ person: 'E1', competency: 'adaptability', value: 'B', region: 'ratings', reason: 'conflict' }]);
    expect(out.disagreements).toEqual([{ person: 'E1', competency: 'adaptability', typed: 'A', roster: 'B' }]);
  });

  it('agrees silently when the workbook and the roster say the same', () => {
    const out = merge([['E1', 'adaptability', 'B']]);
    expect(out.rating('E1', 'adaptability')).toBe('B');
    expect(out.unplaced).toEqual([]);
    expect(out.disagreements).toEqual([]);
  });

  it('keeps N/A typed in the workbook: the roster’s level does not come back', () => {
    const out = merge([['E1', 'analytical-thinking', ' N/A ']]);
    expect(out.rating('E1', 'analytical-thinking')).toBeUndefined();
    expect(out.carry.get(ratingKey('ratings', 'E1', 'analytical-thinking'))).toBe('N/A');
    expect(out.disagreements).toEqual([{ person: 'E1', competency: 'analytical-thinking', typed: 'N/A', roster: 'I' }]);
  });

  it('keeps a cell cleared in the workbook blank, records it as cleared, and says so (unsure for an old workbook)', () => {
    const out = merge(
      [],
      [
        ['E1', 'adaptability'],
        ['E2', 'adaptability'],
      ],
      [['E2', 'adaptability']],
    );
    expect(out.rating('E1', 'adaptability')).toBeUndefined();
    expect(out.rating('E2', 'adaptability')).toBeUndefined();
    expect(out.rating('E1', 'analytical-thinking')).toBe('I'); // never written with a rating: the roster fills it
    expect(out.cleared).toEqual([
      { rowKey: 'E1', colKey: 'adaptability' },
      { rowKey: 'E2', colKey: 'adaptability' },
    ]);
    expect(out.disagreements).toEqual([
      { person: 'E1', competency: 'adaptability', typed: '', roster: 'B' },
      { person: 'E2', competency: 'adaptability', typed: '', roster: 'A', unsure: true },
    ]);
  });

  it('sets aside text that is not a level, with the reason, and leaves the roster’s level', () => {
    const out = merge([['E1', 'adaptability', 'Excellent-ish']]);
    expect(out.unplaced).toEqual([
      { person: 'E1', competency: 'adaptability', value: 'Excellent-ish', region: 'ratings', reason: 'not-a-level' },
    ]);
    expect(out.rating('E1', 'adaptability')).toBe('B');
  });

  it('matches the old grid’s id to the roster’s under the one id rule (case, spaces)', () => {
    const out = merge([[' e2 ', 'analytical-thinking', 'E']]);
    expect(out.rating('E2', 'analytical-thinking')).toBe('E');
    expect(out.carry.get(ratingKey('ratings', 'E2', 'analytical-thinking'))).toBe('E');
  });

  it('carries a rating of someone not on the roster as it is, for the placement to report', () => {
    const out = merge([['E9', 'adaptability', 'A']]);
    expect(out.carry.get(ratingKey('ratings', 'E9', 'adaptability'))).toBe('A');
    expect(out.unplaced).toEqual([]);
  });

  it('lists disagreements in roster order, then framework order', () => {
    const out = merge([
      ['E2', 'adaptability', 'BD'],
      ['E1', 'analytical-thinking', 'E'],
      ['E1', 'adaptability', 'E'],
    ]);
    expect(out.disagreements.map((d) => `${d.person} ${d.competency}`)).toEqual([
      'E1 adaptability',
      'E1 analytical-thinking',
      'E2 adaptability',
    ]);
  });
});

describe('withCleared', () => {
  const plan = (): LayoutPlan =>
    ({
      sheets: [
        { name: 'Grid', kind: 'grid', cells: [], inputs: [{ id: 'ratings', range: { row: 9, col: 11, rows: 2, cols: 2 } }] },
        { name: 'Matrix', kind: 'matrix', cells: [], inputs: [{ id: 'ratings', range: { row: 0, col: 0, rows: 1, cols: 1 } }] },
      ],
    }) as unknown as LayoutPlan;

  it('records the cleared cells on the grid’s ratings region only', () => {
    const cleared = [{ rowKey: 'E1', colKey: 'adaptability' }];
    const out = withCleared({ plan: plan() }, cleared);
    expect(out.plan.sheets[0].inputs![0]).toEqual(expect.objectContaining({ id: 'ratings', cleared }));
    expect(out.plan.sheets[1].inputs![0]).not.toHaveProperty('cleared');
  });

  it('leaves the plan as it is when nothing was cleared', () => {
    const carried = { plan: plan() };
    expect(withCleared(carried, [])).toBe(carried);
  });
});
