// Mutation testing (npm run mutate): plants small bugs in core and the write path and
// checks that some test fails for each. Incremental: a run after a small change re-tests
// only mutants in changed code or covered by changed tests (reports/stryker-incremental.json).
// `npm run mutate -- --mutate src/core/scoring.ts` narrows a run to one file.
// `npm run mutate:sample` (scripts/mutation-sample.mjs) sets STRYKER_SAMPLE to a list of
// sampled mutant locations: the run mutates only those, with its own reports.
import fs from 'node:fs';

const sample = process.env.STRYKER_SAMPLE ? JSON.parse(fs.readFileSync(process.env.STRYKER_SAMPLE, 'utf8')) : null;
const reports = sample ? 'reports/mutation-sample' : 'reports/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/*', './scripts/stryker-sample-ignorer.mjs'],
  ignorers: sample ? ['sample'] : [],
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: sample?.spans ?? [
    'src/core/**/*.ts',
    'src/functions/**/*.ts',
    'src/host/writes.ts',
    'src/host/payload.ts',
    'src/host/cellInput.ts',
    '!src/**/*.test.ts',
    '!src/**/testing/**',
    '!src/core/frameworks/data/**',
  ],
  ignorePatterns: ['dist', 'lib', 'coverage', 'reports', 'tests/output', '.stryker-tmp'],
  incremental: true,
  incrementalFile: sample ? `${reports}/incremental.json` : 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `${reports}/mutation.json` },
  htmlReporter: { fileName: `${reports}/mutation.html` },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 20000,
  // The first run is the whole unit suite with coverage: minutes, more on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  concurrency: 2,
  tempDirName: '.stryker-tmp',
};
