#!/usr/bin/env node
'use strict';
// Runs the compiled command line (npm run build writes lib/).
let cli;
try {
  cli = require('../lib/cli/index.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('competency-matrix: not built yet; run npm ci && npm run build first\n');
    process.exit(2);
  }
  throw e;
}
// A smaller heap between garbage collections: large workbooks peak far lower (lib/cli/heapGrowth.js says why).
require('../lib/cli/heapGrowth.js').boundHeapGrowth();
// Output piped into a program that stops reading (`| head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`competency-matrix: unexpected error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 70;
  },
);
