import { builtIn } from '../frameworks/library';
import { frameworkFromCsvTables, frameworkToCsvTables } from './csvTableSet';

const COMPETENCIES =
  'competency id,competency,category,definition\ncoding,Coding,Technical,Writes and reviews code\nmentoring,Mentoring,People,Helps colleagues grow\n';
const LEVELS = [
  'scale,competency,level,name,value,descriptor',
  'craft,,1,Basic,1,',
  'craft,,2,Skilled,2,',
  'craft,,3,Expert,3,',
  ',Coding,1,,,Writes small changes',
  ',Coding,3,,,Designs systems',
  ',Mentoring,2,,,Pairs with newer colleagues',
].join('\n');
const TARGETS = 'competency,role,target\nCoding,Junior,1\nCoding,Senior,Expert\nMentoring,Senior,2\n';

describe('a set of CSV tables', () => {
  it('reads competencies, levels with descriptors and targets into one framework', () => {
    const { framework } = frameworkFromCsvTables(
      [
        { name: 'acme/competencies.csv', text: COMPETENCIES },
        { name: 'acme/levels.csv', text: LEVELS },
        { name: 'acme/targets.csv', text: TARGETS },
      ],
      'acme',
    );
    expect(framework.scales).toEqual([
      {
        id: 'craft',
        name: 'craft',
        levels: [
          { code: '1', name: 'Basic', value: 1 },
          { code: '2', name: 'Skilled', value: 2 },
          { code: '3', name: 'Expert', value: 3 },
        ],
      },
    ]);
    expect(framework.competencies).toEqual([
      {
        id: 'coding',
        name: 'Coding',
        category: 'technical',
        definition: 'Writes and reviews code',
        scale: 'craft',
        descriptors: { '1': 'Writes small changes', '3': 'Designs systems' },
      },
      {
        id: 'mentoring',
        name: 'Mentoring',
        category: 'people',
        definition: 'Helps colleagues grow',
        scale: 'craft',
        descriptors: { '2': 'Pairs with newer colleagues' },
      },
    ]);
    expect(framework.roles.map((r) => r.name)).toEqual(['Junior', 'Senior']);
    expect(framework.targets).toEqual([
      { role: 'junior', competency: 'coding', level: '1' },
      { role: 'senior', competency: 'coding', level: '3' },
      { role: 'senior', competency: 'mentoring', level: '2' },
    ]);
  });

  it('does not care in which order the files come, or what they are prefixed with', () => {
    const a = frameworkFromCsvTables(
      [
        { name: 'targets.csv', text: TARGETS },
        { name: 'levels.csv', text: LEVELS },
        { name: 'competencies.csv', text: COMPETENCIES },
      ],
      'x',
    ).framework;
    const b = frameworkFromCsvTables(
      [
        { name: 'Acme Competencies.csv', text: COMPETENCIES },
        { name: 'acme_levels.csv', text: LEVELS },
        { name: 'acme-targets.csv', text: TARGETS },
      ],
      'x',
    ).framework;
    expect(a).toStrictEqual(b);
  });

  it('reads levels.csv written as one row per competency and level, checking each level says the same everywhere', () => {
    const perCompetency =
      'competency,level,name,value,descriptor\nCoding,1,Basic,1,Small changes\nCoding,2,Skilled,2,Features\nMentoring,1,Basic,1,Answers questions\nMentoring,2,Skilled,2,Pairs\n';
    const { framework } = frameworkFromCsvTables(
      [
        { name: 'levels.csv', text: perCompetency },
        { name: 'targets.csv', text: TARGETS.replace('Expert', '2') },
      ],
      'x',
    );
    expect(framework.scales[0].levels).toEqual([
      { code: '1', name: 'Basic', value: 1 },
      { code: '2', name: 'Skilled', value: 2 },
    ]);
    expect(() =>
      frameworkFromCsvTables(
        [
          { name: 'levels.csv', text: perCompetency.replace('Mentoring,2,Skilled,2', 'Mentoring,2,Skilled,3') },
          { name: 'targets.csv', text: 'competency,role,target\nCoding,Junior,1\n' },
        ],
        'x',
      ),
    ).toThrow(/levels\.csv row 5: level "2" has value 2 in levels\.csv row 3 but 3 here; use one value/);
  });

  it('writes one file per kind of table, the three core ones always among them', () => {
    expect(frameworkToCsvTables(builtIn('kaairo-devops').data).map((f) => f.name)).toEqual([
      'framework.csv',
      'scales.csv',
      'levels.csv',
      'categories.csv',
      'roles.csv',
      'competencies.csv',
      'targets.csv',
    ]);
    expect(frameworkToCsvTables(builtIn('mit-devops').data).map((f) => f.name)).toContain('role-texts.csv');
  });

  it('names the file and row of a problem in a set', () => {
    expect(() =>
      frameworkFromCsvTables(
        [
          { name: 'competencies.csv', text: COMPETENCIES },
          { name: 'levels.csv', text: LEVELS },
          { name: 'targets.csv', text: `${TARGETS}Coding,Lead,4\n` },
        ],
        'x',
      ),
    ).toThrow(
      /^competencies\.csv, levels\.csv and targets\.csv: targets\.csv row 5: level "4" is not on scale "craft"; use one of 1, 2 or 3/,
    );
  });
});
