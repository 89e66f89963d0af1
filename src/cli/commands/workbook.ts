/**
 * `workbook`: a framework (and optionally a roster CSV) into an .xlsx with the
 * proficiency matrix, the scale sheet, descriptors and roles, and with a
 * roster the team grid. `--into` rebuilds the product's sheets inside an
 * existing workbook, keeping every rating. A framework read from a file (not
 * built in) is kept in the workbook, on the hidden sheet the add-in uses, so
 * the worksheet functions and a colleague's copy find it without the file.
 * Everything is computed and checked before a byte is written: a bad roster
 * writes no file.
 */
import ExcelJS from 'exceljs';
import { parseCommandArgs, oneOf } from '../args';
import { UsageError, type CliIO } from '../io';
import { checkOutputFile } from '../files';
import { FRAMEWORK_SOURCE_OPTIONS, FRAMEWORK_SOURCE_USAGE, resolveFrameworkOption } from '../resolve';
import { findBuiltIn } from '../../core/frameworks/library';
import { FRAMEWORKS_SHEET } from '../../core/interchange/frameworkSheet';
import { planKeepingFramework } from '../../core/interchange/frameworkDataSheet';
import type { FrameworkModel } from '../../core/framework/model';
import type { Role } from '../../core/framework/schema';
import type { Roster } from '../../core/roster';
import { readRosterFile } from '../rosterFile';
import { CompetencyError, listForHumans } from '../../core/problems';
import { workbookLayout, type WorkbookLayout } from '../../core/layouts/workbook';
import { GRID_READINESS_MODES, type GridReadiness } from '../../core/layouts/gridShape';
import type { FormulaMode } from '../../core/layouts/formulas';
import { planSize, type LayoutPlan } from '../../core/layouts/plan';
import { Writable } from 'stream';
import { renderedCharts, workbookBytesWithCharts } from '../../xlsx/charts';
import { renderPlan, writePlanBytes, writePlanStream } from '../../xlsx/renderPlan';
import { registryFor, streamRegistry, writeRegistry } from '../../xlsx/workbookRegistry';
import { fileView, planRebuild, type RebuildReport } from '../../xlsx/rebuildWorkbook';
import { openWorkbook } from '../../xlsx/readWorkbook';
import { readGridFrom } from '../../xlsx/readGrid';
import { spliceWorkbook } from '../../xlsx/spliceWorkbook';
import { REGISTRY_SHEET_NAME } from '../../core/layouts/registry';
import { openWorkbookFile, progressFor } from '../openWorkbookFile';
import { openPasswordOption, sealWorkbook } from '../workbookAccess';
import { UNPLACED_SHEET_NAME } from '../../core/layouts/unplacedRatingsSheet';
import { addCalibrationPack, hasCalibrationPackIn, packIntoFile, reportPack, type AddedPack } from './calibration';
import { gridWorkbookLayout } from '../../core/layouts/gridWorkbook';
import { emptyRegistry } from '../../core/layouts/registry';
import path from 'path';

export const WORKBOOK_USAGE = `workbook --framework <id|file> ${FRAMEWORK_SOURCE_USAGE.replace('--sheet NAME', '--framework-sheet NAME')}
         [--roster roster.csv|roster.xlsx [--sheet NAME]] [--out file.xlsx]
         [--formulas portable|addin] [--readiness strict|tolerant|none] [--roles "Role A,Role B"]
         [--into existing.xlsx [--grid NAME | --new-grid]] [--team NAME] [--force] [--calibration] [--password TEXT]
  --into: a roster whose people are on no grid of the workbook adds a grid beside the others; one with
         a grid's people rebuilds that grid; --grid NAME rebuilds the grid named, --new-grid adds one
  --team: whose the grid is, for its sheet's name (the roster file's name by default)
  --password: the file written is encrypted with this password to open (Excel asks for it); with
         --into, it is also the password that opens the existing workbook
  --readiness: next-role readiness on the grid: strict (default; every required competency at or above
         the next role's target), tolerant (80% of them, editable on the grid, none more than one level
         short or not rated), none (no next role, readiness or blocking columns)`;

const READINESS_SUMMARY: Record<GridReadiness, string> = {
  strict: 'strict (ready when every competency the next role requires is at or above its target)',
  tolerant: 'tolerant (ready at 80% of the next role’s targets, editable on the grid, none more than one level short)',
  none: 'none (no next-role columns)',
};

