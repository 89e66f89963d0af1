import fs from 'fs';
import path from 'path';
const { checkManifest } = require('../../scripts/manifestCheck');

const root = path.resolve(__dirname, '../..');
const ours = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

function errorsOf(xml: string, distDir: string | null = null): string[] {
  return checkManifest(xml, { distDir }).errors;
}

describe('the offline manifest check', () => {
  it('passes our manifest', () => {
    expect(errorsOf(ours)).toEqual([]);
  });

  it('passes our manifest against the build output when dist/ exists', () => {
    const dist = path.join(root, 'dist');
    if (!fs.existsSync(path.join(dist, 'functions.json'))) {
      console.warn('manifest test: dist/ not built; the URL-to-build check is covered by npm run validate in CI');
      return;
    }
    expect(errorsOf(ours, dist)).toEqual([]);
  });

  it('fails a manifest that uses a resid it never defines', () => {
    const broken = ours.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    expect(errorsOf(broken)).toEqual([expect.stringContaining('resid="Group.Missing"> refers to a resource that is not defined')]);
  });

  it('fails a manifest with a plain http URL', () => {
    const broken = ours.replace('https://localhost:3000/functions.js', 'http://localhost:3000/functions.js');
    expect(errorsOf(broken).join('\n')).toMatch(/Functions\.Script\.Url: URL must use https/);
  });

  it('fails a manifest whose functions namespace is not COMPETENCY', () => {
    const broken = ours.replace('DefaultValue="COMPETENCY"', 'DefaultValue="CM"');
    expect(errorsOf(broken).join('\n')).toMatch(/namespace is "CM", expected "COMPETENCY"/);
  });

  it('fails a manifest without the custom-functions extension point', () => {
    const broken = ours.replace('xsi:type="CustomFunctions"', 'xsi:type="Other"');
    expect(errorsOf(broken).join('\n')).toMatch(/worksheet functions would not load/);
  });

  it('fails XML that is not well formed, naming the line', () => {
    const broken = ours.replace('</DisplayName>', '').replace('<DisplayName DefaultValue="Competency Matrix"/>', '<DisplayName>');
    expect(errorsOf(broken)[0]).toMatch(/not well-formed XML: .*line \d+/);
  });

  it('fails when the functions metadata URL does not match a file the build wrote', () => {
    const empty = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cm-dist-'));
    expect(errorsOf(ours, empty).join('\n')).toMatch(/Functions\.Metadata\.Url points at \/functions\.json, which the build did not write/);
  });
});

describe('npm run validate', () => {
  const script = path.join(root, 'scripts/validate-manifest.js');
  const { spawnSync } = require('child_process');

  it('exits non-zero and names the resid on a manifest with an undefined resid', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cm-manifest-'));
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, ours.replace('<Label resid="Group.Label"/>', '<Label resid="Nowhere"/>'));
    const run = spawnSync(process.execPath, [script, file, '--offline'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/<Label resid="Nowhere"> refers to a resource that is not defined/);
  });

  it('exits zero on our manifest once the build exists', () => {
    if (!fs.existsSync(path.join(root, 'dist/functions.json'))) {
      console.warn('validate test: dist/ not built here; CI builds first and runs npm run validate');
      return;
    }
    const run = spawnSync(process.execPath, [script, path.join(root, 'manifest.xml'), '--offline'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
