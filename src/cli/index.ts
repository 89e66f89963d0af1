/**
 * The command line's entry point: picks the command, runs it, and alone turns
 * errors into one line on stderr and an exit code (2 for usage, 1 for input).
 */
import { processIO, UsageError, type CliIO } from './io';
import { isCompetencyError } from '../core/problems';
import { frameworksCommand } from './commands/frameworks';
import { targetsCommand } from './commands/targets';
import { levelsCommand } from './commands/levels';

type Command = (argv: string[], io: CliIO) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  frameworks: frameworksCommand,
  targets: targetsCommand,
  levels: levelsCommand,
};

export const USAGE = `competency-matrix: competency frameworks, assessment grids and calibration packs for Excel

Commands:
  frameworks list [--format text|csv]     the built-in frameworks
  frameworks show <id>                    a readable summary of one framework
  targets <id> [--format text|csv]        target level per competency and role
  levels <id> [--format text|csv]         each scale: code, name, value, definition
`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; run competency-matrix --help for the list`);
    await command(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`competency-matrix: ${e.message}\n`);
      return 2;
    }
    if (isCompetencyError(e)) {
      io.err(`competency-matrix: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
