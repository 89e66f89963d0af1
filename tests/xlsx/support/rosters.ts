/**
 * Generated rosters for tests and benchmarks: deterministic (a seeded
 * generator), every role of the framework, managers, and a mix of ratings on
 * every level with some not rated, so every formula path is exercised.
 */
import type { FrameworkModel } from '../../../src/core/framework/model';
import type { ScaleLevel } from '../../../src/core/framework/schema';
import type { Roster, RosterPerson } from '../../../src/core/roster';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GeneratedRosterOptions {
  /** Share of rating cells left blank (not rated). */
  blankShare?: number;
  seed?: number;
  /** How many competencies get a rating column (all by default). */
  competencies?: number;
}

export function generatedRoster(model: FrameworkModel, people: number, options: GeneratedRosterOptions = {}): Roster {
  const random = seeded(options.seed ?? 42);
  const blank = options.blankShare ?? 0.15;
  const comps = model.competencies.slice(0, options.competencies ?? model.competencies.length);
  const managers = Math.max(1, Math.round(people / 8));
  const list: RosterPerson[] = [];
  for (let i = 0; i < people; i++) {
    const role = model.roles[Math.floor(random() * model.roles.length)];
    const ratings = new Map<string, ScaleLevel>();
    for (const c of comps) {
      if (random() < blank) continue;
      const levels = model.scaleOf(c).levels;
      ratings.set(c.id, levels[Math.floor(random() * levels.length)]);
    }
    list.push({
      id: `P${String(i + 1).padStart(5, '0')}`,
      name: `Person ${i + 1}`,
      role,
      manager: i < managers ? '' : `Person ${1 + Math.floor(random() * managers)}`,
      row: i + 2,
      ratings,
    });
  }
  return { people: list, ratedCompetencies: [...comps], warnings: [] };
}

/** The same roster as CSV text, the way an HR export would give it. */
export function rosterCsv(model: FrameworkModel, roster: Roster): string {
  const comps = model.competencies;
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['id', 'name', 'role', 'manager', ...comps.map((c) => c.name)].map(quote).join(',')];
  for (const p of roster.people)
    lines.push([p.id, p.name, p.role.name, p.manager, ...comps.map((c) => p.ratings.get(c.id)?.code ?? '')].map(quote).join(','));
  return lines.join('\n') + '\n';
}
