/**
 * Builds a framework from table records (CSV long table or a set of tables).
 *
 * Records declare things (scales, levels, categories, roles, competencies) and
 * refer to them (descriptors, targets). A kind of thing is either declared in
 * full or not at all: where a file declares no roles, the roles named by its
 * targets are the roles; where it declares some, a target naming another role
 * is a mistake and is reported, never turned into a new role behind the user's
 * back. Rows without a record kind ("facts": competency, category, level,
 * descriptor, role, target) are the hand-written form and imply what they name.
 *
 * Every problem is collected with its row; the result is then checked by the
 * model's own validation, with paths mapped back to rows.
 */
import { normaliseLevelText } from '../scale';
import { listForHumans } from '../problems';
import { checkFramework, type CheckedFramework } from './checkFramework';
import { ImportProblems } from './importProblems';
import {
  FRAMEWORK_FIELDS,
  type Column,
  type FrameworkField,
  type RecordCells,
  type RecordKind,
  type SourceRecord,
} from './frameworkRecords';
import { ALIAS_SEPARATOR } from './frameworkToRecords';
import { slugId, uniqueSlugId } from './slugId';

interface Placed {
  where: string;
}
interface LevelDraft extends Placed {
  code: string;
  name?: string;
  value?: number;
  definition?: string;
  aliases?: string[];
}
interface ScaleDraft extends Placed {
  id: string;
  name?: string;
  description?: string;
  complete?: boolean;
  note?: string;
  levels: LevelDraft[];
  /** Levels came from level records: other rows may only use them. */
  levelsDeclared: boolean;
}
interface CategoryDraft extends Placed {
  id: string;
  name: string;
  parent?: string;
  description?: string;
}
interface DimensionDraft extends Placed {
  id: string;
  name: string;
  group?: string;
}
interface RoleDraft extends Placed {
  id: string;
  name: string;
  code?: string;
  summary?: string;
  descriptions: Map<string, { text: string; where: string }>;
}
interface CompetencyDraft extends Placed {
  id: string;
  name: string;
  category?: string;
  scale: string;
  definition?: string;
  type?: string;
  descriptors: Map<string, { text: string; where: string }>;
}
interface TargetDraft extends Placed {
  role: string;
  competency: string;
  level: string;
  note?: string;
}

export interface RecordsOptions {
  /** Names the framework when the records do not: usually the file name without extension. */
  fallbackName: string;
  /** Problems already found while reading the records (their warnings are kept). */
  problems?: ImportProblems;
}

const DEFAULT_SCALE = 'proficiency';
const DECLARATIONS: readonly RecordKind[] = ['framework', 'scale', 'level', 'dimension', 'category', 'role', 'competency'];

const key = (text: string) => normaliseLevelText(text);

class FrameworkBuilder {
  private readonly fields = new Map<Exclude<FrameworkField, 'note'>, { text: string; where: string }>();
  private readonly notes: string[] = [];
  private readonly scales = new Map<string, ScaleDraft>();
  private readonly dimensions = new Map<string, DimensionDraft>();
  private readonly categories = new Map<string, CategoryDraft>();
  private readonly roles = new Map<string, RoleDraft>();
  private readonly competencies = new Map<string, CompetencyDraft>();
  private readonly targets: TargetDraft[] = [];
  private readonly targetAt = new Map<string, TargetDraft>();
  private readonly declared = new Set<RecordKind>();
  private readonly origins = new Map<string, string>();
  private readonly nameIndex = new Map<Map<string, unknown>, Map<string, { name?: string }>>();

  constructor(
    private readonly problems: ImportProblems,
    private readonly options: RecordsOptions,
  ) {}

  build(records: readonly SourceRecord[]): CheckedFramework {
    for (const r of records) if (r.kind !== 'facts') this.declared.add(r.kind);
    for (const kind of DECLARATIONS) for (const r of records) if (r.kind === kind) this.declare(r);
    this.checkParents();
    for (const r of records) if (!DECLARATIONS.includes(r.kind as RecordKind)) this.refer(r);
    const candidate = this.candidate();
    this.problems.throwIfAny();
    return checkFramework(this.problems.source, candidate, {
      locate: (path) => this.locate(path),
      warnings: this.problems.warnings,
    });
  }

