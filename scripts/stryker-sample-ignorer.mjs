/**
 * Stryker ignore plugin for `npm run mutate:sample`: keeps the run to the
 * sampled mutant locations only.
 *
 * Stryker's mutate ranges also take every mutant nested inside a range (a
 * sampled function body brings all its statements), which would test about
 * three times the sample for nothing. This ignores every node that holds no
 * sampled location; Stryker then skips the node and everything under it, which
 * is safe because nothing under it can hold one either.
 */
import fs from 'node:fs';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const file = process.env.STRYKER_SAMPLE;
/** file -> sampled locations [startLine, startColumn, endLine, endColumn] (lines 1-based, as Babel's). */
const sampled = new Map();
if (file) {
  for (const span of JSON.parse(fs.readFileSync(file, 'utf8')).spans) {
    const [, name, a, b, c, d] = /^(.*):(\d+):(\d+)-(\d+):(\d+)$/.exec(span);
    if (!sampled.has(name)) sampled.set(name, []);
    sampled.get(name).push([+a, +b, +c, +d]);
  }
}

/**
 * Babel's nodes do not say which file they are in, and Stryker hands the
 * plugin nothing else, so a file is known by its Program node's length and
 * line count. Two sampled files alike in both are left unfiltered (more
 * mutants tested than needed, none missed).
 */
const bySignature = new Map();
for (const [name, spans] of sampled) {
  const text = fs.readFileSync(name, 'utf8');
  const key = `${text.length}:${text.split('\n').length}`;
  bySignature.set(key, bySignature.has(key) ? null : spans);
}

function spansOf(nodePath) {
  let top = nodePath;
  while (top.parentPath) top = top.parentPath;
  const program = top.node;
  if (program.type !== 'Program' || !program.loc) return null;
  return bySignature.get(`${program.end}:${program.loc.end.line}`);
}

const before = (l1, c1, l2, c2) => l1 < l2 || (l1 === l2 && c1 <= c2);

function holdsSample(loc, spans) {
  const { start, end } = loc;
  return spans.some(([a, b, c, d]) => before(start.line, start.column, a, b) && before(c, d, end.line, end.column));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    shouldIgnore(nodePath) {
      const loc = nodePath.node.loc;
      const spans = loc && spansOf(nodePath);
      if (!spans) return undefined;
      return holdsSample(loc, spans) ? undefined : 'not in the sample';
    },
  }),
];
