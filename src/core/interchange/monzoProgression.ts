/**
 * A progression framework in Monzo's format (monzo/progression-framework and
 * its many forks): a Markdown file whose YAML front matter holds
 *
 *   title: 'Backend'
 *   levels: 7
 *   topics:
 *     - name: 'technical'          # an identifier
 *       title: 'Technical skills'  # may be empty: the name stands in
 *       content:
 *         - level: 1
 *           criteria: ['Delivers small tasks', ...]
 *           exampleCriteria:
 *             - criteria: 'Reviews code with care'
 *               examples: ['Leaves actionable comments', ...]
 *
 * Each topic becomes a competency with one descriptor per level (its criteria as
 * "- " lines, each example criterion followed by its examples); the scale is
 * levels 1..N; the roles "Level 1".."Level N" target their own level on every
 * topic, as a ladder does. The Markdown body becomes the description.
 * Problems name the file line (and the topic) they are on.
 */
import type { CheckedFramework } from './checkFramework';
import { checkFramework } from './checkFramework';
import { ImportProblems } from './importProblems';
import { readFrontMatter } from './frontMatter';
import { plainTextOfMarkdown } from './markdownText';
import { slugId, uniqueSlugId } from './slugId';
import { baseName } from './csvLongTable';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** More levels than this is not a ladder but a typo (a level code is at most 24 characters anyway). */
const MAX_LEVELS = 20;

export const MONZO_SCALE_ID = 'level';

