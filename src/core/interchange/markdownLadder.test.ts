/**
 * Career ladders written as Markdown headings. The SRE ladder's public source
 * text (../shared/source-frameworks/003_6727a1017ec8ed27.txt) imported here must
 * equal the built-in `sre-ladder`, encoded by hand from the same text: roles,
 * dimensions, targets and descriptors, so each checks the other.
 */
import fs from 'fs';
import path from 'path';
import { importFrameworkText } from './importFramework';
import { builtIn } from '../frameworks/library';
import type { Framework } from '../framework/validate';
import { announceSkip } from '../../../tests/support/announceSkip';

const SOURCE_DIR = process.env.SOURCE_FRAMEWORKS ?? path.resolve(__dirname, '../../../../shared/source-frameworks');
const SRE_SOURCE = path.join(SOURCE_DIR, '003_6727a1017ec8ed27.txt');
const sre = fs.existsSync(SRE_SOURCE) ? fs.readFileSync(SRE_SOURCE, 'utf8') : undefined;
if (!sre)
  announceSkip(`the SRE source text is not at ${SRE_SOURCE}: skipping the comparison with the built-in sre-ladder (set SOURCE_FRAMEWORKS)`);
const withSource = sre ? it : it.skip;

const FIXTURES = path.join(__dirname, '../../../tests/fixtures/frameworks/markdown');

/** What the comparison is about, in names: ids are made differently by hand and by the importer. */
function ladderFacts(fw: Framework) {
  const role = new Map(fw.roles.map((r) => [r.id, `${r.name} (${r.code})`]));
  const competency = new Map(fw.competencies.map((c) => [c.id, c.name]));
  const category = new Map(fw.categories.map((c) => [c.id, c.name]));
  return {
    roles: fw.roles.map((r) => `${r.name} (${r.code})`),
    levels: fw.scales[0].levels.map((l) => ({ code: l.code, name: l.name, value: l.value, aliases: l.aliases })),
    dimensions: fw.competencies.map((c) => `${category.get(c.category ?? '')} / ${c.name}`),
    targets: fw.targets.map((t) => `${role.get(t.role)} → ${competency.get(t.competency)} at ${t.level}`),
    descriptors: fw.competencies.map((c) => ({ dimension: c.name, descriptors: c.descriptors })),
  };
}

function refusal(text: string): string {
  try {
    importFrameworkText('ladder.md', text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the file was imported');
}

describe('a career ladder written as Markdown headings', () => {
  withSource('imports the SRE source text as the built-in sre-ladder: same roles, dimensions, targets and descriptors', () => {
    const { framework, format } = importFrameworkText('003_6727a1017ec8ed27.txt', sre as string);
    expect(format).toBe('markdown');
    const imported = ladderFacts(framework);
    const encoded = ladderFacts(builtIn('sre-ladder').data);
    expect(imported.roles).toEqual(encoded.roles);
    expect(imported.levels).toEqual(encoded.levels);
    expect(imported.dimensions).toEqual(encoded.dimensions);
    expect(imported.targets).toEqual(encoded.targets);
    expect(imported.descriptors).toEqual(encoded.descriptors);
    expect(framework.name).toBe('Titles for Ops');
  });

  it('reads a ladder without groups or bracketed codes: roles in order, wrapped bullets joined', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'support-ladder.md'), 'utf8');
    const { framework, warnings } = importFrameworkText('support-ladder.md', text);
    expect(framework.name).toBe('Customer Support Ladder');
    expect(framework.description).toBe('How we grow support engineers. Each title builds on the one before.');
    expect(framework.roles).toEqual([
      { id: 'support-engineer', name: 'Support Engineer', summary: 'Answers tickets in the product areas they know.' },
      { id: 'senior-support-engineer', name: 'Senior Support Engineer' },
      { id: 'support-lead', name: 'Support Lead' },
    ]);
    expect(framework.scales[0].levels.map((l) => `${l.code}=${l.name}`)).toEqual([
      '1=Support Engineer',
      '2=Senior Support Engineer',
      '3=Support Lead',
    ]);
    expect(framework.categories).toEqual([]);
    expect(framework.competencies.map((c) => c.name)).toEqual(['Troubleshooting', 'Customer communication', 'Knowledge sharing']);
    expect(framework.competencies[0].descriptors?.['1']).toBe(
      "- Reproduces a customer's problem from the ticket and the logs they attach.\n- Escalates with a clear summary.",
    );
    expect(framework.competencies[1].descriptors?.['1']).toBe('- Writes replies that are kind and precise.');
    expect(framework.targets.filter((t) => t.competency === 'knowledge-sharing').map((t) => `${t.role}:${t.level}`)).toEqual([
      'support-engineer:1',
      'senior-support-engineer:2',
      'support-lead:3',
    ]);
    expect(warnings[0]).toEqual({
      path: 'line 30',
      message: '"Knowledge sharing" is not described for "Support Engineer"; those roles still target their own level on it',
    });
  });

  it('reads a ladder under front matter that lists no topics, with lines counted from the top of the file', () => {
    const text =
      '---\ntitle: Wiki page\ntags: [careers]\n---\n# L\n## A (1)\n### Coding\n- x\n## B (2)\n### Coding\n- y\n### Coding\n- z\n';
    expect(refusal(text)).toBe('ladder.md: line 12: "Coding" appears twice under "B (2)" (also on line 10); merge the two');
    const { framework, format } = importFrameworkText('ladder.md', text.replace(/### Coding\n- z\n$/, ''));
    expect(format).toBe('markdown');
    expect(framework.competencies[0].descriptors).toEqual({ '1': '- x', '2': '- y' });
  });

  it('names the line of a dimension put under another group than before', () => {
    const text = '# L\n## A (1)\n### Skill\n#### Coding\n- x\n## B (2)\n### People\n#### Coding\n- y\n';
    expect(refusal(text)).toBe(
      'ladder.md: line 8: "Coding" is under "People" here but under "Skill" on line 4; put a dimension under the same group for every role',
    );
  });

  it('names the line of a level code used twice, and of a dimension given twice in one role', () => {
    expect(refusal('## A (L1)\n### Coding\n- x\n## B (L1)\n### Coding\n- y\n')).toBe(
      'ladder.md: line 4: role level "L1" is used by the role on line 1 too; give each role its own level code',
    );
    expect(refusal('# L\n## A\n### Coding\n- x\n### Coding\n- y\n')).toBe(
      'ladder.md: line 5: "Coding" appears twice under "A" (also on line 3); merge the two',
    );
  });

  it('refuses a document with only one level of headings, saying what a ladder needs', () => {
    expect(refusal('# Notes\n\n- one\n- two\n')).toMatch(
      /^ladder\.md: line 1: a career ladder needs a heading for each role .* and, below it, one for each dimension/,
    );
  });
});
