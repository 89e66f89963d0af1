/**
 * A career ladder written as Markdown headings, the way ladders are published
 * on wikis and in repositories:
 *
 *   # Titles for Ops                 the framework (optional: one H1 before the rest)
 *   ## Junior SRE (L1)               a role, and the level it stands for (code in brackets)
 *   ### Skill                        a group of dimensions (optional heading level)
 *   #### Mastery                     a dimension: a competency
 *   - Competent in 1-2 areas ...     its descriptor at this role's level, one line per bullet
 *
 * Heading levels are read from the file: of the levels below the title, the
 * first is roles, the last dimensions, and one in between groups. Roles are
 * most junior first; the scale has one level per role (the code in brackets,
 * the title as its name, the whole heading as an alias); each role targets its
 * own level on every dimension. Text under a role heading is its summary, under
 * a group its description, before the first role the framework's description.
 * Problems name the file line.
 */
import { checkFramework, type CheckedFramework } from './checkFramework';
import { ImportProblems } from './importProblems';
import { plainTextOfMarkdown } from './markdownText';
import { slugId, uniqueSlugId } from './slugId';
import { baseName } from './csvLongTable';
import { hasFrontMatter } from './frameworkFormat';

interface Heading {
  depth: number;
  text: string;
  line: number;
}

interface Dimension {
  id: string;
  name: string;
  group?: string;
  line: number;
  descriptors: Record<string, string>;
  linesAt: Map<number, number>;
}

export const LADDER_SCALE_ID = 'ladder-level';

/** "Junior SRE (L1)" → name and code (a level code is at most 24 characters); a heading without one has none. */
function roleTitle(heading: string): { name: string; code?: string } {
  const m = /^(.*\S)\s*\(([^()]{1,24})\)$/.exec(heading);
  return m ? { name: m[1], code: m[2].trim() } : { name: heading };
}

/** Bullet and paragraph lines as descriptor text: "- " bullets, a wrapped line joined to its bullet. */
function blockText(lines: readonly string[]): string {
  const out: string[] = [];
  let joinable = false;
  for (const raw of lines) {
    if (raw.trim() === '') {
      joinable = false;
      continue;
    }
    const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(raw);
    if (bullet) {
      out.push(`${bullet[1].length >= 2 ? '  ' : ''}- ${bullet[2].trim()}`);
      joinable = true;
    } else if (joinable && out.length) out[out.length - 1] += ` ${raw.trim()}`;
    else {
      out.push(raw.trim());
      joinable = true;
    }
  }
  return plainTextOfMarkdown(out.join('\n'));
}

