/**
 * The product's charts as LibreOffice draws them: workbooks the command line
 * writes, printed to PDF, rasterised by pdftoppm, and the chart colours looked
 * for on the page. A chart's colours sit between the cells around its anchor;
 * the same workbook without its charts has none of them, so the pixels are the
 * chart's and not a fill's.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtIn } from '../../src/core/frameworks/library';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { CHART_PALETTE } from '../../src/core/layouts/chartPalette';
import { convert, libreOfficeWorkspace, sofficePath } from '../support/libreoffice';
import { announceSkip } from '../support/announceSkip';
import { planWorkbookBytes } from '../xlsx/support/writeWorkbook';
import { teamRows } from '../calibration/team';
import { colourBox, colourHistogram, countColour, readPng, type Picture } from './support/png';

const soffice = sofficePath();
const pdftoppm = spawnSync('pdftoppm', ['-v']).error ? undefined : 'pdftoppm';
if (!soffice || !pdftoppm) {
  announceSkip(
    'LibreOffice (soffice) or poppler (pdftoppm) is not installed: the chart picture checks are skipped. Install libreoffice-calc and poppler-utils to run them.',
  );
}
const suite = soffice && pdftoppm ? describe : describe.skip;

const CORNER_BEFORE = 'FF00FF';
const CORNER_AFTER = '00FFFF';

/** One small sheet: two series of columns anchored on C3:J14, with coloured cells just outside its corners. */
function cornerPlan(): LayoutPlan {
  return {
    title: 'chart corners',
    names: [],
    styles: { before: { fill: CORNER_BEFORE }, after: { fill: CORNER_AFTER } },
    sheets: [
      {
        name: 'Chart',
        kind: 'calibration',
        blocks: [
          {
            row: 0,
            col: 0,
            cells: [
              ['Level', 'Team', 'Guideline'],
              ['B', 3, 2],
              ['I', 5, 4],
              ['A', 2, 3],
            ],
          },
          // Text in the corner cells, so they are in the printed range.
          { row: 14, col: 10, cells: [['after']] },
        ],
        styles: [
          { range: { row: 1, col: 1, rows: 1, cols: 1 }, style: 'before' },
          { range: { row: 14, col: 10, rows: 1, cols: 1 }, style: 'after' },
        ],
        columnWidths: [],
        validations: [],
        conditionalFormats: [],
        landscape: true,
        fitToWidth: true,
        charts: [
          {
            id: 'corners',
            kind: 'clusteredColumn',
            title: 'Between the corners',
            anchor: { row: 2, col: 2, rows: 12, cols: 8 },
            categories: { row: 1, col: 0, rows: 3, cols: 1 },
            series: [
              { name: 'Team', values: { row: 1, col: 1, rows: 3, cols: 1 }, color: CHART_PALETTE.actual },
              { name: 'Guideline', values: { row: 1, col: 2, rows: 3, cols: 1 }, color: CHART_PALETTE.expected },
            ],
            valueAxis: { min: 0 },
          },
        ],
      },
    ],
  };
}

/** The workbook with every sheet but `visible` hidden, so only it is printed (charts and all). */
async function onlySheet(bytes: Buffer, visible: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const shown = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    const name = /name="([^"]*)"/.exec(tag)![1];
    const bare = tag.replace(/\sstate="[^"]*"/, '');
    return name === visible ? bare : bare.replace('<sheet ', '<sheet state="hidden" ');
  });
  const activeTab = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].findIndex((m) => m[0].includes(`name="${visible}"`));
  zip.file(
    'xl/workbook.xml',
    shown.replace(/activeTab="\d+"/, `activeTab="${activeTab}"`).replace(/firstSheet="\d+"/, `firstSheet="${activeTab}"`),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The workbook's charts removed: the drawing element of every sheet. */
async function withoutCharts(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    zip.file(name, (await zip.file(name)!.async('string')).replace(/<drawing [^>]*\/>/, ''));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function cli(files: Record<string, Buffer | string>, ...argv: string[]) {
  const io = captureIO(files);
  const code = await main(argv, io);
  if (code !== 0) throw new Error(`exit ${code}: ${io.stderr}`);
  return io;
}

suite('charts drawn by LibreOffice', () => {
  const pages = new Map<string, Picture[]>();

  beforeAll(async () => {
    const rows = teamRows(builtIn('mit-devops'), { people: 24, managers: 4, seed: 11, lenientManager: 'Manager 02' });
    const csv = rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
    const grid = (
      await cli({ 'team.csv': csv }, 'workbook', '--framework', 'mit-devops', '--roster', 'team.csv', '--out', 'team.xlsx')
    ).files.get('team.xlsx')!;
    const pack = (await cli({ 'team.xlsx': grid }, 'calibration', '--grid', 'team.xlsx', '--out', 'pack.xlsx')).files.get('pack.xlsx')!;
    const books: Record<string, Buffer> = {
      corners: await planWorkbookBytes(cornerPlan()),
      grid: await onlySheet(grid, 'Team grid'),
      gridBare: await withoutCharts(await onlySheet(grid, 'Team grid')),
      calibration: await onlySheet(pack, 'Calibration'),
      calibrationBare: await withoutCharts(await onlySheet(pack, 'Calibration')),
    };
    const { dir, profile } = libreOfficeWorkspace();
    const paths = Object.entries(books).map(([name, bytes]) => {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    convert(soffice!, profile, paths, 'pdf', join(dir, 'pdf'));
    for (const name of Object.keys(books)) {
      const run = spawnSync(pdftoppm!, ['-png', '-r', '50', join(dir, 'pdf', `${name}.pdf`), join(dir, 'pdf', name)]);
      if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
      const files = readdirSync(join(dir, 'pdf')).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
      pages.set(
        name,
        files.sort().map((f) => readPng(readFileSync(join(dir, 'pdf', f)))),
      );
    }
  }, 300_000);

  const pixels = (name: string, hex: string) => countColour(colourHistogram(pages.get(name)!), hex);

  it('draws a chart’s columns in its series colours between the cells at its corners', () => {
    expect(pages.get('corners')).toHaveLength(1);
    const [page] = pages.get('corners')!;
    const before = colourBox(page, CORNER_BEFORE)!;
    const after = colourBox(page, CORNER_AFTER)!;
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    for (const colour of [CHART_PALETTE.actual, CHART_PALETTE.expected]) {
      const bars = colourBox(page, colour)!;
      expect(bars.pixels).toBeGreaterThan(50);
      expect(bars.left).toBeGreaterThan(before.right);
      expect(bars.top).toBeGreaterThan(before.bottom);
      expect(bars.right).toBeLessThan(after.left);
      expect(bars.bottom).toBeLessThan(after.top);
    }
  });

  it('draws coverage per competency under the grid, and nothing of its colour without the chart', () => {
    expect(pixels('grid', CHART_PALETTE.people)).toBeGreaterThan(100);
    expect(pixels('gridBare', CHART_PALETTE.people)).toBe(0);
  });

  it('draws the distribution against the guideline and the rater estimates on the calibration sheet', () => {
    expect(pixels('calibration', CHART_PALETTE.actual)).toBeGreaterThan(200);
    expect(pixels('calibration', CHART_PALETTE.expected)).toBeGreaterThan(50);
    expect(pixels('calibrationBare', CHART_PALETTE.actual)).toBe(0);
    expect(pixels('calibrationBare', CHART_PALETTE.expected)).toBe(0);
  });
});
