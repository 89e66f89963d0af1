import path from 'path';
import { SOURCE_DIR, sourceText } from '../../../tests/support/sourceText';
import data from './data/kaairo-devops.json';
import { validateFramework, type Framework } from '../framework/validate';

const SOURCE_FILE = path.join(SOURCE_DIR, '004_bcfb8ebcccb85e19.txt');
const { text: source, describeAgainstSource } = sourceText(path.basename(SOURCE_FILE), 'kaairo-devops');

const TIERS = ['Entry-Level', 'Mid-Level', 'Senior'];
const TYPES = ['technical', 'interpersonal', 'analytical', 'operational'];

function loaded(): Framework {
  const { framework, errors } = validateFramework(data);
  if (!framework) throw new Error(`kaairo-devops.json does not validate: ${JSON.stringify(errors)}`);
  return framework;
}

interface SourceCompetency {
  name: string;
  type: string;
  definition: string;
  group: string;
  groupSubtitle: string;
  /** Per tier: the level name and the n of "(n/5)" as the source writes them. */
  tiers: Record<string, { name: string; n: string }>;
}

/**
 * Parses the framework part of the page (everything before the promotional "Go Private" block) on
 * its own terms: a competency is the line before a type line, then its definition, then one line per
 * tier written "<Tier><Level name> (n/5)".
 */
function parseSource(text: string): { competencies: SourceCompetency[]; statedCount: number } {
  const cut = text.search(/^Go Private\s*$/m);
  const body = cut >= 0 ? text.slice(0, cut) : text;
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const statedCount = Number(/(\d+)\s*competencies/.exec(body)?.[1] ?? NaN);
  const competencies: SourceCompetency[] = [];
  let group = '';
  let groupSubtitle = '';
  lines.forEach((line, i) => {
    if (/^(Core|Supporting) Competencies$/.test(line)) {
      group = line;
      groupSubtitle = lines[i + 1];
    }
    if (!TYPES.includes(line)) return;
    const tiers: SourceCompetency['tiers'] = {};
    for (const tierLine of lines.slice(i + 2, i + 5)) {
      const m = /^(Entry-Level|Mid-Level|Senior)\s*([A-Za-z]+)\s*\((\d)\/5\)$/.exec(tierLine);
      if (!m) throw new Error(`unexpected tier line after "${lines[i - 1]}": ${tierLine}`);
      tiers[m[1]] = { name: m[2], n: m[3] };
    }
    competencies.push({ name: lines[i - 1], type: line, definition: lines[i + 1], group, groupSubtitle, tiers });
  });
  return { competencies, statedCount };
}

describe('Kaairo DevOps Engineer (finance) data', () => {
  it('passes schema and semantic validation with no errors', () => {
    const { errors } = validateFramework(data);
    expect(errors).toEqual([]);
  });

  it('rates every competency on one 1-5 scale from Basic to Expert', () => {
    const fw = loaded();
    expect(fw.scales).toHaveLength(1);
    const [scale] = fw.scales;
    expect(scale.id).toBe('kaairo-proficiency');
    expect(scale.levels.map((l) => [l.code, l.name, l.value])).toEqual([
      ['1', 'Basic', 1],
      ['2', 'Developing', 2],
      ['3', 'Proficient', 3],
      ['4', 'Advanced', 4],
      ['5', 'Expert', 5],
    ]);
    expect(fw.competencies.every((c) => c.scale === 'kaairo-proficiency')).toBe(true);
  });

  it('gives no level definitions, since the source states none, and says so in its notes', () => {
    const fw = loaded();
    expect(fw.scales[0].levels.every((l) => l.definition === undefined)).toBe(true);
    expect(fw.notes?.some((n) => /definition/i.test(n) && /level/i.test(n))).toBe(true);
  });

  it('has the three tiers Entry-Level, Mid-Level and Senior as roles, lowest first', () => {
    const fw = loaded();
    expect(fw.roles.map((r) => [r.id, r.name])).toEqual([
      ['entry-level', 'Entry-Level'],
      ['mid-level', 'Mid-Level'],
      ['senior', 'Senior'],
    ]);
  });

  it('has one target for each of its 8 competencies in each of the 3 tiers', () => {
    const fw = loaded();
    expect(fw.competencies).toHaveLength(8);
    expect(fw.targets).toHaveLength(24);
    const pairs = new Set(fw.targets.map((t) => `${t.role}/${t.competency}`));
    for (const role of fw.roles) {
      for (const competency of fw.competencies) expect(pairs.has(`${role.id}/${competency.id}`)).toBe(true);
    }
  });

  it('records Kaairo as publisher and 2026 as the year of generation', () => {
    const fw = loaded();
    expect(fw.provenance.publisher).toBe('Kaairo');
    expect(fw.provenance.year).toBe(2026);
  });
});

