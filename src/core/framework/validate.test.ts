import { validateFramework } from './validate';
import type { FrameworkInput } from './schema';

function minimal(): FrameworkInput {
  return {
    id: 'acme',
    name: 'Acme engineering',
    provenance: { title: 'Acme ladder', publisher: 'Acme', licence: 'internal' },
    scales: [
      {
        id: 'acme-scale',
        name: 'Acme',
        levels: [
          { code: '1', name: 'Novice', value: 1 },
          { code: '2', name: 'Skilled', value: 2 },
          { code: '3', name: 'Expert', value: 3 },
        ],
      },
    ],
    categories: [{ id: 'tech', name: 'Technical' }],
    roles: [
      { id: 'dev', name: 'Developer' },
      { id: 'senior', name: 'Senior developer' },
    ],
    competencies: [{ id: 'testing', name: 'Testing', category: 'tech', scale: 'acme-scale', descriptors: { '1': 'Writes a test' } }],
    targets: [{ role: 'dev', competency: 'testing', level: '2' }],
  };
}

function messages(input: unknown): string[] {
  return validateFramework(input).errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validating a framework', () => {
  it('accepts a well-formed framework and applies defaults', () => {
    const result = validateFramework(minimal());
    expect(result.errors).toEqual([]);
    expect(result.framework?.roleDimensions).toEqual([]);
  });

  it('names the path of a missing field', () => {
    const fw = minimal() as Record<string, unknown>;
    delete fw.provenance;
    expect(messages(fw)[0]).toMatch(/^provenance: /);
  });

  it('rejects a target on a level the scale lacks, naming the valid levels', () => {
    const fw = minimal();
    fw.targets = [{ role: 'dev', competency: 'testing', level: '4' }];
    expect(messages(fw)).toEqual(['targets[0].level: level "4" is not on scale "acme-scale"; use one of 1, 2, 3']);
  });

  it('rejects a text longer than an Excel cell holds, naming where it is', () => {
    const fw = minimal();
    fw.competencies[0].descriptors = { '1': 'x'.repeat(32768) };
    expect(messages(fw)).toEqual([
      'competencies[0].descriptors.1: 32,768 characters, more than the 32,767 an Excel cell holds; shorten it',
    ]);
  });

  it('rejects duplicate ids', () => {
    const fw = minimal();
    fw.roles.push({ id: 'dev', name: 'Another' });
    expect(messages(fw)).toContain('roles[2].id: duplicate id "dev"');
  });

  it('rejects levels whose values do not rise', () => {
    const fw = minimal();
    fw.scales[0].levels[2].value = 2;
    expect(messages(fw).join('\n')).toMatch(/scales\[0\]\.levels\[2\]\.value: level values must rise/);
  });

  it('rejects references to unknown roles, competencies, categories and scales', () => {
    const fw = minimal();
    fw.targets = [
      { role: 'cto', competency: 'testing', level: '1' },
      { role: 'dev', competency: 'golf', level: '1' },
    ];
    fw.competencies[0].category = 'nope';
    fw.competencies.push({ id: 'x', name: 'X', scale: 'missing' });
    const all = messages(fw).join('\n');
    expect(all).toMatch(/targets\[0\]\.role: unknown role "cto"/);
    expect(all).toMatch(/targets\[1\]\.competency: unknown competency "golf"/);
    expect(all).toMatch(/competencies\[0\]\.category: unknown category "nope"/);
    expect(all).toMatch(/competencies\[1\]\.scale: unknown scale "missing"/);
  });

  it('rejects a cycle in categories', () => {
    const fw = minimal();
    fw.categories = [
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' },
    ];
    fw.competencies[0].category = 'a';
    expect(messages(fw).join('\n')).toMatch(/category "a" is its own ancestor/);
  });

  it('rejects a descriptor for a level the scale lacks', () => {
    const fw = minimal();
    fw.competencies[0].descriptors = { '9': 'Too good' };
    expect(messages(fw)).toEqual(['competencies[0].descriptors.9: scale "acme-scale" has no level "9"; its levels are 1, 2, 3']);
  });

  it('rejects two targets for the same role and competency', () => {
    const fw = minimal();
    fw.targets!.push({ role: 'dev', competency: 'testing', level: '3' });
    expect(messages(fw)).toContain('targets[1]: a second target for role "dev" and competency "testing"');
  });

  it('warns about a scale no competency uses', () => {
    const fw = minimal();
    fw.scales.push({ id: 'spare', name: 'Spare', levels: [{ code: 'x', name: 'X', value: 1 }] });
    const result = validateFramework(fw);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ path: 'scales[1]', message: 'scale "spare" is not used by any competency' }]);
  });
});
