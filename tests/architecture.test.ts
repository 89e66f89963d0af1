/**
 * The shape the product promises: core is pure (no host, UI, DOM or Node
 * imports), Office.js is touched in src/host only, and nothing in the shipped
 * code makes a network request of its own.
 */
import fs from 'fs';
import path from 'path';

const src = path.resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const rel = (f: string) => path.relative(src, f);

describe('the architecture', () => {
  it('keeps core free of Office.js, React, the DOM and Node', () => {
    const forbidden = /^(react|react-dom|@fluentui\/|@microsoft\/office-js|exceljs|fs|path|os|child_process|http|https|node:)/;
    const offenders = sourceFiles(path.join(src, 'core')).flatMap((f) =>
      importsOf(f)
        .filter((i) => forbidden.test(i))
        .map((i) => `${rel(f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
    const globals = sourceFiles(path.join(src, 'core')).filter((f) =>
      /\b(Excel\.run|Office\.(context|onReady|actions)|document\.(getElementById|createElement|body)|window\.|Buffer\.|process\.(env|argv|exit|stdout))/.test(
        fs.readFileSync(f, 'utf8'),
      ),
    );
    expect(globals.map(rel)).toEqual([]);
  });

  it('calls Excel.run only from src/host', () => {
    const callers = sourceFiles(src)
      .filter((f) => /\bExcel\.run\(/.test(fs.readFileSync(f, 'utf8')))
      .map(rel)
      .filter((f) => !f.startsWith(`host${path.sep}`));
    expect(callers).toEqual([]);
  });

  it('makes no network request of its own', () => {
    const network = /\b(fetch\(|XMLHttpRequest|WebSocket\(|sendBeacon|EventSource\(|navigator\.sendBeacon)/;
    const offenders = sourceFiles(src)
      .filter((f) => network.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
