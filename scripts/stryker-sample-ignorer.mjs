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
import path from 'node:path';
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

const before = (l1, c1, l2, c2) => l1 < l2 || (l1 === l2 && c1 <= c2);

function holdsSample(loc, spans) {
  const { start, end } = loc;
  return spans.some(([a, b, c, d]) => before(start.line, start.column, a, b) && before(c, d, end.line, end.column));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    shouldIgnore(nodePath) {
      const loc = nodePath.node.loc;
      if (!loc || !loc.filename) return undefined;
      const spans = sampled.get(path.relative(process.cwd(), loc.filename).split(path.sep).join('/'));
      if (!spans) return 'not in the sample';
      return holdsSample(loc, spans) ? undefined : 'not in the sample';
    },
  }),
];
