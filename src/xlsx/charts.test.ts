import ExcelJS from 'exceljs';
import { main } from '../cli/index';
import { captureIO } from '../cli/testIO';
import { builtIn } from '../core/frameworks/library';
import type { LayoutPlan } from '../core/layouts/plan';
import { plainValue } from './cellValue';
import { workbookCharts, workbookBytesWithCharts, renderedCharts } from './charts';
import { renderPlan, writePlanBytes } from './renderPlan';
import { workbookLayout } from '../core/layouts/workbook';
import { generatedRoster } from '../../tests/xlsx/support/rosters';
import { ZipParts } from './zipEntries';
import { teamRows } from '../../tests/calibration/team';

const mit = builtIn('mit-devops');

// MIT levels, lowest first: BD, B, I, A, E; the default coverage level is one below the top (A).
const roster = `id,name,role,manager,Adaptability,Analytical Thinking
p1,Ann,DevOps Engineer II,Mo,A,E
p2,Bo,DevOps Engineer II,Mo,E,
p3,Cy,DevOps Engineer II,Lu,B,I`;

function chartsOf(bytes: Buffer) {
  const zip = new ZipParts(bytes, 'book.xlsx');
  return workbookCharts(zip.names, (name) => zip.text(name));
}

const formulas = (xml: string) => [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));