/** Rosters at least this big get progress lines on stderr. */
const PROGRESS_FROM = 1000;

function selectRoles(model: FrameworkModel, list: string | undefined): readonly Role[] | undefined {
  if (list === undefined) return undefined;
  const wanted = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted.length) throw new UsageError('--roles: give role names, codes or ids separated by commas');
  const chosen = new Set(wanted.map((w) => model.role(w).id));
  return model.roles.filter((r) => chosen.has(r.id));
}

function checkRosterRoles(roster: Roster, roles: readonly Role[] | undefined, source: string): void {
  if (!roles) return;
  const ids = new Set(roles.map((r) => r.id));
  const outside = roster.people.filter((p) => !ids.has(p.role.id));
  if (!outside.length) return;
  const shown = outside.slice(0, 10).map((p) => `row ${p.row}: role "${p.role.name}" is not among --roles`);
  const more = outside.length > 10 ? `; and ${outside.length - 10} more` : '';
  throw new CompetencyError(
    'invalid-roster',
    `${shown.join('; ')}${more}; add it to --roles (${listForHumans(
      roles.map((r) => r.name),
      'and',
    )}) or leave --roles out`,
    source,
  );
}

/** An imported framework travels with the workbook; a built-in one needs no copy. */
function isImported(model: FrameworkModel): boolean {
  return findBuiltIn(model.id) !== model;
}

function summary(
  io: CliIO,
  out: string,
  layout: WorkbookLayout,
  sheets: string[],
  model: FrameworkModel,
  roster: Roster | undefined,
): void {
  const size = planSize(layout.plan);
  io.out(`Wrote ${out}\n`);
  io.out(`  sheets: ${sheets.filter((s) => s !== FRAMEWORKS_SHEET).join(', ')}\n`);
  io.out(`  framework: ${model.name} (${model.id}): ${model.competencies.length} competencies, ${layout.matrix.roleIds.length} roles\n`);
  if (sheets.includes(FRAMEWORKS_SHEET)) io.out(`  framework kept in the workbook (hidden sheet ${FRAMEWORKS_SHEET})\n`);
  if (roster && layout.grid) {
    const managers = new Set(roster.people.map((p) => p.manager).filter(Boolean)).size;
    const cells = roster.people.length * model.competencies.length;
    const rated = roster.people.reduce((n, p) => n + p.ratings.size, 0);
    io.out(`  people: ${roster.people.length}${managers ? ` (${managers} managers)` : ''}\n`);
    io.out(`  readiness: ${READINESS_SUMMARY[layout.grid.readiness]}\n`);
    io.out(`  ratings: ${rated} of ${cells} cells rated\n`);
    io.out(
      layout.grid.formulas === 'portable'
        ? `  formulas: ${size.formulas}, native Excel (the workbook works without the add-in)\n`
        : `  formulas: ${size.formulas}, scoring with the add-in's COMPETENCY.* functions (open it in Excel with the add-in loaded)\n`,
    );
  } else {
    io.out('  no roster: the workbook has the matrix and scales; add --roster roster.csv for a team grid\n');
  }
}

/** How many disagreements the report shows; the rest are counted. */
const DISAGREEMENTS_SHOWN = 5;

