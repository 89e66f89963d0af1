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
import { frameworkFromMonzo } from './monzoProgression';
import { frameworkFromMarkdownLadder } from './markdownLadder';
import type { ScaleData } from '../framework/schema';
import { FORMAT_NAMES, formatOfJson, textFormat, type FrameworkFormat, type ImportFormat } from './frameworkFormat';

export interface ImportResult {
  framework: Framework;
  warnings: Issue[];
  /** What the file was read as. */
  format: ImportFormat;
}

/** How to read: the format (detected from the content when not given) and the scale for a file that states none. */
export interface ImportOptions {
  format?: ImportFormat;
  /** For a CASE package without rubrics: the levels its competencies are rated on. */
  scale?: ScaleData;
}

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/** One file: framework JSON, CASE 1.1 JSON, a progression framework, a Markdown ladder or a CSV long table, told apart by content. */
export function importFrameworkFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const text = decodeText(fileName, bytes);
  return importFrameworkText(fileName, text, options);
}

function oneFileFormat(fileName: string, text: string, format: ImportFormat | undefined): FrameworkFormat | 'json-or-case' {
  if (format === 'csv-tables') return 'csv'; // one file of a set is read as a long table
  if (format) return format;
  const detected = textFormat(fileName, text);
  return detected === 'json' ? 'json-or-case' : detected;
}

export function importFrameworkText(fileName: string, text: string, options: ImportOptions = {}): ImportResult {
  const result = readOneFile(fileName, text, options);
  if (options.scale && result.format !== 'case')
    result.warnings.unshift({
      path: '(scale)',
      message: `the scale chosen on import was not used: the file was read as a ${FORMAT_NAMES[result.format]}, which gives its own levels`,
    });
  return result;
}

function readOneFile(fileName: string, text: string, options: ImportOptions): ImportResult {
  const format = oneFileFormat(fileName, text, options.format);
  switch (format) {
    case 'json-or-case':
    case 'json':
    case 'case': {
      const json = parseJsonText(fileName, text);
      const read = format === 'json-or-case' ? formatOfJson(json) : format;
      const result = read === 'case' ? frameworkFromCase(fileName, json, { scale: options.scale }) : frameworkFromJson(fileName, json);
      return { ...result, format: read };
    }
    case 'monzo':
      return { ...frameworkFromMonzo(fileName, text), format };
    case 'markdown':
      return { ...frameworkFromMarkdownLadder(fileName, text), format };
    case 'csv':
      return { ...frameworkFromLongCsv(fileName, text), format };
  }
}

/**
 * Several files: one file is read as above; several CSV files are a set of
 * tables (competencies.csv, levels.csv, targets.csv...). JSON files cannot be
 * combined with others.
 */
export function importFrameworkFiles(files: readonly FileBytes[], setName?: string, options: ImportOptions = {}): ImportResult {
  if (files.length === 0)
    throw new CompetencyError('invalid-file', 'no files were given; give a framework file, or the CSV tables of a framework');
  if (files.length === 1 && options.format !== 'csv-tables') return importFrameworkFile(files[0].name, files[0].bytes, options);
  if (options.format !== undefined && options.format !== 'csv-tables')
    throw new CompetencyError(
      'invalid-argument',
      `${FORMAT_NAMES[options.format]} is one file; several files are read as a set of CSV tables (--format csv-tables), so give one file with --format ${options.format}`,
      files[0].name,
    );
  const texts = files.map((f) => ({ name: f.name, text: decodeText(f.name, f.bytes) }));
  const single = texts.find((t) => textFormat(t.name, t.text) !== 'csv');
  if (single) {
    const format = textFormat(single.name, single.text);
    throw new CompetencyError(
      'invalid-file',
      `${format === 'json' ? `${FORMAT_NAMES.json} and ${FORMAT_NAMES.case} are` : `a ${FORMAT_NAMES[format]} is`} one file each and cannot be combined with other files; import it on its own`,
      single.name,
    );
  }
  const folder = /[\\/]/.test(files[0].name) ? baseName(files[0].name.replace(/[\\/][^\\/]*$/, '')) : '';
  const fallback = setName ?? (folder || 'Imported framework');
  const result: ImportResult = { ...frameworkFromCsvTables(texts, fallback), format: 'csv-tables' };
  if (options.scale)
    result.warnings.unshift({
      path: '(scale)',
      message: 'the scale chosen on import was not used: a set of CSV tables gives its own levels',
    });
  // A set without targets imports, but a grid made from it has no targets and so no gaps: worth a line.
  if (!result.framework.targets.length)
    result.warnings.push({
      path: '(targets)',
      message:
        'the tables give no target levels (no targets.csv, or an empty one), so a grid made from them shows no targets or gaps; add targets.csv with competency, role and level columns',
    });
  return result;
}

export { checkFramework } from './checkFramework';
