#!/usr/bin/env node
// Writes schema/framework.schema.json, the JSON Schema of framework JSON, from
// the zod model (src/core/framework/schema.ts). Run `npm run schema` after
// changing the model; src/core/interchange/frameworkJsonSchema.test.ts fails
// when the committed file no longer matches.
const fs = require('fs');
const path = require('path');
require('ts-node').register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs' } });

const { frameworkJsonSchemaText, FRAMEWORK_SCHEMA_FILE } = require('../src/core/interchange/frameworkJsonSchema');

const out = path.join(__dirname, '..', FRAMEWORK_SCHEMA_FILE);
const text = frameworkJsonSchemaText();
const before = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
if (before !== text) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
}
console.log(`framework schema: ${text.length} bytes${before === text ? ' (unchanged)' : ''} -> ${FRAMEWORK_SCHEMA_FILE}`);
