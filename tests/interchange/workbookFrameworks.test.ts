/**
 * Frameworks kept in a real .xlsx: the hidden sheet and the matrix are written
 * by the ExcelJS renderer, the file is saved, a colleague opens their copy
 * (a fresh ExcelJS workbook from the bytes), edits a target in the matrix and
 * saves again; the framework is found on the hidden sheet without its original
 * file, and the edited matrix reads back, through CSV, to the same matrix.
 */
import ExcelJS from 'exceljs';
import { builtIn } from '../../src/core/frameworks/library';
import { FrameworkModel } from '../../src/core/framework/model';
import type { Framework } from '../../src/core/framework/validate';
import { matrixLayout } from '../../src/core/layouts/matrix';
import { LAYOUT_STYLES } from '../../src/core/layouts/styles';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { frameworkDataSheetPlan } from '../../src/core/interchange/frameworkDataSheet';
import { FRAMEWORKS_SHEET, frameworkFromSheetRows, frameworksFromSheetRows } from '../../src/core/interchange/frameworkSheet';
import { frameworkFromMatrixRows } from '../../src/core/interchange/frameworkFromMatrixRows';
import { frameworkFromLongCsv, frameworkToLongCsv } from '../../src/core/interchange/csvLongTable';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { plainValue } from '../../src/xlsx/cellValue';

const ACME_CSV = [
  'competency,category,level,descriptor,role,target',
  '=Coding,Technical,1,Writes small changes,Junior,1',
  '=Coding,Technical,2,Designs modules,Senior,2',
  'Mentoring,People,1,Answers questions,Junior,',
  'Mentoring,People,2,Runs pairing sessions,Senior,2',
].join('\n');

async function save(plan: LayoutPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  renderPlan(wb, plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    out.push(Array.from({ length: ws.columnCount }, (_, c) => plainValue(ws.getCell(r, c + 1).value)));
  }
  return out;
}

function planFor(fw: Framework, stored: Framework[]): LayoutPlan {
  return {
    title: fw.name,
    sheets: [matrixLayout(new FrameworkModel(fw), 'Matrix').sheet, frameworkDataSheetPlan(stored)],
    names: [],
    styles: LAYOUT_STYLES,
  };
}

describe('frameworks kept in a saved workbook', () => {
  it('are found in a colleague’s copy on the hidden sheet, unchanged, formula-like names still text', async () => {
    const acme = frameworkFromLongCsv('acme.csv', ACME_CSV).framework;
    const mit = builtIn('mit-devops').data;
    const copy = await open(await save(planFor(acme, [acme, mit])));
    const sheet = copy.getWorksheet(FRAMEWORKS_SHEET);
    expect(sheet?.state).toBe('hidden');
    const stored = frameworksFromSheetRows(values(sheet as ExcelJS.Worksheet));
    expect(stored).toStrictEqual([acme, mit]);
    expect(stored[0].competencies[0].name).toBe('=Coding');
    const matrix = values(copy.getWorksheet('Matrix') as ExcelJS.Worksheet);
    expect(matrix.some((r) => r.includes('=Coding'))).toBe(true);
  });

  it('give back, after an edit in the saved matrix, the same matrix through CSV', async () => {
    const fw = builtIn('sre-ladder').data;
    const copy = await open(await save(planFor(fw, [fw])));
    const ws = copy.getWorksheet('Matrix') as ExcelJS.Worksheet;
    const before = values(ws);
    const row = before.findIndex((r) => r[1] === 'Judgment');
    const col = before.findIndex((r) => r[1] === 'Competency');
    const senior = before[col].indexOf('Senior SRE');
    ws.getCell(row + 1, senior + 1).value = 'L5'; // the colleague raises a target
    const edited = await open(Buffer.from(await copy.xlsx.writeBuffer()));

    const base = frameworkFromSheetRows(values(edited.getWorksheet(FRAMEWORKS_SHEET) as ExcelJS.Worksheet));
    const fromSheet = frameworkFromMatrixRows(values(edited.getWorksheet('Matrix') as ExcelJS.Worksheet), base).framework;
    const viaCsv = frameworkFromLongCsv('sre-edited.csv', frameworkToLongCsv(fromSheet)).framework;
    const written = values((await open(await save(planFor(viaCsv, [viaCsv])))).getWorksheet('Matrix') as ExcelJS.Worksheet);
    const expected = values(edited.getWorksheet('Matrix') as ExcelJS.Worksheet);
    expect(written).toEqual(expected);
    expect(expected[row][senior]).toBe('L5');
    expect(viaCsv.targets.find((t) => t.role === 'sre-l3' && t.competency === 'judgment')?.level).toBe('L5');
  });
});