  // ---- declarations -------------------------------------------------------

  private declare(r: SourceRecord): void {
    const c = r.cells;
    switch (r.kind) {
      case 'framework':
        return this.frameworkField(c.field, c.text, r.where);
      case 'scale': {
        const id = this.required(c.scale, 'scale', 'a scale record needs the scale id', r.where);
        if (id === undefined) return;
        const existing = this.scales.get(id);
        if (existing) return this.twice(`scale "${id}"`, existing.where, r.where);
        const scale = this.newScale(id, r.where, c.name);
        scale.description = c.description;
        scale.note = c.note;
        scale.complete = this.bool(c.complete, 'complete', r.where);
        return;
      }
      case 'level': {
        const scale = this.scaleFor(c.scale, r.where);
        const code = this.required(c.level, 'level', 'a level record needs the level code', r.where);
        if (!scale || code === undefined) return;
        const same = scale.levels.find((l) => l.code === code);
        if (same) return this.twice(`level "${code}" of scale "${scale.id}"`, same.where, r.where);
        scale.levelsDeclared = true;
        scale.levels.push({
          code,
          name: c.name,
          value: this.number(c.value, r.where),
          definition: c.definition,
          aliases: c.aliases
            ?.split(ALIAS_SEPARATOR)
            .map((a) => a.trim())
            .filter((a) => a !== ''),
          where: r.where,
        });
        return;
      }
      case 'dimension': {
        const id = this.required(c.dimension, 'dimension', 'a dimension record needs the dimension id', r.where);
        if (id === undefined) return;
        const same = this.dimensions.get(id);
        if (same) return this.twice(`role dimension "${id}"`, same.where, r.where);
        this.dimensions.set(id, { id, name: c.name ?? id, group: c.group, where: r.where });
        return;
      }
      case 'category': {
        const named = this.newNamed('category', 'a name', c, this.categories, r.where);
        if (!named) return;
        this.put(this.categories, { ...named, parent: c.parent, description: c.description, where: r.where });
        return;
      }
      case 'role': {
        const named = this.newNamed('role', 'the role name', c, this.roles, r.where);
        if (!named) return;
        this.put(this.roles, { ...named, code: c.code, summary: c.description, descriptions: new Map(), where: r.where });
        return;
      }
      case 'competency': {
        const named = this.newNamed('competency', 'the competency name', c, this.competencies, r.where);
        if (!named) return;
        const { id, name } = named;
        const category = this.categoryFor(c, r.where);
        const scale = this.scaleFor(c.scale, r.where);
        if (!scale) return;
        this.put(this.competencies, {
          id,
          name,
          category: category?.id,
          scale: scale.id,
          definition: c.definition,
          type: c.type,
          descriptors: new Map(),
          where: r.where,
        });
        return;
      }
      default:
        return;
    }
  }

  /**
   * The id and name a category, role or competency record declares: the name
   * from its own column (or "name"), the id from its id column or made from
   * the name. Undefined, with the problem reported, when the name is missing
   * or the id is declared twice.
   */
  private newNamed(
    kind: 'category' | 'role' | 'competency',
    nameText: string,
    c: RecordCells,
    declared: Map<string, Placed>,
    where: string,
  ): { id: string; name: string } | undefined {
    const name = c[kind] ?? c.name;
    const id = c[`${kind} id`] ?? (name === undefined ? undefined : this.newId(name, declared));
    if (id === undefined || name === undefined) {
      this.problems.error(
        where,
        `a ${kind} record needs ${nameText} in the ${kind} column (and, optionally, an id in the ${kind} id column)`,
      );
      return undefined;
    }
    const same = declared.get(id);
    if (same) {
      this.twice(`${kind} "${id}"`, same.where, where);
      return undefined;
    }
    return { id, name };
  }

