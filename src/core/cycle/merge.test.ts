import type { CycleRecords } from './identity';
import { COMMENT_FIELD, mergeReturns, type CellValue, type MasterState, type ReturnedWorkbook } from './merge';

const records: CycleRecords = {
  identity: { cycleId: 'cy', label: 'Spring', kind: 'master', fileKey: '', subjectName: '', writtenAt: 't0', frameworkId: 'f' },
  issued: [
    { fileKey: 'team:m1', kind: 'team', subjectName: 'Mo', fileName: 'Team - Mo.xlsx', people: ['E1', 'E2'] },
    { fileKey: 'team:m2', kind: 'team', subjectName: 'Ng', fileName: 'Team - Ng.xlsx', people: ['E3'] },
    { fileKey: 'self:e1', kind: 'self', subjectName: 'Ann', fileName: 'Self - Ann.xlsx', people: ['E1'] },
  ],
  returned: [],
  provenance: [],
};

function master(manager: Record<string, Record<string, string>> = {}): MasterState {
  return {
    records,
    people: new Map([
      ['e1', { id: 'E1', manager: 'Mo' }],
      ['e2', { id: 'E2', manager: 'Mo' }],
      ['e3', { id: 'E3', manager: 'Ng' }],
    ]),
    fields: new Set(['c1', 'c2', COMMENT_FIELD]),
    values: { manager: new Map(Object.entries(manager).map(([k, v]) => [k, new Map(Object.entries(v))])), self: new Map() },
    hasSelfSheet: true,
  };
}

const canonical = (field: string, v: CellValue) =>
  field === COMMENT_FIELD
    ? String(v).trim() || null
    : ['A', 'B', 'C'].includes(String(v).toUpperCase())
      ? String(v).toUpperCase()
      : undefined;

function team(file: string, fileKey: string, cells: [string, string, string][], people = ['E1', 'E2']): ReturnedWorkbook {
  return {
    file,
    identity: { ...records.identity, kind: fileKey.startsWith('self') ? 'self' : 'team', fileKey },
    sheet: 'Team grid',
    people: people.map((id, i) => ({ id, manager: fileKey.startsWith('self') ? '' : 'Mo', row: 10 + i })),
    cells: cells.map(([person, field, value], i) => ({ person, field, value, cell: `L${10 + i}` })),
  };
}

describe('merging returns into a master', () => {
  it('places each rating by person id (any case or spacing) and competency, as the scale writes it, and says who gave it', () => {
    const plan = mergeReturns(
      master(),
      [
        team('mo.xlsx', 'team:m1', [
          [' e1 ', 'c1', 'b'],
          ['E2', COMMENT_FIELD, ' Solid '],
        ]),
      ],
      { collectedAt: 't1', canonical },
    );
    expect(plan.placements).toEqual([
      { rater: 'manager', person: 'E1', field: 'c1', value: 'B', file: 'mo.xlsx' },
      { rater: 'manager', person: 'E2', field: COMMENT_FIELD, value: 'Solid', file: 'mo.xlsx' },
    ]);
    expect(plan.records.provenance).toEqual([
      { person: 'E1', rater: 'manager', fileName: 'mo.xlsx', collectedAt: 't1', ratings: 'c1=B' },
      { person: 'E2', rater: 'manager', fileName: 'mo.xlsx', collectedAt: 't1', ratings: 'comment=Solid' },
    ]);
    expect(plan.missing.map((f) => f.fileName)).toEqual(['Team - Ng.xlsx', 'Self - Ann.xlsx']);
  });

  it('keeps a self rating apart from the manager’s: they never conflict', () => {
    const plan = mergeReturns(master({ e1: { c1: 'A' } }), [team('ann.xlsx', 'self:e1', [['E1', 'c1', 'C']], ['E1'])], {
      collectedAt: 't1',
      canonical,
    });
    expect(plan.conflicts).toEqual([]);
    expect(plan.placements).toEqual([{ rater: 'self', person: 'E1', field: 'c1', value: 'C', file: 'ann.xlsx' }]);
  });

  it('keeps the master’s rating where a return differs, as a conflict naming both', () => {
    const plan = mergeReturns(master({ e1: { c1: 'A' } }), [team('mo.xlsx', 'team:m1', [['E1', 'c1', 'C']])], {
      collectedAt: 't1',
      canonical,
    });
    expect(plan.placements).toEqual([]);
    expect(plan.conflicts).toEqual([
      { rater: 'manager', person: 'E1', field: 'c1', master: 'A', returns: [{ file: 'mo.xlsx', value: 'C' }] },
    ]);
  });

  it('refuses a file it did not issue, even from the same cycle', () => {
    const stray = team('x.xlsx', 'team:m9', [['E1', 'c1', 'A']]);
    const plan = mergeReturns(master(), [stray], { collectedAt: 't1', canonical });
    expect(plan.files[0]).toMatchObject({ status: 'refused', why: expect.stringContaining('not a file this master issued') });
    expect(plan.placements).toEqual([]);
  });

  it('never takes a rating of someone outside the file, and lists it with its cell', () => {
    const plan = mergeReturns(master(), [team('mo.xlsx', 'team:m1', [['E3', 'c1', 'A']], ['E1', 'E2', 'E3'])], {
      collectedAt: 't1',
      canonical,
    });
    expect(plan.placements).toEqual([]);
    expect(plan.notPlaced).toEqual([
      { file: 'mo.xlsx', sheet: 'Team grid', cell: 'L10', person: 'E3', field: 'c1', value: 'A', reason: 'not-issued' },
    ]);
    expect(plan.people).toEqual([{ file: 'mo.xlsx', person: 'E3', change: 'other-team' }]);
  });
});
