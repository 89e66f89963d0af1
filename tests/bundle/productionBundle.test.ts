/**
 * What ships: the production bundle in dist/ (built by `npm run build` before
 * the tests in CI). HyperFormula is GPL-3.0 and a test dependency only, so no
 * trace of it may reach dist/. The functions bundle also stays small: it is
 * loaded by Excel's custom-functions runtime on every workbook open.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

const dist = path.resolve(__dirname, '../../dist');
const built = fs.existsSync(path.join(dist, 'functions.js'));
if (!built) console.warn('productionBundle.test: dist/ is not built; run `npm run build` first (CI does). Skipping the bundle checks.');
const whenBuilt = built ? describe : describe.skip;

interface SourceFramework {
  competencies: { definition?: string; descriptors?: Record<string, string> }[];
}

function frameworkSources(): SourceFramework[] {
  const dir = path.resolve(__dirname, '../../src/core/frameworks/data');
  return fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SourceFramework);
}

function shippedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return shippedFiles(full);
    return /\.(js|html|txt|json)$/.test(entry.name) ? [full] : [];
  });
}

whenBuilt('the production bundle in dist/', () => {
  it('contains no HyperFormula code, name or licence text in any file', () => {
    const offenders = shippedFiles(dist).filter((file) => /hyperformula|handsoncode|gpl-v3/i.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(dist, f))).toEqual([]);
  });

  it("keeps functions.js free of zod and of the frameworks' prose", () => {
    const code = fs.readFileSync(path.join(dist, 'functions.js'), 'utf8');
    expect(code).not.toMatch(/ZodError|zod/i);
    // Every competency definition and level descriptor of every built-in: text the functions never need.
    const prose = frameworkSources().flatMap((f) => f.competencies.flatMap((c) => [c.definition, ...Object.values(c.descriptors ?? {})]));
    expect(prose.length).toBeGreaterThan(50);
    expect(prose.filter((text) => text && text.length > 20 && code.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN, as Microsoft requires, and ships no copy of its own", () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    // Everything else the page loads is the add-in's own, from where dist/ is hosted.
    expect(scripts.slice(1).filter((src) => /^(https?:)?\/\//.test(src))).toEqual([]);
    expect(fs.existsSync(path.join(dist, 'office-js'))).toBe(false);
  });

  it('keeps functions.js at most 30 KB gzipped', () => {
    const gzipped = zlib.gzipSync(fs.readFileSync(path.join(dist, 'functions.js')), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(30 * 1024);
  });
});
