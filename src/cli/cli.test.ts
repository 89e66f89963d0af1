import { main } from './index';
import { captureIO } from './testIO';

async function run(...argv: string[]) {
  const io = captureIO();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

// The Summary Proficiency Matrix of the MIT source, typed from the page:
// competency: DevOps Engineer I, II, III, IV.
const MIT_SUMMARY: Record<string, string[]> = {
  Adaptability: ['B', 'I', 'A', 'A'],
  'Analytical Thinking': ['BD', 'B', 'I', 'A'],
  'Business Function Knowledge': ['BD', 'B', 'I', 'A'],
  'Communications for Results': ['B', 'I', 'I', 'A'],
  'Openness to Learning': ['BD', 'B', 'I', 'A'],
  'Problem Solving': ['BD', 'B', 'I', 'A'],
  'Systems Thinking': ['B', 'I', 'A', 'E'],
  Teamwork: ['B', 'I', 'A', 'A'],
  Thoroughness: ['B', 'I', 'A', 'A'],
};

describe('the command line', () => {
  it('lists the five built-in frameworks as CSV with counts', async () => {
    const { code, out } = await run('frameworks', 'list', '--format', 'csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('id,name,roles,competencies,scales');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'mit-devops',
      'ddat-devops',
      'canon-devops-p3',
      'sre-ladder',
      'kaairo-devops',
    ]);
    expect(lines[1]).toBe('mit-devops,MIT IS&T DevOps Engineer,4,9,1');
    expect(lines).toContain('kaairo-devops,DevOps Engineer Competency Framework (Finance),3,8,1');
    expect(lines.find((l) => l.startsWith('ddat-devops'))?.endsWith(',2')).toBe(true);
  });

  it("prints MIT's targets exactly as its summary matrix states them", async () => {
    const { code, out } = await run('targets', 'mit-devops', '--format', 'csv');
    expect(code).toBe(0);
    const roles = ['DevOps Engineer I', 'DevOps Engineer II', 'DevOps Engineer III', 'DevOps Engineer IV'];
    const expected = Object.entries(MIT_SUMMARY).flatMap(([c, levels]) => levels.map((l, i) => `${c},${roles[i]},${l}`));
    expect(out.trim().split('\n')).toEqual(['competency,role,level', ...expected]);
  });

  it("prints Kaairo's targets as level codes on its 1-5 scale", async () => {
    const { out } = await run('targets', 'kaairo-devops', '--format', 'csv');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1 + 8 * 3);
    expect(lines).toContain('Security Best Practices,Entry-Level,1');
    expect(lines).toContain('Security Best Practices,Senior,5');
    expect(lines).toContain('Continuous Integration/Continuous Deployment (CI/CD),Mid-Level,4');
  });

  it('prints each scale with code, name, value and definition', async () => {
    const { out } = await run('levels', 'ddat-devops');
    expect(out).toMatch(/Practitioner = 3/);
    expect(out).toMatch(/Proficient +Proficient in = 3/);
    const csv = await run('levels', 'mit-devops', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toBe('scale,code,name,value,definition');
    expect(csv.out).toMatch(/^mit-proficiency,A,Advanced,4,/m);
  });

  it('shows a readable summary of a framework', async () => {
    const { code, out } = await run('frameworks', 'show', 'sre-ladder');
    expect(code).toBe(0);
    expect(out).toMatch(/^Titles for Ops/);
    expect(out).toMatch(/Roles \(5, lowest first\)/);
    expect(out).toMatch(/Skill: Mastery; Tech and Tooling; Scope; Judgment/);
  });

  it('gives a one-line error and a non-zero exit for an unknown id', async () => {
    const { code, out, err } = await run('targets', 'nope');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'competency-matrix: no built-in framework "nope"; the built-in ones are mit-devops, ddat-devops, canon-devops-p3, sre-ladder or kaairo-devops\n',
    );
  });

  it('gives a one-line usage error for bad arguments', async () => {
    for (const argv of [['frameworks', 'list', '--format', 'xml'], ['frameworks', 'list', '--colour'], ['levels'], ['dance']]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/^competency-matrix: /);
    }
  });
});
