import { builtIn } from '../frameworks/library';
import { frameworkFromLongCsv, frameworkToLongCsv } from './csvLongTable';
import { parseCsv } from './csvText';

const HAND_WRITTEN = [
  'competency,category,level,descriptor,role,target',
  'Coding,Technical,1,Writes small changes with help,,',
  'Coding,Technical,2,Delivers features on their own,,',
  'Coding,Technical,3,Designs systems others build on,,',
  'Coding,Technical,,,Junior,1',
  'Coding,Technical,,,Senior,3',
  'Mentoring,People,2,Pairs with newer colleagues,Senior,2',
  'Mentoring,People,,,Junior,',
].join('\n');

describe('the CSV long table', () => {
  it('reads a hand-written table of competency facts into a whole framework', () => {
    const { framework, warnings } = frameworkFromLongCsv('acme-skills.csv', HAND_WRITTEN);
    expect(framework.id).toBe('acme-skills');
    expect(framework.categories).toEqual([
      { id: 'technical', name: 'Technical' },
      { id: 'people', name: 'People' },
    ]);
    expect(framework.roles).toEqual([
      { id: 'junior', name: 'Junior' },
      { id: 'senior', name: 'Senior' },
    ]);
    expect(framework.scales).toEqual([
      {
        id: 'proficiency',
        name: 'Proficiency',
        levels: [
          { code: '1', name: '1', value: 1 },
          { code: '2', name: '2', value: 2 },
          { code: '3', name: '3', value: 3 },
        ],
      },
    ]);
    expect(framework.competencies).toEqual([
      {
        id: 'coding',
        name: 'Coding',
        category: 'technical',
        scale: 'proficiency',
        descriptors: {
          '1': 'Writes small changes with help',
          '2': 'Delivers features on their own',
          '3': 'Designs systems others build on',
        },
      },
      { id: 'mentoring', name: 'Mentoring', category: 'people', scale: 'proficiency', descriptors: { '2': 'Pairs with newer colleagues' } },
    ]);
    expect(framework.targets).toEqual([
      { role: 'junior', competency: 'coding', level: '1' },
      { role: 'senior', competency: 'coding', level: '3' },
      { role: 'senior', competency: 'mentoring', level: '2' },
    ]);
    const said = warnings.map((w) => w.message).join('\n');
    expect(said).toMatch(/gives no framework name, so it is called "acme-skills"/);
    expect(said).toMatch(/does not state provenance.publisher and provenance.licence/);
    expect(said).toMatch(/levels 1=1, 2=2 and 3=3 were given no values, so their codes are their values/);
  });

  it('sorts numeric levels by value even when a target names a level before the descriptors do', () => {
    const text = 'competency,level,role,target\nCoding,,Senior,3\nCoding,1,,\nCoding,2,Junior,1\n';
    expect(frameworkFromLongCsv('t.csv', text).framework.scales[0].levels.map((l) => l.code)).toEqual(['1', '2', '3']);
  });

  it('counts named levels up in the order they first appear, and says so', () => {
    const text =
      'competency,level,descriptor,role,target\nCoding,Basic,Small changes,,\nCoding,Skilled,Features,,\nCoding,Expert,Systems,Lead,Expert\n';
    const { framework, warnings } = frameworkFromLongCsv('t.csv', text);
    expect(framework.scales[0].levels).toEqual([
      { code: 'Basic', name: 'Basic', value: 1 },
      { code: 'Skilled', name: 'Skilled', value: 2 },
      { code: 'Expert', name: 'Expert', value: 3 },
    ]);
    expect(warnings.some((w) => /count up in the order they first appear/.test(w.message))).toBe(true);
  });

  it('reads the semicolon-separated file European Excel saves, with a byte-order mark and decimal commas', () => {
    const text =
      '\uFEFFrecord;scale;level;name;value;competency;role;target\r\nlevel;half;L;Low;0,5;;;\r\nlevel;half;H;High;1,5;;;\r\n;;;;;Coding;Junior;L\r\n';
    const { framework } = frameworkFromLongCsv('europe.csv', text);
    expect(framework.scales[0].levels.map((l) => [l.code, l.value])).toEqual([
      ['L', 0.5],
      ['H', 1.5],
    ]);
    expect(framework.targets).toEqual([{ role: 'junior', competency: 'coding', level: 'L' }]);
  });

  it('understands the header spellings commercial exports use and reports the columns it ignores', () => {
    const text = 'Skill,Competency Category,Job Role,Required Level,Weight\nCoding,Technical,Junior,2,0.5\n';
    const { framework, warnings } = frameworkFromLongCsv('export.csv', text);
    expect(framework.competencies[0]).toMatchObject({ name: 'Coding', category: 'technical' });
    expect(framework.targets).toEqual([{ role: 'junior', competency: 'coding', level: '2' }]);
    expect(warnings[0]).toEqual({ path: 'row 1', message: 'column "Weight" is not part of a framework and was ignored' });
  });

  it('finds a scale by its name as well as its id, and reports cells a record does not use', () => {
    const text = [
      'record,scale,name,level,value,competency,role,target,descriptor',
      'scale,craft,Craft levels,,,,,,',
      'level,craft,Basic,1,1,,,,',
      'level,craft,Expert,2,2,,,,',
      'competency,Craft levels,,,,Coding,,,',
      'target,,,,,Coding,Junior,2,Designs systems',
    ].join('\n');
    const { framework, warnings } = frameworkFromLongCsv('t.csv', text);
    expect(framework.competencies[0].scale).toBe('craft');
    expect(warnings.find((w) => w.path === 'row 6')?.message).toBe(
      'the descriptor column is not used by target records and was ignored there (first in this row)',
    );
  });

  it('takes a level name or alias where a target cell should hold a code', () => {
    const csv = frameworkToLongCsv(builtIn('mit-devops').data).replace(/,DevOps Engineer I,BD,/, ',DevOps Engineer I,Being developed,');
    const { framework } = frameworkFromLongCsv('mit.csv', csv);
    expect(framework.targets).toEqual(builtIn('mit-devops').data.targets);
  });

  it('writes a record column first and the six columns people expect after it', () => {
    const header = parseCsv('x', frameworkToLongCsv(builtIn('kaairo-devops').data)).header;
    expect(header.slice(0, 7)).toEqual(['record', 'competency', 'category', 'level', 'descriptor', 'role', 'target']);
  });

  it('writes CRLF lines and a byte-order mark so Excel opens the file as UTF-8', () => {
    const csv = frameworkToLongCsv(builtIn('ddat-devops').data);
    expect(csv.startsWith('\uFEFFrecord,')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(100);
    expect(csv).toContain('Senior DevOps Engineer – Management');
  });

  it('guards formula-like text with an apostrophe, which the import removes again', () => {
    const fw = structuredClone(builtIn('kaairo-devops').data);
    fw.competencies[0].name = '=SUM(A1:A3)';
    fw.competencies[1].name = "'@already quoted";
    fw.competencies[2].definition = '- a bullet';
    const csv = frameworkToLongCsv(fw);
    expect(csv).toContain(",'=SUM(A1:A3),");
    expect(csv).toContain(",''@already quoted,");
    const back = frameworkFromLongCsv('k.csv', csv).framework;
    expect(back.competencies.slice(0, 3).map((c) => [c.name, c.definition?.slice(0, 10)])).toEqual([
      ['=SUM(A1:A3)', fw.competencies[0].definition?.slice(0, 10)],
      ["'@already quoted", fw.competencies[1].definition?.slice(0, 10)],
      [fw.competencies[2].name, '- a bullet'],
    ]);
  });

  it('guards every cell that starts the way a spreadsheet formula does, whichever column it is in', () => {
    const starts = ['=cmd', '@SUM(A1)', '+44 20', '-1', '\tTAB', '\rCR'];
    const fw = structuredClone(builtIn('kaairo-devops').data);
    starts.forEach((text, i) => (fw.competencies[i].name = text));
    fw.roles[0].name = '@Lead';
    const { rows } = parseCsv('x', frameworkToLongCsv(fw));
    const cells = rows.flatMap((r) => r.cells);
    // Read as a spreadsheet would: no cell may open with one of =, +, -, @, tab or CR.
    const unguarded = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(unguarded).toEqual([]);
    for (const text of [...starts, '@Lead']) expect(cells).toContain(`'${text}`);
  });

  it('keeps descriptors that run over several lines', () => {
    const sre = builtIn('sre-ladder').data;
    const back = frameworkFromLongCsv('sre.csv', frameworkToLongCsv(sre)).framework;
    expect(back.competencies[0].descriptors?.L1).toBe(sre.competencies[0].descriptors?.L1);
    expect(sre.competencies[0].descriptors?.L1).toContain('\n');
  });

  it('reads an export that a spreadsheet saved again without its trailing empty cells or byte-order mark', () => {
    const fw = builtIn('sre-ladder').data;
    const { header, rows } = parseCsv('x', frameworkToLongCsv(fw));
    const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const resaved = [header, ...rows.map((r) => r.cells)]
      .map((cells) => {
        const trimmed = [...cells];
        while (trimmed.length && trimmed[trimmed.length - 1] === '') trimmed.pop();
        return trimmed.map(quote).join(',');
      })
      .join('\n');
    const { $schema: _s, ...expected } = fw;
    expect(frameworkFromLongCsv('sre.csv', resaved).framework).toStrictEqual(expected);
  });

  it('applies an edit made in the exported table: a changed target level', () => {
    const fw = builtIn('kaairo-devops').data;
    const csv = frameworkToLongCsv(fw).replace(
      'target,Security Best Practices,,,,Senior,5,',
      'target,Security Best Practices,,,,Senior,4,',
    );
    const back = frameworkFromLongCsv('k.csv', csv).framework;
    const changed = back.targets.filter((t, i) => t.level !== fw.targets[i].level);
    expect(changed).toEqual([{ role: 'senior', competency: 'security-best-practices', level: '4' }]);
  });

  it('refuses a competency renamed in its own row but not in the rows that refer to it, naming both', () => {
    const csv = frameworkToLongCsv(builtIn('kaairo-devops').data).replace(
      'competency,Problem Solving,Supporting',
      'competency,Troubleshooting,Supporting',
    );
    expect(() => frameworkFromLongCsv('k.csv', csv)).toThrow(
      /competency id "problem-solving" is "Troubleshooting", but the competency column says "Problem Solving"; make them agree/,
    );
  });

  it('lists many problems at once, and how many more there are', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `target,Coding${i},Junior,9`);
    const text = ['record,competency,role,target', 'competency,Coding,,', ...rows].join('\n');
    expect(() => frameworkFromLongCsv('many.csv', text)).toThrow(/^many\.csv: 12 problems, nothing was imported: row 3: .*; and 4 more$/);
  });
});
