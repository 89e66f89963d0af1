import { builtIn, builtInFrameworks } from '../frameworks/library';
import type { Framework } from '../framework/validate';
import { isFormulaLike } from './formulaText';
import { frameworkDataSheetPlan } from './frameworkDataSheet';
import {
  FRAMEWORKS_SHEET,
  MAX_CHUNK,
  chunkText,
  frameworkFromSheetRows,
  frameworkToSheetRows,
  frameworksFromSheetRows,
  frameworksToSheetRows,
  withStoredFramework,
} from './frameworkSheet';

const all = builtInFrameworks().map((m) => m.data);

/** What Excel hands back: numbers where a cell looks numeric, empty strings past the data. */
function asExcelValues(rows: string[][]): unknown[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => (i === 2 && /^\d+$/.test(r[i] ?? '') ? Number(r[i]) : (r[i] ?? ''))));
}

describe('frameworks kept in the workbook', () => {
  it('stores every built-in framework on one sheet and reads each back unchanged', () => {
    const rows = frameworksToSheetRows(all);
    expect(rows[0]).toEqual(['framework id', 'version', 'chunks', 'framework JSON (continues to the right)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((f) => f.id));
    expect(frameworksFromSheetRows(asExcelValues(rows))).toStrictEqual(all);
  });

  it('splits a large framework into cells Excel can hold, none starting like a formula', () => {
    const big: Framework = structuredClone(builtIn('mit-devops').data);
    big.description = `-${'x'.repeat(MAX_CHUNK - 30)}=${'y'.repeat(MAX_CHUNK)}@`;
    const [, row] = frameworkToSheetRows(big);
    const chunks = row.slice(3);
    expect(Number(row[2])).toBe(chunks.length);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(MAX_CHUNK);
      expect(isFormulaLike(c)).toBe(false);
      expect(/^[=+\-@]/.test(c)).toBe(false);
    }
    expect(frameworkFromSheetRows(asExcelValues(frameworkToSheetRows(big)))).toStrictEqual(big);
  });

  it('moves a cut back rather than start a cell with =, +, - or @', () => {
    expect(chunkText('ab=cd-ef', 2)).toEqual(['a', 'b=', 'c', 'd-', 'ef']);
    expect(chunkText('{"note":"----- see below"}', 10).every((c) => !/^[=+\-@]/.test(c))).toBe(true);
  });

  it('never splits a character outside the basic plane across two cells', () => {
    const text = '😀'.repeat(10);
    const chunks = chunkText(text, 3);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(/^[\uDC00-\uDFFF]/.test(c)).toBe(false);
  });

  it('replaces a stored framework with the same id and adds a new one last', () => {
    const [mit, ddat, sre] = [builtIn('mit-devops').data, builtIn('ddat-devops').data, builtIn('sre-ladder').data];
    const changed = { ...ddat, name: 'DDaT, edited' };
    expect(withStoredFramework([mit, ddat], changed).map((f) => f.name)).toEqual([mit.name, 'DDaT, edited']);
    expect(withStoredFramework([mit, ddat], sre).map((f) => f.id)).toEqual(['mit-devops', 'ddat-devops', 'sre-ladder']);
  });

  it('finds one framework by id, and says which are stored when asked for another', () => {
    const rows = frameworksToSheetRows(all.slice(0, 2));
    expect(frameworkFromSheetRows(rows, 'DDAT-DEVOPS').id).toBe('ddat-devops');
    expect(() => frameworkFromSheetRows(rows, 'sre-ladder')).toThrow(
      'no framework "sre-ladder" is stored in this workbook; stored: mit-devops, ddat-devops',
    );
    expect(() => frameworkFromSheetRows(rows)).toThrow(/stores 2 frameworks \(mit-devops, ddat-devops\); say which one/);
  });

  it('reports a stored copy damaged by hand with its row and what to do, rather than reading half of it', () => {
    const rows = frameworkToSheetRows(builtIn('kaairo-devops').data);
    const missingChunk = rows.map((r) => [...r]);
    missingChunk[1][2] = '2';
    expect(() => frameworksFromSheetRows(missingChunk)).toThrow(
      `${FRAMEWORKS_SHEET} row 2: framework "kaairo-devops": chunk 2 of 2 (cell E2) is empty; the stored copy was changed by hand, so store the framework again (import it from its file)`,
    );
    const broken = rows.map((r) => [...r]);
    broken[1][3] = broken[1][3].slice(0, -5);
    expect(() => frameworksFromSheetRows(broken)).toThrow(/row 2: framework "kaairo-devops": its JSON is broken/);
    const renamed = rows.map((r) => [...r]);
    renamed[1][0] = 'other';
    expect(() => frameworksFromSheetRows(renamed)).toThrow(/cell A2 says "other" but the stored framework is "kaairo-devops"/);
    expect(() => frameworksFromSheetRows([['Name', 'Score']])).toThrow(/this is not a framework sheet: cell A1 should read "framework id"/);
  });

  it('plans the sheet as hidden framework data for the renderers', () => {
    const plan = frameworkDataSheetPlan(all.slice(0, 1));
    expect(plan).toMatchObject({ name: 'CompetencyMatrix.Frameworks', kind: 'framework-data', hidden: true });
    expect(plan.blocks).toEqual([{ row: 0, col: 0, cells: frameworksToSheetRows(all.slice(0, 1)) }]);
    expect(FRAMEWORKS_SHEET.length).toBeLessThanOrEqual(31);
  });
});
