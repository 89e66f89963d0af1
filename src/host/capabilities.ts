/**
 * What this Excel can do, checked once before anything is written: below
 * ExcelApi 1.7 the product refuses with a sentence naming the Excel it needs;
 * on 1.7 it writes grids without dropdowns and says so; print setup needs 1.9.
 */
import type { ExcelHost } from './excelHost';
import { CompetencyError } from '../core/problems';

export interface HostCapabilities {
  /** The highest ExcelApi version found, e.g. "1.7". */
  apiVersion: string;
  /** List validation (dropdowns of levels): ExcelApi 1.8. */
  dropdowns: boolean;
  /** Print titles, page orientation and fitting to pages (pageLayout.zoom): ExcelApi 1.9. */
  printSetup: boolean;
  /** suspendScreenUpdatingUntilNextSync: ExcelApi 1.9. */
  screenUpdating: boolean;
}

export const MINIMUM_EXCEL_API = '1.7';

/** Which Excel versions bring each requirement set, for messages (Microsoft's requirement-set table). */
export const EXCEL_FOR_API: Record<string, string> = {
  '1.7': 'Excel 2019 or later, Excel for Microsoft 365 (version 1801 or later), Excel on the web, or Excel for Mac 16.9 or later',
  '1.8': 'Excel 2021 or later, Excel for Microsoft 365 (version 1808 or later), Excel on the web, or Excel for Mac 16.17 or later',
  '1.9': 'Excel 2021 or later, Excel for Microsoft 365 (version 1903 or later), Excel on the web, or Excel for Mac 16.24 or later',
};

function highestApi(host: ExcelHost): string {
  let best = '';
  for (let minor = 1; minor <= 30; minor++) {
    if (host.isSetSupported('ExcelApi', `1.${minor}`)) best = `1.${minor}`;
    else break;
  }
  return best;
}

/** Checks the requirement sets; throws CompetencyError('unsupported-host') when sheets cannot be written at all. */
export function hostCapabilities(host: ExcelHost): HostCapabilities {
  const apiVersion = highestApi(host);
  if (!host.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) {
    const has = apiVersion
      ? `This Excel supports the add-in API up to ExcelApi ${apiVersion} only (Excel 2016 level)`
      : 'This Excel does not report the Excel add-in API at all';
    throw new CompetencyError(
      'unsupported-host',
      `Competency Matrix cannot write sheets in this version of Excel. ${has}; the add-in needs ExcelApi ${MINIMUM_EXCEL_API}, which comes with ${EXCEL_FOR_API[MINIMUM_EXCEL_API]}. Nothing was changed.`,
    );
  }
  return {
    apiVersion,
    dropdowns: host.isSetSupported('ExcelApi', '1.8'),
    printSetup: host.isSetSupported('ExcelApi', '1.9'),
    screenUpdating: host.isSetSupported('ExcelApi', '1.9'),
  };
}
