/**
 * The MIT IS&T DevOps Engineer framework, checked against the published text it
 * is built from. The source parsers below read the text on their own (they do
 * not look at the data), so a slip in the data shows up as a difference.
 */
import fs from 'fs';
import path from 'path';
import { SOURCE_DIR, sourceText } from '../../../tests/support/sourceText';
import data from './data/mit-devops.json';
import { validateFramework, type Framework } from '../framework/validate';

const SOURCE_FILE = path.join(SOURCE_DIR, '000_a2bf31708d871f4a.txt');
const LEVEL_CODES = ['BD', 'B', 'I', 'A', 'E'];

// ---------------------------------------------------------------------------
// Reading the source text: tab-separated table rows with a little HTML in them.

/** Text without markup: tags and bullet glyphs dropped, entities decoded, spaces collapsed. */
function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/•/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}

/** The lines between a "## heading" and the next "## " heading. */
function section(text: string, heading: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`the source has no section "${heading}"`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Table rows of the four-role tables: a label cell and one cell per role. The repeated "Title" rows are dropped. */
function tableRows(lines: string[]): string[][] {
  return lines.map((line) => line.split('\t')).filter((cells) => cells.length === 5 && cells[0] !== 'Title');
}

/** A row label such as "<b>Adaptability:</b> Demonstrates ..." split into name and the text after the colon. */
function labelled(cell: string): { name: string; text: string } | undefined {
  const m = /^<b>([^<]+):<\/b>\s*(.*)$/.exec(cell);
  return m ? { name: m[1].trim(), text: plain(m[2]) } : undefined;
}

/** Summary Proficiency Matrix: competency name -> level code per role column. */
function parseSummaryMatrix(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [label, ...levels] of tableRows(section(text, 'Summary Proficiency Matrix'))) {
    const row = labelled(label);
    if (row) out.set(row.name, levels.map(plain));
  }
  return out;
}

interface DetailedCompetency {
  definition: string;
  descriptors: Map<string, string>;
  /** The level codes ticked (✓) in each role column. */
  ticks: string[][];
}

/** The detailed Proficiency Matrix: per competency its definition, level descriptors and check marks. */
function parseDetailedMatrix(text: string): Map<string, DetailedCompetency> {
  const out = new Map<string, DetailedCompetency>();
  let current: DetailedCompetency | undefined;
  for (const [label, ...marks] of tableRows(section(text, 'Proficiency Matrix'))) {
    const level = /^<b>[^<]+ \(([A-Z]+)\):<\/b>\s*(.*)$/.exec(label);
    if (level && current) {
      const [, code, descriptor] = level;
      current.descriptors.set(code, plain(descriptor));
      marks.forEach((mark, column) => {
        if (mark.trim() === '✓') current!.ticks[column].push(code);
      });
      continue;
    }
    const competency = labelled(label);
    if (competency) {
      current = { definition: competency.text, descriptors: new Map(), ticks: [[], [], [], []] };
      out.set(competency.name, current);
    }
  }
  return out;
}

interface CareerPathRow {
  name: string;
  /** The text of each role column, with the parts continued after page breaks joined on. */
  columns: string[];
}

/**
 * The Career Path table. A row whose label cell is empty continues the row above it
 * (the table breaks across pages); a labelled row with no text in any column is a heading.
 */
function parseCareerPath(text: string): CareerPathRow[] {
  const rows: CareerPathRow[] = [];
  for (const [label, ...columns] of tableRows(section(text, 'Career Path'))) {
    const name = plain(label);
    if (name && columns.every((c) => !c.trim())) continue;
    if (name) rows.push({ name, columns: columns.map(plain) });
    else columns.forEach((c, i) => (rows[rows.length - 1].columns[i] = plain(`${rows[rows.length - 1].columns[i]} ${c}`)));
  }
  return rows;
}

/** The title row of the source's tables: the role names in column order. */
function parseTitles(text: string): string[] {
  const titleRow = text.split(/\r?\n/).find((line) => line.startsWith('Title\t'));
  if (!titleRow) throw new Error('the source has no "Title" row');
  return titleRow.split('\t').slice(1).map(plain);
}

// ---------------------------------------------------------------------------
// Reading the data.

function framework(): Framework {
  const result = validateFramework(data);
  if (!result.framework) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.framework;
}

function competencyNamed(fw: Framework, name: string) {
  const found = fw.competencies.find((c) => c.name === name);
  if (!found) throw new Error(`the data has no competency "${name}"`);
  return found;
}

/** The target level code per role (in role order) for one competency. */
function targetsOf(fw: Framework, competencyId: string): (string | undefined)[] {
  return fw.roles.map((role) => fw.targets.find((t) => t.role === role.id && t.competency === competencyId)?.level);
}

/** A role's description as one run of text: the "- " list markers dropped, lines joined. */
function flatten(description: string | undefined): string {
  if (description === undefined) return '';
  return plain(
    description
      .split('\n')
      .map((line) => line.replace(/^- /, ''))
      .join(' '),
  );
}

// ---------------------------------------------------------------------------

