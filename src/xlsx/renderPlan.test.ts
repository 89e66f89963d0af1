import ExcelJS from 'exceljs';
import './exceljsTypes';
import { builtIn } from '../core/frameworks/library';
import { parseRosterCsv } from '../core/roster';
import { workbookLayout } from '../core/layouts/workbook';
import { cellRef } from '../core/layouts/a1';
import { Writable } from 'stream';
import type { LayoutPlan } from '../core/layouts/plan';
import { renderPlan, writePlanStream, zipBacklog } from './renderPlan';
import { ZipParts } from './zipEntries';
import { planWorkbookBytes } from '../../tests/xlsx/support/writeWorkbook';

const mit = builtIn('mit-devops');
const csv = `id,name,role,manager,Adaptability,Teamwork
E1,Ann,DevOps Engineer II,,A,
E2,"=HYPERLINK(""http://x"",""y"")",DevOps Engineer IV,Ann,BD,E
E3,+cmd|' /C calc'!A0,DevOps Engineer I,@Ann,,B`;

async function written(existing: string[] = []) {
  const layout = workbookLayout(mit, { roster: parseRosterCsv(csv, mit) });
  const wb = new ExcelJS.Workbook();
  for (const name of existing) wb.addWorksheet(name).getCell('A1').value = 'mine';
  const rendered = renderPlan(wb, layout.plan);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { layout, rendered, bytes, back, g: layout.grid! };
}

