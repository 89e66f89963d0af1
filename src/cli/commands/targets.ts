/** `targets <id>`: every target level, one a line, names as the source writes them. */
import Papa from 'papaparse';
import { FRAMEWORK_SOURCE_OPTIONS, resolveFrameworkOption } from '../resolve';
import { oneOf, parseCommandArgs } from '../args';
import { UsageError, type CliIO } from '../io';
import { targetTable } from '../../core/frameworks/describe';

export async function targetsCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, { ...FRAMEWORK_SOURCE_OPTIONS, format: { type: 'string' } }, 'targets');
  if (positionals.length !== 1) throw new UsageError('targets: give one framework id, e.g. targets mit-devops --format csv');
  const format = oneOf(values.format as string | undefined, ['text', 'csv'] as const, 'text', '--format');
  const model = await resolveFrameworkOption(positionals[0], values, io);
  const rows = targetTable(model);
  if (format === 'csv') {
    io.out(Papa.unparse(rows, { columns: ['competency', 'role', 'level'], newline: '\n' }) + '\n');
    return;
  }
  for (const r of rows) io.out(`${r.competency} | ${r.role} | ${r.level}\n`);
}
