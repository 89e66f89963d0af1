import { builtIn } from './frameworks/library';
import { isNotRated, Scale } from './scale';
import { CompetencyError } from './problems';

const mit = builtIn('mit-devops').scale('mit-proficiency');
const kaairo = builtIn('kaairo-devops').scale('kaairo-proficiency');
const ddat = builtIn('ddat-devops');
const depth = ddat.scale('ddat-depth');
const skill = ddat.scale('ddat-skill-level');

describe('reading a level', () => {
  it('resolves a code, in any case', () => {
    expect(mit.parse('A')?.name).toBe('Advanced');
    expect(mit.parse('bd')?.name).toBe('Being Developed');
  });

  it('resolves a name in any case or spacing', () => {
    expect(mit.parse('  advanced ')?.code).toBe('A');
    expect(mit.parse('BEING   developed')?.code).toBe('BD');
    expect(kaairo.parse('Proficient')?.value).toBe(3);
  });

  it('resolves a number as the level value', () => {
    expect(kaairo.parse(4)?.name).toBe('Advanced');
    expect(kaairo.parse('4')?.name).toBe('Advanced');
    expect(mit.parse(2)?.code).toBe('B');
  });

  it("resolves the sources' own spellings", () => {
    expect(kaairo.parse('Advanced (4/5)')?.value).toBe(4);
    expect(skill.parse('3 – Practitioner')?.name).toBe('Practitioner');
    expect(skill.parse('3 - practitioner')?.name).toBe('Practitioner');
    expect(depth.parse('Proficient in')?.code).toBe('Proficient');
    expect(depth.parse('familiar with')?.code).toBe('Familiar');
  });

  it('refuses a compound spelling whose parts disagree', () => {
    expect(() => kaairo.parse('Advanced (2/5)')).toThrow(CompetencyError);
  });

  it('treats blank and N/A as not rated, never as a level', () => {
    for (const blank of [null, undefined, '', '   ', 'N/A', 'n/a', 'NA', 'not rated']) {
      expect(mit.parse(blank)).toBeNull();
      expect(isNotRated(blank)).toBe(true);
    }
    expect(isNotRated('B')).toBe(false);
  });

  it('gives a typed error that names the valid levels for anything else', () => {
    let error: unknown;
    try {
      mit.parse('Guru');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as CompetencyError).kind).toBe('unknown-level');
    expect((error as CompetencyError).message).toBe(
      '"Guru" is not a level of the Proficiency level scale; use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave it blank for not rated',
    );
  });

  it('refuses numbers that are not a level value', () => {
    expect(() => kaairo.parse(7)).toThrow(/"7" is not a level/);
    expect(() => kaairo.parse(Number.NaN)).toThrow(CompetencyError);
  });

  it('ranks levels from the lowest', () => {
    expect(mit.rank(mit.parse('BD')!)).toBe(0);
    expect(mit.rank(mit.parse('E')!)).toBe(4);
  });

  it('resolves every level of every built-in scale by its code, its name and its value', () => {
    for (const id of ['mit-devops', 'ddat-devops', 'canon-devops-p3', 'sre-ladder', 'kaairo-devops']) {
      for (const scale of builtIn(id).scales) {
        for (const level of scale.levels) {
          expect(scale.parse(level.code)).toBe(level);
          expect(scale.parse(level.name.toUpperCase())).toBe(level);
          expect(scale.parse(level.value)).toBe(level);
          for (const alias of level.aliases ?? []) expect(scale.parse(alias)).toBe(level);
        }
      }
    }
  });

  it('prefers a code over a name when a spelling is both', () => {
    const s = new Scale({
      id: 'x',
      name: 'X',
      levels: [
        { code: 'B', name: 'A', value: 1 },
        { code: 'A', name: 'Other', value: 2 },
      ],
    });
    expect(s.parse('A')?.value).toBe(2);
  });
});
