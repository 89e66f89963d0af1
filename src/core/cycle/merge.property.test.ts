/**
 * Random cycles: returns edited, people removed and added, ids of other teams
 * pasted in, duplicate and late files, files of other cycles, re-collects and
 * conflicts. Over 1,000 runs not one rating given is lost: each ends in the
 * master or is listed (conflict, not a level, not issued), and no rating
 * already in the master changes unless a preferred file placed it.
 */
import fc from 'fast-check';
import { personIdKey } from '../personId';
import type { CycleRecords, IssuedFile, Rater } from './identity';
import { COMMENT_FIELD, mergeReturns, type CellValue, type CollectPlan, type MasterState, type ReturnedWorkbook } from './merge';

const LEVELS = ['A', 'B', 'C', 'D', 'E'];
const FIELDS = ['c1', 'c2', 'c3', COMMENT_FIELD];

/** The test's own scale: codes A-E in any case, N/A for not rated; comments any text. */
function canonical(field: string, value: CellValue): string | null | undefined {
  const text = String(value).trim();
  if (field === COMMENT_FIELD) return text || null;
  if (text.toUpperCase() === 'N/A' || text === '') return null;
  return LEVELS.includes(text.toUpperCase()) ? text.toUpperCase() : undefined;
}

interface Cycle {
  people: string[];
  teamOf: number[];
  teams: number;
  selfFor: boolean[];
  initial: { person: number; field: number; value: string; rater: Rater }[];
  rounds: {
    files: {
      issued: number; // index into issued files; -1: another cycle; -2: no identity
      remove: number[];
      foreign: string[];
      cells: { person: number; field: number; value: string; foreign?: boolean }[];
      caseOfId: boolean;
    }[];
    prefer: number[];
  }[];
}

const valueArb = fc.oneof(fc.constantFrom(...LEVELS), fc.constantFrom('a', 'c', 'N/A', 'Z', '7', ' b '));

const cycleArb: fc.Arbitrary<Cycle> = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.integer({ min: 1, max: 4 }).chain((teams) =>
    fc.record({
      people: fc.constant(Array.from({ length: n }, (_, i) => `P${i + 1}`)),
      teamOf: fc.array(fc.integer({ min: 0, max: teams - 1 }), { minLength: n, maxLength: n }),
      teams: fc.constant(teams),
      selfFor: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      initial: fc.array(
        fc.record({
          person: fc.integer({ min: 0, max: n - 1 }),
          field: fc.integer({ min: 0, max: FIELDS.length - 1 }),
          value: fc.constantFrom(...LEVELS),
          rater: fc.constantFrom<Rater>('manager', 'self'),
        }),
        { maxLength: 10 },
      ),
      rounds: fc.array(
        fc.record({
          files: fc.array(
            fc.record({
              issued: fc.integer({ min: -2, max: teams + n - 1 }),
              remove: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 2 }),
              foreign: fc.array(fc.constantFrom('P1', 'P2', 'NEW-1', 'p3'), { maxLength: 2 }),
              cells: fc.array(
                fc.record({
                  person: fc.integer({ min: 0, max: n - 1 }),
                  field: fc.integer({ min: 0, max: FIELDS.length - 1 }),
                  value: valueArb,
                  foreign: fc.boolean(),
                }),
                { maxLength: 12 },
              ),
              caseOfId: fc.boolean(),
            }),
            { maxLength: 5 },
          ),
          prefer: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 1 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  ),
);

function setUp(c: Cycle): { master: MasterState; issued: IssuedFile[] } {
  const issued: IssuedFile[] = [];
  for (let t = 0; t < c.teams; t++) {
    issued.push({
      fileKey: `team:m${t}`,
      kind: 'team',
      subjectName: `M${t}`,
      fileName: `Team M${t}.xlsx`,
      people: c.people.filter((_, i) => c.teamOf[i] === t),
    });
  }
  c.people.forEach((p, i) => {
    if (c.selfFor[i])
      issued.push({ fileKey: `self:${personIdKey(p)}`, kind: 'self', subjectName: p, fileName: `Self ${p}.xlsx`, people: [p] });
  });
  const records: CycleRecords = {
    identity: { cycleId: 'cy-1', label: '2026', kind: 'master', fileKey: '', subjectName: '', writtenAt: 't0', frameworkId: 'x' },
    issued,
    returned: [],
    provenance: [],
  };
  const values: MasterState['values'] = { manager: new Map(), self: new Map() };
  for (const v of c.initial) {
    const key = personIdKey(c.people[v.person]);
    const m = values[v.rater].get(key) ?? new Map();
    m.set(FIELDS[v.field], v.value);
    values[v.rater].set(key, m);
  }
  return {
    issued,
    master: {
      records,
      people: new Map(c.people.map((p, i) => [personIdKey(p), { id: p, manager: `M${c.teamOf[i]}` }])),
      fields: new Set(FIELDS),
      values,
    },
  };
}

function returnsOf(c: Cycle, round: Cycle['rounds'][number], issued: IssuedFile[], r: number): ReturnedWorkbook[] {
  return round.files.map((f, k) => {
    const file = f.issued >= 0 ? issued[f.issued % issued.length] : undefined;
    const identity =
      f.issued === -2
        ? undefined
        : {
            cycleId: file ? 'cy-1' : 'cy-OTHER',
            label: 'x',
            kind: file?.kind ?? ('team' as const),
            fileKey: file?.fileKey ?? 'team:m0',
            subjectName: '',
            writtenAt: 't0',
            frameworkId: 'x',
          };
    const members = (file?.people ?? c.people).filter((p) => !f.remove.map((i) => c.people[i]).includes(p));
    const shown = (id: string) => (f.caseOfId ? ` ${id.toLowerCase()} ` : id);
    const cells = f.cells.map((cell, j) => {
      const person =
        cell.foreign && f.foreign.length
          ? f.foreign[j % f.foreign.length]
          : members.length
            ? members[cell.person % members.length]
            : c.people[cell.person];
      return { person: shown(person), field: FIELDS[cell.field], value: cell.value, cell: `L${10 + j}` };
    });
    return {
      file: `r${r}-${k}-${file?.fileName ?? 'stray.xlsx'}`,
      identity,
      sheet: 'Team grid',
      people: [...members, ...f.foreign].map((p, i) => ({ id: shown(p), manager: file?.subjectName ?? '', row: 10 + i })),
      cells,
    };
  });
}

function apply(master: MasterState, plan: CollectPlan): void {
  for (const p of plan.placements) {
    const key = personIdKey(p.person);
    const m = master.values[p.rater].get(key) ?? new Map();
    m.set(p.field, p.value);
    master.values[p.rater].set(key, m);
  }
  master.records = plan.records;
}

function snapshot(master: MasterState): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const rater of ['manager', 'self'] as const)
    for (const [k, m] of master.values[rater]) for (const [f, v] of m) out.set(`${rater}|${k}|${f}`, v);
  return out;
}

