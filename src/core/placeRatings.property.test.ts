/**
 * The shared placement, at random, through both of its callers: a rebuilt
 * grid carrying old ratings (carryRatings: several sheets, regions, ids in
 * another case or Unicode form, plan cells already holding a roster's value)
 * and a cycle's collect (mergeReturns: people the file was not issued for,
 * competencies the master lacks). Over 1,000 runs each, no rating is lost:
 * every rating given ends where its person and competency sit, or is listed
 * as not placed, and a value the rebuild displaces is listed too.
 */
import fc from 'fast-check';
import { personIdKey } from './personId';
import { placeRatings, placementTarget } from './placeRatings';
import { carryRatings, isRating, ratingKey } from './layouts/carryRatings';
import type { LayoutPlan, PlanCell, SheetPlan } from './layouts/plan';
import { planCellAt } from './layouts/registry';
import { mergeReturns, type MasterState, type ReturnedWorkbook } from './cycle/merge';
import type { CycleRecords } from './cycle/identity';

const RUNS = 1000;
const IDS = ['P1', 'P2', 'P3', 'P4'];
/** The same people as others write them: another case, stray spaces, full-width forms. */
const SPELLINGS = (id: string) => [
  id,
  ` ${id.toLowerCase()} `,
  id.replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
];
const personArb = fc.constantFrom(...IDS, 'P9').chain((id) => fc.constantFrom(...SPELLINGS(id)));
const FIELDS = ['c1', 'c2', 'c3', 'gone'];
const valueArb = fc.constantFrom<PlanCell>('A', 'B', 'C', 3, 'N/A', ' b ');

