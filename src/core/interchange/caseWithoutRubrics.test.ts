/**
 * CASE 1.1 packages as CASE authoring tools publish them: a hierarchy of CFItems
 * with no rubrics (tests/fixtures/frameworks/case: nested-no-rubrics, astral-unicode,
 * empty). The scale comes from the user; expected values are read off the fixtures by hand.
 */
import fs from 'fs';
import path from 'path';
import { importFrameworkFile } from './importFramework';
import { isScaleNeeded } from './caseImport';
import { scaleFromChoice } from './scaleChoice';

const FIXTURES = path.join(__dirname, '../../../tests/fixtures/frameworks/case');
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const FOUR = scaleFromChoice('Novice,Developing,Proficient,Expert');

function refusal(name: string, options = {}): Error {
  try {
    importFrameworkFile(name, bytes(name), options);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${name} was imported`);
}

describe('a CASE package without rubrics', () => {
  it('is refused without a scale, with one line naming --scale and the built-in scales', () => {
    const e = refusal('nested-no-rubrics.case.json');
    expect(isScaleNeeded(e)).toBe(true);
    expect(e.message).toMatch(/^nested-no-rubrics\.case\.json: CFRubrics: .*choose a scale with --scale/);
    expect(e.message).toContain('mit-proficiency (Being Developed … Expert)');
    expect(e.message).toContain('kaairo-proficiency (Basic … Expert)');
    expect(e.message).not.toMatch(/\n/);
  });

  it('imports its hierarchy: parents as nested categories, leaves as competencies in sequenceNumber order', () => {
    const { framework, format } = importFrameworkFile('nested-no-rubrics.case.json', bytes('nested-no-rubrics.case.json'), { scale: FOUR });
    expect(format).toBe('case');
    expect(framework.categories).toEqual([
      { id: 'rel', name: 'Reliability', description: 'Keeping services up and recoverable.' },
      { id: 'plt', name: 'Platform engineering' },
      { id: 'rel.1', name: 'Incident management', parent: 'rel' },
    ]);
    expect(framework.competencies.map((c) => [c.id, c.name, c.category])).toEqual([
      ['rel.1.2', 'Incident command', 'rel.1'],
      ['rel.1.1', 'Alert triage', 'rel.1'],
      ['rel.2', 'Service level objectives', 'rel'],
      ['plt.2', 'Delivery pipeline', 'plt'],
      ['plt.1', 'Writes infrastructure as code (terraform, pulumi) that others can review and reuse.', 'plt'],
    ]);
  });

  it('reduces Markdown statements to plain text, keeping list items as lines', () => {
    const { framework } = importFrameworkFile('nested-no-rubrics.case.json', bytes('nested-no-rubrics.case.json'), { scale: FOUR });
    const byId = new Map(framework.competencies.map((c) => [c.id, c]));
    expect(byId.get('rel.1.1')?.definition).toBe('Triages alerts and pages the right responder within the agreed time.');
    expect(byId.get('rel.1.2')?.definition).toBe(
      'Runs an incident as incident commander:\n\n- opens the #incident channel\n- keeps a timeline\n- hands over cleanly',
    );
    expect(byId.get('plt.2')?.definition).toBe(
      'Keeps the delivery pipeline fast and safe: builds under ten minutes, rollbacks in one step.',
    );
    expect(framework.description).toBe('Skills for teams that run cloud services.');
  });

  it('rates every competency on the chosen scale, with one role and no targets', () => {
    const { framework, warnings } = importFrameworkFile('nested-no-rubrics.case.json', bytes('nested-no-rubrics.case.json'), {
      scale: scaleFromChoice('mit-proficiency'),
    });
    expect(framework.scales.map((s) => s.id)).toEqual(['mit-proficiency']);
    expect(new Set(framework.competencies.map((c) => c.scale))).toEqual(new Set(['mit-proficiency']));
    expect(framework.roles).toEqual([{ id: 'all', name: 'All roles' }]);
    expect(framework.targets).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['CFAssociations', 'CFItems']);
    expect(warnings[1].message).toContain('add roles and targets as columns of the Matrix sheet');
  });

  it('keeps astral-plane characters in titles whole and makes ids from mathematical digits', () => {
    const { framework } = importFrameworkFile('astral-unicode.case.json', bytes('astral-unicode.case.json'), { scale: FOUR });
    expect(framework.name).toBe('🚀 Launch Crew 𝔉ramework');
    expect(framework.id).toBe('launch-crew-framework');
    expect(framework.categories).toEqual([{ id: 'crew-care', name: '👩🏽‍🚀 Crew care' }]);
    expect(framework.competencies.map((c) => [c.id, c.name, c.category])).toEqual([
      ['1.2', '🛰️ Orbital mechanics', undefined],
      ['1.3', '𠀀 Characters beyond the BMP', undefined],
      ['fatigue-watch', 'Fatigue watch 🫶', 'crew-care'],
    ]);
    expect(framework.competencies[1].definition).toBe(
      'Reads mission logs written with 𠀀𠀁𠀂 (CJK Extension B) and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 letters without mangling them.',
    );
  });

  it('refuses a package with no items, saying there is nothing to import', () => {
    expect(refusal('empty.case.json', { scale: FOUR }).message).toBe(
      'empty.case.json: CFItems: the package has no CFItems, so there are no competencies to import; export the framework again with its items, or pick the package that holds them',
    );
  });

  it('ignores a chosen scale when the package has rubrics, and says so', () => {
    const { framework, warnings } = importFrameworkFile('acme-platform.case.json', bytes('acme-platform.case.json'), { scale: FOUR });
    expect(framework.scales.map((s) => s.id)).toEqual(['platform-proficiency']);
    expect(warnings.map((w) => w.message)).toContain(
      'the package\'s rubrics give its levels, so the scale chosen on import ("Proficiency") was not used',
    );
  });
});