  private frameworkField(field: string | undefined, text: string | undefined, where: string): void {
    const name = field?.trim();
    if (!name || !(FRAMEWORK_FIELDS as readonly string[]).includes(name)) {
      this.problems.error(
        where,
        `${name ? `"${name}" is not a framework field` : 'the field column is empty'}; use one of ${listForHumans([...FRAMEWORK_FIELDS])}`,
      );
      return;
    }
    if (text === undefined) {
      this.problems.error(where, `framework field "${name}" has no text; fill the text column or delete the row`);
      return;
    }
    if (name === 'note') {
      this.notes.push(text);
      return;
    }
    const f = name as Exclude<FrameworkField, 'note'>;
    const same = this.fields.get(f);
    if (same) return this.twice(`framework field "${name}"`, same.where, where);
    this.fields.set(f, { text, where });
  }

  private checkParents(): void {
    for (const c of this.categories.values()) {
      if (c.parent !== undefined && !this.categories.has(c.parent)) {
        const byName = this.findByName(this.categories, c.parent);
        if (byName) c.parent = byName.id;
      }
    }
  }

  // ---- references ---------------------------------------------------------

  private refer(r: SourceRecord): void {
    const c = r.cells;
    switch (r.kind) {
      case 'role text': {
        const role = this.roleFor(c, r.where);
        const dimension = this.required(c.dimension, 'dimension', 'a role text needs the dimension it describes', r.where);
        if (!role || dimension === undefined) return;
        if (!this.dimensions.has(dimension)) {
          if (this.declared.has('dimension')) {
            this.problems.error(
              r.where,
              `role dimension "${dimension}" is not declared; use ${listForHumans([...this.dimensions.keys()])} or add a dimension row`,
            );
            return;
          }
          this.dimensions.set(dimension, { id: dimension, name: dimension, where: r.where });
        }
        const same = role.descriptions.get(dimension);
        if (same) return this.twice(`the text of role "${role.name}" for "${dimension}"`, same.where, r.where);
        role.descriptions.set(dimension, { text: c.text ?? '', where: r.where });
        return;
      }
      case 'descriptor': {
        const competency = this.competencyFor(c, r.where, false);
        if (!competency) return;
        return this.levelFacts(competency, c, r.where);
      }
      case 'target': {
        const competency = this.competencyFor(c, r.where, false);
        if (!competency) return;
        return this.targetFacts(competency, c, r.where);
      }
      case 'facts': {
        const competency = this.competencyFor(c, r.where, true);
        if (!competency) return;
        this.levelFacts(competency, c, r.where);
        this.targetFacts(competency, c, r.where);
        return;
      }
      default:
        return;
    }
  }

  /** A row's level and descriptor for a competency (descriptor and facts rows). */
  private levelFacts(competency: CompetencyDraft, c: Partial<Record<Column, string>>, where: string): void {
    if (c.level === undefined) {
      if (c.descriptor !== undefined) this.problems.error(where, 'a descriptor needs the level it describes in the level column');
      return;
    }
    const level = this.levelFor(competency.scale, c.level, where, { name: c.name, value: c.value });
    if (!level || c.descriptor === undefined) return;
    const same = competency.descriptors.get(level.code);
    if (same && same.text !== c.descriptor) {
      this.problems.error(
        where,
        `a second, different descriptor for "${competency.name}" at level "${level.code}" (the first is in ${same.where}); keep one`,
      );
      return;
    }
    competency.descriptors.set(level.code, { text: c.descriptor, where });
  }

  /** A row's role and target for a competency (target and facts rows). */
  private targetFacts(competency: CompetencyDraft, c: Partial<Record<Column, string>>, where: string): void {
    const hasRole = c.role !== undefined || c['role id'] !== undefined;
    if (!hasRole) {
      if (c.target !== undefined) this.problems.error(where, 'a target needs its role in the role column');
      return;
    }
    const role = this.roleFor(c, where);
    if (!role || c.target === undefined) return; // a role without a target: nothing required
    const level = this.levelFor(competency.scale, c.target, where);
    if (!level) return;
    const pair = `${role.id}\u0000${competency.id}`;
    const same = this.targetAt.get(pair);
    if (same) {
      if (same.level !== level.code || same.note !== c.note) {
        this.problems.error(
          where,
          `a second target for role "${role.name}" and competency "${competency.name}" (the first is in ${same.where}); keep one`,
        );
      }
      return;
    }
    const target: TargetDraft = { role: role.id, competency: competency.id, level: level.code, note: c.note, where };
    this.targetAt.set(pair, target);
    this.targets.push(target);
  }

