/**
 * However a block is cut into requests, every cell arrives exactly once, in
 * its own place, with its own content. The packing tests in writes.test.ts
 * check sizes; this one checks delivery, on a recording sheet, for random
 * blocks and budgets (a lost or doubled row at a split must fail here).
 */
import fc from 'fast-check';
import { blockWrites, packRequests } from './writes';
import type { XWorksheet } from './excelApi';
import type { PlanCell } from '../core/layouts/plan';

type Written = Map<string, { value: unknown; times: number }>;

/** A sheet that records every cell a range assignment sets, and how many times. */
function recordingSheet(written: Written): XWorksheet {
  const sheet = {
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      const put = (data: unknown[][]) => {
        expect(data.length).toBe(rows);
        data.forEach((line, i) => {
          expect(line.length).toBe(cols);
          line.forEach((value, j) => {
            const key = `${row + i},${col + j}`;
            const seen = written.get(key);
            written.set(key, { value, times: (seen?.times ?? 0) + 1 });
          });
        });
      };
      return {
        set values(data: unknown[][]) {
          put(data);
        },
        set formulas(data: unknown[][]) {
          put(data);
        },
      };
    },
  };
  return sheet as unknown as XWorksheet;
}

// Plain letters only, so the expected input is the text itself (no apostrophe guard).
const aText = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'é', '日'), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((n) => 'w'.repeat(n)) },
);
const aCell: fc.Arbitrary<PlanCell> = fc.oneof(
  { weight: 6, arbitrary: aText },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constant({ formula: 'SUM(A1:A2)' }) },
);
const aBlock = fc.record({
  row: fc.integer({ min: 0, max: 50 }),
  col: fc.integer({ min: 0, max: 5 }),
  cells: fc
    .integer({ min: 1, max: 8 })
    .chain((width) => fc.array(fc.array(aCell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 120 })),
});

function expectedInput(cell: PlanCell): unknown {
  if (typeof cell === 'object' && cell !== null) return `=${cell.formula}`;
  return cell;
}

describe('delivering a block in requests', () => {
  it('writes every cell exactly once, where it belongs, for any block and budget', () => {
    fc.assert(
      fc.property(aBlock, fc.integer({ min: 2_000, max: 60_000 }), fc.integer({ min: 0, max: 1_500 }), (block, budget, alreadyUsed) => {
        const ops = blockWrites('values', 0, 'Grid', block, (f) => f, budget);
        const requests = packRequests(ops, budget, alreadyUsed);
        const written: Written = new Map();
        const sheet = recordingSheet(written);
        for (const request of requests) for (const op of request) op.apply(sheet);
        let cells = 0;
        block.cells.forEach((line, i) =>
          line.forEach((cell, j) => {
            cells++;
            const got = written.get(`${block.row + i},${block.col + j}`);
            expect({ at: [i, j], times: got?.times, value: got?.value }).toEqual({ at: [i, j], times: 1, value: expectedInput(cell) });
          }),
        );
        expect(written.size).toBe(cells);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the rows in order across requests, so a later row never lands before an earlier one', () => {
    const cells: PlanCell[][] = Array.from({ length: 400 }, (_, i) => [`row${'a'.repeat(i % 7)}`, i]);
    const ops = blockWrites('values', 0, 'Grid', { row: 1, col: 0, cells }, (f) => f, 1_000);
    const order: number[] = [];
    const sheet = {
      getRangeByIndexes: (row: number) => ({
        set values(_: unknown) {
          order.push(row);
        },
        set formulas(_: unknown) {
          order.push(row);
        },
      }),
    } as unknown as XWorksheet;
    for (const request of packRequests(ops, 1_000)) for (const op of request) op.apply(sheet);
    expect(order.length).toBeGreaterThan(5);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBe(1);
  });
});
