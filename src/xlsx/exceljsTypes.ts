/**
 * What ExcelJS does at run time but its TypeScript types leave out:
 * `worksheet.dataValidations`, the range-keyed validation table. Adding one
 * rule for a whole range (instead of `cell.dataValidation` per cell) keeps a
 * 5,000-row grid to a handful of <dataValidation> elements.
 */
import type { DataValidation } from 'exceljs';

declare module 'exceljs' {
  interface Worksheet {
    dataValidations: {
      /** Address ("B2" or "B2:D9") -> rule. On reading, ExcelJS expands ranges into one entry per cell. */
      model: Record<string, DataValidation | undefined>;
      add(address: string, validation: DataValidation): DataValidation;
      find(address: string): DataValidation | undefined;
      remove(address: string): void;
    };
  }
}

export {};
