/** `levels <id>`: each scale with code, name, value and definition. */
import Papa from 'papaparse';
import { FRAMEWORK_SOURCE_OPTIONS, resolveFrameworkOption } from '../resolve';
import { oneOf, parseCommandArgs } from '../args';
import { UsageError, type CliIO } from '../io';

export async function levelsCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, { ...FRAMEWORK_SOURCE_OPTIONS, format: { type: 'string' } }, 'levels');
  if (positionals.length !== 1) throw new UsageError('levels: give one framework id, e.g. levels kaairo-devops');
  const format = oneOf(values.format as string | undefined, ['text', 'csv'] as const, 'text', '--format');
  const model = await resolveFrameworkOption(positionals[0], values, io);
  if (format === 'csv') {
    const rows = model.scales.flatMap((s) =>
      s.levels.map((l) => ({ scale: s.id, code: l.code, name: l.name, value: l.value, definition: l.definition ?? '' })),
    );
    io.out(Papa.unparse(rows, { columns: ['scale', 'code', 'name', 'value', 'definition'], newline: '\n' }) + '\n');
    return;
  }
  for (const s of model.scales) {
    io.out(`${s.name} (${s.id})${s.data.complete === false ? ' - partial: the source states only these levels' : ''}\n`);
    for (const l of s.levels) {
      io.out(`  ${l.code.padEnd(10)} ${l.name} = ${l.value}${l.definition ? `\n      ${l.definition}` : ''}\n`);
    }
  }
}
