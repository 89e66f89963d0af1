import type { Rect, SheetPlan } from './plan';
import {
  REGISTRY_MARKER,
  REGISTRY_WIDTH,
  parseRegistry,
  registeredSheet,
  registryRows,
  sheetFootprint,
  sheetSignature,
  subtractRects,
  unclaimedRects,
} from './registry';
import type { Registry } from './registry';

function gridSheet(): SheetPlan {
  return {
    name: 'Team grid',
    kind: 'grid',
    blocks: [
      { row: 0, col: 0, cells: [['Team grid']] },
      {
        row: 1,
        col: 0,
        cells: [
          ['Id', 'Name', 'C1', 'C2'],
          ['', '', 'c1', 'c2'],
        ],
      },
      {
        row: 3,
        col: 0,
        cells: [
          ['00123', 'Ann', null, null],
          ['P2', 'Bo', 'Expert', null],
        ],
      },
    ],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 6 }, style: 'title' }],
    columnWidths: [{ col: 9, width: 10 }],
    validations: [],
    conditionalFormats: [],
    inputs: [{ id: 'ratings', range: { row: 3, col: 2, rows: 2, cols: 2 }, rowKeys: ['00123', 'P2'], colKeys: ['c1', 'c2'] }],
  };
}

describe('the registry of sheets the product made', () => {
  it('round-trips through rows of plain cells of one width', () => {
    const registry: Registry = {
      sheets: [registeredSheet(gridSheet(), 'Team grid (2)', 'Team grid (2 people)', '{id-1}')],
      names: ['CM_Levels'],
    };
    const rows = registryRows(registry);
    expect(rows[0][0]).toBe(REGISTRY_MARKER);
    expect(rows.every((r) => r.length === REGISTRY_WIDTH && r.every((c) => typeof c === 'string' || typeof c === 'number'))).toBe(true);
    expect(parseRegistry(rows)).toEqual(registry);
  });

  it('records which rating cells the product wrote a rating into, and trusts no record that does not cover every cell', () => {
    const entry = registeredSheet(gridSheet(), 'Team grid', 'Team grid');
    // Ann: nothing rated; Bo: C1 rated (Expert), C2 blank.
    expect(entry.inputs[0].rated).toEqual(['__', 'R_']);
    const rows = registryRows({ sheets: [entry], names: [] });
    expect(parseRegistry(rows).sheets[0].inputs[0].rated).toEqual(['__', 'R_']);
    const edited = rows.map((r) => (r[0] === 'rowKey' && r[3] === 'P2' ? [...r.slice(0, 4), 'R', ...r.slice(5)] : r));
    const back = parseRegistry(edited).sheets[0];
    expect(back.inputs[0].rated).toBeUndefined();
    expect(back.damaged).toBeUndefined();
  });

  it('reads an unplaced-ratings sheet that older versions registered as a snapshot as the unplaced kind', () => {
    const rows = registryRows({
      sheets: [
        { name: 'Unplaced ratings', wanted: 'Unplaced ratings', kind: 'snapshot', title: 't', footprint: null, inputs: [] },
        { name: 'Snapshot 2024', wanted: 'Snapshot 2024', kind: 'snapshot', title: 't', footprint: null, inputs: [] },
      ],
      names: [],
    });
    expect(parseRegistry(rows).sheets.map((s) => s.kind)).toEqual(['unplaced', 'snapshot']);
  });

  it('records the rectangle the product wrote and the first text it shows, to recognise the sheet later', () => {
    const entry = registeredSheet(gridSheet(), 'Team grid', 't');
    expect(entry.footprint).toEqual({ row: 0, col: 0, rows: 5, cols: 6 });
    expect(entry.signature).toEqual({ cell: 'A1', text: 'Team grid' });
  });

  it('finds the column and row that show the input keys, so a sorted grid is read by id', () => {
    const [input] = registeredSheet(gridSheet(), 'Team grid', 't').inputs;
    expect(input.keyColumn).toBe(0);
    expect(input.keyRow).toBe(2);
  });

  it('leaves key column and row out when the sheet does not show the keys', () => {
    const sheet = gridSheet();
    sheet.blocks[2].cells[0][0] = 'someone else';
    sheet.blocks[1].cells[1][3] = 'C2';
    const [input] = registeredSheet(sheet, 'Team grid', 't').inputs;
    expect(input.keyColumn).toBeUndefined();
    expect(input.keyRow).toBeUndefined();
  });

  it('marks a sheet damaged when its keys do not match its input region, instead of guessing', () => {
    const rows = registryRows({ sheets: [registeredSheet(gridSheet(), 'Team grid', 't')], names: [] });
    const withoutOneKey = rows.filter((r) => !(r[0] === 'rowKey' && r[3] === 'P2'));
    const [entry] = parseRegistry(withoutOneKey).sheets;
    expect(entry.damaged).toMatch(/keys of its input region "ratings" do not match its size/);
  });

  it('refuses a sheet that is not a registry, and one from a newer version', () => {
    expect(() => parseRegistry([['My own notes']])).toThrow(/was not written by Competency Matrix/);
    expect(() => parseRegistry([[REGISTRY_MARKER, 99]])).toThrow(/newer version of Competency Matrix/);
  });

  it('skips record types it does not know, so later versions can add some', () => {
    const rows = registryRows({ sheets: [], names: ['A'] });
    rows.push(['chart', 'x', 'y', '', '', '', '', '', '']);
    expect(parseRegistry(rows)).toEqual({ sheets: [], names: ['A'] });
  });

  it('knows which cells inside the footprint it left empty, so a note typed there is noticed', () => {
    const entry = registeredSheet(gridSheet(), 'Team grid', 't');
    // Row 1 is A1 only, with the title style over A1:F1; columns E:F below it are styled but never written.
    const cells = (rects: Rect[]) =>
      rects
        .flatMap((r) => Array.from({ length: r.rows * r.cols }, (_, k) => `${r.row + Math.floor(k / r.cols)},${r.col + (k % r.cols)}`))
        .sort();
    expect(cells(unclaimedRects(entry))).toEqual(
      cells([
        { row: 0, col: 1, rows: 1, cols: 5 },
        { row: 1, col: 4, rows: 4, cols: 2 },
      ]),
    );
    expect(unclaimedRects({ ...entry, areas: undefined })).toEqual([]);
  });

  it('subtracts rectangles into the pieces left over', () => {
    const pieces = subtractRects({ row: 0, col: 0, rows: 3, cols: 3 }, [{ row: 1, col: 1, rows: 1, cols: 1 }]);
    expect(pieces.reduce((n, p) => n + p.rows * p.cols, 0)).toBe(8);
    expect(subtractRects({ row: 0, col: 0, rows: 2, cols: 2 }, [{ row: 0, col: 0, rows: 5, cols: 5 }])).toEqual([]);
  });

  it('has no footprint or signature for an empty sheet', () => {
    const empty: SheetPlan = {
      name: 'E',
      kind: 'snapshot',
      blocks: [],
      styles: [],
      columnWidths: [],
      validations: [],
      conditionalFormats: [],
    };
    expect(sheetFootprint(empty)).toBeNull();
    expect(sheetSignature(empty)).toBeUndefined();
  });
});