describe('MIT IS&T DevOps Engineer framework data', () => {
  it('passes framework validation with no errors and no warnings', () => {
    const result = validateFramework(data);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('rates every competency on the five-level MIT proficiency scale, lowest first', () => {
    const fw = framework();
    expect(fw.scales.map((s) => s.id)).toEqual(['mit-proficiency']);
    expect(fw.scales[0].levels.map((l) => [l.code, l.name, l.value])).toEqual([
      ['BD', 'Being Developed', 1],
      ['B', 'Basic', 2],
      ['I', 'Intermediate', 3],
      ['A', 'Advanced', 4],
      ['E', 'Expert', 5],
    ]);
    expect(fw.competencies.every((c) => c.scale === 'mit-proficiency')).toBe(true);
  });

  it('sets one target for every role and competency', () => {
    const fw = framework();
    expect(fw.targets).toHaveLength(fw.roles.length * fw.competencies.length);
    for (const c of fw.competencies) expect(targetsOf(fw, c.id).every((level) => level !== undefined)).toBe(true);
  });

  it('describes every competency at all five levels', () => {
    for (const c of framework().competencies) {
      expect(Object.keys(c.descriptors ?? {}).sort()).toEqual([...LEVEL_CODES].sort());
      for (const code of LEVEL_CODES) expect(c.descriptors?.[code]?.trim()).toBeTruthy();
    }
  });
});

// The source texts live outside the repository (in the shared workspace). Where the
// directory is not there (e.g. a fresh clone), the cross-checks cannot run and are skipped.
const describeWithSource = sourceText(path.basename(SOURCE_FILE), 'mit-devops').describeAgainstSource;

describeWithSource('MIT IS&T DevOps Engineer framework data, against the source text', () => {
  let source: string;
  let fw: Framework;
  beforeAll(() => {
    source = fs.readFileSync(SOURCE_FILE, 'utf8');
    fw = framework();
  });

  it('names the roles as the source titles its table columns, junior first', () => {
    expect(fw.roles.map((r) => r.name)).toEqual(parseTitles(source));
  });

  it('has the same competencies as the Summary Proficiency Matrix, in the same order', () => {
    expect(fw.competencies.map((c) => c.name)).toEqual([...parseSummaryMatrix(source).keys()]);
  });

  it('targets each role at the level the Summary Proficiency Matrix gives, cell by cell', () => {
    for (const [name, levels] of parseSummaryMatrix(source)) {
      expect({ competency: name, targets: targetsOf(fw, competencyNamed(fw, name).id) }).toEqual({ competency: name, targets: levels });
    }
  });

  it('targets each role at the one level ticked in the detailed Proficiency Matrix, cell by cell', () => {
    const detailed = parseDetailedMatrix(source);
    expect([...detailed.keys()]).toEqual(fw.competencies.map((c) => c.name));
    for (const [name, { ticks }] of detailed) {
      expect({ competency: name, ticks }).toEqual({
        competency: name,
        ticks: targetsOf(fw, competencyNamed(fw, name).id).map((level) => [level]),
      });
    }
  });

  it('defines each competency with the detailed Proficiency Matrix text', () => {
    for (const [name, { definition }] of parseDetailedMatrix(source)) {
      expect(competencyNamed(fw, name).definition).toBe(definition);
    }
  });

  it('takes each level descriptor word for word from the source', () => {
    const wholeText = plain(source);
    const detailed = parseDetailedMatrix(source);
    for (const c of fw.competencies) {
      for (const code of LEVEL_CODES) {
        const descriptor = plain(c.descriptors?.[code] ?? '');
        expect({ competency: c.name, code, inSource: wholeText.includes(descriptor) }).toEqual({
          competency: c.name,
          code,
          inSource: true,
        });
        expect({ competency: c.name, code, descriptor }).toEqual({
          competency: c.name,
          code,
          descriptor: detailed.get(c.name)?.descriptors.get(code),
        });
      }
    }
  });

  it('defines each scale level as the Explanation of Proficiency Level Definitions does', () => {
    const explained = plain(section(source, 'Explanation of Proficiency Level Definitions').join('\n'));
    for (const level of fw.scales[0].levels) {
      const stated = `${level.name}: (${level.code}) ${plain(level.definition ?? '')}`;
      expect({ level: level.code, inSource: explained.includes(stated) }).toEqual({ level: level.code, inSource: true });
    }
  });

  it('carries every career-path dimension the source lists, in the same order', () => {
    expect(fw.roleDimensions.map((d) => d.name)).toEqual(parseCareerPath(source).map((row) => row.name));
  });

  it("describes each role on each career-path dimension with the source's text, and leaves the source's empty cells out", () => {
    const byName = new Map(fw.roleDimensions.map((d) => [d.name, d.id]));
    for (const row of parseCareerPath(source)) {
      const dimensionId = byName.get(row.name)!;
      fw.roles.forEach((role, column) => {
        const description = role.descriptions?.[dimensionId];
        expect({ role: role.name, dimension: row.name, text: flatten(description) }).toEqual({
          role: role.name,
          dimension: row.name,
          text: row.columns[column],
        });
        if (!row.columns[column]) expect(description).toBeUndefined();
      });
    }
  });

  it('writes career-path list items one a line, each starting with "- "', () => {
    for (const role of fw.roles) {
      for (const description of Object.values(role.descriptions ?? {})) {
        for (const line of description.split('\n')) expect(line).toMatch(/^- \S/);
      }
    }
  });
});
