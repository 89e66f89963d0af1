/**
 * Reads a framework from the files a user gives, in any supported format, into
 * a validated framework with its warnings; or throws one CompetencyError that
 * names the file, the places (rows, JSON paths) and the fixes. Nothing is ever
 * half-imported: a framework is built whole, then validated whole.
 */
import type { Framework } from '../framework/validate';
import { CompetencyError, type Issue } from '../problems';
import { decodeText } from './text';
import { parseJsonText } from './parseJsonText';
import { frameworkFromJson } from './frameworkJson';
import { frameworkFromCase } from './caseImport';
import { baseName, frameworkFromLongCsv } from './csvLongTable';
import { frameworkFromCsvTables } from './csvTableSet';
import { FORMAT_NAMES, formatOfJson, isJsonText, type FrameworkFormat } from './frameworkFormat';

export interface ImportResult {
  framework: Framework;
  warnings: Issue[];
  /** What the file was read as. */
  format: FrameworkFormat | 'csv-tables';
}

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/** One file: framework JSON, CASE 1.1 JSON or a CSV long table, told apart by content. */
export function importFrameworkFile(fileName: string, bytes: Uint8Array): ImportResult {
  const text = decodeText(fileName, bytes);
  return importFrameworkText(fileName, text);
}

export function importFrameworkText(fileName: string, text: string): ImportResult {
  if (isJsonText(fileName, text)) {
    const json = parseJsonText(fileName, text);
    const format = formatOfJson(json);
    const result = format === 'case' ? frameworkFromCase(fileName, json) : frameworkFromJson(fileName, json);
    return { ...result, format };
  }
  return { ...frameworkFromLongCsv(fileName, text), format: 'csv' };
}

/**
 * Several files: one file is read as above; several CSV files are a set of
 * tables (competencies.csv, levels.csv, targets.csv...). JSON files cannot be
 * combined with others.
 */
export function importFrameworkFiles(files: readonly FileBytes[], setName?: string): ImportResult {
  if (files.length === 0)
    throw new CompetencyError('invalid-file', 'no files were given; give a framework file, or the CSV tables of a framework');
  if (files.length === 1) return importFrameworkFile(files[0].name, files[0].bytes);
  const texts = files.map((f) => ({ name: f.name, text: decodeText(f.name, f.bytes) }));
  const json = texts.find((t) => isJsonText(t.name, t.text));
  if (json) {
    throw new CompetencyError(
      'invalid-file',
      `${FORMAT_NAMES.json} and ${FORMAT_NAMES.case} are one file each and cannot be combined with other files; import it on its own`,
      json.name,
    );
  }
  const folder = /[\\/]/.test(files[0].name) ? baseName(files[0].name.replace(/[\\/][^\\/]*$/, '')) : '';
  const fallback = setName ?? (folder || 'Imported framework');
  return { ...frameworkFromCsvTables(texts, fallback), format: 'csv-tables' };
}

export { checkFramework } from './checkFramework';
