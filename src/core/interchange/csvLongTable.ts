/**
 * The CSV long table: one file, one fact a row. The first columns are the ones
 * people expect (competency, category, level, descriptor, role, target); a
 * "record" column says what each row holds, so the product's own export carries
 * every field of the framework and imports back to the same framework. A table
 * without a record column is read as rows of competency facts.
 */
import type { Framework } from '../framework/validate';
import type { CheckedFramework } from './checkFramework';
import { writeCsv } from './csvText';
import { COLUMNS } from './frameworkRecords';
import { frameworkToRecords } from './frameworkToRecords';
import { frameworkFromRecords } from './frameworkFromRecords';
import { ImportProblems } from './importProblems';
import { recordsFromCsv } from './recordsFromCsv';

/** The file name without folders or extension, as the name of a framework that names none. */
export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

export function frameworkToLongCsv(fw: Framework): string {
  const rows = frameworkToRecords(fw).map((r) => COLUMNS.map((col) => (col === 'record' ? r.kind : (r.cells[col] ?? ''))));
  return writeCsv(COLUMNS, rows);
}

export function frameworkFromLongCsv(fileName: string, text: string): CheckedFramework {
  const problems = new ImportProblems(fileName);
  const records = recordsFromCsv(text, problems);
  problems.throwIfAny();
  return frameworkFromRecords(fileName, records, { fallbackName: baseName(fileName), problems });
}
