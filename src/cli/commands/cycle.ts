/**
 * `cycle split` and `cycle collect`: an assessment cycle across an
 * organisation. Split writes, into a folder, the master (everyone, for HR),
 * one protected workbook per manager holding only that manager's team, and
 * with --self one per person holding only that person. Collect reads the
 * returns and merges every rating into the master by person id and
 * competency, through core's one merge, printing the report and writing it
 * to the master's "Collection" sheet. Everything is computed and checked
 * before a byte is written.
 */
import { randomUUID } from 'crypto';
import path from 'path';
import { parseCommandArgs, oneOf } from '../args';
import { UsageError, type CliIO } from '../io';
import { resolveFramework } from '../resolve';
import { readRosterFile } from '../rosterFile';
import { findBuiltIn } from '../../core/frameworks/library';
import type { FrameworkModel } from '../../core/framework/model';
import { FrameworkModel as Model } from '../../core/framework/model';
import { CompetencyError } from '../../core/problems';
import { GRID_READINESS_MODES } from '../../core/layouts/gridShape';
import { planKeepingFramework } from '../../core/interchange/frameworkDataSheet';
import { cycleWorkbookPlan } from '../../core/cycle/cycleWorkbook';
import { planSplit, MASTER_FILE_NAME, type CycleFile } from '../../core/cycle/splitCycle';
import { TEAM_INCLUDE_MODES } from '../../core/cycle/teams';
import type { CycleRecords } from '../../core/cycle/identity';
import { mergeReturns, type ReturnedWorkbook } from '../../core/cycle/merge';
import { fieldNameOf, levelCanonical } from '../../core/cycle/collectInputs';
import { reportText } from '../../core/cycle/collectReport';
import { openCycleWorkbook, openReturnedWorkbook, writeCycleWorkbook } from '../../xlsx/cycleWorkbookFile';
import { readReturnedFile } from '../../xlsx/cycleReturns';
import { applyCollectPlan, readMaster } from '../../xlsx/cycleMaster';
import { storedFrameworks } from '../../xlsx/storedFrameworks';
import { PASSWORDS_FILE_NAME } from '../../core/cycle/passwordsFile';
import { reportPasswords, splitPasswords, writePasswordsFile } from '../cyclePasswords';
import { accessByFileName, passwordsOption, sealWorkbook, workbookBytes } from '../workbookAccess';

export const CYCLE_USAGE = `cycle split --framework <id|file> --roster <file.csv|file.xlsx> [--sheet NAME] --out <folder>
            [--cycle LABEL] [--self] [--include direct|all] [--password TEXT] [--force]
            [--encrypt] [--encrypt-master] [--passwords FILE] [--show-passwords]
      master.xlsx (everyone, for HR), one workbook per manager with only their team (direct reports,
      or --include all for everyone below them), and with --self one per person; only rating and
      comment cells can be typed into (--password locks that sheet protection with a password)
      --encrypt: each team and self file gets a password to open of its own (made at random, or
      from --passwords FILE: file,password or id,password rows), listed in passwords.csv beside the
      master, never printed unless --show-passwords; --encrypt-master encrypts the master too
  cycle collect <folder|files...> --into master.xlsx [--prefer FILE]... [--passwords FILE] [--dry-run]
      puts every returned rating into the master by person id and competency; prints the report
      (returned, missing, refused, placed, not placed, conflicts) and writes it to a "Collection"
      sheet; --prefer names the file that wins its conflicts; --passwords opens encrypted returns
      (and an encrypted master) with the passwords.csv split wrote; --dry-run prints and writes nothing`;

/** Splits at least this big print progress on stderr. */
const PROGRESS_FROM = 200;

export async function cycleCommand(argv: string[], io: CliIO): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'split') return cycleSplit(rest, io);
  if (sub === 'collect') return cycleCollect(rest, io);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(`${CYCLE_USAGE}\n`);
    return;
  }
  throw new UsageError(
    `cycle: ${sub ? `unknown step "${sub}"; say` : 'say'} split or collect; run competency-matrix cycle --help for the options`,
  );
}

