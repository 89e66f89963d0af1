/**
 * `frameworks import <file|folder>... [--sheet NAME]`: validates a framework file
 * (or the frameworks an .xlsx workbook holds) and prints a summary and its warnings.
 * `frameworks export <id|file|folder>... --format json|csv|csv-tables|case [--out path]`:
 * writes a framework (built-in or from files) in another format.
 */
import path from 'path';
import { checkOutputFile, refuseToReplace } from '../files';
import { oneOf, parseCommandArgs } from '../args';
import { UsageError, type CliIO } from '../io';
import {
  FRAMEWORK_SOURCE_OPTIONS,
  frameworkSourceOptions,
  isWorkbookPath,
  readFrameworkFiles,
  readWorkbookFrameworks,
  resolveFrameworkOption,
} from '../resolve';
import type { Issue } from '../../core/problems';
import { FrameworkModel } from '../../core/framework/model';
import type { Framework } from '../../core/framework/validate';
import { exportFramework } from '../../core/interchange/exportFramework';
import { EXPORT_FORMATS, FORMAT_NAMES } from '../../core/interchange/frameworkFormat';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A few lines that let a person check the import did what they meant. */
export function importSummary(fw: Framework): string[] {
  const model = new FrameworkModel(fw);
  const descriptors = fw.competencies.reduce((n, c) => n + Object.keys(c.descriptors ?? {}).length, 0);
  const shown = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join('; ')}; … ` : names.join('; '));
  return [
    `  Roles: ${fw.roles.length} (${shown(fw.roles.map((r) => r.name))})`,
    `  Competencies: ${fw.competencies.length}${fw.categories.length ? ` in ${plural(fw.categories.length, 'category', 'categories')}` : ''}`,
    ...model.scales.map(
      (s) => `  Scale ${s.name} [${s.id}]: ${s.levels.map((l) => (l.code === l.name ? l.code : `${l.code}=${l.name}`)).join(', ')}`,
    ),
    `  Targets: ${fw.targets.length}; descriptors: ${descriptors}`,
  ];
}

function printImport(framework: Framework, warnings: readonly Issue[], from: string, io: CliIO): void {
  io.out(`Imported "${framework.name}" (${framework.id}) from ${from}.\n`);
  io.out(`${importSummary(framework).join('\n')}\n`);
  if (warnings.length) {
    io.out(`${plural(warnings.length, 'warning')}:\n`);
    for (const w of warnings) io.out(`  ${w.path}: ${w.message}\n`);
  }
}

export async function importCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, { ...FRAMEWORK_SOURCE_OPTIONS, format: { type: 'string' } }, 'frameworks import');
  if (!positionals.length) {
    throw new UsageError(
      'frameworks import: give a framework file (JSON, CASE JSON, CSV, a progression framework or a Markdown ladder), a folder of CSV tables, the CSV tables themselves, or an .xlsx workbook',
    );
  }
  const options = frameworkSourceOptions(values, true);
  const sheet = options.sheet;
  if (positionals.length === 1 && isWorkbookPath(positionals[0]) && options.format === undefined) {
    const { frameworks, readFrom } = await readWorkbookFrameworks(positionals[0], io, { sheet });
    for (const { framework, warnings } of frameworks) printImport(framework, warnings, `${positionals[0]}, ${readFrom}`, io);
    return;
  }
  if (sheet !== undefined)
    throw new UsageError('frameworks import: --sheet NAME reads a sheet of an .xlsx workbook; give one workbook with it');
  const { framework, warnings, format } = await readFrameworkFiles(positionals, io, options);
  printImport(framework, warnings, `${positionals.join(', ')}, read as ${FORMAT_NAMES[format]}`, io);
}

export async function exportCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...FRAMEWORK_SOURCE_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    'frameworks export',
  );
  if (!positionals.length)
    throw new UsageError('frameworks export: give a framework id or file, e.g. frameworks export mit-devops --format csv');
  if (values.format === undefined) throw new UsageError(`frameworks export: say --format ${EXPORT_FORMATS.join('|')}`);
  const format = oneOf(values.format as string, EXPORT_FORMATS, 'json', '--format');
  const out = values.out as string | undefined;
  if (out && format !== 'csv-tables') await checkOutputFile(io, out, values.force);
  const model = await resolveFrameworkOption(positionals, values, io);
  const files = exportFramework(model.data, format);

  if (format === 'csv-tables') {
    if (!out) throw new UsageError('frameworks export: --format csv-tables writes several files; give --out <folder>');
    for (const f of files)
      await refuseToReplace(
        io,
        path.join(out, f.name),
        values.force,
        'pick another --out folder, or add --force to replace the tables in it',
      );
    await io.makeDirectory(out);
    for (const f of files) await io.writeFile(path.join(out, f.name), f.text);
    io.out(`Wrote ${files.map((f) => f.name).join(', ')} to ${out}\n`);
    return;
  }
  const [file] = files;
  if (!out) {
    io.out(file.text);
    return;
  }
  await io.writeFile(out, file.text);
  io.out(`Wrote ${FORMAT_NAMES[format]} of ${model.id} to ${out}\n`);
}
