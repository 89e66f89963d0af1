/**
 * A set of CSV tables: the long table's records split into files named after
 * what they hold (competencies.csv, levels.csv with descriptors, targets.csv,
 * and, for a full export, framework.csv, scales.csv, categories.csv, roles.csv,
 * role-dimensions.csv, role-texts.csv). A set can be as small as competencies,
 * levels and targets; files are told apart by name, so their order does not matter.
 */
import type { Framework } from '../framework/validate';
import { listForHumans } from '../problems';
import type { CheckedFramework } from './checkFramework';
import { writeCsv } from './csvText';
import { TABLE_FILES, tableFileOf, type SourceRecord } from './frameworkRecords';
import { frameworkToRecords } from './frameworkToRecords';
import { frameworkFromRecords } from './frameworkFromRecords';
import { ImportProblems } from './importProblems';
import { recordsFromCsv } from './recordsFromCsv';

export interface TextFile {
  name: string;
  text: string;
}

/** One file per kind of table that has rows, in the order of TABLE_FILES. */
export function frameworkToCsvTables(fw: Framework): TextFile[] {
  const records = frameworkToRecords(fw);
  const files: TextFile[] = [];
  for (const table of TABLE_FILES) {
    const rows = records.filter((r) => table.kinds.includes(r.kind)).map((r) => table.columns.map((col) => r.cells[col] ?? ''));
    if (rows.length) files.push({ name: table.file, text: writeCsv(table.columns, rows) });
  }
  return files;
}

/** The name a set of files goes by in messages: their folder, or their names. */
export function setName(files: readonly { name: string }[]): string {
  const folders = new Set(files.map((f) => f.name.replace(/[\\/][^\\/]*$/, '')));
  const first = files[0]?.name ?? '';
  if (folders.size === 1 && /[\\/]/.test(first)) return `${[...folders][0]}/`;
  return listForHumans(
    files.map((f) => f.name),
    'and',
  );
}

export function frameworkFromCsvTables(files: readonly TextFile[], fallbackName: string): CheckedFramework {
  const source = setName(files);
  const problems = new ImportProblems(source);
  const records: SourceRecord[] = [];
  const byTable = new Map<string, string>();
  for (const f of files) {
    const shortName = f.name.replace(/^.*[\\/]/, '');
    const table = tableFileOf(f.name);
    if (table) {
      const other = byTable.get(table.file);
      if (other)
        problems.error(shortName, `both "${other}" and "${shortName}" hold ${table.file.replace(/\.csv$/, '')}; give one file per table`);
      byTable.set(table.file, shortName);
    }
    records.push(...recordsFromCsv(f.text, problems, { table, placePrefix: `${shortName} `, fileName: f.name }));
  }
  problems.throwIfAny();
  return frameworkFromRecords(source, records, { fallbackName, problems });
}
