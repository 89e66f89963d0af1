/**
 * The frameworks an .xlsx workbook holds, for `frameworks import book.xlsx`
 * and wherever the command line takes a framework file: a named sheet read as
 * a proficiency matrix; otherwise the frameworks the workbook keeps on its
 * hidden sheet; otherwise the product's matrix sheet, found through the
 * registry (or by its title, when the registry is gone). A matrix is read with
 * the framework it was written from (kept in the workbook or built in), so
 * what the sheet does not show survives.
 */
import ExcelJS, { type Workbook } from 'exceljs';
import { builtInFrameworks } from '../core/frameworks/library';
import { CompetencyError } from '../core/problems';
import type { CheckedFramework } from '../core/interchange/checkFramework';
import { frameworkFromMatrixRows } from '../core/interchange/frameworkFromMatrixRows';
import { matrixBaseFramework } from '../core/interchange/matrixBaseFramework';
import { FRAMEWORKS_SHEET } from '../core/interchange/frameworkSheet';
import { isProductTitle } from '../core/layouts/sheetTitles';
import { plainValue } from './cellValue';
import { storedFrameworks } from './storedFrameworks';
import { readRegistry } from './workbookRegistry';
import { worksheetValues } from './worksheetValues';

export interface WorkbookFrameworks {
  frameworks: CheckedFramework[];
  /** Where they were read, for the summary: `sheet "Matrix"` or the hidden sheet. */
  readFrom: string;
}

/** A workbook from its bytes; a file that is not one is refused by name. */
export async function loadWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CompetencyError(
      'invalid-file',
      'this is not an .xlsx workbook; save it from Excel as "Excel Workbook (.xlsx)" (an old .xls cannot be read)',
      fileName,
    );
  }
  return workbook;
}

/** The sheets a person can see, for messages. */
function visibleSheets(workbook: Workbook): string[] {
  return workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map((ws) => ws.name);
}

/** The product's matrix sheets: registered as such, or titled as one when the registry is gone. */
function matrixSheets(workbook: Workbook): string[] {
  const registered = readRegistry(workbook)
    .sheets.filter((s) => s.kind === 'matrix' && workbook.getWorksheet(s.name))
    .map((s) => s.name);
  if (registered.length) return registered;
  return workbook.worksheets
    .filter((ws) => isProductTitle('matrix', String(plainValue(ws.getCell('A1').value) ?? '')))
    .map((ws) => ws.name);
}

function readMatrix(workbook: Workbook, sheet: string, fileName: string): CheckedFramework {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) {
    throw new CompetencyError(
      'invalid-argument',
      `there is no sheet "${sheet}"; its sheets are ${visibleSheets(workbook)
        .map((n) => `"${n}"`)
        .join(', ')}`,
      fileName,
    );
  }
  const rows = worksheetValues(ws);
  const candidates = [...storedFrameworks(workbook, fileName), ...builtInFrameworks().map((m) => m.data)];
  return frameworkFromMatrixRows(rows, matrixBaseFramework(rows, candidates), { sheet: ws.name, source: fileName });
}

export function workbookFrameworks(workbook: Workbook, fileName: string, options: { sheet?: string } = {}): WorkbookFrameworks {
  if (options.sheet !== undefined)
    return { frameworks: [readMatrix(workbook, options.sheet, fileName)], readFrom: `sheet "${options.sheet}"` };
  const stored = storedFrameworks(workbook, fileName);
  if (stored.length)
    return { frameworks: stored.map((framework) => ({ framework, warnings: [] })), readFrom: `hidden sheet ${FRAMEWORKS_SHEET}` };
  const matrices = matrixSheets(workbook);
  if (matrices.length === 1) return { frameworks: [readMatrix(workbook, matrices[0], fileName)], readFrom: `sheet "${matrices[0]}"` };
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
