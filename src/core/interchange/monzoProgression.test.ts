/**
 * Progression frameworks in Monzo's format (Markdown with YAML front matter),
 * written for these tests in tests/fixtures/frameworks/monzo: 7, 4 and 5
 * levels, topics with empty titles, example criteria, a Markdown body.
 */
import fs from 'fs';
import path from 'path';
import { importFrameworkText } from './importFramework';

const FIXTURES = path.join(__dirname, '../../../tests/fixtures/frameworks/monzo');
const read = (name: string) => importFrameworkText(name, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

function refusal(text: string): string {
  try {
    importFrameworkText('ladder.md', text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the file was imported');
}

describe('a progression framework in Monzo’s format', () => {
  it('is told from its content: YAML front matter makes it one, whatever the file is called', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'product-design-four-levels.md'), 'utf8');
    expect(importFrameworkText('design.txt', text).format).toBe('monzo');
  });

  it('gives levels 1..N and roles Level 1..Level N that target their own level on every topic', () => {
    const { framework } = read('backend-seven-levels.md');
    expect(framework.name).toBe('Backend Engineering');
    expect(framework.scales[0].levels.map((l) => `${l.code}=${l.name}=${l.value}`)).toEqual([
      '1=Level 1=1',
      '2=Level 2=2',
      '3=Level 3=3',
      '4=Level 4=4',
      '5=Level 5=5',
      '6=Level 6=6',
      '7=Level 7=7',
    ]);
    expect(framework.roles.map((r) => r.name)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Level 6', 'Level 7']);
    expect(framework.targets).toHaveLength(7 * 4);
    expect(framework.targets.filter((t) => t.role === 'level-5').map((t) => t.level)).toEqual(['5', '5', '5', '5']);
  });

  it('names a topic by its title, or by its name where the title is empty', () => {
    expect(read('backend-seven-levels.md').framework.competencies.map((c) => c.name)).toEqual([
      'summary',
      'Technical skills',
      'Delivery',
      'people',
    ]);
    expect(read('product-design-four-levels.md').framework.competencies.map((c) => c.name)).toEqual([
      'Design craft',
      'User research',
      'collaboration',
    ]);
  });

  it('writes each level’s criteria as bullets, example criteria followed by their examples', () => {
    const technical = read('backend-seven-levels.md').framework.competencies[1];
    expect(technical.descriptors).toEqual({
      '1':
        '- Writes code that is tested and reviewed\n' +
        '- Uses the internal style guide without reminders\n' +
        '- Provides helpful and actionable feedback in code reviews\n' +
        '  Example: Explains why a change is needed, not only what\n' +
        '  Example: Links the relevant part of the style guide',
      '3':
        '- Designs services that fail gracefully\n' +
        '- Writes design documents that consider alternatives\n' +
        '  Example: I decided to X instead of Y here, I also considered Z',
      '7': '- Is recognised outside the company for their technical work',
    });
    expect(read('product-design-four-levels.md').framework.competencies[1].descriptors?.['1']).toBe(
      '- Takes part in research sessions\n  Example: Takes notes during a usability test',
    );
  });

  it('takes the Markdown body as the description, without the heading that repeats the title', () => {
    expect(read('backend-seven-levels.md').framework.description).toBe(
      'This framework describes what we expect of backend engineers at each of seven levels.\n\n' +
        '- Levels 1-2: learning the craft\n- Levels 3-4: owning projects and squads\n- Levels 5-7: shaping the discipline',
    );
    expect(read('product-design-four-levels.md').framework.description).toBeUndefined();
    const data = read('data-science-five-levels.md').framework;
    expect(data.name).toBe('Data Science 📊');
    expect(data.description).toBe('Data scientists turn data into decisions. Levels follow the engineering ladder.');
    expect(data.competencies.map((c) => Object.keys(c.descriptors ?? {}))).toEqual([
      ['1', '2', '3', '4', '5'],
      ['1', '3', '5'],
      ['2', '4'],
    ]);
  });

  it('reads a quoted number of levels as that number', () => {
    const { framework } = importFrameworkText('q.md', "---\ntitle: Q\nlevels: '2'\ntopics:\n  - name: a\n    title: A\n---\n");
    expect(framework.scales[0].levels.map((l) => l.code)).toEqual(['1', '2']);
  });

  it('names the file line of a YAML mistake', () => {
    expect(refusal('---\ntitle: x\nlevels: 3\ntopics:\n  - name: a\n    title: [unclosed\n---\n')).toMatch(
      /^ladder\.md: line 6: the YAML front matter cannot be read: .*; check the indentation and quotes there$/,
    );
  });

  it('names the line and topic of a level outside the framework’s levels', () => {
    const text =
      '---\ntitle: T\nlevels: 3\ntopics:\n  - name: a\n    title: Alpha\n    content:\n      - level: 4\n        criteria: [x]\n---\n';
    expect(refusal(text)).toBe(
      'ladder.md: line 8: topic "Alpha": level 4 is not one of the framework\'s levels 1 to 3; correct it, or raise "levels"',
    );
  });

  it('refuses front matter without levels or topics, or a topic with neither title nor name', () => {
    expect(refusal('---\ntitle: T\ntopics: []\n---\n')).toBe(
      'ladder.md: 2 problems, nothing was imported: line 2: the front matter has no "levels"; add "levels: N", the number of levels (e.g. levels: 5); line 3: the front matter has no topics; list them under "topics:", each with a name, a title and its criteria per level',
    );
    expect(refusal('---\nlevels: 2\ntopics:\n  - title: ""\n    content: []\n---\n')).toBe(
      'ladder.md: line 4: topic 1 has neither a title nor a name; give it a title (or a name, used where the title is empty)',
    );
    expect(refusal('---\nlevels: 2\ntopics: [a]\n')).toBe(
      'ladder.md: line 1: the front matter opened by "---" is never closed; end it with a line holding only "---"',
    );
  });
});