export function frameworkFromMarkdownLadder(fileName: string, source: string): CheckedFramework {
  const problems = new ImportProblems(fileName);
  let lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let firstLine = 1;
  if (hasFrontMatter(source)) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    if (close > 0) {
      lines = lines.slice(close + 1);
      firstLine = close + 2;
    }
  }

  // ---- headings and the text between them (code fences are text) ------------
  const headings: Heading[] = [];
  const textAfter = new Map<Heading | undefined, { line: number; text: string }[]>();
  let current: Heading | undefined;
  let inFence = false;
  lines.forEach((raw, i) => {
    const line = i + firstLine;
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const h = inFence ? null : /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (h && h[2].trim()) {
      current = { depth: h[1].length, text: plainTextOfMarkdown(h[2].trim()), line };
      headings.push(current);
      return;
    }
    if (!inFence && /^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) return; // a thematic break between sections
    const block = textAfter.get(current) ?? [];
    block.push({ line, text: raw });
    textAfter.set(current, block);
  });
  const textOf = (h: Heading | undefined) => blockText((textAfter.get(h) ?? []).map((l) => l.text));
  const firstTextLine = (h: Heading | undefined) => (textAfter.get(h) ?? []).find((l) => l.text.trim() !== '')?.line;

  let title: Heading | undefined;
  const top = headings[0];
  if (top && top.depth === Math.min(...headings.map((h) => h.depth)) && headings.filter((h) => h.depth === top.depth).length === 1)
    title = top;
  const body = headings.filter((h) => h !== title);
  const depths = [...new Set(body.map((h) => h.depth))].sort((a, b) => a - b);
  if (depths.length < 2) {
    problems.error(
      body[0] ? `line ${body[0].line}` : 'line 1',
      'a career ladder needs a heading for each role (e.g. "## Senior SRE (L3)") and, below it, one for each dimension (e.g. "### Mastery") with its bullet points; see docs/interchange.md',
    );
    problems.throwIfAny();
  }
  if (depths.length > 3) {
    const deep = body.find((h) => h.depth === depths[3]) as Heading;
    problems.error(
      `line ${deep.line}`,
      `"${deep.text}" is a heading below the dimensions; a ladder has headings for roles, groups and dimensions only: make it a bullet point or a dimension`,
    );
    problems.throwIfAny();
  }
  const [roleDepth] = depths;
  const groupDepth = depths.length === 3 ? depths[1] : undefined;
  const beforeFirstRole = body.find((h) => h.depth !== roleDepth && h.line < (body.find((r) => r.depth === roleDepth)?.line ?? 0));
  if (beforeFirstRole || body[0].depth !== roleDepth) {
    const h = beforeFirstRole ?? body[0];
    problems.error(`line ${h.line}`, `"${h.text}" comes before the first role heading; start each role with a heading of its own`);
    problems.throwIfAny();
  }

  // ---- roles, groups, dimensions ----------------------------------------------
  const roles: { id: string; name: string; code: string; given?: string; heading: Heading; summary?: string }[] = [];
  const categories: { id: string; name: string; description?: string; line: number }[] = [];
  const dimensions: Dimension[] = [];
  const roleIds = new Set<string>();
  const competencyIds = new Set<string>();
  const codeLines = new Map<string, number>();
  let role: (typeof roles)[number] | undefined;
  let group: (typeof categories)[number] | undefined;
  for (const h of body) {
    if (h.depth === roleDepth) {
      const { name, code: given } = roleTitle(h.text);
      const code = given ?? String(roles.length + 1);
      const key = code.toLowerCase();
      const first = codeLines.get(key);
      if (first)
        problems.error(
          `line ${h.line}`,
          `role level "${code}" is used by the role on line ${first} too; give each role its own level code`,
        );
      codeLines.set(key, h.line);
      const id = uniqueSlugId(given ?? name, roleIds, 'role');
      roleIds.add(id);
      const summary = textOf(h);
      role = { id, name, code, given, heading: h, ...(summary ? { summary } : {}) };
      roles.push(role);
      group = undefined;
      continue;
    }
    if (h.depth === groupDepth) {
      const id = slugId(h.text) || 'group';
      group = categories.find((c) => c.id === id);
      const description = textOf(h);
      if (!group) {
        group = { id, name: h.text, line: h.line, ...(description ? { description } : {}) };
        categories.push(group);
      } else if (description) {
        if (!group.description) group.description = description;
        else if (group.description !== description)
          problems.warn(
            `line ${firstTextLine(h)}`,
            `the text under "${h.text}" differs from the one under the same group on line ${group.line}; the framework keeps the first`,
          );
      }
      continue;
    }
    // a dimension
    const current = role as (typeof roles)[number];
    const key = h.text.normalize('NFKC').toLowerCase();
    let dim = dimensions.find((d) => d.name.normalize('NFKC').toLowerCase() === key);
    if (!dim) {
      const id = uniqueSlugId(h.text, competencyIds, 'dimension');
      competencyIds.add(id);
      dim = { id, name: h.text, group: group?.id, line: h.line, descriptors: {}, linesAt: new Map() };
      dimensions.push(dim);
    } else if (dim.group !== group?.id) {
      problems.error(
        `line ${h.line}`,
        `"${h.text}" is under ${group ? `"${group.name}"` : 'no group'} here but under ${dim.group ? `"${categories.find((c) => c.id === dim?.group)?.name}"` : 'no group'} on line ${dim.line}; put a dimension under the same group for every role`,
      );
      continue;
    }
    const twice = dim.linesAt.get(current.heading.line);
    if (twice) {
      problems.error(`line ${h.line}`, `"${h.text}" appears twice under "${current.heading.text}" (also on line ${twice}); merge the two`);
      continue;
    }
    dim.linesAt.set(current.heading.line, h.line);
    const text = textOf(h);
    if (text) dim.descriptors[current.code] = text;
    else
      problems.warn(
        `line ${h.line}`,
        `"${h.text}" under "${current.heading.text}" has no bullet points, so no descriptor at ${current.code}`,
      );
  }
  if (!dimensions.length)
    problems.error(
      `line ${body[0].line}`,
      'the ladder has role headings but no dimensions below them; add a heading for each dimension with its bullet points',
    );
  problems.throwIfAny();
  for (const d of dimensions) {
    const missing = roles.filter((r) => !d.linesAt.has(r.heading.line));
    if (missing.length)
      problems.warn(
        `line ${d.line}`,
        `"${d.name}" is not described for ${missing.map((r) => `"${r.heading.text}"`).join(', ')}; those roles still target their own level on it`,
      );
  }

  // ---- the framework ----------------------------------------------------------
  const name = title?.text ?? baseName(fileName);
  const description = textOf(title);
  problems.warn(
    title ? `line ${title.line}` : 'line 1',
    'a Markdown ladder states no publisher or licence; both are recorded as "not stated"; each role targets its own level on every dimension',
  );
  const candidate = {
    id: slugId(name) || slugId(baseName(fileName)) || 'career-ladder',
    name,
    ...(description ? { description } : {}),
    provenance: { title: name, publisher: 'not stated', licence: 'not stated', source: baseName(fileName) },
    scales: [
      {
        id: LADDER_SCALE_ID,
        name: `${name} level`,
        description: 'The ladder itself: one level per role, lowest first.',
        levels: roles.map((r, i) => ({
          code: r.code,
          name: r.name,
          value: i + 1,
          ...(r.heading.text !== r.name && r.heading.text !== r.code ? { aliases: [r.heading.text] } : {}),
        })),
      },
    ],
    categories: categories.map(({ line: _line, ...c }) => c),
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      ...(r.given ? { code: r.given } : {}),
      ...(r.summary ? { summary: r.summary } : {}),
    })),
    competencies: dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.group ? { category: d.group } : {}),
      scale: LADDER_SCALE_ID,
      ...(Object.keys(d.descriptors).length ? { descriptors: d.descriptors } : {}),
    })),
    targets: roles.flatMap((r) => dimensions.map((d) => ({ role: r.id, competency: d.id, level: r.code }))),
  };
  const lineOfPath = (path: string): string | undefined => {
    const m = /^(roles|competencies|categories)\[(\d+)\]/.exec(path);
    if (!m) return undefined;
    const i = Number(m[2]);
    const line = m[1] === 'roles' ? roles[i]?.heading.line : m[1] === 'competencies' ? dimensions[i]?.line : categories[i]?.line;
    return line ? `line ${line}` : undefined;
  };
  const locate = (path: string) => {
    const line = lineOfPath(path);
    return line ? `${line} (${path})` : path || '(root)';
  };
  return checkFramework(fileName, candidate, { locate, warnings: problems.warnings });
}
