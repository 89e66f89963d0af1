/**
 * Turns a --framework argument into a framework: a built-in id, a framework
 * file (framework JSON, CASE 1.1 JSON, CSV long table), a folder holding a set
 * of CSV tables, several CSV files that make one set, or an .xlsx workbook (the
 * framework it keeps, or its proficiency matrix; see xlsx/workbookFrameworks.ts).
 */
import { promises as fs } from 'fs';
import path from 'path';
import { builtIn, findBuiltIn } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { CompetencyError } from '../core/problems';
import { importFrameworkFiles, type FileBytes, type ImportResult } from '../core/interchange/importFramework';
import { UsageError, type CliIO } from './io';
import { loadWorkbookBytes, workbookFrameworks, type WorkbookFrameworks } from '../xlsx/workbookFrameworks';

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
export async function readFrameworkFiles(paths: readonly string[], io: CliIO): Promise<ImportResult> {
  const { files, setName } = await filesOf(paths, io);
  return importFrameworkFiles(files, setName);
}

/** Options for reading a framework from a workbook. */
export interface WorkbookOptions {
  /** Read this sheet as a proficiency matrix. */
  sheet?: string;
}

export function isWorkbookPath(p: string): boolean {
  return /\.xls[xm]$/i.test(p);
}

/** The frameworks in an .xlsx workbook: a sheet read as a matrix, the kept ones, or the product's matrix. */
export async function readWorkbookFrameworks(file: string, io: CliIO, options: WorkbookOptions = {}): Promise<WorkbookFrameworks> {
  if (!(await io.exists(file))) throw new CompetencyError('invalid-file', 'no such file; check the path', file);
  const workbook = await loadWorkbookBytes(new Uint8Array(await io.readFile(file)), file);
  return workbookFrameworks(workbook, file, options);
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

export async function resolveFramework(idOrPath: string, io: CliIO, options: WorkbookOptions = {}): Promise<FrameworkModel> {
  return resolveFrameworks([idOrPath], io, options);
}

/** A built-in id, or the files of one framework; warnings go to stderr so stdout stays the command's output. */
export async function resolveFrameworks(idOrPaths: readonly string[], io: CliIO, options: WorkbookOptions = {}): Promise<FrameworkModel> {
  checkSheetOption(idOrPaths, options);
  if (idOrPaths.length === 1 && isWorkbookPath(idOrPaths[0])) {
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
    if (known) return known;
    if (!looksLikePath(idOrPaths[0]) && !(await io.exists(idOrPaths[0]))) return builtIn(idOrPaths[0]); // throws with the list of built-in ids
  }
  const { framework, warnings } = await readFrameworkFiles(idOrPaths, io);
  printWarnings(warnings, io);
  return new FrameworkModel(framework);
}
