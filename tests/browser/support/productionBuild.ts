/**
 * The add-in as users get it: `webpack --mode production`, written to a
 * folder of its own under tests/output so a test run never disturbs dist/.
 * A stamp of the sources' newest change lets later suites reuse the build;
 * TASKPANE_DIST names an existing build to use instead.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

export const REPO = path.resolve(__dirname, '../../..');
export const OUTPUT = path.join(REPO, 'tests/output');

function newestChange(entries: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const e of entries) if (fs.existsSync(e)) visit(e);
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Jest runs suites in parallel workers: one builds while the others wait, then reuse its output. */
function withLock<T>(lock: string, body: () => T): T {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const stale = fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 5 * 60_000;
      if (stale) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for another build (${lock})`);
      else sleep(250);
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function productionBuild(): string {
  if (process.env.TASKPANE_DIST) return path.resolve(process.env.TASKPANE_DIST);
  return withLock(path.join(OUTPUT, '.taskpane-build.lock'), build);
}

function build(): string {
  const out = path.join(OUTPUT, 'taskpane-dist');
  const stampFile = path.join(out, '.sources-stamp');
  const stamp = String(
    newestChange(['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json'].map((p) => path.join(REPO, p))),
  );
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(path.join(out, 'taskpane.html')))
    return out;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (!fs.existsSync(path.join(out, 'taskpane.html'))) throw new Error(`the production build wrote no taskpane.html to ${out}`);
  fs.writeFileSync(stampFile, stamp);
  return out;
}
