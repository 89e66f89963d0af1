/**
 * Framework interchange: what the layer offers the task pane, the command
 * line, the renderers and the worksheet functions.
 */
export { importFrameworkFile, importFrameworkFiles, importFrameworkText, type ImportResult, type FileBytes } from './importFramework';
export { exportFramework } from './exportFramework';
export { EXPORT_FORMATS, FORMAT_NAMES, type ExportFormat, type FrameworkFormat } from './frameworkFormat';
export { checkFramework, type CheckedFramework } from './checkFramework';
export { frameworkFromJson, frameworkToJson } from './frameworkJson';
export { frameworkFromLongCsv, frameworkToLongCsv } from './csvLongTable';
export { frameworkFromCsvTables, frameworkToCsvTables, type TextFile } from './csvTableSet';
export { frameworkFromCase } from './caseImport';
export { frameworkToCase, frameworkToCaseJson } from './caseExport';
export {
  FRAMEWORKS_SHEET,
  frameworkToSheetRows,
  frameworksToSheetRows,
  frameworkFromSheetRows,
  frameworksFromSheetRows,
  withStoredFramework,
} from './frameworkSheet';
export { frameworkDataSheetPlan } from './frameworkDataSheet';
export { frameworkFromMatrixRows } from './frameworkFromMatrixRows';
export { frameworkJsonSchema } from './frameworkJsonSchema';
export { decodeText } from './text';