describe('the cycle records in the registry', () => {
  const cycle = {
    identity: {
      cycleId: 'c-1',
      label: 'Spring 2026',
      kind: 'master' as const,
      fileKey: '',
      subjectName: '',
      writtenAt: '2026-03-01T09:00:00.000Z',
      frameworkId: 'mit-devops',
    },
    issued: [
      { fileKey: 'team:e1', kind: 'team' as const, subjectName: 'Ana', fileName: 'Team - Ana (E1).xlsx', people: ['E2', 'E3'] },
      { fileKey: 'self:e2', kind: 'self' as const, subjectName: 'Bo', fileName: 'Self - Bo (E2).xlsx', people: ['E2'] },
    ],
    returned: [{ fileKey: 'team:e1', fileName: 'Team - Ana (E1).xlsx', collectedAt: '2026-03-08T10:00:00.000Z' }],
    provenance: [
      {
        person: 'E2',
        rater: 'manager' as const,
        fileName: 'Team - Ana (E1).xlsx',
        collectedAt: '2026-03-08T10:00:00.000Z',
        ratings: 'a=B; b=E',
      },
    ],
  };

  it('reads back what it wrote: the identity, the people each file was issued for, returns and who gave which ratings', () => {
    expect(parseRegistry(registryRows({ sheets: [], names: [], cycle })).cycle).toEqual(cycle);
  });

  it('does not trust an issued person that is not right after their file’s record (edited by hand)', () => {
    const rows = registryRows({ sheets: [], names: [], cycle });
    const moved = [...rows.slice(0, 2), rows[rows.length - 3], ...rows.slice(2, rows.length - 3), ...rows.slice(rows.length - 2)];
    expect(parseRegistry(moved).cycle?.issued.map((f) => f.people)).toEqual([['E2', 'E3'], []]);
  });
});