describe('the ExcelJS renderer, read back', () => {
  it('writes values, and formulas with core’s result as the cached value', async () => {
    const { back, g } = await written();
    const ws = back.getWorksheet('Team grid')!;
    const r = g.firstPersonRow;
    expect(ws.getCell(cellRef(r, g.ratingCols[0])).value).toBe('A');
    const gap = ws.getCell(cellRef(r, g.gapCols[0])).value as { formula: string; result: unknown };
    expect(gap.formula).toMatch(/^IF\(OR\(/);
    expect(gap.result).toBe(1);
    const meets = ws.getCell(cellRef(r, g.meetsCol));
    expect((meets.value as { result: unknown }).result).toBe(1);
    expect(meets.numFmt).toBe('0%');
  });

  it('keeps names that look like formulas as text cells, never formulas', async () => {
    const { bytes, back, g } = await written();
    const ws = back.getWorksheet('Team grid')!;
    expect(ws.getCell(cellRef(g.firstPersonRow + 1, g.nameCol)).value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell(cellRef(g.firstPersonRow + 2, g.nameCol)).value).toBe("+cmd|' /C calc'!A0");
    expect(ws.getCell(cellRef(g.firstPersonRow + 2, g.managerCol)).value).toBe('@Ann');
    // In the file itself: a shared-string cell (t="s"), and no <f> element.
    const xml = new ZipParts(bytes, 'grid.xlsx').text('xl/worksheets/sheet1.xml')!;
    const nameCell = new RegExp(`<c r="${cellRef(g.firstPersonRow + 1, g.nameCol)}"[^>]*>.*?</c>`).exec(xml)![0];
    expect(nameCell).toMatch(/t="s"/);
    expect(nameCell).not.toMatch(/<f>/);
    expect(new ZipParts(bytes, 'grid.xlsx').text('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });

  it('adds list dropdowns sourced from the scale sheet, over the whole rating block', async () => {
    const { back, g } = await written();
    const ws = back.getWorksheet('Team grid')!;
    const dv = ws.getCell(cellRef(g.firstPersonRow + 2, g.ratingCols[8])).dataValidation;
    expect(dv).toMatchObject({ type: 'list', formulae: ['Scales!$A$7:$A$11'], showErrorMessage: true, errorStyle: 'stop' });
    expect(ws.getCell(cellRef(g.firstPersonRow, g.roleCol)).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Targets!$A$6:$A$9'],
    });
    expect(ws.getCell(cellRef(g.firstPersonRow, g.nameCol)).dataValidation).toBeUndefined();
  });

  it('adds the heatmaps as one rule per block: a 3-colour scale on gaps centred at 0, level fills on ratings', async () => {
    const { back, g } = await written();
    const ws = back.getWorksheet('Team grid')!;
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    const gapRef = `${cellRef(g.firstPersonRow, g.gapCols[0])}:${cellRef(g.firstPersonRow + 2, g.gapCols[8])}`;
    const gap = cfs.find((c) => c.ref === gapRef)!;
    expect(gap.rules[0]).toMatchObject({
      type: 'colorScale',
      cfvo: [
        { type: 'num', value: -2 },
        { type: 'num', value: 0 },
        { type: 'num', value: 2 },
      ],
      color: [{ argb: 'FFF8696B' }, { argb: 'FFFFFFFF' }, { argb: 'FF63BE7B' }],
    });
    const ratingRef = `${cellRef(g.firstPersonRow, g.ratingCols[0])}:${cellRef(g.firstPersonRow + 2, g.ratingCols[8])}`;
    expect(cfs.filter((c) => c.ref === ratingRef).map((c) => c.rules[0].type)).toEqual([
      'expression',
      'expression',
      'expression',
      'expression',
      'expression',
    ]);
  });

  it('defines the scale names, freezes headers, and hides the helper columns and key row', async () => {
    const { back, g } = await written();
    const names = Object.fromEntries(back.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names.CM_mit_proficiency_Codes).toEqual(['Scales!$A$7:$A$11']);
    expect(names.CM_Roles).toEqual(['Targets!$A$6:$A$9']);
    const ws = back.getWorksheet('Team grid')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: g.firstPersonRow });
    expect(ws.getColumn(g.roleNumberCol + 1).hidden).toBe(true);
    expect(ws.getRow(g.keyRow + 1).hidden).toBe(true);
    expect(back.getWorksheet('Matrix')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(back.getWorksheet('Matrix')!.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('gives a sheet whose name is taken a unique name, and every formula and dropdown follows it', async () => {
    const { rendered, back, g } = await written(['Matrix', 'Scales']);
    expect(rendered.sheets.map((s) => s.name)).toContain('Matrix (2)');
    expect(back.getWorksheet('Matrix')!.getCell('A1').value).toBe('mine');
    const ws = back.getWorksheet('Team grid')!;
    const target = ws.getCell(cellRef(g.firstPersonRow, g.targetCols[0])).value as { formula: string };
    expect(target.formula).toContain("'Matrix (2)'!");
    expect(ws.getCell(cellRef(g.firstPersonRow, g.ratingCols[0])).dataValidation.formulae).toEqual(["'Scales (2)'!$A$7:$A$11"]);
  });

  it('writes the same workbook through the streaming writer the command line uses for new files', async () => {
    const layout = workbookLayout(mit, { roster: parseRosterCsv(csv, mit) });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await planWorkbookBytes(layout.plan, 'stream')) as unknown as ArrayBuffer);
    const g = layout.grid!;
    const ws = back.getWorksheet('Team grid')!;
    expect(ws.getCell(cellRef(g.firstPersonRow + 1, g.nameCol)).value).toBe('=HYPERLINK("http://x","y")');
    expect((ws.getCell(cellRef(g.firstPersonRow, g.gapCols[0])).value as { result: unknown }).result).toBe(1);
    expect(ws.getCell(cellRef(g.firstPersonRow + 2, g.ratingCols[8])).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Scales!$A$7:$A$11'],
    });
    const cfs = (ws as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cfs.filter((c) => c.rules[0].type === 'colorScale')).toHaveLength(2);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: g.firstPersonRow });
    expect(ws.getColumn(g.roleNumberCol + 1).hidden).toBe(true);
    expect(ws.getRow(g.keyRow + 1).hidden).toBe(true);
    expect(ws.getCell(cellRef(g.firstPersonRow, g.meetsCol)).numFmt).toBe('0%');
    expect(back.getWorksheet('Matrix')!.pageSetup.printTitlesRow).toBe('4:4');
    expect(back.definedNames.model.map((n) => n.name)).toContain('CM_mit_proficiency_Codes');
    expect(back.getWorksheet('CompetencyMatrix.Registry')!.state).toBe('hidden');
  });
});

describe('streaming a large sheet: the zip keeps up', () => {
  const ROWS = 30000;
  const COLS = 8;
  const plan: LayoutPlan = {
    title: 'Numbers',
    names: [],
    styles: {},
    sheets: [
      {
        name: 'Data',
        kind: 'scale',
        blocks: [
          { row: 0, col: 0, cells: Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => r * COLS + c + 0.5)) },
        ],
        styles: [],
        columnWidths: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };

  /** Writes the plan; the most sheet XML seen queued in front of the zip, sampled as it runs, and the file. */
  async function write(zipBacklogMax: number): Promise<{ peak: number; bytes: Buffer }> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const sheets: unknown[] = [];
    const add = ExcelJS.stream.xlsx.WorkbookWriter.prototype.addWorksheet;
    const spy = jest.spyOn(ExcelJS.stream.xlsx.WorkbookWriter.prototype, 'addWorksheet').mockImplementation(function (
      this: ExcelJS.stream.xlsx.WorkbookWriter,
      ...args: Parameters<typeof add>
    ) {
      const ws = add.apply(this, args);
      sheets.push(ws);
      return ws;
    });
    let peak = 0;
    const sample = setInterval(() => sheets.forEach((ws) => (peak = Math.max(peak, zipBacklog(ws)))), 1);
    try {
      await writePlanStream(plan, sink, { zipBacklogMax });
    } finally {
      clearInterval(sample);
      spy.mockRestore();
    }
    return { peak, bytes: Buffer.concat(chunks) };
  }

  it('waits for the zip instead of holding the sheet XML unpacked in front of it, and writes every cell', async () => {
    // Without the wait (no limit) most of the sheet's XML, about 7 MB, queues in front of the zip's deflate.
    const unbounded = await write(Number.POSITIVE_INFINITY);
    const bounded = await write(256 * 1024);
    expect(unbounded.peak).toBeGreaterThan(3e6);
    // The limit, one 64 KB buffer ExcelJS hands on at a time, and the rows of one turn (500 rows, about 130 KB here).
    expect(bounded.peak).toBeLessThan(600 * 1024);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bounded.bytes as unknown as ArrayBuffer);
    const ws = back.getWorksheet('Data')!;
    expect(ws.rowCount).toBe(ROWS);
    expect(ws.getCell('A1').value).toBe(0.5);
    expect(ws.getCell('H30000').value).toBe(239999.5);
    expect(ws.getCell('C12345').value).toBe(98754.5);
  }, 120000);
});
