/**
 * What the task pane calls to reach Excel. Everything here goes through
 * Office.js (or the fake passed as `host`); nothing else in the product does.
 */
export { applyLayoutPlan, checkPlan } from './applyLayoutPlan';
export type { ApplyOptions, ApplyProgress, ApplyReport, ApplyStage } from './applyReport';
export { ApplyError } from './applyReport';
export { hostCapabilities, MINIMUM_EXCEL_API, EXCEL_FOR_ADDIN } from './capabilities';
export type { HostCapabilities } from './capabilities';
export { officeHost } from './excelHost';
export type { ExcelHost } from './excelHost';
export { readRosterFromSelection, readRosterFromTable, listTables, rosterFrom, rosterPlace } from './readRoster';
export type { RosterRows, ReadOptions } from './readRoster';
export { readProductInputs } from './readProductInputs';
export type { ProductInputs } from './readProductInputs';
export { readActiveSheetValues } from './readSheetValues';
export type { SheetValues, ReadSheetOptions } from './readSheetValues';
