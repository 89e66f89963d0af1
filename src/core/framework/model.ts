/**
 * A validated framework with its lookups built once: scales as parsers, roles
 * and competencies by id or by name (any case), target levels by role and
 * competency. Everything downstream (scoring, layouts, functions) reads this.
 */
import type { Competency, Role, ScaleLevel } from './schema';
import type { Framework } from './validate';
import { Scale, normaliseLevelText } from '../scale';
import { CompetencyError, listForHumans } from '../problems';

function key(text: string): string {
  return normaliseLevelText(text);
}

export class FrameworkModel {
  readonly data: Framework;
  readonly scales: readonly Scale[];
  private readonly scaleById: Map<string, Scale>;
  private readonly roleByKey = new Map<string, Role>();
  private readonly competencyByKey = new Map<string, Competency>();
  private readonly targetByPair = new Map<string, ScaleLevel>();
  private readonly roleIndex = new Map<Role, number>();

  constructor(data: Framework) {
    this.data = data;
    this.scales = data.scales.map((s) => new Scale(s));
    this.scaleById = new Map(this.scales.map((s) => [s.id, s]));
    data.roles.forEach((r, i) => {
      this.roleIndex.set(r, i);
      for (const k of [r.id, r.name, r.code]) if (k && !this.roleByKey.has(key(k))) this.roleByKey.set(key(k), r);
    });
    for (const c of data.competencies) {
      for (const k of [c.id, c.name]) if (!this.competencyByKey.has(key(k))) this.competencyByKey.set(key(k), c);
    }
    for (const t of data.targets) {
      const comp = data.competencies.find((c) => c.id === t.competency);
      const level = comp && this.scaleById.get(comp.scale)?.byCode(t.level);
      if (level) this.targetByPair.set(`${t.role}\u0000${t.competency}`, level);
    }
  }

  get id(): string {
    return this.data.id;
  }
  get name(): string {
    return this.data.name;
  }
  get roles(): readonly Role[] {
    return this.data.roles;
  }
  get competencies(): readonly Competency[] {
    return this.data.competencies;
  }

  /** The scale most competencies use: the default for a framework-wide argument. */
  get primaryScale(): Scale {
    const counts = new Map<string, number>();
    for (const c of this.data.competencies) counts.set(c.scale, (counts.get(c.scale) ?? 0) + 1);
    let best = this.scales[0];
    for (const s of this.scales) if ((counts.get(s.id) ?? 0) > (counts.get(best.id) ?? 0)) best = s;
    return best;
  }

  scale(id: string): Scale {
    const s = this.scaleById.get(id);
    if (!s)
      throw new CompetencyError(
        'unknown-scale',
        `${this.name} has no scale "${id}"; its scales are ${listForHumans(this.scales.map((x) => x.id))}`,
      );
    return s;
  }

  scaleOf(competency: Competency): Scale {
    return this.scale(competency.scale);
  }

  findRole(text: string): Role | undefined {
    return this.roleByKey.get(key(String(text)));
  }

  role(text: string): Role {
    const r = this.findRole(text);
    if (!r) {
      throw new CompetencyError(
        'unknown-role',
        `"${text}" is not a role of ${this.name}; use ${listForHumans(this.data.roles.map((x) => x.name))}`,
      );
    }
    return r;
  }

  findCompetency(text: string): Competency | undefined {
    return this.competencyByKey.get(key(String(text)));
  }

  competency(text: string): Competency {
    const c = this.findCompetency(text);
    if (!c) {
      const names = this.data.competencies.map((x) => x.name);
      const shown = names.length > 12 ? [...names.slice(0, 12), `… (${names.length} in all)`] : names;
      throw new CompetencyError('unknown-competency', `"${text}" is not a competency of ${this.name}; use ${listForHumans(shown)}`);
    }
    return c;
  }

  /** The target level for a role and competency, or undefined where none is required. */
  target(role: Role, competency: Competency): ScaleLevel | undefined {
    return this.targetByPair.get(`${role.id}\u0000${competency.id}`);
  }

  /** The role after this one in the framework's order, if any. */
  nextRole(role: Role): Role | undefined {
    const i = this.roleIndex.get(role);
    return i === undefined ? undefined : this.data.roles[i + 1];
  }

  categoryName(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.data.categories.find((c) => c.id === id)?.name;
  }
}
