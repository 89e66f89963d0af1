#!/usr/bin/env node
// Writes src/functions/data/builtInFrameworks.json: the built-in frameworks in
// the compact form the worksheet functions score with (no prose, no zod at run
// time). Each framework is validated in full here, and the compact copy is
// validated again, so the functions runtime can trust the data without a
// validator. Run by `npm run build`; src/functions/scoringData.test.ts fails
// when the checked-in file no longer matches the library.
const fs = require('fs');
const path = require('path');
require('ts-node').register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs' } });

const { builtInFrameworks } = require('../src/core/frameworks/library');
const { validateFramework } = require('../src/core/framework/validate');
const { toScoringFramework } = require('../src/functions/scoringFramework');

const OUT = path.join(__dirname, '..', 'src', 'functions', 'data', 'builtInFrameworks.json');

async function main() {
  const frameworks = builtInFrameworks().map((model) => {
    const compact = toScoringFramework(model.data);
    const check = validateFramework(compact);
    if (!check.framework) {
      throw new Error(`compact ${model.id} is invalid: ${check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    return compact;
  });
  // Written as prettier writes JSON, so `npm run lint` and this script agree on the bytes.
  const prettier = require('prettier');
  const json = JSON.stringify({ generatedBy: 'scripts/build-functions-data.js (do not edit by hand)', frameworks });
  const text = await prettier.format(json, { ...(await prettier.resolveConfig(OUT)), filepath: OUT });
  const before = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (before !== text) fs.writeFileSync(OUT, text);
  console.log(
    `functions data: ${frameworks.length} frameworks, ${text.length} bytes${before === text ? ' (unchanged)' : ''} -> ${path.relative(process.cwd(), OUT)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
