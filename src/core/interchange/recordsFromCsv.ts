/**
 * One CSV table to framework records: the header is matched to our columns (in
 * any case, with the common spellings of commercial exports), each row becomes
 * a record of the kind its "record" cell names, or of the kind its file holds
 * ("targets.csv"), or a facts row. Columns we do not use are reported, not
 * silently dropped.
 */
import { listForHumans } from '../problems';
import { unguardCsvText } from './formulaText';
import { parseCsv } from './csvText';
import {
  FACTS_COLUMNS,
  RECORD_COLUMNS,
  RECORD_KINDS,
  columnOf,
  recordKindOf,
  type Column,
  type RecordCells,
  type RecordKind,
  type SourceRecord,
  type TableFile,
} from './frameworkRecords';
import type { ImportProblems } from './importProblems';

/** The columns each kind reads (a descriptor row of levels.csv may also state its level's name and value). */
function usedColumns(kind: RecordKind | 'facts'): readonly Column[] {
  if (kind === 'facts') return FACTS_COLUMNS;
  if (kind === 'descriptor') return [...RECORD_COLUMNS.descriptor, 'name', 'value'];
  return RECORD_COLUMNS[kind];
}

export interface CsvRecordsOptions {
  /** The table this file is in a set of tables, if its name says so. */
  table?: TableFile;
  /** Prefix for row places: "targets.csv " in a set, "" for a single file. */
  placePrefix?: string;
  /** Names the file when its text cannot be read as CSV at all; the problems' source by default. */
  fileName?: string;
}

export function recordsFromCsv(text: string, problems: ImportProblems, options: CsvRecordsOptions = {}): SourceRecord[] {
  const { header, rows } = parseCsv(options.fileName ?? problems.source, text);
  const errorsBefore = problems.errors.length;
  const prefix = options.placePrefix ?? '';
  const place = (row: number) => `${prefix}row ${row}`;

  const columns: (Column | undefined)[] = header.map((h) => columnOf(h));
  const seen = new Map<Column, number>();
  const ignored: string[] = [];
  columns.forEach((col, i) => {
    const label = header[i].trim();
    if (col === undefined) {
      if (label !== '') ignored.push(label);
      return;
    }
    const first = seen.get(col);
    if (first !== undefined) {
      problems.error(place(1), `columns "${header[first].trim()}" and "${label}" both mean ${col}; keep one of them`);
    }
    seen.set(col, i);
  });
  if (!seen.has('record') && !options.table && !seen.has('competency') && !seen.has('competency id')) {
    problems.error(
      place(1),
      `no competency column among ${listForHumans(
        header.map((h) => `"${h.trim()}"`),
        'and',
      )}; the first row must name the columns: competency, category, level, descriptor, role, target (or a record column)`,
    );
  }
  if (ignored.length) {
    problems.warn(
      place(1),
      `column${ignored.length > 1 ? 's' : ''} ${listForHumans(
        ignored.map((h) => `"${h}"`),
        'and',
      )} ${ignored.length > 1 ? 'are' : 'is'} not part of a framework and ${ignored.length > 1 ? 'were' : 'was'} ignored`,
    );
  }
  if (problems.errors.length > errorsBefore) return [];

  const unused = new Map<string, number>();
  const records: SourceRecord[] = [];
  for (const { row, cells } of rows) {
    header.forEach((h, i) => {
      if (i >= cells.length || columns[i] !== undefined || h.trim() !== '') return;
      if (cells[i].trim() !== '')
        problems.error(
          place(row),
          `column ${i + 1} has no name in the header row but holds "${cells[i].trim().slice(0, 30)}"; name the column or clear it`,
        );
    });
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.error(
        place(row),
        `the row has ${cells.length} cells but the header names ${header.length} columns; a cell may hold an unquoted delimiter — put quotes around it`,
      );
      continue;
    }
    const values: RecordCells = {};
    columns.forEach((col, i) => {
      if (col === undefined || i >= cells.length) return;
      const text = unguardCsvText(cells[i].trim());
      if (text !== '') values[col] = text;
    });
    let kind: RecordKind | 'facts';
    if (values.record !== undefined) {
      const named = recordKindOf(values.record);
      if (!named) {
        problems.error(
          place(row),
          `"${values.record}" is not a kind of record; use one of ${listForHumans([...RECORD_KINDS])}, or leave it blank for a row of competency facts`,
        );
        continue;
      }
      kind = named;
    } else if (options.table) {
      kind =
        options.table.kinds.includes('descriptor') && (values.competency !== undefined || values['competency id'] !== undefined)
          ? 'descriptor'
          : options.table.kinds[0];
    } else {
      kind = 'facts';
    }
    delete values.record;
    const used = usedColumns(kind);
    for (const col of Object.keys(values) as Column[]) {
      if (used.includes(col)) continue;
      const k = `${kind}\u0000${col}`;
      if (!unused.has(k)) unused.set(k, row);
      delete values[col];
    }
    records.push({ kind, cells: values, where: place(row) });
  }
  for (const [k, row] of unused) {
    const [kind, col] = k.split('\u0000');
    problems.warn(
      place(row),
      `the ${col} column is not used by ${kind === 'facts' ? 'rows without a record kind' : `${kind} records`} and was ignored there (first in this row)`,
    );
  }
  return records;
}