describe('merging returns over random cycles', () => {
  it('loses 0 of the ratings given in 1,000 random cycles, and a re-collect changes nothing', () => {
    let given = 0;
    fc.assert(
      fc.property(cycleArb, (c) => {
        const { master, issued } = setUp(c);
        c.rounds.forEach((round, r) => {
          const returns = returnsOf(c, round, issued, r);
          const prefer = round.prefer.filter((i) => i < returns.length).map((i) => returns[i].file);
          const before = snapshot(master);
          const plan = mergeReturns(master, returns, { collectedAt: `t${r + 1}`, canonical, prefer });
          apply(master, plan);
          const after = snapshot(master);
          // 1. Every rating given is in the master or listed.
          for (const ret of returns) {
            const outcome = plan.files.find((f) => f.file === ret.file)!;
            if (outcome.status === 'refused') {
              expect(outcome.why).toBeTruthy();
              continue;
            }
            const file = issued.find((f) => f.fileKey === ret.identity!.fileKey)!;
            const rater: Rater = file.kind === 'self' ? 'self' : 'manager';
            const allowed = new Set(file.people.map(personIdKey));
            for (const cell of ret.cells) {
              const value = canonical(cell.field, cell.value);
              if (value === null) continue;
              const key = personIdKey(cell.person);
              const listed = plan.notPlaced.some((n) => n.file === ret.file && n.cell === cell.cell);
              if (value === undefined || !allowed.has(key)) {
                expect(listed).toBe(true);
                continue;
              }
              given++;
              const inMaster = after.get(`${rater}|${key}|${cell.field}`) === value;
              const inConflict = [...plan.conflicts, ...plan.resolved].some(
                (x) =>
                  x.rater === rater &&
                  personIdKey(x.person) === key &&
                  x.field === cell.field &&
                  x.returns.some((v) => v.file === ret.file && v.value === value),
              );
              expect(inMaster || inConflict).toBe(true);
            }
          }
          // 2. A rating in the master changes only where a preferred file placed it.
          for (const [k, v] of before) {
            if (after.get(k) === v) continue;
            const [rater, key, field] = k.split('|');
            const placed = plan.placements.find((p) => p.rater === rater && personIdKey(p.person) === key && p.field === field);
            expect(placed && prefer.includes(placed.file)).toBe(true);
            const listed = plan.resolved.find((x) => x.rater === rater && personIdKey(x.person) === key && x.field === field);
            expect(listed?.master).toBe(v);
          }
          expect(after.size).toBeGreaterThanOrEqual(before.size);
          // 3. Collecting the same files again changes nothing.
          const again = mergeReturns(master, returns, { collectedAt: 'later', canonical });
          expect(again.placements).toEqual([]);
          expect(again.records.returned).toEqual(master.records.returned);
          // 4. Missing teams are exactly the issued files never returned.
          const back = new Set(master.records.returned.map((x) => x.fileKey));
          expect(plan.missing.map((f) => f.fileKey)).toEqual(issued.filter((f) => !back.has(f.fileKey)).map((f) => f.fileKey));
        });
      }),
      { numRuns: 1000 },
    );
    expect(given).toBeGreaterThan(1000);
  });
});
