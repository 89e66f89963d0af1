/**
 * The writer reaches into two internals of ExcelJS's streaming WorksheetWriter
 * (4.4): its relationship writer and legacy-data hook (charts.ts `wireDrawing`)
 * and its record of written formulas (renderPlan.ts `forgetWrittenFormulas`).
 * Neither is public API, so an ExcelJS upgrade could drop them: wireDrawing
 * would throw, and forgetWrittenFormulas would quietly do nothing while a
 * 50,000-person pack's memory grew back by a gigabyte. These tests fail first.
 */
import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { wireDrawing } from '../../src/xlsx/charts';
import { forgetWrittenFormulas } from '../../src/xlsx/renderPlan';

function streamedBook(): { book: ExcelJS.stream.xlsx.WorkbookWriter; bytes: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
  return { book: new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out }), bytes };
}

describe('ExcelJS streaming internals the writer depends on', () => {
  it('still records every written formula in _formulae, and forgetWrittenFormulas empties it', async () => {
    const { book, bytes } = streamedBook();
    const sheet = book.addWorksheet('Grid');
    sheet.getRow(1).values = [1, 2];
    sheet.getCell('C1').value = { formula: 'A1+B1' };
    sheet.getRow(1).commit();
    const recorded = (sheet as unknown as { _formulae?: Record<string, unknown> })._formulae;
    // If this fails, ExcelJS no longer keeps formulas here: find where it does, or drop the hook.
    expect(recorded && Object.keys(recorded)).toEqual(['C1']);

    forgetWrittenFormulas(sheet);
    expect((sheet as unknown as { _formulae: Record<string, unknown> })._formulae).toEqual({});

    sheet.commit();
    await book.commit();
    const zip = await JSZip.loadAsync(await bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>A1+B1</f>'); // forgetting the record does not lose the written formula
  });

  it('wireDrawing adds the drawing relationship and a <drawing> element before the sheet ends', async () => {
    const { book, bytes } = streamedBook();
    const sheet = book.addWorksheet('Grid');
    sheet.getRow(1).values = ['x'];
    sheet.getRow(1).commit();
    wireDrawing(sheet, 'xl/drawings/drawing1.xml');
    sheet.commit();
    await book.commit();
    const zip = await JSZip.loadAsync(await bytes);
    const rels = await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    const rel = /<Relationship [^>]*Target="\.\.\/drawings\/drawing1\.xml"[^>]*>/.exec(rels)?.[0] ?? '';
    expect(rel).toContain('relationships/drawing"');
    const rid = /Id="([^"]+)"/.exec(rel)?.[1];
    expect(rid).toBeTruthy();
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(new RegExp(`<drawing r:id="${rid}"/>(<legacyDrawing[^>]*/>)?</worksheet>$`));
  });

  it('wireDrawing says so when the writer it hooks into is not there', () => {
    expect(() => wireDrawing({}, 'xl/drawings/drawing1.xml')).toThrow(/ExcelJS changed/);
  });
});
