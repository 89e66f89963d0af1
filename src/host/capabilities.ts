/**
 * What this Excel can do, checked once before anything is written.
 *
 * The manifest requires the shared runtime (SharedRuntime 1.1), so Excel
 * only loads the add-in where that set exists: Excel on the web, Microsoft
 * 365 on Windows from Version 2002, Excel 2021 from Version 2108, Excel for
 * Mac from 16.35 ("Shared runtime requirement sets"). Every one of them has
 * ExcelApi 1.9 or later (Version 1903 on Windows, 16.24 on Mac; Excel 2021
 * has 1.14: "Excel JavaScript API requirement sets"), so the renderer uses
 * dropdowns (1.8), print setup and suspended screen updating (1.9) without
 * asking, and there is no "Excel 2019" path: Excel 2019 never loads the
 * add-in. Below 1.9 (a host that reports less than its shared runtime
 * implies) the product refuses with one sentence and writes nothing.
 *
 * Custom functions are a separate set (CustomFunctionsRuntime), which
 * perpetual Excel 2021 gets only from Version 2108: the pane offers add-in
 * formulas only where it is there.
 */
import type { ExcelHost } from './excelHost';
import { CompetencyError } from '../core/problems';

export interface HostCapabilities {
  /** The highest ExcelApi version found, e.g. "1.14". */
  apiVersion: string;
  /** Add-in worksheet functions (=COMPETENCY.*) run here: CustomFunctionsRuntime 1.1. */
  customFunctions: boolean;
}

export const MINIMUM_EXCEL_API = '1.9';
export const MINIMUM_CUSTOM_FUNCTIONS_RUNTIME = '1.1';

/** The Excels that load the add-in, for messages (Microsoft's shared-runtime requirement-set table). */
export const EXCEL_FOR_ADDIN =
  'Excel for Microsoft 365 (Version 2002 or later on Windows, 16.35 or later on Mac), Excel 2021 or 2024 (Version 2108 or later), or Excel on the web';

function highestApi(host: ExcelHost): string {
  let best = '';
  for (let minor = 1; minor <= 30; minor++) {
    if (host.isSetSupported('ExcelApi', `1.${minor}`)) best = `1.${minor}`;
    else break;
  }
  return best;
}

/** Checks the requirement sets; throws CompetencyError('unsupported-host') when sheets cannot be written. */
export function hostCapabilities(host: ExcelHost): HostCapabilities {
  const apiVersion = highestApi(host);
  if (!host.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) {
    const has = apiVersion
      ? `This Excel supports the add-in API up to ExcelApi ${apiVersion} only`
      : 'This Excel does not report the Excel add-in API at all';
    throw new CompetencyError(
      'unsupported-host',
      `Competency Matrix cannot write sheets in this version of Excel. ${has}; the add-in needs ExcelApi ${MINIMUM_EXCEL_API} and the shared runtime, which come with ${EXCEL_FOR_ADDIN}. Nothing was changed.`,
    );
  }
  return { apiVersion, customFunctions: host.isSetSupported('CustomFunctionsRuntime', MINIMUM_CUSTOM_FUNCTIONS_RUNTIME) };
}
