/**
 * The hostile-input corpus (hostileCases.ts) against the built command line,
 * run as a user runs it: `node bin/competency-matrix.js ...` in a folder of its
 * own. For every case: the exit code; on failure exactly one line on stderr
 * that names the file, row or option (the case's pattern); no stack trace and
 * no "unexpected error"; every file that was in the folder byte for byte as it
 * was (sha256), except those the case says it writes; no temporary file left;
 * and the case ends within its time limit, so a read that hangs on a named pipe
 * fails here instead of hanging the suite.
 *
 * Needs the built command line (npx tsc -p tsconfig.cli.json); without it, or
 * with one older than the sources, the corpus is skipped with a message.
 * Cases that need chattr, a read-only mount (unshare) or an ordinary user are
 * skipped, announced, where the machine has none.
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { announceSkip } from '../support/announceSkip';
import {
  FIXTURES,
  FULL_ROSTER,
  HOSTILE_CASES,
  ROSTER,
  typeIntoGrid,
  type CaseFolder,
  type CaseRun,
  type HostileCase,
  type HostileClass,
} from './hostileCases';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin/competency-matrix.js');
const BUILT = path.join(REPO, 'lib/cli/index.js');
/** A case that takes longer is killed and fails: a hang is a bug. */
const CASE_LIMIT_MS = 20_000;
/** Node's start-up dominates; two at a time keeps a shared machine usable. */
const CONCURRENCY = 2;
/** The uid and gid of an ordinary user ("nobody"), for refusals root never sees. */
const NOBODY = 65534;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function builtCliProblem(): string | undefined {
  if (!fs.existsSync(BUILT)) return 'the command line is not built';
  const sources = Math.max(...['src/cli', 'src/core', 'src/xlsx'].map((d) => newestSource(path.join(REPO, d))));
  if (fs.statSync(BUILT).mtimeMs < sources - 1000 && newestSource(path.join(REPO, 'lib')) < sources - 1000)
    return 'the built command line is older than the sources';
  return undefined;
}

const problem = builtCliProblem();
if (problem) announceSkip(`hostile corpus: ${problem}; skipping it. Run npx tsc -p tsconfig.cli.json to run it.`);

function works(command: string, args: string[], cwd?: string): boolean {
  return spawnSync(command, args, { cwd, stdio: 'ignore' }).status === 0;
}

/** What this machine can do for the cases that need more than a folder. */
function machine(root: string): Record<NonNullable<HostileCase['needs']>, boolean> {
  const probe = path.join(root, 'probe');
  fs.mkdirSync(probe);
  fs.writeFileSync(path.join(probe, 'f'), '');
  const chattr = works('chattr', ['+i', path.join(probe, 'f')]);
  if (chattr) works('chattr', ['-i', path.join(probe, 'f')]);
  const mount = works('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && ! touch "$0/x" 2>/dev/null', probe]);
  const root0 = process.getuid?.() === 0;
  // The ordinary user must be able to run the built command line: a clone in a 0700 folder (mktemp -d) is not theirs to read.
  const user = root0 && spawnSync(process.execPath, [BUILT, '--help'], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0;
  fs.rmSync(probe, { recursive: true, force: true });
  return { chattr, 'read-only-mount': mount, 'unprivileged-user': user };
}

interface Entry {
  kind: 'file' | 'dir' | 'other';
  sha?: string;
}

function snapshot(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const visit = (rel: string) => {
    const abs = path.join(dir, rel);
    const st = fs.lstatSync(abs);
    if (st.isDirectory()) {
      if (rel) out.set(rel, { kind: 'dir' });
      for (const name of fs.readdirSync(abs)) visit(rel ? `${rel}/${name}` : name);
    } else if (st.isFile()) {
      out.set(rel, { kind: 'file', sha: createHash('sha256').update(fs.readFileSync(abs)).digest('hex') });
    } else out.set(rel, { kind: 'other' });
  };
  visit('');
  return out;
}