/** The values of the cells a chart formula names, as ExcelJS reads them from the file. */
function cellsAt(book: ExcelJS.Workbook, ref: string): unknown[] {
  const m = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const ws = book.getWorksheet(m[1].replace(/''/g, "'"))!;
  const [c0, r0] = [ws.getColumn(m[2]).number, Number(m[3])];
  const [c1, r1] = m[4] ? [ws.getColumn(m[4]).number, Number(m[5])] : [c0, r0];
  const out: unknown[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(plainValue(ws.getCell(r, c).value));
  return out;
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function cli(files: Record<string, Buffer | string>, ...argv: string[]) {
  const io = captureIO(files);
  const code = await main(argv, io);
  if (code !== 0) throw new Error(`exit ${code}: ${io.stderr}`);
  return io;
}

describe('charts on a streamed sheet', () => {
  it('wires the drawing as the sheet streams, where CT_Worksheet puts it: after the page setup, before the notes’ legacyDrawing', async () => {
    const { plan } = workbookLayout(mit, { roster: generatedRoster(mit, 30, { seed: 4 }) });
    const grid = plan.sheets.find((s) => s.charts?.length)!;
    const withNote = { ...plan, sheets: plan.sheets.map((s) => (s === grid ? { ...s, notes: [{ row: 0, col: 0, text: 'A note' }] } : s)) };
    const { bytes } = await writePlanBytes(withNote);
    const zip = new ZipParts(bytes, 'book.xlsx');
    const sheetXml = zip.text('xl/worksheets/sheet1.xml')!;
    const order = ['</sheetData>', '<pageMargins', '<drawing r:id=', '<legacyDrawing', '</worksheet>'].map((tag) => sheetXml.indexOf(tag));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(sheetXml.match(/<drawing\b/g)).toHaveLength(1);
    // The relationship the element names leads to the drawing that holds the chart.
    const rid = /<drawing r:id="([^"]+)"/.exec(sheetXml)![1];
    const rels = zip.text('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(rels).toMatch(new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"|Target="../drawings/drawing1.xml"[^>]*Id="${rid}"`));
    expect(zip.text('xl/drawings/drawing1.xml')).toContain('competency-matrix: grid-coverage');
    expect(zip.text('[Content_Types].xml')).toContain('/xl/drawings/drawing1.xml');
    const { product, others } = chartsOf(bytes);
    expect(others).toEqual([]);
    expect(product.map((s) => s.sheet)).toEqual([grid.name]);
    // ExcelJS reads the file, note and all.
    const book = await open(bytes);
    expect(book.getWorksheet(grid.name)!.getCell('A1').note).toBe('A note');
  });
});

describe('native charts in the .xlsx files the command line writes', () => {
  it('draws coverage per competency under a new (streamed) grid, reading the coverage row', async () => {
    const io = await cli({ 'team.csv': roster }, 'workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx');
    const bytes = io.files.get('team.xlsx')!;
    const { product, others } = chartsOf(bytes);
    expect(others).toEqual([]);
    expect(product.map((s) => [s.sheet, s.charts.map((c) => c.name)])).toEqual([['Team grid', ['competency-matrix: grid-coverage']]]);
    const chart = product[0].charts[0].xml;
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<a:srgbClr val="7030A0"/>');
    const [categories, values] = formulas(chart);
    const book = await open(bytes);
    expect(cellsAt(book, categories).slice(0, 2)).toEqual(['Adaptability', 'Analytical Thinking']);
    // At or above A: Adaptability A and E (2), Analytical Thinking E (1); the other seven competencies nobody.
    expect(cellsAt(book, values)).toHaveLength(9);
    expect(cellsAt(book, values).slice(0, 2)).toEqual([2, 1]);
    expect(chart).toMatch(/<c:numCache>.*<c:pt idx="0"><c:v>2<\/c:v><\/c:pt><c:pt idx="1"><c:v>1<\/c:v><\/c:pt><c:pt idx="2"><c:v>0</);
  });

  it('adds the calibration charts to the pack and keeps the grid’s chart the file already had', async () => {
    const rows = teamRows(mit, { people: 30, managers: 4, seed: 7, lenientManager: 'Manager 02' });
    const csv = rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
    const grid = await cli({ 'team.csv': csv }, 'workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx');
    const io = await cli({ 'team.xlsx': grid.files.get('team.xlsx')! }, 'calibration', '--grid', 'team.xlsx', '--out', 'pack.xlsx');
    const bytes = io.files.get('pack.xlsx')!;
    const { product, others } = chartsOf(bytes);
    expect(others).toEqual([]);
    expect(product.map((s) => [s.sheet, s.charts.map((c) => c.name)])).toEqual([
      ['Team grid', ['competency-matrix: grid-coverage']],
      ['Calibration', ['competency-matrix: calibration-distribution', 'competency-matrix: calibration-rater-estimates']],
      ['Changes', ['competency-matrix: changes-before-after']],
      ['Person view', ['competency-matrix: person-view-radar']],
    ]);
    const [distribution, raters] = product[1].charts.map((c) => c.xml);
    // The person view's radar reads its own rating and target columns.
    expect(product[3].charts[0].xml).toContain('<c:radarChart>');
    expect(formulas(product[3].charts[0].xml)).toEqual(
      expect.arrayContaining(["'Person view'!$A$11:$A$19", "'Person view'!$B$11:$B$19", "'Person view'!$D$11:$D$19"]),
    );
    const book = await open(bytes);

    // Clustered columns: the level codes, everyone's shares (they add up to 1) and the guideline's.
    expect(distribution).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    const [cats, everyone, , guideline] = formulas(distribution);
    expect(cellsAt(book, cats)).toEqual(['BD', 'B', 'I', 'A', 'E']);
    const shares = cellsAt(book, everyone) as number[];
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(cellsAt(book, guideline).every((v) => typeof v === 'number')).toBe(true);

    // Bars, most lenient on top, with error bars read from the sheet.
    expect(raters).toContain('<c:barDir val="bar"/>');
    expect(raters).toContain('<c:orientation val="maxMin"/>');
    expect(raters).toContain('<c:errValType val="cust"/>');
    const [plus] = formulas(raters);
    const [managerRef, estimateRef] = formulas(raters).filter((f) => f !== plus);
    const estimates = cellsAt(book, estimateRef) as number[];
    expect(cellsAt(book, managerRef)[0]).toBe('Manager 02');
    expect([...estimates].sort((a, b) => b - a)).toEqual(estimates);
    expect(cellsAt(book, plus).every((v) => typeof v === 'number' && v > 0)).toBe(true);

    // And the file reads back whole: every sheet, the grid's ratings.
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Team grid', 'Calibration', 'Calibration data']));
  });

  it('names the sheet as written in every series when the plan’s sheet name was taken', async () => {
    const plan: LayoutPlan = {
      title: 'one chart',
      names: [],
      styles: {},
      sheets: [
        {
          name: 'Chart data',
          kind: 'calibration',
          blocks: [
            {
              row: 0,
              col: 0,
              cells: [
                ['x', 'y'],
                ['a', 1],
                ['b', 2],
              ],
            },
          ],
          styles: [],
          columnWidths: [],
          validations: [],
          conditionalFormats: [],
          charts: [
            {
              id: 'c',
              kind: 'radar',
              title: 'Radar',
              anchor: { row: 0, col: 3, rows: 10, cols: 5 },
              categories: { row: 1, col: 0, rows: 2, cols: 1 },
              series: [{ name: 'y', values: { row: 1, col: 1, rows: 2, cols: 1 }, color: '112233' }],
            },
          ],
        },
      ],
    };
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Chart data');
    const rendered = renderPlan(book, plan);
    const bytes = await workbookBytesWithCharts(book, renderedCharts(rendered));
    const [sheet] = chartsOf(bytes).product;
    expect(sheet.sheet).toBe('Chart data (2)');
    expect(formulas(sheet.charts[0].xml)).toEqual(["'Chart data (2)'!$A$2:$A$3", "'Chart data (2)'!$B$2:$B$3"]);
    expect(sheet.charts[0].xml).toContain('<c:radarChart><c:radarStyle val="marker"/>');
  });
});
