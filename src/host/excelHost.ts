/**
 * The Excel the renderer talks to: `Excel.run` and the requirement-set check.
 * In the add-in these come from the Office.js globals; tests and the browser
 * harness pass a recording fake with the same shape. Every use of the globals
 * is guarded, so outside Excel the user gets a sentence, not a ReferenceError.
 */
import type { XRequestContext } from './excelApi';
import { CompetencyError } from '../core/problems';

export interface ExcelHost {
  run<T>(batch: (context: XRequestContext) => Promise<T>): Promise<T>;
  isSetSupported(set: string, version: string): boolean;
}

/** The Excel this page runs in, through the Office.js globals. */
export function officeHost(): ExcelHost {
  const excel = typeof Excel === 'undefined' ? undefined : Excel;
  const office = typeof Office === 'undefined' ? undefined : Office;
  if (!excel || typeof excel.run !== 'function' || !office?.context?.requirements) {
    throw new CompetencyError(
      'unsupported-host',
      'Competency Matrix can only write sheets from inside Excel. Open the add-in from Excel (Home > Add-ins), or use the command line to make a workbook file.',
    );
  }
  return {
    run: (batch) => excel.run((context) => batch(context)),
    isSetSupported: (set, version) => {
      try {
        return office.context.requirements.isSetSupported(set, version);
      } catch {
        return false;
      }
    },
  };
}