function caseFolder(dir: string, fixtures: string, immutables: string[]): CaseFolder {
  const at = (name: string) => path.join(dir, name);
  return {
    dir,
    path: at,
    copy: (fixture, as) => fs.cpSync(path.join(fixtures, fixture), at(as ?? fixture), { recursive: true }),
    write: (name, content) => fs.writeFileSync(at(name), content),
    folder: (name) => fs.mkdirSync(at(name), { recursive: true }),
    fifo: (name) => {
      if (!works('mkfifo', [at(name)])) throw new Error(`mkfifo ${name} failed`);
    },
    immutable: (name) => {
      if (!works('chattr', ['+i', at(name)])) throw new Error(`chattr +i ${name} failed`);
      immutables.push(at(name));
    },
    chmod: (name, mode) => fs.chmodSync(at(name), mode),
  };
}

interface Outcome extends CaseRun {
  timedOut: boolean;
  ms: number;
  before: Map<string, Entry>;
  after: Map<string, Entry>;
}

function runCommand(c: HostileCase, dir: string): Promise<CaseRun & { timedOut: boolean; ms: number }> {
  const node = process.execPath;
  const [command, args] =
    c.needs === 'read-only-mount'
      ? ['unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && cd "$0" && exec "$@"', dir, node, BIN, ...c.args]]
      : [node, [BIN, ...c.args]];
  const user = c.needs === 'unprivileged-user' ? { uid: NOBODY, gid: NOBODY } : {};
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' }, ...user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CASE_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

