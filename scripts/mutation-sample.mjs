#!/usr/bin/env node
/**
 * An estimate of the mutation score from a random sample of the mutants
 * (`npm run mutate:sample -- [SPANS] [SEED]`).
 *
 * The whole scope has about 17,000 mutants; on a 2-core machine a full
 * `npm run mutate` takes the better part of a day. This lists every mutant
 * Stryker would make (its own instrumenter, same mutators), draws SPANS of the
 * code locations they sit on at random (seeded, so a run can be repeated), and
 * runs Stryker on exactly those locations, with the same runner, checker and
 * tests as the full run. A location holds 1-4 mutants (e.g. `<` becomes `<=`
 * and `>=`), so the sample is a cluster sample: the 95% interval is a
 * bootstrap over locations, not a binomial one over mutants.
 *
 * Score = (killed + timed out) / (killed + timed out + survived + not covered).
 * Compile and runtime errors are not valid mutants and are left out, as in
 * Stryker's own score. Writes reports/mutation-sample/{sample.json,summary.md}.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import fg from 'fast-glob';
import config from '../stryker.config.mjs';

const SPANS = Number(process.argv[2] ?? 300);
const SEED = Number(process.argv[3] ?? 21);
const OUT = 'reports/mutation-sample';

const quiet = {
  debug() {},
  info() {},
  trace() {},
  warn: (...a) => console.warn(...a),
  error: (...a) => console.error(...a),
  fatal: (...a) => console.error(...a),
  isDebugEnabled: () => false,
  isTraceEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
};

/** A small seeded generator (mulberry32): the same seed draws the same sample. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The files of the full run's scope, from stryker.config.mjs's own globs. */
function scopeFiles() {
  const include = config.mutate.filter((p) => !p.startsWith('!'));
  const ignore = config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return fg.sync(include, { ignore }).sort();
}

/** Every distinct location Stryker mutates, with how many mutants it holds. */
async function locations(files) {
  const instrumenter = new Instrumenter(quiet);
  const spans = new Map();
  for (const name of files) {
    const { mutants } = await instrumenter.instrument([{ name, content: fs.readFileSync(name, 'utf8'), mutate: true }], {
      plugins: null,
      excludedMutations: [],
      ignorers: [],
    });
    for (const m of mutants) {
      const { start, end } = m.location;
      // Stryker's mutant lines are 0-based and its mutate ranges 1-based; columns are 0-based in both.
      const range = `${name}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
      spans.set(range, (spans.get(range) ?? 0) + 1);
    }
  }
  return spans;
}

function draw(keys, n, random) {
  const pool = [...keys];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n).sort();
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Mutants of the report grouped back into the sampled locations. */
function tally(report, sample) {
  const bySpan = new Map(sample.map((s) => [s, { detected: 0, undetected: 0, invalid: 0, mutants: [] }]));
  for (const [file, result] of Object.entries(report.files)) {
    for (const m of result.mutants) {
      const { start, end } = m.location; // the report's lines and columns are both 1-based
      const key = `${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`;
      const span = bySpan.get(key);
      if (!span) continue;
      if (DETECTED.has(m.status)) span.detected++;
      else if (UNDETECTED.has(m.status)) span.undetected++;
      else span.invalid++;
      span.mutants.push({ file, line: start.line, mutator: m.mutatorName, replacement: m.replacement, status: m.status });
    }
  }
  return bySpan;
}

function score(spans) {
  let d = 0;
  let u = 0;
  for (const s of spans) {
    d += s.detected;
    u += s.undetected;
  }
  return d + u === 0 ? NaN : d / (d + u);
}

/** 95% interval of the score by resampling locations (2,000 draws). */
function bootstrap(spans, random) {
  const draws = [];
  for (let b = 0; b < 2000; b++) {
    const picked = Array.from({ length: spans.length }, () => spans[Math.floor(random() * spans.length)]);
    draws.push(score(picked));
  }
  draws.sort((a, b) => a - b);
  return [draws[Math.floor(0.025 * draws.length)], draws[Math.floor(0.975 * draws.length)]];
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const files = scopeFiles();
  const spans = await locations(files);
  const total = [...spans.values()].reduce((a, b) => a + b, 0);
  const sample = draw(spans.keys(), SPANS, seeded(SEED));
  const sampledMutants = sample.reduce((a, s) => a + spans.get(s), 0);
  console.log(
    `Scope: ${files.length} files, ${total} mutants at ${spans.size} locations. Sample (seed ${SEED}): ${sample.length} locations, ${sampledMutants} mutants.`,
  );
  fs.writeFileSync(`${OUT}/sample.json`, JSON.stringify({ seed: SEED, spans: sample }, null, 1));

  // MUTATE_CONCURRENCY: more test runners than the config's 2, where the machine has the cores.
  const concurrency = process.env.MUTATE_CONCURRENCY ? ['--concurrency', process.env.MUTATE_CONCURRENCY] : [];
  const run = spawnSync('npx', ['stryker', 'run', ...concurrency], {
    stdio: 'inherit',
    env: { ...process.env, STRYKER_SAMPLE: `${OUT}/sample.json` },
  });
  if (run.status !== 0) {
    console.error(`Stryker exited with ${run.status}; no estimate.`);
    process.exit(run.status ?? 1);
  }

  const report = JSON.parse(fs.readFileSync(`${OUT}/mutation.json`, 'utf8'));
  const bySpan = tally(report, sample);
  const valid = [...bySpan.values()].filter((s) => s.detected + s.undetected > 0);
  const estimate = score(valid);
  const [low, high] = bootstrap(valid, seeded(SEED + 1));
  const counts = {};
  for (const s of bySpan.values()) for (const m of s.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const survivors = [...bySpan.values()].flatMap((s) => s.mutants.filter((m) => UNDETECTED.has(m.status)));

  const lines = [
    `# Mutation score, estimated from a random sample`,
    ``,
    `Scope: ${files.length} files, ${total} mutants at ${spans.size} locations.`,
    `Sample: seed ${SEED}, ${sample.length} locations, ${sampledMutants} mutants.`,
    `Statuses: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    ``,
    `**Estimated score: ${pct(estimate)}** (95% interval ${pct(low)} to ${pct(high)}, bootstrap over locations).`,
    ``,
    `## Undetected mutants (${survivors.length})`,
    ``,
    ...survivors.map(
      (m) => `- ${m.file}:${m.line} ${m.mutator} → \`${String(m.replacement).replace(/\s+/g, ' ').slice(0, 80)}\` (${m.status})`,
    ),
    ``,
  ];
  fs.writeFileSync(`${OUT}/summary.md`, lines.join('\n'));
  console.log(lines.join('\n'));
}

await main();