describe('the shared placement (placeRatings)', () => {
  it('returns each rating once, in order, at a cell of its own person and field, or with the right reason', () => {
    const targetArb = fc.record({
      rows: fc.subarray(IDS).chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(...SPELLINGS(id))))),
      cols: fc.subarray(FIELDS.slice(0, 3)),
    });
    fc.assert(
      fc.property(
        fc.array(targetArb, { maxLength: 3 }),
        fc.array(fc.record({ person: personArb, field: fc.constantFrom(...FIELDS) }), { maxLength: 20 }),
        (specs, ratings) => {
          const targets = specs.map((t) => placementTarget(t.rows, t.cols));
          const out = placeRatings(ratings, () => targets);
          expect(out.map((o) => o.rating)).toEqual(ratings);
          for (const o of out) {
            const key = personIdKey(o.rating.person);
            const withPerson = specs.filter((t) => t.rows.some((r) => personIdKey(r) === key));
            const withBoth = withPerson.filter((t) => t.cols.includes(o.rating.field));
            expect(o.at.length).toBe(withBoth.length);
            for (const at of o.at) {
              expect(personIdKey(specs[at.target].rows[at.row])).toBe(key);
              expect(specs[at.target].cols[at.col]).toBe(o.rating.field);
            }
            if (!o.at.length)
              expect(o.why).toBe(!specs.length ? 'no-target' : withPerson.length ? 'field-not-in-target' : 'person-not-in-target');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

function regionSheet(name: string, region: string, people: string[], comps: string[], values: (PlanCell | null)[][]): SheetPlan {
  return {
    name,
    kind: 'grid',
    blocks: [
      { row: 0, col: 0, cells: [['Id', ...comps]] },
      { row: 1, col: 0, cells: people.map((p, i) => [p, ...comps.map((_, j) => values[i]?.[j] ?? null)]) },
    ],
    styles: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
    inputs: [{ id: region, range: { row: 1, col: 1, rows: people.length, cols: comps.length }, rowKeys: people, colKeys: comps }],
  };
}

const same = (a: PlanCell | undefined, b: PlanCell) => (typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b);

describe('a rebuild carrying old ratings (carryRatings) loses none', () => {
  const sheetArb = fc.record({
    region: fc.constantFrom('ratings', 'self-ratings'),
    people: fc.subarray(IDS, { minLength: 1 }).chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(...SPELLINGS(id))))),
    comps: fc.subarray(FIELDS.slice(0, 3), { minLength: 1 }),
    values: fc.array(fc.array(fc.option(valueArb, { nil: null, freq: 2 }), { maxLength: 3 }), { maxLength: 4 }),
  });
  const oldArb = fc.array(
    fc.record({
      region: fc.constantFrom('ratings', 'self-ratings', 'gone-region'),
      person: personArb,
      field: fc.constantFrom(...FIELDS),
      value: valueArb,
    }),
    { maxLength: 20 },
  );

  it('puts every old rating where its person and competency sit, or lists it; a plan value it displaces is listed', () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), oldArb, (specs, entries) => {
        const sheets = specs.map((s, i) => regionSheet(`Sheet ${i}`, s.region, s.people, s.comps, s.values));
        const plan: LayoutPlan = { title: 'Grid', sheets, names: [], styles: {} };
        const old = new Map(entries.map((e) => [ratingKey(e.region, e.person, e.field), e.value]));
        const { plan: out, unplaced } = carryRatings(plan, old);
        const listed = (person: string, field: string, value: PlanCell, region: string) =>
          unplaced.some((u) => u.person === person && u.competency === field && u.region === region && same(u.value, value));
        /** The cells of every region with that id where the person and competency sit, as the new plan holds them. */
        const cellsOf = (region: string, person: string, field: string) =>
          specs.flatMap((s, k) => {
            const i = s.people.findIndex((p) => personIdKey(p) === personIdKey(person));
            const j = s.comps.indexOf(field);
            return s.region === region && i >= 0 && j >= 0 ? [planCellAt(out.sheets[k], 1 + i, 1 + j)] : [];
          });
        for (const [key, value] of old) {
          const [region, person, field] = key.split('\u001f');
          const cells = cellsOf(region, person, field);
          expect(cells.some((c) => same(c ?? undefined, value)) || listed(person, field, value, region)).toBe(true);
        }
        // What the plan brought (a roster's value) is still there, or listed as a conflict.
        specs.forEach((s, k) =>
          s.people.forEach((p, i) =>
            s.comps.forEach((c, j) => {
              const before = s.values[i]?.[j] ?? null;
              if (!isRating(before)) return;
              const now = planCellAt(out.sheets[k], 1 + i, 1 + j) ?? undefined;
              const displaced = unplaced.some((u) => u.reason === 'conflict' && u.competency === c && same(u.value, before!));
              expect(same(now, before!) || displaced).toBe(true);
            }),
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a collect (mergeReturns) loses none of a return', () => {
  it('places, keeps, lists as a conflict or lists as not placed every cell of a return', () => {
    fc.assert(
      fc.property(
        fc.subarray(IDS, { minLength: 1 }),
        fc.array(fc.record({ person: personArb, field: fc.constantFrom(...FIELDS), value: fc.constantFrom('A', 'B', 'c', 'Z') }), {
          maxLength: 20,
        }),
        (issuedTo, cells) => {
          const records: CycleRecords = {
            identity: {
              cycleId: 'cy',
              label: 'Cycle',
              kind: 'master',
              fileKey: '',
              subjectName: '',
              writtenAt: '2026-01-01',
              frameworkId: 'fw',
            },
            issued: [{ fileKey: 'f1', kind: 'team', subjectName: 'Team', fileName: 'team.xlsx', people: issuedTo }],
            returned: [],
            provenance: [],
          };
          const master: MasterState = {
            records,
            people: new Map(['P1', 'P2', 'P3', 'P4'].map((id) => [personIdKey(id), { id, manager: 'M' }])),
            fields: new Set(['c1', 'c2', 'c3']),
            values: { manager: new Map(), self: new Map() },
          };
          const ret: ReturnedWorkbook = {
            file: 'team.xlsx',
            identity: { ...records.identity, kind: 'team', fileKey: 'f1', subjectName: 'Team' },
            sheet: 'Team grid',
            people: issuedTo.map((id, i) => ({ id, manager: 'M', row: i + 2 })),
            cells: cells.map((c, i) => ({ ...c, cell: `B${i + 2}` })),
          };
          const canonical = (_: string, v: string | number | boolean) =>
            ['A', 'B', 'C'].includes(String(v).toUpperCase()) ? String(v).toUpperCase() : undefined;
          const plan = mergeReturns(master, [ret], { collectedAt: '2026-02-01', canonical });
          for (const c of ret.cells) {
            const key = personIdKey(c.person);
            const accounted =
              plan.notPlaced.some((n) => n.cell === c.cell) ||
              plan.placements.some(
                (p) => personIdKey(p.person) === key && p.field === c.field && p.value === canonical(c.field, c.value),
              ) ||
              plan.conflicts.some((x) => personIdKey(x.person) === key && x.field === c.field);
            expect(accounted).toBe(true);
          }
          // A return's cell for someone it was not issued to, or a field the master lacks, is never placed.
          for (const p of plan.placements) {
            expect(issuedTo.map(personIdKey)).toContain(personIdKey(p.person));
            expect(master.fields.has(p.field)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
