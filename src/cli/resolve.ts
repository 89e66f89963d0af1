/**
 * Turns a --framework argument into a framework: a built-in id, a framework
 * file (framework JSON, CASE 1.1 JSON, CSV long table), a folder holding a set
 * of CSV tables, or several CSV files that make one set.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { builtIn, findBuiltIn } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { CompetencyError } from '../core/problems';
import { importFrameworkFiles, type FileBytes, type ImportResult } from '../core/interchange/importFramework';
import type { CliIO } from './io';

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

export function looksLikePath(text: string): boolean {
  return /[./\\]/.test(text);
}

export async function resolveFramework(idOrPath: string, io: CliIO): Promise<FrameworkModel> {
  return resolveFrameworks([idOrPath], io);
}

/** A built-in id, or the files of one framework; warnings go to stderr so stdout stays the command's output. */
export async function resolveFrameworks(idOrPaths: readonly string[], io: CliIO): Promise<FrameworkModel> {
  if (idOrPaths.length === 1) {
    const known = findBuiltIn(idOrPaths[0]);
    if (known) return known;
    if (!looksLikePath(idOrPaths[0]) && !(await io.exists(idOrPaths[0]))) return builtIn(idOrPaths[0]); // throws with the list of built-in ids
  }
  const { framework, warnings } = await readFrameworkFiles(idOrPaths, io);
  warnings.slice(0, MAX_WARNINGS_SHOWN).forEach((w) => io.err(`competency-matrix: warning: ${w.path}: ${w.message}\n`));
  if (warnings.length > MAX_WARNINGS_SHOWN)
    io.err(`competency-matrix: warning: and ${warnings.length - MAX_WARNINGS_SHOWN} more; run frameworks import to see them all\n`);
  return new FrameworkModel(framework);
}