function rebuildReport(io: CliIO, report: RebuildReport, file: string, model: FrameworkModel): void {
  for (const w of report.warnings) io.err(`competency-matrix: warning: ${file}: ${w}\n`);
  const g = report.grid;
  if (g && g.added) {
    const shared = g.shared.length ? `; it shares ${g.shared.join(', ')} with them` : '';
    io.out(
      `  grid: added "${g.sheet}" beside ${g.others.map((o) => `"${o}"`).join(', ')} (${g.why}), which were left as they were${shared}\n`,
    );
  } else if (g) {
    const others = g.others.length
      ? `; ${g.others.map((o) => `"${o}"`).join(', ')} left as ${g.others.length === 1 ? 'it was' : 'they were'}`
      : '';
    io.out(`  grid: rebuilt "${g.sheet}" (${g.why})${others}\n`);
  }
  const differ = report.disagreements;
  if (differ.length) {
    io.out(
      `  typed in the workbook and kept over the roster file: ${differ.length} ${differ.length === 1 ? 'cell differs' : 'cells differ'} (the roster's value is not used):\n`,
    );
    for (const d of differ.slice(0, DISAGREEMENTS_SHOWN)) {
      const name = model.findCompetency(d.competency)?.name ?? d.competency;
      io.out(
        `    ${d.person} / ${name}: workbook ${d.typed ? `"${d.typed}"` : d.unsure ? 'blank (cleared, or never rated: the workbook predates the record of what was written)' : 'blank (cleared)'}, roster "${d.roster}"\n`,
      );
    }
    if (differ.length > DISAGREEMENTS_SHOWN) io.out(`    … and ${differ.length - DISAGREEMENTS_SHOWN} more\n`);
  }
  if (report.replaced.length) io.out(`  rebuilt: ${report.replaced.join(', ')}\n`);
  for (const a of report.setAside) io.out(`  left as it was: "${a.sheet}" (${a.why}); the new sheet has another name\n`);
  io.out(`  ratings kept: ${report.kept}\n`);
  if (report.unplaced.length) {
    io.out(
      `  ratings that could not be placed: ${report.unplaced.length}, kept on the sheet "${report.unplacedSheet ?? UNPLACED_SHEET_NAME}":\n`,
    );
    for (const u of report.unplaced.slice(0, 10)) io.out(`    ${u.person} / ${u.competency} = ${JSON.stringify(u.value)}: ${u.why}\n`);
    if (report.unplaced.length > 10) io.out(`    … and ${report.unplaced.length - 10} more\n`);
  }
}

/** What a new workbook holds, as chosen on the command line. */
interface NewWorkbookChoices {
  roster?: Roster;
  formulas: FormulaMode;
  readiness: GridReadiness;
  roles?: readonly Role[];
  /** Whose the grid is (--team, or the roster file's name). */
  label: string;
}

/** The layout of a new workbook, and its plan with an imported framework kept on the hidden sheet. */
function newWorkbookPlan(
  model: FrameworkModel,
  options: NewWorkbookChoices,
  progress: (text: string) => void,
): { layout: WorkbookLayout; plan: LayoutPlan } {
  progress(`building the grid: ${options.roster?.people.length ?? 0} people × ${model.competencies.length} competencies`);
  const { roster, formulas, readiness, roles } = options;
  const at = { registry: emptyRegistry(), grids: [], label: options.label, writtenAt: new Date().toISOString(), taken: [] };
  const layout = roster
    ? gridWorkbookLayout(model, { roster, formulas, roles, readiness }, at)
    : workbookLayout(model, { roster, formulas, roles, readiness });
  return { layout, plan: isImported(model) ? planKeepingFramework(layout.plan, [], model.data) : layout.plan };
}

/**
 * A new file is streamed: each row is serialised and dropped as soon as it is
 * done, which keeps a grid of thousands of people small in memory.
 */
async function writeNewWorkbook(
  io: CliIO,
  o: NewWorkbookChoices & { model: FrameworkModel; out: string; progress: (text: string) => void; password?: string },
): Promise<void> {
  const { layout, plan } = newWorkbookPlan(o.model, o, o.progress);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const rendered = await writePlanStream(plan, sink, {
    onSheet: (name, i, n) => o.progress(`wrote sheet ${i + 1} of ${n}: ${name}`),
    extra: (book, r) =>
      streamRegistry(
        book,
        registryFor(
          r,
          plan.title,
          plan.names.map((n) => n.name),
          plan.grids,
        ),
      ),
  });
  o.progress('saving the file');
  await io.writeFile(o.out, sealWorkbook(Buffer.concat(chunks), o.password));
  summary(
    io,
    o.out,
    layout,
    rendered.sheets.map((s) => s.name),
    o.model,
    o.roster,
  );
}

