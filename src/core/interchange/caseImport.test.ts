/**
 * CASE 1.1 packages written by hand from the specification
 * (tests/fixtures/frameworks/case), and packages this product wrote with their
 * extensions stripped, as a CASE tool that ignores extensions would pass them on.
 */
import fs from 'fs';
import path from 'path';
import { builtInFrameworks } from '../frameworks/library';
import { frameworkFromCase } from './caseImport';
import { frameworkToCase } from './caseExport';

const FIXTURES = path.join(__dirname, '../../../tests/fixtures/frameworks/case');
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

function withoutExtensions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'extensions' ? undefined : v))) as T;
}

describe('importing CASE 1.1', () => {
  it('reads a package with a category tree, a rubric and role targets', () => {
    const { framework, warnings } = frameworkFromCase('acme-platform.case.json', fixture('acme-platform.case.json'));
    expect(framework).toMatchObject({
      id: 'acme-platform-engineering',
      name: 'Acme Platform Engineering',
      version: '2.0',
      provenance: {
        title: 'Acme Platform Engineering',
        publisher: 'Acme Corp',
        licence: 'Internal use only',
        source: 'https://intranet.acme.example/careers/platform',
      },
      notes: ['Reviewed each spring by the platform guild.'],
    });
    expect(framework.categories).toEqual([
      { id: 'delivery', name: 'Delivery', description: 'Getting changes to production safely.' },
      { id: 'operations', name: 'Operations' },
      { id: 'incident-response', name: 'Incident response', parent: 'operations', description: 'Handling outages and learning from them.' },
    ]);
    expect(framework.scales).toEqual([
      {
        id: 'platform-proficiency',
        name: 'Platform proficiency',
        description: 'Four levels from foundational to expert.',
        levels: [
          { code: '1', name: 'Foundational', value: 1 },
          { code: '2', name: 'Intermediate', value: 2 },
          { code: '3', name: 'Advanced', value: 3 },
          { code: '4', name: 'Expert', value: 4 },
        ],
      },
    ]);
    expect(framework.competencies.map((c) => [c.id, c.name, c.category])).toEqual([
      ['plat.cd', 'Continuous delivery', 'delivery'],
      ['plat.iac', 'Infrastructure as code', 'delivery'],
      ['plat.obs', 'Observability', 'operations'],
      ['plat.onc', 'On-call and recovery', 'incident-response'],
    ]);
    expect(framework.competencies[3].definition).toBe(
      'Takes part in on-call, restores service under pressure and leads blameless reviews.',
    );
    expect(framework.competencies[3].descriptors).toEqual({
      '1': 'Shadows on-call.',
      '2': 'Takes on-call and resolves common incidents.',
      '3': 'Leads incident response and reviews.',
      '4': 'Improves resilience across services.',
    });
    expect(framework.roles).toEqual([
      { id: 'pe1', name: 'Platform Engineer I', code: 'PE1', summary: 'Works on well-defined platform tasks with guidance.' },
      { id: 'pe2', name: 'Platform Engineer II', code: 'PE2', summary: 'Owns platform components end to end.' },
      { id: 'pe3', name: 'Senior Platform Engineer', code: 'PE3', summary: 'Sets technical direction for the platform across teams.' },
    ]);
    expect(framework.targets).toHaveLength(12);
    expect(framework.targets[11]).toEqual({
      role: 'pe3',
      competency: 'plat.onc',
      level: '4',
      note: 'Expected within a year of promotion.',
    });
    expect(warnings).toEqual([
      { path: 'CFAssociations', message: '1 isRelatedTo association was not imported: a competency framework has no place for them' },
    ]);
  });

  it('reads a standards package with no roles, two level sets and a competency without a criterion, and says what it did', () => {
    const { framework, warnings } = frameworkFromCase('digital.json', fixture('digital-skills-no-roles.case.json'));
    expect(framework.scales.map((s) => [s.id, s.levels.map((l) => `${l.code}=${l.name}`)])).toEqual([
      ['digital-skills-rubric', ['1=Emerging', '2=Secure', '3=Leading']],
      ['digital-skills-rubric-2', ['0=Not yet', '1=Meets']],
    ]);
    expect(framework.categories).toEqual([{ id: 'ds.1', name: 'Working with data' }]);
    expect(framework.competencies.map((c) => [c.id, c.scale, c.category ?? null])).toEqual([
      ['ds.1.1', 'digital-skills-rubric', 'ds.1'],
      ['ds.1.2', 'digital-skills-rubric', 'ds.1'],
      ['ds.2', 'digital-skills-rubric-2', null],
      ['ds.3', 'digital-skills-rubric', null],
    ]);
    expect(framework.roles).toEqual([{ id: 'all', name: 'All roles' }]);
    expect(framework.targets).toEqual([]);
    const said = warnings.map((w) => `${w.path}: ${w.message}`);
    expect(said).toEqual([
      'CFAssociations: 1 exactMatchOf association was not imported: a competency framework has no place for them',
      'CFRubrics: "Uses shared documents and chat to work in the open." has no rubric criterion, so it uses scale "digital-skills-rubric"; add criteria to give them their own levels',
      'CFItems: the package has no items of type Role, so the framework has one role, "All roles", and no targets: a matrix without targets; add roles and targets as columns of the Matrix sheet of a workbook and import that sheet back, or as CFItems with CFItemType "Role"',
      'CFDocument: the document does not state a licence, recorded as "not stated"',
    ]);
  });

  it('reads the smallest valid package', () => {
    const { framework } = frameworkFromCase('tiny.json', fixture('tiny-valid.case.json'));
    expect(framework.targets).toEqual([{ role: 'engineer', competency: 'coding', level: '2' }]);
  });

  it.each(builtInFrameworks().map((m) => [m.id, m.data] as const))(
    'keeps what CASE itself can carry of %s when a tool drops every extension',
    (_id, fw) => {
      const { framework } = frameworkFromCase('stripped.json', withoutExtensions(frameworkToCase(fw)));
      expect(framework.name).toBe(fw.name);
      expect(framework.description).toBe(fw.description);
      expect(framework.competencies.map((c) => [c.name, c.definition])).toEqual(fw.competencies.map((c) => [c.name, c.definition]));
      expect(framework.roles.map((r) => [r.name, r.code, r.summary])).toEqual(fw.roles.map((r) => [r.name, r.code, r.summary]));
      expect(framework.categories.map((c) => c.name)).toEqual(fw.categories.map((c) => c.name));
      // Levels: names and values survive; codes come from the scores.
      const usedScales = fw.scales.filter((s) => fw.competencies.some((c) => c.scale === s.id));
      expect(framework.scales.map((s) => s.levels.map((l) => [l.name, l.value]))).toEqual(
        usedScales.map((s) => s.levels.map((l) => [l.name, l.value])),
      );
      // Every target and descriptor is still there, on the level of the same name.
      const levelName = (f: typeof fw, competency: string, code: string) => {
        const c = f.competencies.find((x) => x.id === competency || x.name === competency);
        return f.scales.find((s) => s.id === c?.scale)?.levels.find((l) => l.code === code)?.name;
      };
      const named = (f: typeof fw) =>
        f.targets.map((t) => [
          f.roles.find((r) => r.id === t.role)?.name,
          f.competencies.find((c) => c.id === t.competency)?.name,
          levelName(f, t.competency, t.level),
        ]);
      expect(named(framework)).toEqual(named(fw));
      const descriptors = (f: typeof fw) =>
        f.competencies.flatMap((c) => Object.entries(c.descriptors ?? {}).map(([code, text]) => [c.name, levelName(f, c.id, code), text]));
      expect(descriptors(framework)).toEqual(descriptors(fw));
    },
  );
});
