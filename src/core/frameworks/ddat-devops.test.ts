/**
 * The DDaT / BCS role profile "Senior DevOps Engineer – Management" as data:
 * valid, and faithful to the published text. The cross-checks parse the source
 * text on their own (not with the code that wrote the data) and compare.
 */
import fs from 'fs';
import path from 'path';
import { SOURCE_DIR, sourceText } from '../../../tests/support/sourceText';
import data from './data/ddat-devops.json';
import { validateFramework, type Framework } from '../framework/validate';
import { Scale } from '../scale';

const SOURCE_FILE = path.join(SOURCE_DIR, '001_b9687546cc3e465b.txt');
const ROLE = 'senior-devops-engineer-management';

function framework(): Framework {
  const result = validateFramework(data);
  if (!result.framework) {
    throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  }
  return result.framework;
}

function scaleOf(fw: Framework, id: string): Scale {
  const s = fw.scales.find((x) => x.id === id);
  if (!s) throw new Error(`no scale ${id}`);
  return new Scale(s);
}

function targetOf(fw: Framework, competencyId: string): string | undefined {
  return fw.targets.find((t) => t.role === ROLE && t.competency === competencyId)?.level;
}

describe('the ddat-devops framework data', () => {
  it('passes schema and semantic validation with no errors and no warnings', () => {
    const result = validateFramework(data);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.framework?.id).toBe('ddat-devops');
  });

  it('keeps both scales: the depth ladder and the DDaT skill-level ladder, each used by competencies', () => {
    const fw = framework();
    expect(fw.scales.map((s) => s.id)).toEqual(['ddat-depth', 'ddat-skill-level']);
    expect(fw.scales[0].levels.map((l) => [l.code, l.name, l.value])).toEqual([
      ['Aware', 'Aware of', 1],
      ['Familiar', 'Familiar with', 2],
      ['Proficient', 'Proficient in', 3],
    ]);
    expect(fw.scales[1].levels.map((l) => [l.code, l.name, l.value])).toEqual([
      ['1', 'Awareness', 1],
      ['2', 'Working', 2],
      ['3', 'Practitioner', 3],
      ['4', 'Expert', 4],
    ]);
    const used = new Set(fw.competencies.map((c) => c.scale));
    expect(used).toEqual(new Set(['ddat-depth', 'ddat-skill-level']));
  });

  it('has exactly one role, and every target is for it', () => {
    const fw = framework();
    expect(fw.roles.map((r) => r.id)).toEqual([ROLE]);
    expect(fw.targets.every((t) => t.role === ROLE)).toBe(true);
  });

  it('gives behavioural skills no target and says so in the notes', () => {
    const fw = framework();
    const behavioural = fw.competencies.filter((c) => c.category === 'behavioural-skills');
    expect(behavioural.length).toBeGreaterThan(0);
    for (const c of behavioural) expect(targetOf(fw, c.id)).toBeUndefined();
    expect((fw.notes ?? []).some((n) => /behavioural/i.test(n) && /no depth/i.test(n))).toBe(true);
  });
});

// The source text sits outside the project, in shared/source-frameworks (or where
// SOURCE_FRAMEWORKS points). A checkout without it cannot cross-check the data
// against the text, so those tests are skipped rather than failed.
const describeWithSource = sourceText(path.basename(SOURCE_FILE), 'ddat-devops').describeAgainstSource;

