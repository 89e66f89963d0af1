import { readStoredFrameworkRows } from './readStoredFrameworks';
import { ExcelFake } from '../../tests/fakes/excelFake';
import { FRAMEWORKS_SHEET, FRAMEWORKS_SHEET_HEADER } from '../core/interchange/frameworkSheet';

describe('reading the frameworks stored in the workbook', () => {
  it('reads large stored frameworks without passing Excel’s 5 MB response limit', async () => {
    const fake = new ExcelFake();
    // Six frameworks of 50 chunks of 30,000 characters: 1.5 MB a row, 9 MB in all.
    const rows = Array.from({ length: 6 }, (_, i) => [
      `fw-${i}`,
      '1',
      '50',
      ...Array.from({ length: 50 }, () => `"${'d'.repeat(29_998)}"`),
    ]);
    fake.addSheet(FRAMEWORKS_SHEET, [[...FRAMEWORKS_SHEET_HEADER], ...rows]);
    const read = await readStoredFrameworkRows({ host: fake.host });
    expect(read).toHaveLength(7);
    expect(read!.slice(1).map((r) => r[0])).toEqual(['fw-0', 'fw-1', 'fw-2', 'fw-3', 'fw-4', 'fw-5']);
    expect(read![6][52]).toBe(rows[5][52]);
    expect(fake.requests.filter((r) => r.failed)).toEqual([]);
  });

  it('answers undefined when the workbook keeps no frameworks', async () => {
    expect(await readStoredFrameworkRows({ host: new ExcelFake().host })).toBeUndefined();
  });
});
