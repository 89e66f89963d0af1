import { builtInScales, scaleFromChoice } from './scaleChoice';

describe('the scale chosen for a framework file that states no levels', () => {
  it('is a copy of a built-in scale named by its id', () => {
    const scale = scaleFromChoice('kaairo-proficiency');
    expect(scale.id).toBe('kaairo-proficiency');
    expect(scale.levels.map((l) => `${l.code}=${l.name}`)).toEqual(['1=Basic', '2=Developing', '3=Proficient', '4=Advanced', '5=Expert']);
  });

  it('is levels 1..N from names given lowest first', () => {
    expect(scaleFromChoice(' Novice, Developing ,Proficient,Expert ').levels).toEqual([
      { code: '1', name: 'Novice', value: 1 },
      { code: '2', name: 'Developing', value: 2 },
      { code: '3', name: 'Proficient', value: 3 },
      { code: '4', name: 'Expert', value: 4 },
    ]);
  });

  it('refuses an unknown id, listing the built-in scales and the names form', () => {
    expect(() => scaleFromChoice('proficient')).toThrow(
      /--scale "proficient" is not a built-in scale; use one of mit-proficiency \(Being Developed … Expert\), .*kaairo-proficiency \(Basic … Expert\), or give level names lowest first/,
    );
  });

  it('refuses a name given twice or left blank, naming the level', () => {
    expect(() => scaleFromChoice('Low,Mid,low')).toThrow('"low" is given twice (levels 1 and 3); each level needs its own name');
    expect(() => scaleFromChoice('Low,,High')).toThrow('level 2 has no name');
  });

  it('lists every scale the built-in frameworks use, once each', () => {
    expect(builtInScales().map((s) => s.id)).toEqual([
      'mit-proficiency',
      'ddat-depth',
      'ddat-skill-level',
      'canon-career-level',
      'sre-level',
      'kaairo-proficiency',
    ]);
  });
});
