/**
 * The scale a user chooses for a framework whose file states no levels (a CASE
 * package without rubrics): a built-in scale by id (as `levels` prints it, or a
 * built-in framework's id for its main scale), or level names lowest first
 * ("Novice,Developing,Proficient,Expert"), which become levels 1..N.
 */
import type { ScaleData } from '../framework/schema';
import { builtInFrameworks, findBuiltInScale } from '../frameworks/library';
import { CompetencyError } from '../problems';

/** The id a scale made from level names gets. */
export const NAMED_SCALE_ID = 'levels';

/** Every built-in scale, for pickers and messages: id, name and its level names lowest first. */
export function builtInScales(): { id: string; name: string; levels: string[] }[] {
  const seen = new Set<string>();
  const out: { id: string; name: string; levels: string[] }[] = [];
  for (const f of builtInFrameworks()) {
    for (const s of f.scales) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push({ id: s.id, name: s.name, levels: s.levels.map((l) => l.name) });
    }
  }
  return out;
}

/** "mit-proficiency (Being Developed … Expert), …": the built-in scales for a one-line message. */
export function builtInScaleSummary(): string {
  return builtInScales()
    .map((s) => `${s.id} (${s.levels.length > 1 ? `${s.levels[0]} … ${s.levels[s.levels.length - 1]}` : s.levels[0]})`)
    .join(', ');
}

function copy(scale: ScaleData): ScaleData {
  return JSON.parse(JSON.stringify(scale)) as ScaleData;
}

/**
 * The scale `--scale TEXT` (or the task pane's picker) stands for; throws one
 * message naming the option and what it accepts. `option` names where it came from.
 */
export function scaleFromChoice(text: string, option = '--scale'): ScaleData {
  const trimmed = text.trim();
  if (!trimmed)
    throw new CompetencyError(
      'invalid-argument',
      `${option} is empty; give a built-in scale (${builtInScaleSummary()}) or level names lowest first, e.g. ${option} "Novice,Developing,Proficient,Expert"`,
    );
  if (!trimmed.includes(',')) {
    const builtIn = findBuiltInScale(trimmed);
    if (builtIn) return copy(builtIn.data);
    throw new CompetencyError(
      'unknown-scale',
      `${option} "${trimmed}" is not a built-in scale; use one of ${builtInScaleSummary()}, or give level names lowest first separated by commas, e.g. ${option} "Novice,Developing,Proficient,Expert"`,
    );
  }
  const names = trimmed.split(',').map((n) => n.trim());
  const blank = names.findIndex((n) => n === '');
  if (blank >= 0)
    throw new CompetencyError(
      'invalid-argument',
      `${option} "${trimmed}": level ${blank + 1} has no name; give one name per level, lowest first, separated by commas`,
    );
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const key = n.normalize('NFKC').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw new CompetencyError(
        'invalid-argument',
        `${option} "${trimmed}": "${n}" is given twice (levels ${first + 1} and ${i + 1}); each level needs its own name`,
      );
    seen.set(key, i);
  });
  return {
    id: NAMED_SCALE_ID,
    name: 'Proficiency',
    description: `Levels given on import, lowest first: ${names.join(', ')}.`,
    levels: names.map((name, i) => ({ code: String(i + 1), name, value: i + 1 })),
  };
}
