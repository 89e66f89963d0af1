/**
 * Excel's documented limits, as the recording fake enforces them, each with
 * where Microsoft states it. The fake refuses what Excel refuses, so a test
 * that passes against the fake cannot pass only because the fake is lenient.
 *
 * Sources, cited by key below:
 * - [limits]   "Resource limits and performance optimization for Office Add-ins", section "Excel add-ins"
 *              https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * - [specs]    "Excel specifications and limits"
 *              https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 * - [dval]     [MS-XLS] 2.5.37 DValStrings (the data-validation strings Excel stores and enforces)
 *              https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/b8894965-c186-4bba-8a0b-8ec2a37a1cbe
 * - [types]    @types/office-js, the "[Api set: ExcelApi x.y]" remark on each member (checked by excelLimits.test.ts)
 * - [cfsets]   "Custom Functions requirement sets"
 *              https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 * - [rename]   Excel's "Rename sheet" rules, as Excel's UI refuses them (the name may not begin or end with an
 *              apostrophe, may not be "History"); Range addresses quote names with apostrophes, so the product's
 *              own names must also be whole UTF-16 text (no lone surrogate half).
 */

export const EXCEL_LIMITS = {
  /** [limits] "Excel on the web has a payload size limit for requests and responses of 5MB." */
  payloadBytes: 5 * 1024 * 1024,
  /** [limits] "A range is limited to five million cells for get operations." */
  cellsPerRead: 5_000_000,
  /** [specs] "Length of formula contents: 8,192 characters". */
  formulaChars: 8192,
  /** [specs] "Total number of characters that a cell can contain: 32,767 characters". */
  cellTextChars: 32767,
  /** [specs] "Worksheet size: 1,048,576 rows by 16,384 columns". */
  rows: 1_048_576,
  columns: 16_384,
  /** [specs] sheet name length; [rename] characters and apostrophes. */
  sheetNameChars: 31,
  /** [dval] strErrorTitle and strPromptTitle: at most 32 characters. */
  validationTitleChars: 32,
  /** [dval] strPrompt: at most 255 characters. */
  validationPromptChars: 255,
  /** [dval] strError: at most 225 characters. */
  validationErrorChars: 225,
  /** [types] PageLayoutZoomOptions.scale: "Print page scale value can be between 10 and 400." */
  printScaleMin: 10,
  printScaleMax: 400,
} as const;

/** [rename] Why Excel refuses a sheet name, or undefined when it takes it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a sheet name cannot be empty';
  if (name.length > EXCEL_LIMITS.sheetNameChars) return `a sheet name has at most ${EXCEL_LIMITS.sheetNameChars} characters`;
  if (/[[\]:*?/\\]/.test(name)) return 'a sheet name cannot contain any of [ ] : * ? / \\';
  if (/^'|'$/.test(name)) return 'a sheet name cannot begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name))
    return 'a sheet name cannot hold half of a character (a lone surrogate)';
  return undefined;
}

/**
 * [types] The ExcelApi requirement set of every member the fake models, as
 * "Class.member" in Office.js's own class names. The fake tags each queued
 * action with the set of its member, so on a host configured as 1.9 a 1.10
 * member fails with ApiNotFound at sync, as in Excel. Where the remark names a
 * set for reading and another for writing, the set here is the one for what
 * the fake does with it (writing, unless the member is read-only).
 */
export const REQUIREMENT_SETS = {
  'Application.calculate': '1.1',
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'Application.suspendScreenUpdatingUntilNextSync': '1.9',
  'CellValueConditionalFormat.rule': '1.6',
  'ColorScaleConditionalFormat.criteria': '1.6',
  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormatRule.formula': '1.6',
  'ConditionalRangeFill.color': '1.6',
  'ConditionalRangeFont.bold': '1.6',
  'ConditionalRangeFont.color': '1.6',
  'DataValidation.errorAlert': '1.8',
  'DataValidation.ignoreBlanks': '1.8',
  'DataValidation.prompt': '1.8',
  'DataValidation.rule': '1.8',
  'NamedItem.comment': '1.4',
  'NamedItem.delete': '1.4',
  'NamedItem.formula': '1.7',
  'NamedItemCollection.add': '1.4',
  'NamedItemCollection.getItemOrNullObject': '1.4',
  'NamedItemCollection.load': '1.1',
  'PageLayout.orientation': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'PageLayout.zoom': '1.9',
  'Range.columnHidden': '1.2',
  'Range.formulas': '1.1',
  'Range.getSurroundingRegion': '1.7',
  'Range.load': '1.1',
  'Range.merge': '1.2',
  'Range.numberFormat': '1.1',
  'Range.rowHidden': '1.2',
  'Range.values': '1.1',
  'RangeBorder.color': '1.1',
  'RangeBorder.style': '1.1',
  'RangeBorder.weight': '1.1',
  'RangeFill.color': '1.1',
  'RangeFont.bold': '1.1',
  'RangeFont.color': '1.1',
  'RangeFont.italic': '1.1',
  'RangeFont.size': '1.1',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.horizontalAlignment': '1.1',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.textOrientation': '1.7',
  'RangeFormat.verticalAlignment': '1.1',
  'RangeFormat.wrapText': '1.1',
  'RangeAreas.load': '1.1',
  'RangeAreas.worksheet': '1.9',
  'Table.getRange': '1.1',
  'Table.load': '1.1',
  'Table.worksheet': '1.2',
  'TableCollection.getItemOrNullObject': '1.4',
  'TableCollection.load': '1.1',
  'Workbook.getSelectedRange': '1.1',
  'Workbook.getSelectedRanges': '1.9',
  'Worksheet.activate': '1.1',
  'Worksheet.delete': '1.1',
  'Worksheet.getRange': '1.1',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.load': '1.1',
  'Worksheet.name': '1.1',
  'Worksheet.onChanged': '1.7',
  'Worksheet.position': '1.1',
  'Worksheet.tabColor': '1.7',
  'Worksheet.visibility': '1.2',
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.getActiveWorksheet': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.load': '1.1',
  'WorksheetFreezePanes.freezeAt': '1.7',
  'WorksheetFreezePanes.freezeColumns': '1.7',
  'WorksheetFreezePanes.freezeRows': '1.7',
  'WorksheetChangedEventArgs.details': '1.9',
  'WorksheetProtection.protect': '1.7',
} as const;

export type ModelledMember = keyof typeof REQUIREMENT_SETS;

/** The ExcelApi set a modelled member needs. */
export function since(member: ModelledMember): string {
  return REQUIREMENT_SETS[member];
}

/** The later of two ExcelApi versions ("1.10" is later than "1.9"). */
export function laterSet(a: string, b: string): string {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2) ? a : b;
}
