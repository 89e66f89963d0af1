/**
 * What the pane learns about the Excel it runs in, over the recording fake
 * configured as particular Excels: which requirement sets they report, and so
 * what the pane offers and says up front.
 */
import { ExcelFake, installOfficeGlobals } from '../../../tests/fakes/excelFake';
import { createOfficeWorkbench } from './officeWorkbench';
import { strings } from '../strings';

const globals = globalThis as unknown as Record<string, unknown>;

async function connectTo(fake: ExcelFake) {
  installOfficeGlobals(fake, globals);
  try {
    return await createOfficeWorkbench().connect();
  } finally {
    delete globals.Excel;
    delete globals.Office;
  }
}

describe('connecting to Excel', () => {
  it('offers add-in formulas and names no limitation where the custom functions runtime is there (Microsoft 365)', async () => {
    const info = await connectTo(new ExcelFake({ apiVersion: '1.17', customFunctionsRuntime: '1.4' }));
    expect(info).toEqual({ kind: 'excel', theme: 'light', limitations: [], addinFunctions: true });
  });

  it('does not offer add-in formulas, and says why, where the custom functions runtime is missing (Excel 2021 before Version 2108)', async () => {
    const info = await connectTo(new ExcelFake({ apiVersion: '1.14', customFunctionsRuntime: null }));
    expect(info).toEqual({ kind: 'excel', theme: 'light', limitations: [strings.limits.noFunctions], addinFunctions: false });
  });

  it('says up front that an Excel below ExcelApi 1.9 cannot write sheets, naming the Excel needed', async () => {
    const info = await connectTo(new ExcelFake({ apiVersion: '1.8' }));
    expect(info.kind === 'excel' && info.limitations).toEqual([
      'Competency Matrix cannot write sheets in this version of Excel. This Excel supports the add-in API up to ExcelApi 1.8 only; the add-in needs ExcelApi 1.9 and the shared runtime, which come with Excel for Microsoft 365 (Version 2002 or later on Windows, 16.35 or later on Mac), Excel 2021 or 2024 (Version 2108 or later), or Excel on the web. Nothing was changed.',
    ]);
  });
});
