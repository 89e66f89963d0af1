/**
 * The command line's entry point: picks the command, runs it, and alone turns
 * errors into one line on stderr and an exit code (2 for usage, 1 for input,
 * including every "the file system says no"). Command modules are loaded only
 * when their command runs, so --help and usage errors start fast.
 */
import { processIO, UsageError, type CliIO } from './io';
import { isCompetencyError } from '../core/problems';
import { isOsError, osErrorMessage } from './files';

type Command = (argv: string[], io: CliIO) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  frameworks: async () => (await import('./commands/frameworks')).frameworksCommand,
  targets: async () => (await import('./commands/targets')).targetsCommand,
  levels: async () => (await import('./commands/levels')).levelsCommand,
  workbook: async () => (await import('./commands/workbook')).workbookCommand,
  calibration: async () => (await import('./commands/calibration')).calibrationCommand,
  cycle: async () => (await import('./commands/cycle')).cycleCommand,
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
  frameworks export <id|file> --format json|csv|csv-tables|case [--out path] [--sheet NAME] [--force]
                                          write a framework in another format (csv-tables: --out folder);
                                          an existing file is replaced only with --force
  targets <id> [--format text|csv]        target level per competency and role
  levels <id> [--format text|csv]         each scale: code, name, value, definition
  workbook --framework <id|file> [--roster roster.csv] [--out file.xlsx] [--formulas portable|addin]
           [--roles "Role A,Role B"] [--readiness strict|tolerant|none] [--sheet NAME]
           [--into existing.xlsx [--grid NAME | --new-grid]] [--team NAME] [--calibration]
           [--password TEXT] [--force]
                                          an .xlsx with the proficiency matrix, scales, descriptors and
                                          roles; with a roster, a team grid (dropdowns, targets, gaps,
                                          meets %, readiness, coverage, heatmaps); --into adds a grid for
                                          a roster of other people, or rebuilds the grid of the same people
                                          (--grid NAME picks it), keeping every rating and other sheet;
                                          --password: the file written opens only with this password
  calibration --grid team.xlsx --out pack.xlsx [--min-group 4] [--guideline 10,20,40,20,10]
              [--coverage-level A] [--snapshot earlier.xlsx] [--cycle label] [--sheet name]
              [--team NAME ... | --team all] [--password TEXT] [--passwords FILE] [--force]
                                          a calibration pack beside a team grid: rater effects and
                                          flags, distributions, heatmap, team views, talent grid, person
                                          view, changes since a snapshot; live formulas that follow edits
                                          on the grid; --team picks a grid where the workbook has several;
                                          --team repeated (or --team all) calibrates grids on one framework
                                          together, on a pooled sheet that reads each grid live
  cycle split --framework <id|file> --roster <file> --out <folder> [--cycle LABEL] [--self]
              [--include direct|all] [--password TEXT] [--sheet NAME] [--force]
              [--encrypt [--passwords FILE] [--show-passwords]] [--encrypt-master]
                                          an assessment cycle: master.xlsx for HR, one protected workbook
                                          per manager with only their team, and with --self one per person;
                                          --password locks sheet protection, --encrypt gives each file a
                                          password to open (listed in passwords.csv beside the master)
  cycle collect <folder|files...> --into master.xlsx [--prefer FILE]... [--passwords FILE] [--dry-run]
                                          every returned rating into the master by person id and
                                          competency; the report printed and on a "Collection" sheet
`;

const HELP = new Set(['--help', '-h']);

/**
 * The usage lines of one command (and sub-command) from USAGE: a block starts
 * on a line indented two spaces with the command's name, and runs on through
 * the lines indented deeper.
 */
export function usageOf(name: string, sub?: string): string {
  const lines = USAGE.split('\n');
  const blocks: string[][] = [];
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) blocks.push([line]);
    else if (/^ {3}/.test(line) && blocks.length) blocks[blocks.length - 1].push(line);
  }
  const ofCommand = blocks.filter((b) => b[0].trim().split(/\s+/)[0] === name);
  const ofSub = sub ? ofCommand.filter((b) => b[0].trim().split(/\s+/)[1] === sub) : [];
  const shown = ofSub.length ? ofSub : ofCommand;
  return `Usage:\n${shown.map((b) => b.join('\n')).join('\n')}\n\nRun competency-matrix --help for every command; the README describes each option.\n`;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || HELP.has(name) || name === 'help') {
    io.out(USAGE);
    if (!name) io.err('competency-matrix: give a command, e.g. competency-matrix frameworks list; the commands are listed above\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  try {
    if (!load) throw new UsageError(`unknown command "${name}"; run competency-matrix --help for the list`);
    // --help anywhere before "--" asks for the usage, whatever else is on the line.
    const ownArgs = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (ownArgs.some((a) => HELP.has(a))) {
      io.out(usageOf(name, rest[0]));
      return 0;
    }
    const command = await load();
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
    // A refusal no command turned into its own line (a folder it could not list, a file it could not open).
    if (isOsError(e)) {
      io.err(`competency-matrix: ${osErrorMessage(e)}\n`);
      return 1;
    }
    throw e;
  }
}
