#!/usr/bin/env node
// npm run bench: runs every bench/*.bench.ts (or the ones named on the command
// line), prints a table and one machine-readable JSON line. Exit code 1 when a
// goal is missed, so a regression is visible.
const path = require('path');
const fs = require('fs');
require('ts-node').register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs' } });

async function main() {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  const all = [];
  const broken = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}\n`);
    try {
      const { run } = require(path.join(__dirname, file));
      const results = await run();
      for (const r of results) all.push({ file, ...r });
    } catch (e) {
      // One broken benchmark must not hide the others' figures.
      broken.push(file);
      process.stderr.write(`bench: ${file} failed: ${e && e.stack ? e.stack : e}\n`);
    }
  }
  const fmt = (n) => (n === undefined ? '' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
  console.log('');
  for (const r of all) {
    const status = r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS';
    console.log(
      `${status.padEnd(5)}${r.name}: ${fmt(r.value)} ${r.unit}` +
        (r.baseline !== undefined ? ` (baseline ${fmt(r.baseline)} ${r.unit})` : '') +
        (r.ratio !== undefined ? `, ratio ${fmt(r.ratio)}` : '') +
        (r.goal ? `; goal ${r.goal}` : ''),
    );
  }
  console.log(JSON.stringify({ bench: all, node: process.version, at: new Date().toISOString() }));
  if (broken.length) {
    console.log(`FAILED to run: ${broken.join(', ')}`);
    process.exitCode = 2;
  } else if (all.some((r) => r.pass === false)) {
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