async function cycleSplit(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      framework: { type: 'string' },
      roster: { type: 'string' },
      sheet: { type: 'string' },
      out: { type: 'string' },
      cycle: { type: 'string' },
      self: { type: 'boolean' },
      include: { type: 'string' },
      password: { type: 'string' },
      formulas: { type: 'string' },
      readiness: { type: 'string' },
      force: { type: 'boolean' },
      encrypt: { type: 'boolean' },
      'encrypt-master': { type: 'boolean' },
      passwords: { type: 'string' },
      'show-passwords': { type: 'boolean' },
    },
    'cycle split',
  );
  if (positionals.length)
    throw new UsageError(`cycle split: unexpected argument "${positionals[0]}"; run competency-matrix cycle split --help for the options`);
  const frameworkArg = values.framework as string | undefined;
  const rosterFile = values.roster as string | undefined;
  const out = values.out as string | undefined;
  if (!frameworkArg || !rosterFile || !out) {
    throw new UsageError(
      `cycle split: --framework, --roster and --out are required, e.g. cycle split --framework mit-devops --roster hr.xlsx --out cycle-2026`,
    );
  }
  const include = oneOf(values.include as string | undefined, TEAM_INCLUDE_MODES, 'direct', '--include');
  const formulas = oneOf(values.formulas as string | undefined, ['portable', 'addin'] as const, 'portable', '--formulas');
  const readiness = oneOf(values.readiness as string | undefined, GRID_READINESS_MODES, 'strict', '--readiness');
  const password = values.password as string | undefined;
  if (password === '') throw new UsageError('--password: give a password, or leave the option out for protection without one');
  const encryption = { encrypt: Boolean(values.encrypt), master: Boolean(values['encrypt-master']) };
  const passwordsFile = values.passwords as string | undefined;
  if (!encryption.encrypt && !encryption.master && (passwordsFile !== undefined || values['show-passwords']))
    throw new UsageError(
      `cycle split: ${passwordsFile !== undefined ? '--passwords' : '--show-passwords'} is for passwords to open; add --encrypt (team and self files) or --encrypt-master`,
    );

  const model = await resolveFramework(frameworkArg, io);
  const roster = await readRosterFile(rosterFile, model, io, { sheet: values.sheet as string | undefined });
  const writtenAt = new Date().toISOString();
  const split = planSplit(model, roster, {
    cycleId: randomUUID(),
    label: (values.cycle as string | undefined)?.trim() || `Cycle ${writtenAt.slice(0, 10)}`,
    writtenAt,
    include,
    self: Boolean(values.self),
    source: rosterFile,
  });
  if (!split.teams.length) {
    throw new CompetencyError(
      'invalid-roster',
      'no one in the roster has a manager, so there is no team file to write; add a "manager" or "manager id" column',
      rosterFile,
    );
  }
  const all = [split.master, ...split.files];
  const passwords = await splitPasswords(split, { ...encryption, passwordsFile }, io);
  const openPassword = new Map(passwords.map((p) => [p.fileName, p.password]));
  const passwordsPath = path.join(out, PASSWORDS_FILE_NAME);
  if (!values.force) {
    const existing: string[] = [];
    for (const f of [...all.map((a) => a.fileName), ...(passwords.length ? [PASSWORDS_FILE_NAME] : [])])
      if (await io.exists(path.join(out, f))) existing.push(f);
    if (existing.length) {
      throw new CompetencyError(
        'invalid-argument',
        `${existing.length} of the files already exist (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); pick a new --out folder, or add --force to replace them`,
        out,
      );
    }
  }
  const progress = all.length >= PROGRESS_FROM ? (t: string) => io.err(`competency-matrix: ${t}\n`) : () => undefined;
  await io.makeDirectory(out);
  const imported = findBuiltIn(model.id) !== model;
  const write = async (file: CycleFile, records: CycleRecords) => {
    const built = cycleWorkbookPlan(model, file.roster, { kind: file.kind, formulas, readiness, withSelfSheet: Boolean(values.self) });
    const plan = imported && file.kind === 'master' ? planKeepingFramework(built.plan, [], model.data) : built.plan;
    const bytes = await writeCycleWorkbook(plan, records, {
      password: file.kind === 'master' ? undefined : password,
      openPassword: openPassword.get(file.fileName),
    });
    await io.writeFile(path.join(out, file.fileName), bytes);
  };
  // The passwords first: no encrypted file is ever on disk without the password that opens it.
  if (passwords.length) await writePasswordsFile(passwordsPath, passwords, io);
  progress(`writing ${MASTER_FILE_NAME} (${roster.people.length} people)`);
  await write(split.master, split.records);
  for (let i = 0; i < split.files.length; i++) {
    const f = split.files[i];
    await write(f, { identity: f.identity, issued: [], returned: [], provenance: [] });
    if ((i + 1) % 250 === 0) progress(`wrote ${i + 1} of ${split.files.length} files`);
  }
  const teams = split.files.filter((f) => f.kind === 'team').length;
  const selfFiles = split.files.length - teams;
  io.out(`Wrote ${all.length} files into ${out} for the cycle "${split.records.identity.label}"\n`);
  io.out(`  ${MASTER_FILE_NAME}: everyone (${roster.people.length} people), for HR; keep it, collect the returns into it\n`);
  io.out(`  team files: ${teams}, one per manager, ${include === 'all' ? 'everyone below them' : 'direct reports'} only\n`);
  if (selfFiles) io.out(`  self-assessment files: ${selfFiles}, one per person\n`);
  io.out(
    `  sheets protected${password ? ' with the --password given' : ' (no protection password)'}: only rating and comment cells can be typed into\n`,
  );
  reportPasswords(io, passwords, passwordsPath, Boolean(values['show-passwords']));
  const unmanaged = roster.people.length - new Set(split.teams.flatMap((t) => t.members)).size;
  if (unmanaged)
    io.out(
      `  ${unmanaged} ${unmanaged === 1 ? 'person has' : 'people have'} no manager and ${unmanaged === 1 ? 'is' : 'are'} in no team file (only in the master)\n`,
    );
}

