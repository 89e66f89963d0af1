/**
 * For jest suites that drive code reaching Office.js through the globals (as
 * the task pane's workbench does): a fresh ExcelFake is installed as the
 * `Excel` and `Office` globals before each test and removed after it. Kept out
 * of excelFake.ts, which makes no test-framework calls so it can be bundled for
 * a browser. Returns the current test's fake.
 */
import { ExcelFake, installOfficeGlobals } from './excelFake';

export function officeGlobalsPerTest(): () => ExcelFake {
  const globals = globalThis as unknown as Record<string, unknown>;
  let fake: ExcelFake | undefined;
  beforeEach(() => {
    fake = new ExcelFake();
    installOfficeGlobals(fake, globals);
  });
  afterEach(() => {
    delete globals.Excel;
    delete globals.Office;
    fake = undefined;
  });
  return () => {
    if (!fake) throw new Error('officeGlobalsPerTest: the fake exists only while a test runs');
    return fake;
  };
}