export function frameworkFromMonzo(fileName: string, source: string): CheckedFramework {
  const problems = new ImportProblems(fileName);
  const fm = readFrontMatter(source, problems);
  const at = (path: (string | number)[]) => `line ${fm.lineOf(path)}`;
  if (!isObj(fm.data)) {
    problems.error('line 2', 'the front matter is not a set of "key: value" lines; a progression framework gives title, levels and topics');
    problems.throwIfAny();
  }
  const data = fm.data as Obj;

  // `levels: '7'` (quoted, as some forks write it) is the number 7.
  const levels = typeof data.levels === 'string' && /^\s*\d+\s*$/.test(data.levels) ? Number(data.levels) : data.levels;
  if (levels === undefined || levels === null)
    problems.error(at([]), 'the front matter has no "levels"; add "levels: N", the number of levels (e.g. levels: 5)');
  else if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 1 || levels > MAX_LEVELS)
    problems.error(at(['levels']), `levels must be a whole number from 1 to ${MAX_LEVELS}, not ${JSON.stringify(levels)}`);
  const topics = data.topics;
  if (!Array.isArray(topics) || topics.length === 0)
    problems.error(
      at(topics === undefined ? [] : ['topics']),
      'the front matter has no topics; list them under "topics:", each with a name, a title and its criteria per level',
    );
  problems.throwIfAny();
  const n = levels as number;

  // ---- topics: competencies with a descriptor per level ----------------------
  const competencies: Obj[] = [];
  const origins = new Map<string, string>();
  const ids = new Set<string>();
  (topics as unknown[]).forEach((topic, t) => {
    const where = at(['topics', t]);
    if (!isObj(topic)) return problems.error(where, `topic ${t + 1} is not a set of "key: value" lines (name, title, content)`);
    const name = text(topic.title) ?? text(topic.name);
    if (!name)
      return problems.error(
        where,
        `topic ${t + 1} has neither a title nor a name; give it a title (or a name, used where the title is empty)`,
      );
    const label = `topic "${name}"`;
    const content = topic.content ?? [];
    if (!Array.isArray(content))
      return problems.error(at(['topics', t, 'content']), `${label}: content must be a list of levels ("- level: 1" ...)`);
    const descriptors: Record<string, string> = {};
    const seenAt = new Map<number, string>();
    content.forEach((entry, e) => {
      const ew = at(['topics', t, 'content', e]);
      if (!isObj(entry)) return problems.error(ew, `${label}: each content entry gives "level" and its "criteria"`);
      const level = typeof entry.level === 'string' && /^\s*\d+\s*$/.test(entry.level) ? Number(entry.level) : entry.level;
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > n)
        return problems.error(
          at(['topics', t, 'content', e, 'level']),
          `${label}: level ${JSON.stringify(entry.level ?? null)} is not one of the framework's levels 1 to ${n}; correct it, or raise "levels"`,
        );
      const first = seenAt.get(level);
      if (first) return problems.error(ew, `${label}: level ${level} is given twice (also on ${first}); merge its criteria into one entry`);
      seenAt.set(level, ew);
      const lines: string[] = [];
      const criteria = typeof entry.criteria === 'string' ? [entry.criteria] : (entry.criteria ?? []);
      if (!Array.isArray(criteria))
        return problems.error(at(['topics', t, 'content', e, 'criteria']), `${label}, level ${level}: criteria must be a list of texts`);
      criteria.forEach((c, k) => {
        const line = text(c);
        if (line === undefined)
          return problems.error(
            at(['topics', t, 'content', e, 'criteria', k]),
            `${label}, level ${level}: criterion ${k + 1} is empty; write it or remove it`,
          );
        lines.push(`- ${plainTextOfMarkdown(line)}`);
      });
      const examples = entry.exampleCriteria ?? [];
      if (!Array.isArray(examples))
        return problems.error(
          at(['topics', t, 'content', e, 'exampleCriteria']),
          `${label}, level ${level}: exampleCriteria must be a list of "- criteria: ... examples: [...]"`,
        );
      examples.forEach((x, k) => {
        const xw = at(['topics', t, 'content', e, 'exampleCriteria', k]);
        const criterion = isObj(x) ? text(x.criteria) : undefined;
        if (criterion === undefined)
          return problems.error(
            xw,
            `${label}, level ${level}: example criterion ${k + 1} has no "criteria" text; give it, or remove the entry`,
          );
        lines.push(`- ${plainTextOfMarkdown(criterion)}`);
        const list = (x as Obj).examples ?? [];
        if (!Array.isArray(list))
          return problems.error(xw, `${label}, level ${level}: the examples of "${criterion}" must be a list of texts`);
        for (const example of list) {
          const line = text(example);
          if (line !== undefined) lines.push(`  Example: ${plainTextOfMarkdown(line)}`);
        }
      });
      if (lines.length) descriptors[String(level)] = lines.join('\n');
    });
    if (!Object.keys(descriptors).length && problems.ok)
      problems.warn(where, `${label} has no criteria at any level; it is imported with targets but no descriptors`);
    origins.set(`competencies[${competencies.length}]`, `${where} (${label})`);
    const id = uniqueSlugId(text(topic.name) ?? name, ids, 'topic');
    ids.add(id);
    competencies.push({ id, name, scale: MONZO_SCALE_ID, ...(Object.keys(descriptors).length ? { descriptors } : {}) });
  });
  problems.throwIfAny();

  // ---- the ladder: levels 1..N, roles Level 1..Level N at their own level ----
  const levelsOut = Array.from({ length: n }, (_, i) => ({ code: String(i + 1), name: `Level ${i + 1}`, value: i + 1 }));
  const roles = levelsOut.map((l) => ({ id: `level-${l.code}`, name: l.name, code: l.code }));
  const targets = roles.flatMap((r, i) => competencies.map((c) => ({ role: r.id, competency: c.id as string, level: levelsOut[i].code })));
  const title = text(data.title);
  const name = title ?? baseName(fileName);
  if (!title) problems.warn(at([]), `the front matter has no title; the framework is named after the file, "${name}"`);
  const description = withoutTitleHeading(plainTextOfMarkdown(fm.body), fm.body, name);
  problems.warn(
    at([]),
    'a progression framework states no publisher or licence; both are recorded as "not stated"; the roles "Level 1".."Level N" target their own level on every topic',
  );
  const candidate = {
    id: slugId(name) || slugId(baseName(fileName)) || 'progression-framework',
    name,
    ...(description ? { description } : {}),
    provenance: { title: name, publisher: 'not stated', licence: 'not stated', source: baseName(fileName) },
    scales: [
      {
        id: MONZO_SCALE_ID,
        name: 'Level',
        description: `The framework's ${n} levels, lowest first.`,
        levels: levelsOut,
      },
    ],
    roles,
    competencies,
    targets,
  };
  const locate = (path: string) => {
    const m = /^competencies\[\d+\]/.exec(path);
    const found = m ? origins.get(m[0]) : undefined;
    return found ? `${found} (${path})` : path || '(root)';
  };
  return checkFramework(fileName, candidate, { locate, warnings: problems.warnings });
}

/** The body's opening "# Title" repeats the framework's name; the description starts after it. */
function withoutTitleHeading(plain: string, markdown: string, name: string): string {
  const first = /^\s*#{1,6}\s+(.*)$/m.exec(markdown.trimStart().split('\n')[0] ?? '');
  if (!first || plainTextOfMarkdown(first[1]).trim() !== name.trim()) return plain;
  return plain.slice(plain.indexOf(name) + name.length).trim();
}
