#!/usr/bin/env node
// npm run validate [manifest.xml]: the offline check (exits 1 on any error), then
// Microsoft's online validator where a network exists (skipped, with a note, where not).
const fs = require('fs');
const path = require('path');
const { checkManifest } = require('./manifestCheck');

async function main() {
  const file = process.argv[2] || 'manifest.xml';
  const distDir = path.resolve(__dirname, '..', 'dist');
  if (!fs.existsSync(file)) {
    console.error(`validate: no such file ${file}`);
    return 1;
  }
  const built = fs.existsSync(distDir);
  const { errors, warnings } = checkManifest(fs.readFileSync(file, 'utf8'), { distDir: built ? distDir : null });
  if (!built) errors.push('dist/ is missing; run npm run build first so the functions URLs can be checked against it');
  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  if (errors.length) {
    console.error(`validate: ${file} has ${errors.length} error(s)`);
    return 1;
  }
  console.log(`validate: ${file} passes the offline checks`);
  if (process.argv.includes('--offline')) return 0;
  try {
    const { validateManifest } = require('office-addin-manifest');
    const result = await Promise.race([
      validateManifest(file),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 20000)),
    ]);
    if (result && result.isValid === false) {
      console.error('validate: the online validator rejected the manifest:');
      console.error(JSON.stringify(result.details ?? result, null, 2));
      return 1;
    }
    console.log('validate: the online validator accepted the manifest');
  } catch (e) {
    console.log(`validate: online validation skipped (no network to the validation service: ${String(e.message || e).split('\n')[0]})`);
  }
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
