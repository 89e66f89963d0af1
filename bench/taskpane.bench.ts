/**
 * The task pane's weight and start-up: gzipped sizes of the production build
 * (the pane's initial JavaScript against its 200 KB goal, functions.js against
 * 30 KB, the chunks loaded on first use), and the time from navigation to
 * interactive in headless Chromium with the fake Excel host, against a
 * baseline measured in the same run: the same server and browser loading a
 * page with the same office stub and no application code.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { median, type BenchResult } from './harness';
import { productionBuild } from '../tests/browser/support/productionBuild';
import { chromiumAvailable, launchChromium } from '../tests/browser/support/chromium';
import { serveDirectory } from '../tests/browser/support/staticServer';
import { fakeHostBundle } from '../tests/browser/support/fakeHostBundle';
import { CONFIG_GLOBAL } from '../tests/browser/fakeHost/fakeHostConfig';

const KB = 1024;
const RUNS = 7;

function gzipKb(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / KB;
}

/** The scripts taskpane.html loads itself, in order. */
function pageScripts(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // The production page is minified: attribute quotes may be gone.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !src.startsWith('office-js/'));
}

export async function run(): Promise<BenchResult[]> {
  const dist = productionBuild();
  const scripts = pageScripts(dist);
  const kb = (name: string) => gzipKb(path.join(dist, name));
  const initialPane = scripts.filter((s) => s !== 'functions.js').reduce((sum, s) => sum + kb(s), 0);
  const functions = kb('functions.js');
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !scripts.includes(f))
    .map((f) => ({ f, size: kb(f) }));
  const results: BenchResult[] = [
    {
      name: `task pane initial JS gzipped (${scripts.filter((s) => s !== 'functions.js').join(' + ')})`,
      value: initialPane,
      unit: 'KB',
      goal: '<= 200 KB',
      pass: initialPane <= 200,
    },
    {
      name: 'functions.js gzipped (shared runtime, owned by the functions work)',
      value: functions,
      unit: 'KB',
      goal: '<= 30 KB',
      pass: functions <= 30,
    },
    { name: 'page total at start gzipped (functions.js + task pane)', value: initialPane + functions, unit: 'KB' },
    {
      name: `chunks loaded on first use gzipped (${lazy.map((l) => `${l.f} ${l.size.toFixed(0)}`).join(', ')})`,
      value: lazy.reduce((s, l) => s + l.size, 0),
      unit: 'KB',
    },
  ];

  if (!chromiumAvailable()) {
    process.stderr.write('bench: no Chromium at /usr/bin/chromium; time to interactive not measured\n');
    return results;
  }
  const baselinePage = 'bench-baseline.html';
  fs.writeFileSync(
    path.join(dist, baselinePage),
    '<!doctype html><html><head><script src="office-js/office.js"></script></head><body><div id="root">ready</div></body></html>',
  );
  const [server, chromium, fakeHost] = await Promise.all([serveDirectory(dist), launchChromium(), fakeHostBundle()]);
  try {
    const load = async (page: string, ready: string): Promise<number> => {
      const tab = await chromium.browser.newPage({ viewport: { width: 350, height: 800 } });
      await tab.route('**/office-js/office.js', (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      await tab.addInitScript(`window.${CONFIG_GLOBAL} = {};`);
      await tab.addInitScript(fakeHost);
      await tab.goto(`${server.origin}/${page}`);
      const ms = await tab.evaluate(ready);
      await tab.close();
      return ms as number;
    };
    const interactive = `new Promise((resolve) => { const check = () => { const m = performance.getEntriesByName('taskpane-interactive')[0]; if (m) resolve(m.startTime); else setTimeout(check, 5); }; check(); })`;
    const loaded = `new Promise((resolve) => { const done = () => resolve(performance.getEntriesByType('navigation')[0].loadEventEnd || performance.now()); if (document.readyState === 'complete') setTimeout(done, 0); else addEventListener('load', () => setTimeout(done, 0)); })`;
    await load('taskpane.html', interactive); // warm-up: disk cache, JIT
    const pane: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await load(baselinePage, loaded));
      pane.push(await load('taskpane.html', interactive));
    }
    const tti = median(pane);
    const baseline = median(base);
    results.push({
      name: 'time from navigation to interactive (framework list ready), headless Chromium, fake host',
      value: tti,
      unit: 'ms',
      baseline,
      ratio: tti / baseline,
    });
  } finally {
    await chromium.close();
    await server.close();
    fs.rmSync(path.join(dist, baselinePage), { force: true });
  }
  return results;
}
