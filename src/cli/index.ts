/**
 * The command line's entry point: picks the command, runs it, and alone turns
 * errors into one line on stderr and an exit code (2 for usage, 1 for input).
 */
import { processIO, UsageError, type CliIO } from './io';
import { isCompetencyError } from '../core/problems';
import { frameworksCommand } from './commands/frameworks';
import { targetsCommand } from './commands/targets';
import { levelsCommand } from './commands/levels';
import { workbookCommand } from './commands/workbook';
import { calibrationCommand } from './commands/calibration';
import { cycleCommand } from './commands/cycle';

type Command = (argv: string[], io: CliIO) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  frameworks: frameworksCommand,
  targets: targetsCommand,
  levels: levelsCommand,
  workbook: workbookCommand,
  calibration: calibrationCommand,
  cycle: cycleCommand,
};

export const USAGE = `competency-matrix: competency frameworks, assessment grids and calibration packs for Excel

Commands:
  frameworks list [--format text|csv]     the built-in frameworks
  frameworks show <id|file>               a readable summary of one framework
  frameworks import <file|folder>...      validate a framework file (JSON, CASE 1.1 JSON, CSV long table,
                                          or a folder / several files of CSV tables); print a summary
  frameworks import book.xlsx [--sheet NAME]
                                          the frameworks a workbook keeps, or its proficiency matrix
                                          (edited or not); --sheet reads that sheet as a matrix
  frameworks export <id|file> --format json|csv|csv-tables|case [--out path] [--sheet NAME]
                                          write a framework in another format (csv-tables: --out folder)
  targets <id> [--format text|csv]        target level per competency and role
  levels <id> [--format text|csv]         each scale: code, name, value, definition
  workbook --framework <id|file> [--roster roster.csv] [--out file.xlsx] [--formulas portable|addin]
           [--roles "Role A,Role B"] [--into existing.xlsx] [--force]
                                          an .xlsx with the proficiency matrix, scales, descriptors and
                                          roles; with a roster, a team grid (dropdowns, targets, gaps,
                                          meets %, readiness, coverage, heatmaps); --into rebuilds those
                                          sheets in a workbook, keeping every rating and other sheet
  calibration --grid team.xlsx --out pack.xlsx [--min-group 4] [--guideline 10,20,40,20,10]
              [--coverage-level A] [--snapshot earlier.xlsx] [--cycle label] [--sheet name]
                                          a calibration pack beside a team grid: rater leniency and
                                          flags, distributions, heatmap, team views, changes since a
                                          snapshot; live formulas that follow edits on the grid
  cycle split --framework <id|file> --roster <file> --out <folder> [--cycle LABEL] [--self]
              [--include direct|all] [--password TEXT] [--sheet NAME] [--force]
                                          an assessment cycle: master.xlsx for HR, one protected workbook
                                          per manager with only their team, and with --self one per person
  cycle collect <folder|files...> --into master.xlsx [--prefer FILE]... [--dry-run]
                                          every returned rating into the master by person id and
                                          competency; the report printed and on a "Collection" sheet
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