describeWithSource('the ddat-devops data against its source text', () => {
  const DEPTHS = ['Aware of', 'Familiar with', 'Proficient in'];
  const TYPES = ['Behavioural Skills', 'Behavioural', 'Technical Knowledge and Skills', 'Other Knowledge and Skills'];

  let text = '';
  let lines: string[] = [];
  let fw: Framework;

  /** Non-empty, trimmed lines strictly between two marker lines. */
  function between(start: string, end: string): string[] {
    const from = lines.indexOf(start);
    const to = lines.indexOf(end, from + 1);
    if (from < 0 || to < 0) throw new Error(`markers not found: ${start} / ${end}`);
    return lines.slice(from + 1, to);
  }

  /** Rows of a two-column table, read after its column-heading line. */
  function pairsAfter(heading: string, start: string, end: string): [string, string][] {
    const block = between(start, end);
    const body = block.slice(block.indexOf(heading) + 1);
    expect(body.length % 2).toBe(0);
    const rows: [string, string][] = [];
    for (let i = 0; i < body.length; i += 2) rows.push([body[i], body[i + 1]]);
    return rows;
  }

  interface KnowledgeItem {
    title: string;
    depth?: string;
    details: string;
    type: string;
  }

  /** Knowledge/Skills rows: each ends at its Type cell; a Depth cell sits between title and details when given. */
  function knowledgeItems(): KnowledgeItem[] {
    const block = between('Knowledge/Skills Components', 'Training Activities');
    const body = block.slice(block.indexOf('Title Depth Details Type') + 1);
    const items: KnowledgeItem[] = [];
    let cells: string[] = [];
    for (const line of body) {
      if (TYPES.includes(line)) {
        if (cells.length === 2) items.push({ title: cells[0], details: cells[1], type: line });
        else if (cells.length === 3 && DEPTHS.includes(cells[1]))
          items.push({ title: cells[0], depth: cells[1], details: cells[2], type: line });
        else throw new Error(`unexpected Knowledge/Skills row: ${cells.join(' | ')}`);
        cells = [];
      } else {
        cells.push(line);
      }
    }
    expect(cells).toEqual([]);
    return items;
  }

  interface DdatSkill {
    family: string;
    name: string;
    description: string;
    level: string;
    descriptor: string;
  }

  /** Organisation Skills rows: each starts with its "DDaT » ..." line. */
  function ddatSkills(): DdatSkill[] {
    const start = lines.indexOf('Skill Name and Description Level');
    const end = lines.findIndex((l) => l.startsWith('This job'));
    const chunks: string[][] = [];
    for (const line of lines.slice(start + 1, end)) {
      if (line.startsWith('DDaT »')) chunks.push([line]);
      else chunks[chunks.length - 1].push(line);
    }
    return chunks.map((c) => {
      expect(c).toHaveLength(5);
      return { family: c[0], name: c[1], description: c[2], level: c[3], descriptor: c[4] };
    });
  }

  function competencyNamed(name: string) {
    const c = fw.competencies.find((x) => x.name === name);
    if (!c) throw new Error(`no competency named "${name}"`);
    return c;
  }

  function dimensionsIn(group: string) {
    return fw.roleDimensions.filter((d) => d.group === group);
  }

  function description(dimensionId: string): string | undefined {
    return fw.roles[0].descriptions?.[dimensionId];
  }

  beforeAll(() => {
    text = fs.readFileSync(SOURCE_FILE, 'utf8');
    lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    fw = framework();
  });

  it('names the role, and titles the provenance, exactly as the source title', () => {
    expect(fw.roles[0].name).toBe(lines[0]);
    expect(fw.provenance.title).toBe(lines[0]);
  });

  it('carries the summary and every "At this role level" bullet', () => {
    expect(fw.roles[0].summary).toBe(lines[lines.indexOf('Summary') + 1]);
    const bullets = between('At this role level, you will:', 'Background').map((b) => b.replace(/^•\s*/, ''));
    expect(bullets.length).toBe(4);
    const dim = fw.roleDimensions.find((d) => d.group === 'Summary');
    expect(dim).toBeDefined();
    expect(description(dim!.id)).toBe(bullets.map((b) => `- ${b}`).join('\n'));
  });

  it('keeps every depth statement in the text as the target of its item', () => {
    const items = knowledgeItems();
    const depthScale = scaleOf(fw, 'ddat-depth');
    const withDepth = items.filter((i) => i.depth !== undefined);
    // Every "Aware of / Familiar with / Proficient in" line in the whole text belongs to a parsed item.
    const statements = lines.filter((l) => DEPTHS.includes(l));
    expect(withDepth.length).toBe(statements.length);
    for (const item of withDepth) {
      const c = competencyNamed(item.title);
      expect(c.scale).toBe('ddat-depth');
      expect(targetOf(fw, c.id)).toBe(depthScale.parse(item.depth)?.code);
    }
    const depthTargets = fw.targets.filter((t) => fw.competencies.find((c) => c.id === t.competency)?.scale === 'ddat-depth');
    expect(depthTargets.length).toBe(statements.length);
  });

  it('keeps every knowledge/skill with its definition, its source type and its group, and no target where the source gives no depth', () => {
    const items = knowledgeItems();
    const categoryName = (id?: string) => fw.categories.find((c) => c.id === id)?.name;
    for (const item of items) {
      const c = competencyNamed(item.title);
      expect(c.definition).toBe(item.details);
      expect(c.type).toBe(item.type);
      // "Behavioural" and "Behavioural Skills" are one group in the source's three (Behavioural, Technical, Other).
      expect(categoryName(c.category)!.startsWith(item.type.split(' ')[0])).toBe(true);
      if (item.depth === undefined) {
        expect(c.scale).toBe('ddat-depth');
        expect(targetOf(fw, c.id)).toBeUndefined();
      }
    }
    const knowledgeCategories = new Set(fw.categories.filter((c) => c.parent === 'knowledge-skills').map((c) => c.id));
    expect(fw.competencies.filter((c) => knowledgeCategories.has(c.category ?? '')).length).toBe(items.length);
  });

  it('puts every DDaT skill at level 3, with its description and its level-3 descriptor', () => {
    const skills = ddatSkills();
    const skillScale = scaleOf(fw, 'ddat-skill-level');
    expect(skills.length).toBeGreaterThan(0);
    for (const s of skills) {
      expect(skillScale.parse(s.level)?.code).toBe('3');
      const c = competencyNamed(s.name);
      expect(c.scale).toBe('ddat-skill-level');
      expect(fw.categories.find((x) => x.id === c.category)?.name).toBe(s.family);
      expect(c.definition).toBe(s.description);
      expect(c.descriptors).toEqual({ '3': s.descriptor });
      expect(targetOf(fw, c.id)).toBe('3');
    }
    const onSkillScale = fw.competencies.filter((c) => c.scale === 'ddat-skill-level');
    expect(onSkillScale.map((c) => c.name).sort()).toEqual(skills.map((s) => s.name).sort());
  });

  it('holds no competency and no target beyond those the source states', () => {
    const knowledge = knowledgeItems();
    const skills = ddatSkills();
    expect(fw.competencies.length).toBe(knowledge.length + skills.length);
    expect(fw.targets.length).toBe(knowledge.filter((i) => i.depth).length + skills.length);
    for (const c of fw.competencies) expect(lines).toContain(c.name);
  });

  it('keeps every work activity, training activity and PDA as a role dimension with its text', () => {
    const tables: [string, [string, string][]][] = [
      ['Work Activity Components', pairsAfter('Title Details', 'Work Activity Components', 'Knowledge/Skills')],
      ['Training Activities', pairsAfter('Title Details', 'Training Components', 'PDAs')],
      ['PDAs', pairsAfter('Title Details', 'PDA Components', 'Qualifications')],
    ];
    for (const [group, rows] of tables) {
      expect(rows.length).toBeGreaterThan(0);
      const dims = dimensionsIn(group);
      expect(dims.map((d) => d.name)).toEqual(rows.map(([title]) => title));
      dims.forEach((d, i) => expect(description(d.id)).toBe(rows[i][1]));
    }
  });

  it('keeps every qualification with its awarding body', () => {
    const rows = pairsAfter('Title Awarding Body', 'Qualification Components', 'Organisation Skills');
    const dims = dimensionsIn('Qualifications');
    expect(dims.map((d) => d.name)).toEqual(rows.map(([title]) => title));
    dims.forEach((d, i) => expect(description(d.id)).toContain(rows[i][1]));
  });

  it('keeps every background paragraph', () => {
    const paragraphs = between('Description Background', 'Work Activity Components').filter((l) => l !== 'Prior Knowledge and Skills');
    const dims = dimensionsIn('Background');
    const all = dims.map((d) => description(d.id) ?? '').join('\n');
    for (const p of paragraphs) expect(all).toContain(p);
  });

  it('claims no year or licence that the text does not state', () => {
    expect(/\b(19|20)\d\d\b/.test(text)).toBe(false);
    expect(fw.provenance.year).toBeUndefined();
    expect(/open government|copyright|©|licensed under|terms of use/i.test(text)).toBe(false);
    expect(fw.provenance.licence).toMatch(/not stated/);
  });
});