  // ---- resolving what a row names ----------------------------------------

  private scaleFor(id: string | undefined, where: string): ScaleDraft | undefined {
    if (id !== undefined) {
      const found = this.scales.get(id) ?? this.findByName(this.scales, id);
      if (found) return found;
      if (!this.declared.has('scale')) return this.newScale(id, where);
      this.problems.error(where, `scale "${id}" is not declared; use ${listForHumans([...this.scales.keys()])} or add a scale row`);
      return undefined;
    }
    if (this.scales.size === 1) return [...this.scales.values()][0];
    if (this.scales.size === 0) return this.newScale(DEFAULT_SCALE, where);
    this.problems.error(where, `say which scale in the scale column; the framework has ${listForHumans([...this.scales.keys()])}`);
    return undefined;
  }

  private newScale(id: string, where: string, name?: string): ScaleDraft {
    const scale: ScaleDraft = { id, name, levels: [], levelsDeclared: false, where };
    this.put(this.scales, scale);
    return scale;
  }

  /** A level of a scale by code, name or alias; a new one where the scale's levels are not declared. */
  private levelFor(scaleId: string, text: string, where: string, given: { name?: string; value?: string } = {}): LevelDraft | undefined {
    const scale = this.scales.get(scaleId);
    if (!scale) return undefined;
    const wanted = key(text);
    const level =
      scale.levels.find((l) => l.code === text) ??
      scale.levels.find(
        (l) =>
          key(l.code) === wanted || (l.name !== undefined && key(l.name) === wanted) || (l.aliases ?? []).some((a) => key(a) === wanted),
      );
    const value = this.number(given.value, where);
    if (level) {
      if (given.name !== undefined && level.name !== undefined && key(given.name) !== key(level.name)) {
        this.problems.error(
          where,
          `level "${level.code}" is named "${level.name}" in ${level.where} but "${given.name}" here; use one name`,
        );
      } else if (given.name !== undefined) level.name ??= given.name;
      if (value !== undefined && level.value !== undefined && value !== level.value) {
        this.problems.error(where, `level "${level.code}" has value ${level.value} in ${level.where} but ${value} here; use one value`);
      } else if (value !== undefined) level.value ??= value;
      return level;
    }
    if (scale.levelsDeclared) {
      this.problems.error(
        where,
        `level "${text}" is not on scale "${scale.id}"; use one of ${listForHumans(scale.levels.map((l) => l.code))}, or add a level row for it`,
      );
      return undefined;
    }
    const created: LevelDraft = { code: text, name: given.name, value, where };
    scale.levels.push(created);
    return created;
  }

  private categoryFor(c: Partial<Record<Column, string>>, where: string): CategoryDraft | undefined {
    const id = c['category id'];
    const name = c.category;
    if (id === undefined && name === undefined) return undefined;
    const found =
      (id !== undefined ? this.categories.get(id) : undefined) ?? (name !== undefined ? this.findByName(this.categories, name) : undefined);
    if (found) return this.agrees(found, name, 'category', where) ? found : undefined;
    if (this.declared.has('category')) {
      this.problems.error(
        where,
        `category "${id ?? name}" is not declared; use ${listForHumans([...this.categories.values()].map((x) => x.name))} or add a category row`,
      );
      return undefined;
    }
    const created: CategoryDraft = { id: id ?? this.newId(name as string, this.categories), name: name ?? (id as string), where };
    this.put(this.categories, created);
    return created;
  }

