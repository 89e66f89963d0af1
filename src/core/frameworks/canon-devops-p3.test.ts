/**
 * The "Canon taxonomy" role DevOps Engineering Professional P3 as data: valid,
 * and faithful to the published text. The cross-checks parse the source text
 * on their own (not with the code that wrote the data) and compare.
 */
import fs from 'fs';
import path from 'path';
import { SOURCE_DIR, sourceText } from '../../../tests/support/sourceText';
import data from './data/canon-devops-p3.json';
import { validateFramework, type Framework } from '../framework/validate';
import { Scale } from '../scale';

const SOURCE_FILE = path.join(SOURCE_DIR, '002_d3f86cfc38fb997e.txt');
const ROLE = 'devops-engineering-professional-p3';

function framework(): Framework {
  const result = validateFramework(data);
  if (!result.framework) {
    throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  }
  return result.framework;
}

describe('the canon-devops-p3 framework data', () => {
  it('passes schema and semantic validation with no errors and no warnings', () => {
    const result = validateFramework(data);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.framework?.id).toBe('canon-devops-p3');
  });

  it('has one role, coded P3, and targets every competency at P3 for it', () => {
    const fw = framework();
    expect(fw.roles).toHaveLength(1);
    expect(fw.roles[0]).toMatchObject({ id: ROLE, code: 'P3' });
    expect(fw.targets).toHaveLength(fw.competencies.length);
    for (const c of fw.competencies) {
      expect(c.scale).toBe('canon-career-level');
      expect(fw.targets.filter((t) => t.competency === c.id)).toEqual([{ role: ROLE, competency: c.id, level: 'P3' }]);
    }
  });

  it('marks the career-level scale incomplete, because the source defines P3 only', () => {
    const fw = framework();
    expect(fw.scales).toHaveLength(1);
    const [scale] = fw.scales;
    expect(scale.id).toBe('canon-career-level');
    expect(scale.levels.map((l) => [l.code, l.name, l.value])).toEqual([['P3', 'Mid-Level Professional', 3]]);
    expect(scale.complete).toBe(false);
    expect(scale.note).toMatch(/only P3/);
  });

  it('notes that the requirement items carry no per-item level and are required at the role level', () => {
    const fw = framework();
    expect((fw.notes ?? []).some((n) => /no per-item level/.test(n) && /role's level/.test(n))).toBe(true);
  });
});

// The source text sits outside the project, in shared/source-frameworks (or where
// SOURCE_FRAMEWORKS points). A checkout without it cannot cross-check the data
// against the text, so those tests are skipped rather than failed.
const describeWithSource = sourceText(path.basename(SOURCE_FILE), 'canon-devops-p3').describeAgainstSource;

describeWithSource('the canon-devops-p3 data against its source text', () => {
  let text = '';
  let fw: Framework;

  interface RequirementList {
    heading: string;
    stated: number;
    items: string[];
  }

  /** "Responsibilities7" followed by its bullets; each bullet ends with the tags "commonlevel". */
  function requirementLists(): RequirementList[] {
    const components = text.slice(text.indexOf('\nComponents\n'), text.indexOf('\nTitle aliases\n'));
    const lists: RequirementList[] = [];
    const re = /^([A-Za-z]+?)(\d+)\n\n((?:[ \t]*•.*(?:\n|$))+)/gm;
    for (let m = re.exec(components); m; m = re.exec(components)) {
      const items = m[3]
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .map((l) => l.replace(/^•\s*/, '').replace(/commonlevel$/, ''));
      lists.push({ heading: m[1], stated: Number(m[2]), items });
    }
    return lists;
  }

  /** The label / value lines under "Level — P3 — Mid-Level Professional", after its definition. */
  function levelAttributes(): { heading: string; definition: string; attributes: [string, string][] } {
    const m = /^(Level — (\S+) — .+)\n\n(.+)\n\n((?:.+\n)+)/m.exec(text);
    if (!m) throw new Error('level block not found');
    const rows = m[4].trimEnd().split('\n');
    expect(rows.length % 2).toBe(0);
    const attributes: [string, string][] = [];
    for (let i = 0; i < rows.length; i += 2) attributes.push([rows[i].trim(), rows[i + 1].trim()]);
    return { heading: m[1], definition: m[3].trim(), attributes };
  }

  function paragraphAfter(heading: string): string {
    const m = new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\n((?:.+\\n?)+)`, 'm').exec(text);
    if (!m) throw new Error(`no section "${heading}"`);
    return m[1].trimEnd();
  }

  function dimensionNamed(name: string, group: string) {
    const d = fw.roleDimensions.find((x) => x.name === name && x.group === group);
    if (!d) throw new Error(`no role dimension "${name}" in "${group}"`);
    return d;
  }

  beforeAll(() => {
    text = fs.readFileSync(SOURCE_FILE, 'utf8').replace(/\r\n/g, '\n');
    fw = framework();
  });

  it('names the role as the source title and carries its summary', () => {
    const title = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')[1];
    expect(fw.roles[0].name).toBe(title);
    expect(fw.provenance.title).toBe(title);
    expect(fw.roles[0].summary).toBe(paragraphAfter('Summary'));
  });

  it('keeps every requirement item of every list, as many as each list heading states, each targeted at P3', () => {
    const lists = requirementLists();
    expect(lists.map((l) => l.heading.toLowerCase())).toEqual([
      'responsibilities',
      'tasks',
      'skills',
      'knowledge',
      'competency',
      'qualification',
    ]);
    for (const list of lists) {
      expect(list.items).toHaveLength(list.stated);
      const category = fw.categories.find((c) => c.name.toLowerCase() === list.heading.toLowerCase());
      expect(category).toBeDefined();
      const inCategory = fw.competencies.filter((c) => c.category === category!.id);
      expect(inCategory.map((c) => c.name)).toEqual(list.items);
      for (const c of inCategory) {
        expect(fw.targets.find((t) => t.role === ROLE && t.competency === c.id)?.level).toBe('P3');
      }
    }
    expect(fw.competencies).toHaveLength(lists.reduce((n, l) => n + l.stated, 0));
  });

  it('keeps the career level with the name and definition the source gives, and reads the source spelling of it', () => {
    const { heading, definition } = levelAttributes();
    const [level] = fw.scales[0].levels;
    expect(heading).toBe(`Level — ${level.code} — ${level.name}`);
    expect(level.definition).toBe(definition);
    const scale = new Scale(fw.scales[0]);
    expect(scale.parse(`${level.code} — ${level.name}`)?.code).toBe('P3');
    expect(text).toContain(`${level.code} — ${level.name}`);
  });

  it('keeps every level attribute as a role dimension with the role text', () => {
    const { attributes } = levelAttributes();
    expect(attributes.map(([label]) => label)).toEqual(
      expect.arrayContaining(['Scope', 'Autonomy', 'Complexity', 'Impact', 'Decision rights', 'Leadership']),
    );
    const dims = fw.roleDimensions.filter((d) => d.group === 'Level attributes');
    expect(dims.map((d) => d.name)).toEqual(attributes.map(([label]) => label));
    for (const [label, value] of attributes) {
      expect(fw.roles[0].descriptions?.[dimensionNamed(label, 'Level attributes').id]).toBe(value);
    }
  });

  it('keeps every section of the story of the role', () => {
    const group = 'The story of this role';
    const sections = ['Who does this work', 'The problem this role solves', 'The plan', "What's at stake", 'Success looks like'];
    expect(fw.roleDimensions.filter((d) => d.group === group).map((d) => d.name)).toEqual(sections);
    for (const s of sections) {
      const stored = fw.roles[0].descriptions?.[dimensionNamed(s, group).id] ?? '';
      const lines = paragraphAfter(s)
        .split('\n')
        .map((l) => l.trim().replace(/^•\s*/, ''));
      for (const l of lines) expect(stored).toContain(l);
    }
  });

  it('claims no year or licence that the text does not state', () => {
    expect(/\b(19|20)\d\d\b/.test(text)).toBe(false);
    expect(fw.provenance.year).toBeUndefined();
    expect(/licen[cs]e|copyright|©|terms of use/i.test(text)).toBe(false);
    expect(fw.provenance.licence).toMatch(/not stated/);
  });
});
