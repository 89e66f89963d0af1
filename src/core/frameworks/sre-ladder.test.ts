import path from 'path';
import { SOURCE_DIR, sourceText } from '../../../tests/support/sourceText';
import data from './data/sre-ladder.json';
import { validateFramework, type Framework } from '../framework/validate';

const SOURCE_FILE = path.join(SOURCE_DIR, '003_6727a1017ec8ed27.txt');
const { text: source, describeAgainstSource } = sourceText(path.basename(SOURCE_FILE), 'sre-ladder');

const CODES = ['L1', 'L2', 'L3', 'L4', 'L5'];

function loaded(): Framework {
  const { framework, errors } = validateFramework(data);
  if (!framework) throw new Error(`sre-ladder.json does not validate: ${JSON.stringify(errors)}`);
  return framework;
}

/** One level section of the source: "## Title (Lk)", then "### Group", "#### Dimension" and "- bullet" lines. */
interface SourceLevel {
  title: string;
  code: string;
  dimensions: { group: string; heading: string; bullets: string[] }[];
}

/** Parses the source Markdown on its own terms, without looking at the data file. */
function parseSource(text: string): SourceLevel[] {
  const levels: SourceLevel[] = [];
  let group = '';
  for (const line of text.split('\n')) {
    const level = /^##\s+(.+?)\s+\((L\d+)\)\s*$/.exec(line);
    if (level) {
      levels.push({ title: level[1], code: level[2], dimensions: [] });
      group = '';
      continue;
    }
    const current = levels[levels.length - 1];
    if (!current) continue;
    const heading3 = /^###\s+(.+?)\s*$/.exec(line);
    if (heading3 && !line.startsWith('####')) {
      group = heading3[1];
      continue;
    }
    const heading4 = /^####\s+(.+?)\s*$/.exec(line);
    if (heading4) {
      current.dimensions.push({ group, heading: heading4[1], bullets: [] });
      continue;
    }
    if (/^-\s/.test(line)) {
      const dimension = current.dimensions[current.dimensions.length - 1];
      if (!dimension) throw new Error(`bullet outside a dimension under ${current.title}: ${line}`);
      dimension.bullets.push(line.trimEnd());
    }
  }
  return levels;
}

describe('SRE career ladder data', () => {
  it('passes schema and semantic validation with no errors', () => {
    const { errors } = validateFramework(data);
    expect(errors).toEqual([]);
  });

  it('uses the ladder itself as its only scale, L1 to L5 with rising values', () => {
    const fw = loaded();
    expect(fw.scales).toHaveLength(1);
    const [scale] = fw.scales;
    expect(scale.id).toBe('sre-level');
    expect(scale.complete).toBe(true);
    expect(scale.levels.map((l) => [l.code, l.value])).toEqual(CODES.map((c, i) => [c, i + 1]));
    expect(fw.competencies.every((c) => c.scale === 'sre-level')).toBe(true);
  });

  it('lists five roles, lowest first, each coded and named like its level on the scale', () => {
    const fw = loaded();
    expect(fw.roles.map((r) => [r.id, r.code])).toEqual(CODES.map((c) => [`sre-${c.toLowerCase()}`, c]));
    fw.roles.forEach((role, i) => expect(role.name).toBe(fw.scales[0].levels[i].name));
  });

  it('has the role at level Lk target Lk on every one of the ten dimensions, and no other targets', () => {
    const fw = loaded();
    expect(fw.competencies).toHaveLength(10);
    expect(fw.targets).toHaveLength(fw.roles.length * fw.competencies.length);
    for (const role of fw.roles) {
      for (const competency of fw.competencies) {
        const target = fw.targets.find((t) => t.role === role.id && t.competency === competency.id);
        expect({ role: role.id, competency: competency.id, level: target?.level }).toEqual({
          role: role.id,
          competency: competency.id,
          level: role.code,
        });
      }
    }
  });

  it('records in its notes that the targets follow from the ladder structure rather than a stated matrix', () => {
    const fw = loaded();
    expect(fw.notes?.some((n) => /target/i.test(n) && /structur/i.test(n))).toBe(true);
  });
});

// The source texts live in the shared workspace, outside this repository. Where they are not
// present (a clone without it, or SOURCE_FRAMEWORKS pointing elsewhere) the cross-checks against
// the source cannot run, so they are skipped rather than failed.

describeAgainstSource('SRE career ladder data checked against the source text', () => {
  const levels = source === undefined ? [] : parseSource(source);

  it('finds five level sections L1 to L5 in the source, each with ten dimensions', () => {
    expect(levels.map((l) => l.code)).toEqual(CODES);
    for (const level of levels) expect(level.dimensions).toHaveLength(10);
  });

  it('names each level and role with the title the source gives that level heading', () => {
    const fw = loaded();
    const titles = levels.map((l) => l.title);
    expect(fw.scales[0].levels.map((l) => l.name)).toEqual(titles);
    expect(fw.roles.map((r) => r.name)).toEqual(titles);
  });

  it('has the source groups as its categories, and each dimension in the group the source puts it under', () => {
    const fw = loaded();
    const groups = [...new Set(levels.flatMap((l) => l.dimensions.map((d) => d.group)))];
    expect(fw.categories.map((c) => c.name)).toEqual(groups);
    const categoryName = new Map(fw.categories.map((c) => [c.id, c.name]));
    for (const level of levels) {
      for (const dimension of level.dimensions) {
        const competency = fw.competencies.find((c) => c.name === dimension.heading);
        expect(competency && categoryName.get(competency.category ?? '')).toBe(dimension.group);
      }
    }
  });

  it('names the ten dimensions exactly as the source headings read, in source order', () => {
    const fw = loaded();
    for (const level of levels) {
      expect(fw.competencies.map((c) => c.name)).toEqual(level.dimensions.map((d) => d.heading));
    }
  });

  it('describes every dimension at all five levels', () => {
    const fw = loaded();
    for (const competency of fw.competencies) {
      expect(Object.keys(competency.descriptors ?? {}).sort()).toEqual(CODES);
      for (const code of CODES) expect(competency.descriptors?.[code]?.trim()).toBeTruthy();
    }
  });

  it('takes each descriptor verbatim from the bullets under that dimension in the matching level section', () => {
    const fw = loaded();
    for (const competency of fw.competencies) {
      for (const level of levels) {
        const dimension = level.dimensions.find((d) => d.heading === competency.name);
        expect({ competency: competency.id, level: level.code, text: competency.descriptors?.[level.code] }).toEqual({
          competency: competency.id,
          level: level.code,
          text: dimension?.bullets.join('\n'),
        });
      }
    }
  });

  it('keeps no descriptor line that the source does not have in that level section', () => {
    const fw = loaded();
    const sections = source!.split(/^(?=##\s+.+\(L\d+\)\s*$)/m);
    for (const competency of fw.competencies) {
      for (const [code, text] of Object.entries(competency.descriptors ?? {})) {
        const section = sections.find((s) => s.startsWith('## ') && s.split('\n')[0].includes(`(${code})`));
        expect(section).toBeDefined();
        for (const line of text.split('\n')) expect(section!.split('\n')).toContain(line);
      }
    }
  });

  it('keeps the typographic apostrophes of the source rather than straight quotes', () => {
    const fw = loaded();
    const all = fw.competencies.flatMap((c) => Object.values(c.descriptors ?? {})).join('\n');
    expect(all).toContain('\u2019');
    expect(all).not.toContain("'");
  });
});
