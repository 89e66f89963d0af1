import { builtIn, builtInFrameworks, findBuiltInScale } from '../frameworks/library';
import { CompetencyError } from '../problems';

describe('a framework model', () => {
  const mit = builtIn('mit-devops');

  it('finds roles and competencies by id, name or code in any case', () => {
    expect(mit.role('devops engineer iii').id).toBe('devops-engineer-3');
    expect(mit.role('devops-engineer-3').name).toBe('DevOps Engineer III');
    expect(mit.competency('systems thinking').name).toBe('Systems Thinking');
    expect(builtIn('sre-ladder').role('L3').name).toMatch(/Senior SRE/);
  });

  it('looks up the target level for a role and competency', () => {
    const r = mit.role('DevOps Engineer IV');
    expect(mit.target(r, mit.competency('Systems Thinking'))?.code).toBe('E');
    expect(mit.target(r, mit.competency('Teamwork'))?.code).toBe('A');
  });

  it('gives the next role in the framework order, and none after the last', () => {
    expect(mit.nextRole(mit.role('DevOps Engineer I'))?.name).toBe('DevOps Engineer II');
    expect(mit.nextRole(mit.role('DevOps Engineer IV'))).toBeUndefined();
  });

  it('names the valid roles when a role is unknown', () => {
    expect(() => mit.role('Wizard')).toThrow(CompetencyError);
    expect(() => mit.role('Wizard')).toThrow(/use DevOps Engineer I, DevOps Engineer II, DevOps Engineer III or DevOps Engineer IV/);
  });

  it('uses the scale most competencies use as the primary scale', () => {
    expect(builtIn('ddat-devops').primaryScale.id).toBe('ddat-depth');
    expect(findBuiltInScale('kaairo-devops')?.id).toBe('kaairo-proficiency');
    expect(findBuiltInScale('ddat-skill-level')?.levels.map((l) => l.name)).toEqual(['Awareness', 'Working', 'Practitioner', 'Expert']);
  });

  it('carries every built-in framework through one model with every target on its scale', () => {
    for (const f of builtInFrameworks()) {
      for (const t of f.data.targets) {
        const c = f.competency(t.competency);
        expect(f.target(f.role(t.role), c)?.code).toBe(t.level);
      }
    }
  });
});