  private roleFor(c: Partial<Record<Column, string>>, where: string): RoleDraft | undefined {
    const id = c['role id'];
    const name = c.role;
    if (id === undefined && name === undefined) {
      this.problems.error(where, 'give the role in the role column');
      return undefined;
    }
    const found =
      (id !== undefined ? this.roles.get(id) : undefined) ??
      (name !== undefined
        ? (this.findByName(this.roles, name) ?? [...this.roles.values()].find((r) => r.code !== undefined && key(r.code) === key(name)))
        : undefined);
    if (found) return this.agrees(found, name, 'role', where) ? found : undefined;
    if (this.declared.has('role')) {
      this.problems.error(
        where,
        `role "${name ?? id}" is not declared; use ${listForHumans([...this.roles.values()].map((x) => x.name))} or add a role row`,
      );
      return undefined;
    }
    const created: RoleDraft = {
      id: id ?? this.newId(name as string, this.roles),
      name: name ?? (id as string),
      descriptions: new Map(),
      where,
    };
    this.put(this.roles, created);
    return created;
  }

  /** The competency a row names; facts rows may create it and fill in its details. */
  private competencyFor(c: Partial<Record<Column, string>>, where: string, facts: boolean): CompetencyDraft | undefined {
    const id = c['competency id'];
    const name = c.competency;
    if (id === undefined && name === undefined) {
      this.problems.error(where, 'give the competency in the competency column');
      return undefined;
    }
    let found =
      (id !== undefined ? this.competencies.get(id) : undefined) ??
      (name !== undefined ? this.findByName(this.competencies, name) : undefined);
    if (found && !this.agrees(found, name, 'competency', where)) return undefined;
    if (!found) {
      if (this.declared.has('competency')) {
        const names = [...this.competencies.values()].map((x) => x.name);
        const shown = names.length > 10 ? [...names.slice(0, 10), `… (${names.length} in all)`] : names;
        this.problems.error(where, `competency "${name ?? id}" is not declared; use ${listForHumans(shown)} or add a competency row`);
        return undefined;
      }
      const scale = this.scaleFor(facts ? c.scale : undefined, where);
      if (!scale) return undefined;
      found = {
        id: id ?? this.newId(name as string, this.competencies),
        name: name ?? (id as string),
        scale: scale.id,
        descriptors: new Map(),
        where,
      };
      this.put(this.competencies, found);
    }
    if (facts) this.mergeDetails(found, c, where);
    return found;
  }

  /** Facts rows repeat a competency's details; they must agree wherever they are given. */
  private mergeDetails(comp: CompetencyDraft, c: Partial<Record<Column, string>>, where: string): void {
    if (c.category !== undefined || c['category id'] !== undefined) {
      const category = this.categoryFor(c, where);
      if (category && comp.category !== undefined && comp.category !== category.id) {
        this.problems.error(
          where,
          `"${comp.name}" is in category "${this.categories.get(comp.category)?.name}" in ${comp.where} but "${category.name}" here; use one category`,
        );
      } else if (category) comp.category = category.id;
    }
    if (c.scale !== undefined && c.scale !== comp.scale) {
      this.problems.error(where, `"${comp.name}" uses scale "${comp.scale}" in ${comp.where} but "${c.scale}" here; use one scale`);
    }
    for (const field of ['definition', 'type'] as const) {
      const text = c[field];
      if (text === undefined) continue;
      if (comp[field] !== undefined && comp[field] !== text) {
        this.problems.error(
          where,
          `"${comp.name}" has a different ${field} here than in ${comp.where}; give it once or make them the same`,
        );
      } else comp[field] = text;
    }
  }

  // ---- helpers ------------------------------------------------------------

  /** Adds a declared thing, indexed by id and by name so lookups stay fast on big tables. */
  private put<T extends { id: string; name?: string }>(items: Map<string, T>, item: T): void {
    items.set(item.id, item);
    let index = this.nameIndex.get(items);
    if (!index) this.nameIndex.set(items, (index = new Map()));
    if (item.name !== undefined && !index.has(key(item.name))) index.set(key(item.name), item);
  }

  private findByName<T extends { name?: string }>(items: Map<string, T>, name: string): T | undefined {
    return this.nameIndex.get(items)?.get(key(name)) as T | undefined;
  }

