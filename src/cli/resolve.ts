/**
 * Turns a --framework argument into a framework: a built-in id, a framework
 * file (framework JSON, CASE 1.1 JSON, CSV long table, a progression framework
 * in Monzo's format, a Markdown career ladder), a folder holding a set of CSV
 * tables, several CSV files that make one set, or an .xlsx workbook (the
 * framework it keeps, or its proficiency matrix; see xlsx/workbookFrameworks.ts).
 *
 * Every command that takes a framework reads the same options the same way:
 * spread FRAMEWORK_SOURCE_OPTIONS into its parseArgs options and pass the parsed
 * values to resolveFrameworkOption (or frameworkSourceOptions + resolveFrameworks).
 */
import { promises as fs } from 'fs';
import path from 'path';
import { builtIn, findBuiltIn } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { CompetencyError } from '../core/problems';
import { importFrameworkFiles, type FileBytes, type ImportResult } from '../core/interchange/importFramework';
import { UsageError, type CliIO } from './io';
import { oneOf, type Options } from './args';
import { IMPORT_FORMATS, type ImportFormat } from '../core/interchange/frameworkFormat';
import { scaleFromChoice } from '../core/interchange/scaleChoice';
import type { ScaleData } from '../core/framework/schema';
import { workbookFrameworks, type WorkbookFrameworks } from '../xlsx/workbookFrameworks';
import { openWorkbookFile } from './openWorkbookFile';

/** Warnings printed for a framework read on the way to another command's output. */
const MAX_WARNINGS_SHOWN = 10;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The files behind the paths given: a folder stands for the CSV files in it. */
async function filesOf(paths: readonly string[], io: CliIO): Promise<{ files: FileBytes[]; setName?: string }> {
  const files: FileBytes[] = [];
  let setName: string | undefined;
  for (const p of paths) {
    if (await isDirectory(p)) {
      const names = (await fs.readdir(p)).filter((n) => /\.csv$/i.test(n)).sort();
      if (!names.length)
        throw new CompetencyError(
          'invalid-file',
          'the folder holds no .csv files; a set of tables is competencies.csv, levels.csv and targets.csv (see docs/interchange.md)',
          p,
        );
      for (const n of names) files.push({ name: path.join(p, n), bytes: new Uint8Array(await io.readFile(path.join(p, n))) });
      setName ??= path.basename(path.resolve(p));
      continue;
    }
    if (!(await io.exists(p))) throw new CompetencyError('invalid-file', `no such file or folder; check the path`, p);
    files.push({ name: p, bytes: new Uint8Array(await io.readFile(p)) });
  }
  return { files, setName };
}

/** Reads and validates a framework from files and folders; throws one error naming the file, the place and the fix. */
export async function readFrameworkFiles(paths: readonly string[], io: CliIO, options: FrameworkSourceOptions = {}): Promise<ImportResult> {
  const { files, setName } = await filesOf(paths, io);
  return importFrameworkFiles(files, setName, { format: options.format, scale: options.scale });
}

/** Options for reading a framework from a workbook. */
export interface WorkbookOptions {
  /** Read this sheet as a proficiency matrix. */
  sheet?: string;
}

/** How to read a framework file: its format (else detected from the content), the scale for a file that states none, a sheet of a workbook. */
export interface FrameworkSourceOptions extends WorkbookOptions {
  format?: ImportFormat;
  scale?: ScaleData;
}

/**
 * The options of every command that takes a framework: --from FORMAT (the
 * file's format, when detection from the content should be overridden),
 * --scale (levels for a CASE package without rubrics) and --sheet (a workbook's
 * matrix sheet). Commands whose --format is not an output format take --format
 * as a synonym of --from.
 */
export const FRAMEWORK_SOURCE_OPTIONS = {
  from: { type: 'string' },
  scale: { type: 'string' },
  sheet: { type: 'string' },
} as const satisfies Options;

export const FRAMEWORK_SOURCE_USAGE = `[--from ${IMPORT_FORMATS.join('|')}] [--scale <scale id>|"Level 1,Level 2,..."] [--sheet NAME]`;

