/**
 * What a command reads from a workbook, whichever reader opened it: an
 * in-memory ExcelJS workbook (one the command is building), or a file opened
 * with the streaming reader (readWorkbook.ts), which reads a sheet only when
 * asked. Code that reads through this works on both.
 */
import type { Workbook } from 'exceljs';
import type { Framework } from '../core/framework/validate';
import { parseCellRef } from '../core/layouts/a1';
import type { Registry } from '../core/layouts/registry';
import { cellText, type PlainValue } from './cellValue';
import type { WorkbookFile } from './readWorkbook';
import { storedFrameworks, storedFrameworksIn } from './storedFrameworks';
import { readRegistry, readRegistryFrom } from './workbookRegistry';
import { worksheetValues } from './worksheetValues';

export interface WorkbookSource {
  readonly fileName: string;
  /** Sheet names in workbook order. */
  readonly sheetNames: readonly string[];
  registry(): Promise<Registry>;
  storedFrameworks(): Promise<Framework[]>;
  /** A sheet's cells as rows from A1. */
  rows(sheet: string): Promise<PlainValue[][]>;
  /** The trimmed text of one cell ("A1"), "" when blank. */
  cellText(sheet: string, address: string): Promise<string>;
}

function textAt(rows: PlainValue[][], address: string): string {
  const { row, col } = parseCellRef(address);
  const v = rows[row]?.[col];
  return v === null || v === undefined ? '' : String(v).trim();
}

export function memorySource(workbook: Workbook, fileName: string): WorkbookSource {
  return {
    fileName,
    get sheetNames() {
      return workbook.worksheets.map((w) => w.name);
    },
    registry: async () => readRegistry(workbook),
    storedFrameworks: async () => storedFrameworks(workbook, fileName),
    rows: async (sheet) => worksheetValues(workbook.getWorksheet(sheet)!),
    cellText: async (sheet, address) => cellText(workbook.getWorksheet(sheet)!.getCell(address).value),
  };
}

export function fileSource(file: WorkbookFile): WorkbookSource {
  return {
    fileName: file.fileName,
    sheetNames: file.sheets.map((s) => s.name),
    registry: () => readRegistryFrom(file),
    storedFrameworks: () => storedFrameworksIn(file),
    rows: async (sheet) => (await file.values(sheet)).rows,
    cellText: async (sheet, address) => (address === 'A1' ? file.firstCellText(sheet) : textAt((await file.values(sheet)).rows, address)),
  };
}