  /** Where a row gives both an id and a name, they must name the same thing. */
  private agrees(found: { id: string; name?: string }, name: string | undefined, what: string, where: string): boolean {
    if (name === undefined || found.name === undefined || key(found.name) === key(name)) return true;
    if (what === 'role' && key((found as RoleDraft).code ?? '') === key(name)) return true;
    this.problems.error(
      where,
      `${what} id "${found.id}" is "${found.name}", but the ${what} column says "${name}"; make them agree (or clear one of them)`,
    );
    return false;
  }

  private newId(name: string, taken: Map<string, unknown>): string {
    return uniqueSlugId(name, new Set(taken.keys()));
  }

  private required(value: string | undefined, column: string, what: string, where: string): string | undefined {
    if (value === undefined) this.problems.error(where, `${what}; fill the ${column} column`);
    return value;
  }

  private number(text: string | undefined, where: string): number | undefined {
    if (text === undefined) return undefined;
    const n = Number(/^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text);
    if (!Number.isFinite(n)) {
      this.problems.error(where, `level value "${text}" is not a number; write a number such as 3 or 2.5`);
      return undefined;
    }
    return n;
  }

  private bool(text: string | undefined, column: string, where: string): boolean | undefined {
    if (text === undefined) return undefined;
    const t = text.toLowerCase();
    if (['true', 'yes', '1'].includes(t)) return true;
    if (['false', 'no', '0'].includes(t)) return false;
    this.problems.error(where, `"${text}" in the ${column} column is not TRUE or FALSE; write TRUE, FALSE or leave it blank`);
    return undefined;
  }

  private twice(what: string, first: string, second: string): void {
    this.problems.error(second, `${what} is declared twice (first in ${first}); keep one row for it`);
  }

  private locate(path: string): string {
    for (let p = path; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
      const found = this.origins.get(p);
      if (found) return found;
      if (!/(\.[^.[\]]*|\[\d+\])$/.test(p)) break;
    }
    return path || '(root)';
  }

  // ---- the framework ------------------------------------------------------

