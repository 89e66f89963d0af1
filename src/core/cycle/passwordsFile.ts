/**
 * The passwords of a cycle's encrypted workbooks as a CSV table: the one
 * `cycle split --encrypt` writes beside the master (file, who it is for, their
 * id, password), for HR to send by another channel than the files, and the one
 * `--passwords FILE` reads, to supply the passwords to split with or to open
 * encrypted returns in `cycle collect`. A row names its file by file name or
 * by the id of the person who receives it. Nothing here makes a password.
 */
import { personIdKey } from '../personId';
import { CompetencyError, listForHumans } from '../problems';
import { parseCsv, writeCsv } from '../interchange/csvText';
import { unguardCsvText } from '../interchange/formulaText';
import { openPasswordProblem } from '../openPassword';

export const PASSWORDS_FILE_NAME = 'passwords.csv';

/** One encrypted file and the password that opens it. */
export interface FilePassword {
  fileName: string;
  /** Who it is for, in words: "team of Ana Silva", "self-assessment of Ana Silva", "HR (the master)". */
  holder: string;
  /** The holder's id (the manager's, the person's); "" for the master. */
  id: string;
  password: string;
}

const HEADER = ['file', 'for', 'id', 'password'] as const;

/** What a file is, for choosing its password: its name and its holder's id. */
export interface PasswordTarget {
  fileName: string;
  holderId: string;
  holder: string;
}

interface SuppliedRow {
  row: number;
  password: string;
}

/** Passwords read from a CSV file, by file name and by holder id. */
export interface SuppliedPasswords {
  source: string;
  byFile: Map<string, SuppliedRow>;
  byId: Map<string, SuppliedRow>;
}

/** File names are compared as Windows and macOS do: without case. */
const fileKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

function column(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * Reads a passwords CSV: a `password` column and a `file` column (file name,
 * as written by split) or an `id` column (the manager's or the person's id),
 * or both. Every row must give a password for exactly one file or id.
 */
export function parsePasswordsCsv(text: string, source: string): SuppliedPasswords {
  const { header, rows } = parseCsv(source, text);
  const passwordCol = column(header, ['password', 'password to open']);
  const fileCol = column(header, ['file', 'file name', 'workbook']);
  const idCol = column(header, ['id', 'person id', 'manager id', 'team id']);
  if (passwordCol < 0 || (fileCol < 0 && idCol < 0)) {
    throw new CompetencyError(
      'invalid-file',
      `the first row must name a "password" column and a "file" or "id" column (it names ${listForHumans(
        header.map((h) => `"${h}"`),
        'and',
      )}); e.g. file,password`,
      source,
    );
  }
  const byFile = new Map<string, SuppliedRow>();
  const byId = new Map<string, SuppliedRow>();
  for (const { row, cells } of rows) {
    const at = `${source}, row ${row}`;
    const password = unguardCsvText(cells[passwordCol] ?? '');
    const problem = openPasswordProblem(password);
    if (problem) throw new CompetencyError('invalid-file', `${problem}; give each file a password of its own`, at);
    const file = fileCol >= 0 ? (cells[fileCol] ?? '').trim() : '';
    const id = idCol >= 0 ? (cells[idCol] ?? '').trim() : '';
    if (!file && !id) throw new CompetencyError('invalid-file', 'the row names no file and no id; say which file the password is for', at);
    // A row written by split names both: the file name is the one that counts.
    const [map, key, what] = file ? [byFile, fileKey(file), `the file "${file}"`] : [byId, personIdKey(id), `the id "${id}"`];
    const earlier = map.get(key);
    if (earlier)
      throw new CompetencyError('invalid-file', `rows ${earlier.row} and ${row} both give a password for ${what}; keep one`, source);
    map.set(key, { row, password });
  }
  return { source, byFile, byId };
}

/** The password supplied for a file: its file name's row first, then its holder's id. */
export function suppliedPassword(supplied: SuppliedPasswords, fileName: string, holderId = ''): string | undefined {
  const byName = supplied.byFile.get(fileKey(fileName));
  if (byName) return byName.password;
  return holderId ? supplied.byId.get(personIdKey(holderId))?.password : undefined;
}

/**
 * A password for every file: from the supplied table when there is one (every
 * file must be in it; the missing ones are listed), otherwise made by
 * `generate`, one per file.
 */
export function assignPasswords(
  targets: readonly PasswordTarget[],
  options: { supplied?: SuppliedPasswords; generate: () => string },
): FilePassword[] {
  const { supplied, generate } = options;
  const missing: string[] = [];
  const out = targets.map((t) => {
    const password = supplied ? suppliedPassword(supplied, t.fileName, t.holderId) : generate();
    if (password === undefined) missing.push(t.holderId ? `"${t.fileName}" (id ${t.holderId})` : `"${t.fileName}"`);
    return { fileName: t.fileName, holder: t.holder, id: t.holderId, password: password ?? '' };
  });
  if (supplied && missing.length) {
    const shown = missing.slice(0, 5).join(', ');
    throw new CompetencyError(
      'invalid-file',
      `no password for ${missing.length} of the ${targets.length} files: ${shown}${missing.length > 5 ? ', …' : ''}; add a row for each (file,password or id,password), or leave --passwords out to have one made for every file`,
      supplied.source,
    );
  }
  return out;
}

/** The passwords table as CSV, the way split writes it and --passwords reads it back. */
export function passwordsCsv(entries: readonly FilePassword[]): string {
  return writeCsv(
    HEADER,
    entries.map((e) => [e.fileName, e.holder, e.id, e.password]),
  );
}