/** The returned files named: folders stand for the .xlsx files in them (the master and Excel's "~$" lock files left out). */
async function returnedFiles(args: readonly string[], master: string, io: CliIO): Promise<string[]> {
  const files: string[] = [];
  const masterPath = path.resolve(master);
  for (const a of args) {
    const names = await io.listDirectory(a);
    if (names) {
      for (const n of names.sort()) {
        if (!/\.xlsx$/i.test(n) || n.startsWith('~$')) continue;
        const p = path.join(a, n);
        if (path.resolve(p) !== masterPath) files.push(p);
      }
      continue;
    }
    if (!(await io.exists(a))) throw new CompetencyError('invalid-file', 'no such file or folder; check the path', a);
    if (path.resolve(a) !== masterPath) files.push(a);
  }
  return files;
}

async function masterFramework(
  frameworkId: string,
  workbook: Parameters<typeof storedFrameworks>[0],
  into: string,
): Promise<FrameworkModel> {
  const known = findBuiltIn(frameworkId);
  if (known) return known;
  const kept = storedFrameworks(workbook).find((f) => f.id === frameworkId);
  if (kept) return new Model(kept);
  throw new CompetencyError(
    'invalid-file',
    `the master was split with the framework "${frameworkId}", which is neither built in nor kept in the master; give it with --framework`,
    into,
  );
}

async function cycleCollect(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      into: { type: 'string' },
      prefer: { type: 'string', multiple: true },
      framework: { type: 'string' },
      passwords: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    'cycle collect',
  );
  const into = values.into as string | undefined;
  if (!into) throw new UsageError('cycle collect: --into master.xlsx is required: the master that cycle split wrote');
  if (!positionals.length) throw new UsageError('cycle collect: name the returned files, or a folder holding them');
  if (!(await io.exists(into)))
    throw new CompetencyError('invalid-file', 'no such master; give the master.xlsx that cycle split wrote', into);
  const supplied = await passwordsOption(values.passwords, io);
  // An encrypted master stays encrypted, with the same password, when the collection is written into it.
  const masterAccess = accessByFileName(into, supplied);
  const masterRead = await io.readFile(into, 'master workbook');
  const masterBytes = await workbookBytes(into, masterRead, masterAccess);
  const masterPassword = masterBytes === masterRead ? undefined : masterAccess.password;
  const workbook = await openCycleWorkbook(new Uint8Array(masterBytes), into);
  // Collect updates the master in place, by design: no --force, but a master that cannot be written is said before any work.
  if (!values['dry-run']) await io.checkWritable(into);
  const frameworkArg = values.framework as string | undefined;
  const master = readMaster(workbook, into);
  const model = frameworkArg
    ? await resolveFramework(frameworkArg, io)
    : await masterFramework(master.state.records.identity.frameworkId, workbook, into);

  const files = await returnedFiles(positionals, into, io);
  if (!files.length) throw new UsageError('cycle collect: no .xlsx files found to collect');
  const progress = files.length >= PROGRESS_FROM ? (t: string) => io.err(`competency-matrix: ${t}\n`) : () => undefined;
  const returns: ReturnedWorkbook[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    try {
      const bytes = await workbookBytes(file, await io.readFile(file), accessByFileName(file, supplied));
      returns.push(await readReturnedFile(await openReturnedWorkbook(bytes, file), file));
    } catch (e) {
      if (!(e instanceof CompetencyError)) throw e;
      returns.push({ file, unreadable: e.message.replace(`${file}: `, ''), sheet: '', people: [], cells: [] });
    }
    if ((i + 1) % 250 === 0) progress(`read ${i + 1} of ${files.length} returns`);
  }
  const preferArgs = (values.prefer as string[] | undefined) ?? [];
  const prefer = files.filter((f) => preferArgs.some((p) => p === f || p === path.basename(f) || path.resolve(p) === path.resolve(f)));
  const unknownPrefer = preferArgs.filter(
    (p) => !files.some((f) => p === f || p === path.basename(f) || path.resolve(p) === path.resolve(f)),
  );
  if (unknownPrefer.length) throw new UsageError(`--prefer "${unknownPrefer[0]}" is not one of the files being collected`);
  const plan = mergeReturns(master.state, returns, { collectedAt: new Date().toISOString(), prefer, canonical: levelCanonical(model) });
  io.out(`Collected into ${into}${values['dry-run'] ? ' (dry run: nothing written)' : ''}\n`);
  const fieldName = fieldNameOf(model);
  io.out(reportText(plan, fieldName));
  if (values['dry-run']) return;
  progress('writing the master');
  const { collectionSheet } = applyCollectPlan(workbook, master, plan, fieldName);
  await io.writeFile(into, sealWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), masterPassword));
  io.out(`The report is on the sheet "${collectionSheet}" of ${into}\n`);
}