function cli(cwd: string, ...args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fixture: competency-matrix ${args.join(' ')} failed: ${r.stderr}`);
}

async function buildFixtures(dir: string): Promise<void> {
  fs.writeFileSync(path.join(dir, FIXTURES.roster), ROSTER);
  fs.writeFileSync(path.join(dir, FIXTURES.fullRoster), FULL_ROSTER);
  cli(dir, 'workbook', '--framework', 'mit-devops', '--roster', FIXTURES.roster, '--out', FIXTURES.team);
  cli(dir, 'workbook', '--framework', 'mit-devops', '--roster', FIXTURES.fullRoster, '--out', 'team-full.xlsx');
  cli(dir, 'cycle', 'split', '--framework', 'mit-devops', '--roster', FIXTURES.roster, '--out', FIXTURES.cycle);
  cli(dir, 'frameworks', 'export', 'mit-devops', '--format', 'csv-tables', '--out', FIXTURES.tables);
  cli(dir, 'frameworks', 'export', 'mit-devops', '--format', 'json', '--out', FIXTURES.json);
  await typeIntoGrid(path.join(dir, FIXTURES.team), path.join(dir, FIXTURES.typed), 'typed');
  await typeIntoGrid(path.join(dir, 'team-full.xlsx'), path.join(dir, FIXTURES.cleared), 'clear-all');
}

/** Paths a case may change or create: an exact path, or "folder/*" for new files in a folder. */
function allowed(c: HostileCase, rel: string, isNew: boolean): boolean {
  return (c.writes ?? []).some((w) => w === rel || (w.endsWith('/*') && isNew && rel.startsWith(w.slice(0, -1))));
}

const CLASSES: HostileClass[] = ['loss', 'typed', 'fs', 'not-a-file', 'ids', 'silent', 'vague'];

describe('hostile input: every command, every file system surprise, one clear line and nothing lost', () => {
  const outcomes = new Map<string, Outcome>();
  const folders = new Map<string, CaseFolder>();
  let root = '';
  let can: ReturnType<typeof machine> = { chattr: false, 'read-only-mount': false, 'unprivileged-user': false };
  const immutables: string[] = [];
  // HOSTILE_ONLY=pattern runs the cases whose name matches, while working on them.
  const only = process.env.HOSTILE_ONLY ? new RegExp(process.env.HOSTILE_ONLY) : undefined;
  const runnable = (c: HostileCase) => !problem && (!c.needs || can[c.needs]) && (!only || only.test(c.name));

  beforeAll(async () => {
    if (problem) return;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
    fs.chmodSync(root, 0o755); // an ordinary user must reach the case folders
    can = machine(root);
    const missing = Object.entries(can).filter(([, ok]) => !ok);
    if (missing.length)
      announceSkip(
        `hostile corpus: this machine has no ${missing.map(([k]) => k).join(', ')}: skipping the ${HOSTILE_CASES.filter((c) => c.needs && !can[c.needs]).length} cases that need it`,
      );
    const fixtures = path.join(root, 'fixtures');
    fs.mkdirSync(fixtures);
    await buildFixtures(fixtures);
    await pool(HOSTILE_CASES.filter(runnable), CONCURRENCY, async (c) => {
      const dir = path.join(root, `case-${HOSTILE_CASES.indexOf(c)}`);
      fs.mkdirSync(dir);
      fs.chmodSync(dir, 0o777);
      const f = caseFolder(dir, fixtures, immutables);
      c.setup?.(f);
      const before = snapshot(dir);
      const run = await runCommand(c, dir);
      folders.set(c.name, f);
      outcomes.set(c.name, { ...run, before, after: snapshot(dir) });
    });
  }, 900_000);

  afterAll(() => {
    for (const p of immutables) works('chattr', ['-i', p]);
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('has at least 150 cases, covering all seven classes and every command', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
    for (const k of CLASSES) expect(HOSTILE_CASES.filter((c) => c.kind === k).length).toBeGreaterThanOrEqual(5);
    const commands = new Set(
      HOSTILE_CASES.map((c) => (['frameworks', 'cycle'].includes(c.args[0]) ? c.args.slice(0, 2).join(' ') : c.args[0])),
    );
    for (const command of [
      'frameworks list',
      'frameworks show',
      'frameworks import',
      'frameworks export',
      'targets',
      'levels',
      'workbook',
      'calibration',
      'cycle split',
      'cycle collect',
    ])
      expect(commands).toContain(command);
  });

  it.each(HOSTILE_CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', async (_, c) => {
    if (!runnable(c)) return; // announced in beforeAll
    const o = outcomes.get(c.name)!;
    const shown = `competency-matrix ${c.args.join(' ')}\nexit ${o.code} after ${o.ms} ms\nstdout: ${o.stdout.slice(0, 2000)}\nstderr: ${o.stderr.slice(0, 2000)}`;
    expect({ timedOut: o.timedOut, shown }).toEqual({ timedOut: false, shown });
    expect({ code: o.code, shown }).toEqual({ code: c.exit, shown });
    // No stack trace, ever, and no "unexpected error".
    expect(o.stderr).not.toMatch(/^\s+at /m);
    expect(o.stderr).not.toMatch(/unexpected error/);
    const lines = o.stderr.split('\n').filter(Boolean);
    for (const l of lines) expect(l).toMatch(/^competency-matrix: /);
    if (c.exit !== 0) {
      const errors = lines.filter((l) => !/^competency-matrix: (warning|note):/.test(l));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(c.stderr ?? /./);
    } else if (c.stderr) expect(o.stderr).toMatch(c.stderr);
    if (c.stdout) expect(o.stdout).toMatch(c.stdout);
    // Nothing lost: every file as it was but those the case writes; nothing new but those; no temporary file.
    for (const [rel, entry] of o.before) {
      const now = o.after.get(rel);
      if (allowed(c, rel, false)) continue;
      expect({ rel, now }).toEqual({ rel, now: entry });
    }
    for (const rel of o.after.keys()) {
      expect(rel).not.toMatch(/\.partial$/);
      if (!o.before.has(rel)) expect({ rel, allowed: c.exit === 0 && allowed(c, rel, true) }).toEqual({ rel, allowed: true });
    }
    for (const w of c.writes ?? []) if (!w.endsWith('/*')) expect(o.after.get(w)?.kind).toBe('file');
    await c.check?.(folders.get(c.name)!, o);
  });
});