export async function workbookCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...FRAMEWORK_SOURCE_OPTIONS,
      format: { type: 'string' },
      framework: { type: 'string' },
      roster: { type: 'string' },
      // --sheet is the roster's sheet here; a framework read from a workbook sheet takes --framework-sheet.
      sheet: { type: 'string' },
      'framework-sheet': { type: 'string' },
      out: { type: 'string' },
      formulas: { type: 'string' },
      readiness: { type: 'string' },
      roles: { type: 'string' },
      into: { type: 'string' },
      force: { type: 'boolean' },
      calibration: { type: 'boolean' },
      password: { type: 'string' },
      grid: { type: 'string' },
      'new-grid': { type: 'boolean' },
      team: { type: 'string' },
    },
    'workbook',
  );
  if (positionals.length)
    throw new UsageError(`workbook: unexpected argument "${positionals[0]}"; run competency-matrix workbook --help for the options`);
  const frameworkArg = values.framework as string | undefined;
  if (!frameworkArg)
    throw new UsageError(
      'workbook: --framework is required, e.g. --framework mit-devops; run competency-matrix workbook --help for the options',
    );
  const formulas = oneOf(values.formulas as string | undefined, ['portable', 'addin'] as const, 'portable', '--formulas');
  const readiness = oneOf(values.readiness as string | undefined, GRID_READINESS_MODES, 'strict', '--readiness');
  const into = values.into as string | undefined;
  const password = openPasswordOption(values.password, '--password');
  const rosterFile = values.roster as string | undefined;
  const gridChoice = { grid: values.grid as string | undefined, newGrid: values['new-grid'] === true };
  if ((gridChoice.grid !== undefined || gridChoice.newGrid) && !into) {
    throw new UsageError('workbook: --grid and --new-grid choose a grid inside an existing workbook; use them with --into book.xlsx');
  }
  const label =
    ((values.team as string | undefined) ?? (rosterFile ? path.basename(rosterFile).replace(/\.[^.]*$/, '') : 'Team')).trim() || 'Team';
  if (values.calibration && !rosterFile && !into) {
    throw new UsageError('workbook: --calibration needs a team grid; add --roster roster.csv');
  }

  const model = await resolveFrameworkOption(frameworkArg, { ...values, sheet: values['framework-sheet'] }, io, true);
  const roles = selectRoles(model, values.roles as string | undefined);
  const out = (values.out as string | undefined) ?? into ?? `${model.id}${rosterFile ? '-team' : ''}.xlsx`;
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  if (out !== into)
    await checkOutputFile(
      io,
      out,
      values.force,
      `to rebuild the product's sheets inside it and keep everything else, use --into ${out}; to replace the whole file, add --force`,
    );

  let roster: Roster | undefined;
  if (rosterFile) {
    roster = await readRosterFile(rosterFile, model, io, { sheet: values.sheet as string | undefined });
    checkRosterRoles(roster, roles, rosterFile);
  }
  const people = roster?.people.length ?? 0;
  const large = people >= PROGRESS_FROM;
  const progress = (text: string) => {
    if (large) io.err(`competency-matrix: ${text}\n`);
  };
  progress(`read ${people} people from ${rosterFile}`);

  if (!into && !values.calibration) {
    await writeNewWorkbook(io, { model, roster, formulas, readiness, roles, label, out, progress, password });
    reportPassword(io, password);
    return;
  }

  if (into) {
    await rebuildInto(io, {
      model,
      roster,
      formulas,
      readiness,
      roles,
      label,
      gridChoice,
      into,
      out,
      calibration: values.calibration === true,
      large,
      password,
    });
    reportPassword(io, password);
    return;
  }

  const workbook = new ExcelJS.Workbook();
  const built = newWorkbookPlan(model, { roster, formulas, readiness, roles, label }, progress);
  const layout = built.layout;
  const plan = built.plan;
  const rendered = renderPlan(workbook, plan, { onSheet: (name, i, n) => progress(`wrote sheet ${i + 1} of ${n}: ${name}`) });
  writeRegistry(
    workbook,
    registryFor(
      rendered,
      plan.title,
      plan.names.map((n) => n.name),
      plan.grids,
    ),
  );
  const sheets = rendered.sheets.map((s) => s.name);
  // The calibration pack reads the grid live: added on request, and rebuilt with the grid it reads (it would go stale).
  if (!layout.grid) throw new UsageError('workbook: --calibration needs a team grid; add --roster roster.csv');
  progress('building the calibration pack');
  const pack = await addCalibrationPack(workbook, model, { fileName: out, reuseSnapshot: true }, io);
  const gridSheet = workbook.worksheets.findIndex((w) => w.name === (layout.grid?.sheetName ?? sheets[0]));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, gridSheet), visibility: 'visible' }];
  progress('saving the file');
  const buffer = await workbookBytesWithCharts(workbook, [...renderedCharts(rendered), ...(pack?.charts ?? [])]);
  await io.writeFile(out, sealWorkbook(buffer, password));
  summary(io, out, layout, sheets, model, roster);
  reportPassword(io, password);
  packReport(io, pack);
}