// The source texts live in the shared workspace, outside this repository. Where they are not
// present (a clone without it, or SOURCE_FRAMEWORKS pointing elsewhere) the cross-checks against
// the source cannot run, so they are skipped rather than failed.

describeAgainstSource('Kaairo DevOps Engineer data checked against the source text', () => {
  const parsed = source === undefined ? { competencies: [], statedCount: NaN } : parseSource(source);

  it('finds as many competencies in the source as its header states, each with all three tiers', () => {
    expect(parsed.competencies).toHaveLength(parsed.statedCount);
    expect(parsed.competencies).toHaveLength(8);
    for (const c of parsed.competencies) expect(Object.keys(c.tiers)).toEqual(TIERS);
  });

  it('has the source competencies in source order, with their names, types and definitions verbatim', () => {
    const fw = loaded();
    expect(fw.competencies.map((c) => [c.name, c.type, c.definition])).toEqual(
      parsed.competencies.map((c) => [c.name, c.type, c.definition]),
    );
  });

  it('puts the 3 core and 5 supporting competencies under the source groups and their subtitles', () => {
    const fw = loaded();
    const category = new Map(fw.categories.map((c) => [c.id, c]));
    expect(fw.categories.map((c) => [c.name, c.description])).toEqual([
      ['Core Competencies', 'Primary Skills'],
      ['Supporting Competencies', 'Additional Skills'],
    ]);
    parsed.competencies.forEach((sourceCompetency, i) => {
      const cat = category.get(fw.competencies[i].category ?? '');
      expect([fw.competencies[i].name, cat?.name, cat?.description]).toEqual([
        sourceCompetency.name,
        sourceCompetency.group,
        sourceCompetency.groupSubtitle,
      ]);
    });
    expect(parsed.competencies.filter((c) => c.group === 'Core Competencies')).toHaveLength(3);
    expect(parsed.competencies.filter((c) => c.group === 'Supporting Competencies')).toHaveLength(5);
  });

  it('sets each target to the (n/5) that the source states for that competency and tier', () => {
    const fw = loaded();
    const roleByName = new Map(fw.roles.map((r) => [r.name, r.id]));
    for (const sourceCompetency of parsed.competencies) {
      const competency = fw.competencies.find((c) => c.name === sourceCompetency.name);
      for (const tier of TIERS) {
        const target = fw.targets.find((t) => t.role === roleByName.get(tier) && t.competency === competency?.id);
        expect({ competency: sourceCompetency.name, tier, level: target?.level }).toEqual({
          competency: sourceCompetency.name,
          tier,
          level: sourceCompetency.tiers[tier].n,
        });
      }
    }
  });

  it('names each scale level as the source writes it beside that level number, with the written form as an alias', () => {
    const fw = loaded();
    const seen = new Map<string, string>();
    for (const c of parsed.competencies) for (const t of Object.values(c.tiers)) seen.set(t.n, t.name);
    expect([...seen.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const level of fw.scales[0].levels) {
      expect(level.name).toBe(seen.get(level.code));
      expect(level.aliases).toContain(`${seen.get(level.code)} (${level.code}/5)`);
    }
  });

  it('takes no competency from the promotional text after the framework', () => {
    const fw = loaded();
    const promo = source!.slice(source!.search(/^Go Private\s*$/m));
    for (const c of fw.competencies) expect(promo).not.toContain(c.name);
  });
});