  private candidate(): Record<string, unknown> {
    const origin = (path: string, where: string) => this.origins.set(path, where);
    const field = (f: Exclude<FrameworkField, 'note'>) => {
      const got = this.fields.get(f);
      if (got) origin(f, got.where);
      return got?.text;
    };
    const fallback = this.options.fallbackName || 'Imported framework';
    const name = field('name') ?? fallback;
    if (!this.fields.has('name'))
      this.problems.warn(
        'framework',
        `the file gives no framework name, so it is called "${name}"; add a framework row with field "name" to choose one`,
      );
    const id = field('id') ?? (slugId(name) || 'imported-framework');
    const yearText = field('provenance.year');
    let year: number | undefined;
    if (yearText !== undefined) {
      year = Number(yearText);
      if (!Number.isInteger(year)) {
        this.problems.error(
          this.fields.get('provenance.year')!.where,
          `provenance.year "${yearText}" is not a year; write it as four digits, such as 2024`,
        );
        year = undefined;
      }
    }
    const missing = (['provenance.publisher', 'provenance.licence'] as const).filter((f) => !this.fields.has(f));
    if (missing.length) {
      this.problems.warn(
        'framework',
        `the file does not state ${listForHumans(missing, 'and')}, recorded as "not stated"; add framework rows for them so colleagues know where the framework comes from`,
      );
    }
    const provenance = omitUndefined({
      title: field('provenance.title') ?? name,
      publisher: field('provenance.publisher') ?? 'not stated',
      year,
      licence: field('provenance.licence') ?? 'not stated',
      source: field('provenance.source'),
      note: field('provenance.note'),
    });

    // Only when nothing else went wrong: a rejected row often explains an empty list.
    const clean = this.problems.ok;
    if (clean && (this.scales.size === 0 || [...this.scales.values()].every((s) => s.levels.length === 0))) {
      this.problems.error(
        'framework',
        'no proficiency levels: add level rows (scale, level, name, value) or fill the level or target column',
      );
    }
    if (clean && this.roles.size === 0) this.problems.error('framework', 'no roles: add role rows or fill the role and target columns');
    if (clean && this.competencies.size === 0)
      this.problems.error('framework', 'no competencies: add competency rows or fill the competency column');

    const scales = [...this.scales.values()].map((s, i) => {
      origin(`scales[${i}]`, s.where);
      this.settleLevels(s);
      return omitUndefined({
        id: s.id,
        name: s.name ?? (s.id === DEFAULT_SCALE ? 'Proficiency' : s.id),
        description: s.description,
        levels: s.levels.map((l, j) => {
          origin(`scales[${i}].levels[${j}]`, l.where);
          return omitUndefined({
            code: l.code,
            name: l.name ?? l.code,
            value: l.value,
            definition: l.definition,
            aliases: l.aliases?.length ? l.aliases : undefined,
          });
        }),
        complete: s.complete,
        note: s.note,
      });
    });
    const categories = [...this.categories.values()].map((c, i) => {
      origin(`categories[${i}]`, c.where);
      return omitUndefined({ id: c.id, name: c.name, parent: c.parent, description: c.description });
    });
    const roleDimensions = [...this.dimensions.values()].map((d, i) => {
      origin(`roleDimensions[${i}]`, d.where);
      return omitUndefined({ id: d.id, name: d.name, group: d.group });
    });
    const roles = [...this.roles.values()].map((r, i) => {
      origin(`roles[${i}]`, r.where);
      for (const [dim, d] of r.descriptions) origin(`roles[${i}].descriptions.${dim}`, d.where);
      return omitUndefined({
        id: r.id,
        name: r.name,
        code: r.code,
        summary: r.summary,
        descriptions: r.descriptions.size ? Object.fromEntries([...r.descriptions].map(([k, v]) => [k, v.text])) : undefined,
      });
    });
    const competencies = [...this.competencies.values()].map((c, i) => {
      origin(`competencies[${i}]`, c.where);
      for (const [code, d] of c.descriptors) origin(`competencies[${i}].descriptors.${code}`, d.where);
      return omitUndefined({
        id: c.id,
        name: c.name,
        category: c.category,
        definition: c.definition,
        type: c.type,
        scale: c.scale,
        descriptors: c.descriptors.size ? Object.fromEntries([...c.descriptors].map(([k, v]) => [k, v.text])) : undefined,
      });
    });
    const targets = this.targets.map((t, i) => {
      origin(`targets[${i}]`, t.where);
      return omitUndefined({ role: t.role, competency: t.competency, level: t.level, note: t.note });
    });
    return omitUndefined({
      id,
      name,
      description: field('description'),
      version: field('version'),
      provenance,
      scales,
      categories,
      roleDimensions,
      roles,
      competencies,
      targets,
      notes: this.notes.length ? this.notes : undefined,
    });
  }

  /**
   * Levels the file only named (in level or target cells) get values: numeric
   * codes are their own values and sort by them; other codes count up in the
   * order they first appear, which the user is told.
   */
  private settleLevels(scale: ScaleDraft): void {
    const without = scale.levels.filter((l) => l.value === undefined);
    if (!without.length) return;
    if (without.length < scale.levels.length) {
      for (const l of without)
        this.problems.error(
          l.where,
          `level "${l.code}" of scale "${scale.id}" has no value; give every level of the scale a value, or none`,
        );
      return;
    }
    const numeric = scale.levels.every((l) => /^-?\d+(\.\d+)?$/.test(l.code));
    if (numeric) {
      for (const l of scale.levels) l.value = Number(l.code);
      if (!scale.levelsDeclared) scale.levels.sort((a, b) => (a.value as number) - (b.value as number));
    } else {
      scale.levels.forEach((l, i) => (l.value = i + 1));
    }
    this.problems.warn(
      `scale "${scale.id}"`,
      `levels ${listForHumans(
        scale.levels.map((l) => `${l.code}=${l.value}`),
        'and',
      )} were given no values, so ${numeric ? 'their codes are their values' : 'they count up in the order they first appear'}; add level rows with a value column to set them`,
    );
  }
}

function omitUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** Builds and validates a framework from table records; throws one error listing every problem with its row. */
export function frameworkFromRecords(source: string, records: readonly SourceRecord[], options: RecordsOptions): CheckedFramework {
  const problems = options.problems ?? new ImportProblems(source);
  return new FrameworkBuilder(problems, options).build(records);
}
