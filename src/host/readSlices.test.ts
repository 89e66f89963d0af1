import { EXCEL_MAX_CELLS_PER_READ, readRowsInSlices, sliceRows } from './readSlices';
import { ExcelFake } from '../../tests/fakes/excelFake';
import type { XRequestContext } from './excelApi';

const FIVE_MB = 5 * 1024 * 1024;

async function read(fake: ExcelFake, sheet: string, rect: { row: number; col: number; rows: number; cols: number }, guess?: number) {
  return fake.run((ctx: XRequestContext) =>
    readRowsInSlices(ctx, ctx.workbook.worksheets.getItem(sheet), rect, guess ? { guessBytesPerCell: guess } : {}),
  );
}

describe('reading cells back in slices sized from the responses', () => {
  it('reads a sheet of long texts with every response under 5 MB and every row intact', async () => {
    const fake = new ExcelFake();
    // 12 rows of 40 cells of 20,000 characters: 9.6 MB in all, 800 KB a row.
    const rows = Array.from({ length: 12 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => `${String.fromCharCode(97 + (i % 26))}${j}`.padEnd(20_000, 'x')),
    );
    fake.addSheet('Stored', rows);
    // The reader of stored frameworks guesses a full chunk a cell.
    const values = await read(fake, 'Stored', { row: 0, col: 0, rows: 12, cols: 40 }, 32_000);
    expect(values).toEqual(rows);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(fake.requests.every((r) => r.responseBytes < FIVE_MB)).toBe(true);
    expect(fake.requests.filter((r) => r.failed)).toEqual([]);
  });

  it('reads short level codes in few large slices', async () => {
    const fake = new ExcelFake();
    const rows = Array.from({ length: 20_000 }, (_, i) => [`P${i}`, 'A', 'B', 'I', 'E']);
    fake.addSheet('Grid', rows);
    const values = await read(fake, 'Grid', { row: 0, col: 0, rows: 20_000, cols: 5 });
    expect(values).toHaveLength(20_000);
    expect(values[19_999]).toEqual(['P19999', 'A', 'B', 'I', 'E']);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
  });

  it('halves a slice that still comes back too large, instead of failing the read', async () => {
    const fake = new ExcelFake();
    // The first rows are short, so the next slice is sized for short rows; then the texts grow long.
    const rows = Array.from({ length: 200 }, (_, i) => [i < 10 ? 'short' : 'y'.repeat(30_000), i < 10 ? 'short' : 'z'.repeat(30_000)]);
    fake.addSheet('Mixed', rows);
    const values = await read(fake, 'Mixed', { row: 0, col: 0, rows: 200, cols: 2 }, 4);
    expect(values).toEqual(rows);
    expect(fake.requests.filter((r) => r.failed).length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => !r.failed).every((r) => r.responseBytes < FIVE_MB)).toBe(true);
  });

  it("never asks for more than Excel's five million cells in one read", () => {
    expect(sliceRows(1, 16_384, 1e12, 1_048_576) * 16_384).toBeLessThanOrEqual(EXCEL_MAX_CELLS_PER_READ);
    expect(sliceRows(1, 16_384, 1e12, 1_048_576)).toBe(305);
  });
});
