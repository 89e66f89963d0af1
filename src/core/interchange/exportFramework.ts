/**
 * Writes a framework in any export format as named text files: one file for
 * framework JSON, the CSV long table and CASE; several for the set of CSV tables.
 */
import type { Framework } from '../framework/validate';
import { frameworkToJson } from './frameworkJson';
import { frameworkToLongCsv } from './csvLongTable';
import { frameworkToCsvTables, type TextFile } from './csvTableSet';
import { frameworkToCaseJson, type CaseExportOptions } from './caseExport';
import type { ExportFormat } from './frameworkFormat';

export function exportFramework(fw: Framework, format: ExportFormat, options: CaseExportOptions = {}): TextFile[] {
  switch (format) {
    case 'json':
      return [{ name: `${fw.id}.json`, text: frameworkToJson(fw) }];
    case 'csv':
      return [{ name: `${fw.id}.csv`, text: frameworkToLongCsv(fw) }];
    case 'csv-tables':
      return frameworkToCsvTables(fw);
    case 'case':
      return [{ name: `${fw.id}.case.json`, text: frameworkToCaseJson(fw, options) }];
  }
}
