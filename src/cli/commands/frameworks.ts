/** `frameworks list`, `frameworks show <id>`: what the library holds; `import` and `export`: see interchange.ts. */
import Papa from 'papaparse';
import { builtInFrameworks } from '../../core/frameworks/library';
import { FRAMEWORK_SOURCE_OPTIONS, FRAMEWORK_SOURCE_USAGE, resolveFrameworkOption } from '../resolve';
import { oneOf, parseCommandArgs } from '../args';
import { UsageError, type CliIO } from '../io';
import { describeFramework } from '../../core/frameworks/describe';
import { exportCommand, importCommand } from './interchange';

export async function frameworksCommand(argv: string[], io: CliIO): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
      return listFrameworks(rest, io);
    case 'show':
      return showFramework(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case undefined:
      throw new UsageError('frameworks: say list, show <id>, import <file> or export <id> --format <format>');
    default:
      throw new UsageError(`frameworks: unknown subcommand "${sub}"; use list, show, import or export`);
  }
}

function listFrameworks(argv: string[], io: CliIO): void {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, 'frameworks list');
  if (positionals.length) throw new UsageError(`frameworks list: unexpected argument "${positionals[0]}"`);
  const format = oneOf(values.format as string | undefined, ['text', 'csv'] as const, 'text', '--format');
  const rows = builtInFrameworks().map((f) => ({
    id: f.id,
    name: f.name,
    roles: f.roles.length,
    competencies: f.competencies.length,
    scales: f.scales.length,
  }));
  if (format === 'csv') {
    io.out(Papa.unparse(rows, { columns: ['id', 'name', 'roles', 'competencies', 'scales'], newline: '\n' }) + '\n');
    return;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    io.out(
      `${r.id.padEnd(width)}  ${r.name} (${r.roles} roles, ${r.competencies} competencies, ${r.scales} scale${r.scales === 1 ? '' : 's'})\n`,
    );
  }
}

async function showFramework(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, { ...FRAMEWORK_SOURCE_OPTIONS, format: { type: 'string' } }, 'frameworks show');
  if (positionals.length !== 1)
    throw new UsageError(
      `frameworks show: give one framework id or file, e.g. frameworks show mit-devops; usage: frameworks show <id|file> ${FRAMEWORK_SOURCE_USAGE}`,
    );
  const model = await resolveFrameworkOption(positionals[0], values, io, true);
  io.out(describeFramework(model));
}
