import { builtIn } from '../frameworks/library';
import { frameworkToCaseJson } from './caseExport';
import { frameworkToLongCsv } from './csvLongTable';
import { frameworkToJson } from './frameworkJson';
import { importFrameworkFile, importFrameworkFiles, importFrameworkText } from './importFramework';
import { exportFramework } from './exportFramework';

const enc = (t: string) => new TextEncoder().encode(t);
const kaairo = builtIn('kaairo-devops').data;

describe('importing a framework file', () => {
  it('tells framework JSON, CASE JSON and CSV apart by their content, whatever the file is called', () => {
    expect(importFrameworkText('framework.txt', frameworkToJson(kaairo)).format).toBe('json');
    expect(importFrameworkText('export.json', frameworkToCaseJson(kaairo)).format).toBe('case');
    expect(importFrameworkText('framework.json.csv', frameworkToLongCsv(kaairo)).format).toBe('csv');
    expect(importFrameworkText('wrapped.json', JSON.stringify({ CFPackage: JSON.parse(frameworkToCaseJson(kaairo)) })).format).toBe('case');
  });

  it('reports a .json file that is not JSON as broken JSON, with the line and column', () => {
    expect(() => importFrameworkText('f.json', 'id,name\nx,y\n')).toThrow(/^f\.json: line 1, column 1: not valid JSON/);
    expect(() => importFrameworkText('f.json', '{\n  "id": "x",\n  "name" "y"\n}')).toThrow(
      /^f\.json: line 3, column 10: not valid JSON \(.+\); fix the syntax there/,
    );
  });

  it('reads framework JSON saved as UTF-16 by a Windows editor', () => {
    const text = frameworkToJson(kaairo);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) ((utf16[2 + i * 2] = text.charCodeAt(i) & 0xff), (utf16[3 + i * 2] = text.charCodeAt(i) >> 8));
    expect(importFrameworkFile('k.json', utf16).framework).toStrictEqual(kaairo);
  });

  it('warns about properties the model does not know, suggesting the one meant', () => {
    const json = JSON.parse(frameworkToJson(kaairo));
    json.roles[0].titel = 'Entry';
    json.notez = ['x'];
    const { warnings } = importFrameworkText('k.json', JSON.stringify(json));
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'notez: "notez" is not a framework property and was ignored; did you mean "notes"?',
      'roles[0].titel: "titel" is not a framework property and was ignored; known properties here are id, name, code, summary, descriptions',
    ]);
  });

  it('refuses to combine a JSON file with other files', () => {
    expect(() =>
      importFrameworkFiles([
        { name: 'a.json', bytes: enc(frameworkToJson(kaairo)) },
        { name: 'targets.csv', bytes: enc('competency,role,target\nx,y,1\n') },
      ]),
    ).toThrow('a.json: framework JSON and CASE 1.1 JSON are one file each and cannot be combined with other files; import it on its own');
  });

  it('warns when a set of CSV tables gives no targets: the grid would show no targets or gaps', () => {
    const tables = exportFramework(kaairo, 'csv-tables').map((f) => ({ name: `set/${f.name}`, bytes: enc(f.text) }));
    expect(importFrameworkFiles(tables).warnings.map((w) => w.path)).not.toContain('(targets)');
    const { framework, warnings } = importFrameworkFiles(tables.filter((t) => !t.name.endsWith('targets.csv')));
    expect(framework.targets).toEqual([]);
    expect(warnings).toContainEqual({
      path: '(targets)',
      message: expect.stringMatching(/^the tables give no target levels .* no targets or gaps; add targets\.csv/),
    });
  });
});
