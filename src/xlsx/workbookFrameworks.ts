/**
 * The frameworks an .xlsx workbook holds, for `frameworks import book.xlsx`
 * and wherever the command line takes a framework file: a named sheet read as
 * a proficiency matrix; otherwise the frameworks the workbook keeps on its
 * hidden sheet; otherwise the product's matrix sheet, found through the
 * registry (or by its title, when the registry is gone). A matrix is read with
 * the framework it was written from (kept in the workbook or built in), so
 * what the sheet does not show survives.
 */
import { builtInFrameworks } from '../core/frameworks/library';
import { CompetencyError } from '../core/problems';
import type { CheckedFramework } from '../core/interchange/checkFramework';
import { frameworkFromMatrixRows } from '../core/interchange/frameworkFromMatrixRows';
import { matrixBaseFramework } from '../core/interchange/matrixBaseFramework';
import { FRAMEWORKS_SHEET } from '../core/interchange/frameworkSheet';
import { isProductTitle } from '../core/layouts/sheetTitles';
import type { WorkbookFile } from './readWorkbook';
import { storedFrameworksIn } from './storedFrameworks';
import { readRegistryFrom } from './workbookRegistry';

export interface WorkbookFrameworks {
  frameworks: CheckedFramework[];
  /** Where they were read, for the summary: `sheet "Matrix"` or the hidden sheet. */
  readFrom: string;
}

/** The product's matrix sheets: registered as such, or titled as one when the registry is gone. */
async function matrixSheets(file: WorkbookFile): Promise<string[]> {
  const registered = (await readRegistryFrom(file)).sheets.filter((s) => s.kind === 'matrix' && file.sheet(s.name)).map((s) => s.name);
  if (registered.length) return registered;
  // Without a registry every sheet is looked at, each only as far as its first row.
  const titled: string[] = [];
  for (const s of file.sheets) {
    if (isProductTitle('matrix', await file.firstCellText(s.name))) titled.push(s.name);
  }
  return titled;
}

async function readMatrix(file: WorkbookFile, sheet: string): Promise<CheckedFramework> {
  const name = file.requireSheet(sheet).name;
  const { rows } = await file.values(name);
  const candidates = [...(await storedFrameworksIn(file)), ...builtInFrameworks().map((m) => m.data)];
  return frameworkFromMatrixRows(rows, matrixBaseFramework(rows, candidates), { sheet: name, source: file.fileName });
}

/** The frameworks of a workbook opened with openWorkbook: only the sheets needed are read. */
export async function workbookFrameworks(file: WorkbookFile, options: { sheet?: string } = {}): Promise<WorkbookFrameworks> {
  const fileName = file.fileName;
  if (options.sheet !== undefined) return { frameworks: [await readMatrix(file, options.sheet)], readFrom: `sheet "${options.sheet}"` };
  const stored = await storedFrameworksIn(file);
  if (stored.length)
    return { frameworks: stored.map((framework) => ({ framework, warnings: [] })), readFrom: `hidden sheet ${FRAMEWORKS_SHEET}` };
  const matrices = await matrixSheets(file);
  if (matrices.length === 1) return { frameworks: [await readMatrix(file, matrices[0])], readFrom: `sheet "${matrices[0]}"` };
  if (matrices.length > 1) {
    throw new CompetencyError(
      'invalid-argument',
      `it holds ${matrices.length} proficiency matrices (${matrices.map((n) => `"${n}"`).join(', ')}); say which with --sheet NAME`,
      fileName,
    );
  }
  throw new CompetencyError(
    'invalid-file',
    `it keeps no framework and has no proficiency matrix sheet; give the sheet that holds your matrix (header row Category, Competency, Competency id, Scale, then one column per role) with --sheet NAME`,
    fileName,
  );
}
