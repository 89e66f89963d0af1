import { blockWrites, packRequests } from './writes';
import { ACTION_OVERHEAD_BYTES, jsonBytes, utf8Length } from './payload';
import type { PlanCell } from '../core/layouts/plan';

const rows = (n: number, width: number, text = 'Intermediate'): PlanCell[][] =>
  Array.from({ length: n }, () => Array.from({ length: width }, () => text));

describe('packing writes into requests', () => {
  it('splits a large block by rows so that every request stays within the budget', () => {
    const ops = blockWrites('values', 0, 'Grid', { row: 0, col: 0, cells: rows(5000, 40) }, (f) => f, 1_000_000);
    const requests = packRequests(ops, 1_000_000);
    const sizes = requests.map((r) => r.reduce((s, op) => s + op.bytes, 0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_000_000);
    const total = jsonBytes(rows(5000, 40));
    // Requests are filled, not half-empty: close to total / budget.
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(total / 1_000_000) + 1);
  });

  it('fills the rest of a request with the head of the next block', () => {
    const small = blockWrites('values', 0, 'A', { row: 0, col: 0, cells: rows(10, 5) }, (f) => f, 100_000);
    const big = blockWrites('values', 0, 'B', { row: 20, col: 0, cells: rows(2000, 10) }, (f) => f, 100_000);
    const requests = packRequests([...small, ...big], 100_000);
    expect(requests[0]).toHaveLength(2);
    expect(requests[0][1].what).toMatch(/^rows 21–\d,?\d* of “B”$/);
  });

  it("describes each write in the user's words", () => {
    const [op] = blockWrites('values', 0, 'Team grid', { row: 3, col: 0, cells: rows(2, 2) }, (f) => f, 1_000_000);
    expect(op.what).toBe('rows 4–5 of “Team grid”');
  });

  it('cuts a single row too big for one request into column segments', () => {
    const long = 'x'.repeat(30_000);
    const ops = blockWrites(
      'values',
      0,
      'Descriptors',
      { row: 0, col: 0, cells: [Array.from({ length: 10 }, () => long)] },
      (f) => f,
      100_000,
    );
    expect(ops.length).toBeGreaterThan(1);
    expect(ops.every((op) => op.bytes <= 100_000)).toBe(true);
  });

  it('never under-counts a request, even if every non-ASCII character travels escaped', () => {
    expect(jsonBytes(['abc'])).toBe(7);
    const escaped = String.raw`["\u65e5\u672c"]`;
    expect(jsonBytes(['日本'])).toBe(escaped.length);
  });

  it('measures text in UTF-8 bytes, as it travels', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('Müller')).toBe(7);
    expect(utf8Length('日本')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(ACTION_OVERHEAD_BYTES).toBeGreaterThan(0);
  });
});