/** The parsed values of FRAMEWORK_SOURCE_OPTIONS; `formatIsFrom` where --format names the input's format too. */
export function frameworkSourceOptions(values: Record<string, unknown>, formatIsFrom = false): FrameworkSourceOptions {
  const from = values.from as string | undefined;
  const format = formatIsFrom ? (values.format as string | undefined) : undefined;
  if (from !== undefined && format !== undefined && from !== format)
    throw new UsageError(`--from ${from} and --format ${format} disagree; give the file's format once`);
  const given = from ?? format;
  const option = from !== undefined ? '--from' : '--format';
  const out: FrameworkSourceOptions = {};
  if (given !== undefined) out.format = oneOf(given, IMPORT_FORMATS, 'json', option);
  if (values.scale !== undefined) {
    try {
      out.scale = scaleFromChoice(values.scale as string);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  if (values.sheet !== undefined) out.sheet = values.sheet as string;
  return out;
}

/** The one call for a command's framework argument: a built-in id or files, read with the command's --from, --scale and --sheet. */
export async function resolveFrameworkOption(
  idOrPaths: string | readonly string[],
  values: Record<string, unknown>,
  io: CliIO,
  formatIsFrom = false,
): Promise<FrameworkModel> {
  return resolveFrameworks(typeof idOrPaths === 'string' ? [idOrPaths] : idOrPaths, io, frameworkSourceOptions(values, formatIsFrom));
}

export function isWorkbookPath(p: string): boolean {
  return /\.xls[xm]$/i.test(p);
}

/** The frameworks in an .xlsx workbook: a sheet read as a matrix, the kept ones, or the product's matrix. */
export async function readWorkbookFrameworks(file: string, io: CliIO, options: WorkbookOptions = {}): Promise<WorkbookFrameworks> {
  return workbookFrameworks(await openWorkbookFile(file, io), options);
}

/** --sheet names a sheet of a workbook; anywhere else it is a mistake worth saying. */
function checkSheetOption(paths: readonly string[], options: WorkbookOptions): void {
  if (options.sheet !== undefined && !(paths.length === 1 && isWorkbookPath(paths[0])))
    throw new UsageError('--sheet NAME reads a sheet of an .xlsx workbook; give one workbook with it');
}

function printWarnings(warnings: readonly { path: string; message: string }[], io: CliIO): void {
  warnings.slice(0, MAX_WARNINGS_SHOWN).forEach((w) => io.err(`competency-matrix: warning: ${w.path}: ${w.message}\n`));
  if (warnings.length > MAX_WARNINGS_SHOWN)
    io.err(`competency-matrix: warning: and ${warnings.length - MAX_WARNINGS_SHOWN} more; run frameworks import to see them all\n`);
}

export function looksLikePath(text: string): boolean {
  return /[./\\]/.test(text);
}

export async function resolveFramework(idOrPath: string, io: CliIO, options: FrameworkSourceOptions = {}): Promise<FrameworkModel> {
  return resolveFrameworks([idOrPath], io, options);
}

/** --from and --scale describe a file; given with a built-in id or a workbook they are a mistake worth saying. */
function checkFileOptions(what: string, options: FrameworkSourceOptions): void {
  if (options.format !== undefined)
    throw new UsageError(`--from ${options.format} says how to read a framework file, but ${what}; leave --from out`);
  if (options.scale !== undefined)
    throw new UsageError(
      `--scale gives the levels of a framework file that states none (a CASE package without rubrics), but ${what}, with scales of its own; leave --scale out`,
    );
}

/** A built-in id, or the files of one framework; warnings go to stderr so stdout stays the command's output. */
export async function resolveFrameworks(
  idOrPaths: readonly string[],
  io: CliIO,
  options: FrameworkSourceOptions = {},
): Promise<FrameworkModel> {
  checkSheetOption(idOrPaths, options);
  if (idOrPaths.length === 1 && isWorkbookPath(idOrPaths[0]) && options.format === undefined) {
    checkFileOptions(`${idOrPaths[0]} is a workbook`, options);
    const { frameworks } = await readWorkbookFrameworks(idOrPaths[0], io, options);
    if (frameworks.length > 1) {
      throw new CompetencyError(
        'invalid-argument',
        `it keeps ${frameworks.length} frameworks (${frameworks.map((f) => f.framework.id).join(', ')}); frameworks import lists them; read the one you want from its matrix sheet with --sheet NAME`,
        idOrPaths[0],
      );
    }
    printWarnings(frameworks[0].warnings, io);
    return new FrameworkModel(frameworks[0].framework);
  }
  if (idOrPaths.length === 1) {
    const known = findBuiltIn(idOrPaths[0]);
    if (known) {
      checkFileOptions(`"${known.id}" is a built-in framework`, options);
      return known;
    }
    if (!looksLikePath(idOrPaths[0]) && !(await io.exists(idOrPaths[0]))) return builtIn(idOrPaths[0]); // throws with the list of built-in ids
  }
  const { framework, warnings } = await readFrameworkFiles(idOrPaths, io, options);
  printWarnings(warnings, io);
  return new FrameworkModel(framework);
}