function reportPassword(io: CliIO, password: string | undefined): void {
  if (password !== undefined) io.out('  encrypted with the password to open given with --password (Excel asks for it)\n');
}

function packReport(io: CliIO, pack: AddedPack | undefined): void {
  if (!pack) return;
  io.out(`  calibration pack${pack.replaced ? ' (rebuilt)' : ''}: ${pack.pack.plan.sheets.map((s) => s.name).join(', ')}\n`);
  reportPack(pack, io);
}

/**
 * --into: the product's sheets are rebuilt without loading the workbook. The
 * old product sheets are read once (streamed), the new ones streamed out, and
 * spliced into the file with every other part copied through unchanged (see
 * xlsx/spliceWorkbook.ts); a calibration pack in it is rebuilt the same way.
 */
async function rebuildInto(
  io: CliIO,
  o: NewWorkbookChoices & {
    model: FrameworkModel;
    into: string;
    out: string;
    calibration: boolean;
    large: boolean;
    gridChoice: { grid?: string; newGrid?: boolean };
    password?: string;
  },
): Promise<void> {
  const { model, into, out } = o;
  if (!(await io.exists(into)))
    throw new CompetencyError('invalid-file', 'no such workbook to rebuild; check the path, or leave --into out to write a new one', into);
  const file = await openWorkbookFile(into, io, 'workbook', { password: o.password, option: '--password TEXT' });
  if (out === into) await io.checkWritable(into); // an immutable or read-only workbook is said before the work
  // Without a roster the size is known only once the grid is read: a big file is a big grid.
  const progress = o.large ? (text: string) => io.err(`competency-matrix: ${text}\n`) : progressFor(file, io);
  const rebuild = planRebuild(await fileView(file), model, {
    roster: o.roster,
    formulas: o.formulas,
    readiness: o.readiness,
    roles: o.roles,
    fileName: into,
    keepFramework: isImported(model),
    gridChoice: o.gridChoice,
    label: o.label,
    writtenAt: new Date().toISOString(),
  });
  progress(`rebuilding the product's sheets (${model.competencies.length} competencies)`);
  const replaced = new Set([...rebuild.replace, REGISTRY_SHEET_NAME]);
  const { bytes: sheets, rendered } = await writePlanBytes(rebuild.plan, {
    taken: file.sheets.map((s) => s.name).filter((n) => !replaced.has(n)),
    onSheet: (name, i, n) => progress(`wrote sheet ${i + 1} of ${n}: ${name}`),
    extra: (book, r) => streamRegistry(book, rebuild.registry(r)),
  });
  const report = rebuild.report(rendered);
  const layout = report.layout;
  progress(`copying the other sheets of ${into} through`);
  let bytes = await spliceWorkbook(file, {
    drop: [...replaced],
    add: sheets,
    dropNames: rebuild.dropNames,
    activeSheet: report.grid?.sheet ?? layout.grid?.sheetName ?? report.written[0],
  });
  // The calibration pack reads the grid live: added on request, and rebuilt with the grid it reads (it would go stale).
  let pack: AddedPack | undefined;
  if (o.calibration || layout.grid) {
    const rebuilt = await openWorkbook(bytes, into);
    // Only this grid's pack follows it: another grid's pack reads that grid, which was not touched.
    const gridSheet = report.grid?.sheet ?? layout.grid?.sheetName;
    if (o.calibration || (await hasCalibrationPackIn(rebuilt, gridSheet))) {
      if (!layout.grid || !gridSheet) throw new UsageError('workbook: --calibration needs a team grid; add --roster roster.csv');
      progress('building the calibration pack');
      const grid = await readGridFrom(rebuilt, gridSheet);
      const packed = await packIntoFile(rebuilt, model, { fileName: into, grid, reuseSnapshot: true, activeSheet: gridSheet }, io);
      bytes = packed.bytes;
      pack = packed.added;
    }
  }
  progress('saving the file');
  await io.writeFile(out, sealWorkbook(bytes, o.password));
  summary(io, out, layout, report.written, model, report.roster);
  rebuildReport(io, report, into, model);
  packReport(io, pack);
}
