/**
 * A framework from a CASE 1.1 package: ours (see caseExport.ts, whose
 * extensions make the trip lossless) or anyone's.
 *
 * Reading a package from elsewhere: items typed Role are roles; items with a
 * rubric criterion, or without children, are competencies; items with children
 * are categories (nested as the isChildOf tree nests them). Each rubric gives a
 * scale from its criterion levels (quality = level name, score = value,
 * description = descriptor); criteria whose levels differ get scales of their
 * own. hasSkillLevel from a role to a criterion level is a target. Item order is
 * the order of CFItems. Other association types have no place in the model and
 * are counted in a warning.
 */
import type { Framework } from '../framework/validate';
import type { ScaleData } from '../framework/schema';
import { CompetencyError, listForHumans } from '../problems';
import { checkFramework, type CheckedFramework } from './checkFramework';
import { ImportProblems } from './importProblems';
import { slugId, uniqueSlugId } from './slugId';
import { plainTextOfMarkdown } from './markdownText';
import { builtInScaleSummary } from './scaleChoice';
import {
  EXTENSION_KEY,
  type CFAssociation,
  type CFItem,
  type CFPackage,
  type CFRubricCriterion,
  type CFRubricCriterionLevel,
} from './caseTypes';

type Obj = Record<string, unknown>;
type Kind = 'category' | 'competency' | 'role';

interface LevelOut {
  code: string;
  name: string;
  value: number;
  definition?: string;
  aliases?: string[];
}
interface ScaleOut {
  id: string;
  name: string;
  description?: string;
  levels: LevelOut[];
  complete?: boolean;
  note?: string;
  where: string;
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const ours = (o: { extensions?: unknown }): Obj => {
  const e = isObj(o.extensions) ? o.extensions[EXTENSION_KEY] : undefined;
  return isObj(e) ? e : {};
};

function defined<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function kindOfType(type: string | undefined): Kind | undefined {
  const t = (type ?? '').trim().toLowerCase();
  if (/\b(role|position|job|occupation)\b/.test(t)) return 'role';
  if (/\b(category|domain|cluster|strand|area|group|section)\b/.test(t)) return 'category';
  if (/\b(competency|skill|standard|indicator|outcome)\b/.test(t)) return 'competency';
  return undefined;
}

export interface CaseImportOptions {
  /** The scale for a package without rubrics (`--scale`, or the task pane's picker). */
  scale?: ScaleData;
}

/**
 * The refusal of a package that states no levels: the one problem a user fixes
 * by choosing a scale, so the task pane can offer its picker instead of an error.
 */
export class ScaleNeededError extends CompetencyError {
  readonly needsScale = true;
  constructor(fileName: string) {
    super(
      'invalid-framework',
      `CFRubrics: the package has no CFRubrics with criterion levels, so it states no proficiency levels; choose a scale with --scale (the scale picker in the add-in): a built-in scale (${builtInScaleSummary()}) or level names lowest first, e.g. --scale "Novice,Developing,Proficient,Expert"`,
      fileName,
    );
  }
}

export function isScaleNeeded(e: unknown): e is ScaleNeededError {
  return e instanceof CompetencyError && (e as Partial<ScaleNeededError>).needsScale === true;
}

/** A sequenceNumber as a number: CASE says integer, some tools write "3". */
function sequenceOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function frameworkFromCase(fileName: string, json: unknown, options: CaseImportOptions = {}): CheckedFramework {
  const problems = new ImportProblems(fileName);
  const pkg = (isObj(json) && isObj(json.CFPackage) ? json.CFPackage : json) as Partial<CFPackage>;
  const doc = pkg.CFDocument;
  if (!isObj(doc)) {
    problems.error(
      'CFDocument',
      'the package has no CFDocument; a CASE 1.1 package holds a CFDocument (the framework), CFItems, CFAssociations and CFRubrics',
    );
    problems.throwIfAny();
  }
  const document = doc as unknown as Obj;
  if (!str(document.title)) problems.error('CFDocument.title', 'the CFDocument has no title; give the framework a title');
  const docId = str(document.identifier) ?? '';

  const listOf = <T>(value: unknown, name: string): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.error(name, `${name} must be a list ([...]); found ${typeof value}`);
      return [];
    }
    return value as T[];
  };
  const items = listOf<CFItem>(pkg.CFItems, 'CFItems');
  const associations = listOf<CFAssociation>(pkg.CFAssociations, 'CFAssociations');
  const rubrics = listOf<Obj>(pkg.CFRubrics, 'CFRubrics');
  problems.throwIfAny(); // without its lists, every reference into them would fail too
  if (!items.length) {
    problems.error(
      'CFItems',
      'the package has no CFItems, so there are no competencies to import; export the framework again with its items, or pick the package that holds them',
    );
    problems.throwIfAny();
  }
  // A package from elsewhere may write its statements in Markdown; ours are plain text already.
  const foreign = Object.keys(ours(document)).length === 0;
  const plain = (s: string | undefined): string | undefined => (foreign && s !== undefined ? plainTextOfMarkdown(s) || s : s);

  // ---- items --------------------------------------------------------------
  const itemAt = new Map<string, { item: CFItem; index: number }>();
  items.forEach((item, i) => {
    const where = `CFItems[${i}]`;
    if (!isObj(item)) return problems.error(where, 'an item must be an object');
    const id = str(item.identifier);
    if (!id) return problems.error(`${where}.identifier`, 'the item has no identifier; every CFItem needs a unique identifier (a UUID)');
    if (!str(item.fullStatement)) problems.error(`${where}.fullStatement`, `item "${id}" has no fullStatement; give its text`);
    const same = itemAt.get(id);
    if (same)
      return problems.error(`${where}.identifier`, `identifier "${id}" is used by CFItems[${same.index}] too; identifiers must be unique`);
    itemAt.set(id, { item, index: i });
  });

  // ---- rubrics: criteria and their levels ---------------------------------
  interface Criterion {
    criterion: CFRubricCriterion;
    itemId: string;
    levels: CFRubricCriterionLevel[];
    rubric: Obj;
    where: string;
  }
  const criteria: Criterion[] = [];
  const criterionOfItem = new Map<string, Criterion>();
  rubrics.forEach((rubric, r) => {
    const where = `CFRubrics[${r}]`;
    if (!isObj(rubric)) return problems.error(where, 'a rubric must be an object');
    listOf<CFRubricCriterion>(rubric.CFRubricCriteria, `${where}.CFRubricCriteria`).forEach((criterion, c) => {
      const cw = `${where}.CFRubricCriteria[${c}]`;
      if (!isObj(criterion)) return problems.error(cw, 'a criterion must be an object');
      const itemId = isObj(criterion.CFItemURI) ? str(criterion.CFItemURI.identifier) : undefined;
      if (!itemId)
        return problems.error(
          `${cw}.CFItemURI`,
          'the criterion names no CFItem; give CFItemURI with the identifier of the competency it assesses',
        );
      if (!itemAt.has(itemId))
        return problems.error(`${cw}.CFItemURI`, `item "${itemId}" is not in CFItems; add the item or correct the identifier`);
      if (criterionOfItem.has(itemId))
        return problems.error(
          `${cw}.CFItemURI`,
          `item "${itemId}" already has a criterion (${criterionOfItem.get(itemId)?.where}); give each competency one criterion`,
        );
      const levels = listOf<CFRubricCriterionLevel>(criterion.CFRubricCriterionLevels, `${cw}.CFRubricCriterionLevels`);
      levels.forEach((level, l) => {
        const lw = `${cw}.CFRubricCriterionLevels[${l}]`;
        if (!isObj(level)) return problems.error(lw, 'a criterion level must be an object');
        if (str(level.quality) === undefined && typeof level.score !== 'number') {
          problems.error(lw, 'the criterion level has neither a quality (the level name) nor a score (its value); give at least one');
        }
        if (level.score !== undefined && (typeof level.score !== 'number' || !Number.isFinite(level.score))) {
          problems.error(`${lw}.score`, `score must be a number, not ${JSON.stringify(level.score)}`);
        }
      });
      const entry = { criterion, itemId, levels, rubric, where: cw };
      criteria.push(entry);
      criterionOfItem.set(itemId, entry);
    });
  });
  problems.throwIfAny();

  // ---- the tree -----------------------------------------------------------
  const parentOf = new Map<string, { id: string; where: string; sequence?: number }>();
  const childCount = new Map<string, number>();
  const targetLinks: { assoc: CFAssociation; where: string }[] = [];
  const otherTypes = new Map<string, number>();
  associations.forEach((a, i) => {
    const where = `CFAssociations[${i}]`;
    if (!isObj(a)) return problems.error(where, 'an association must be an object');
    const type = str(a.associationType);
    const origin = isObj(a.originNodeURI) ? str(a.originNodeURI.identifier) : undefined;
    const destination = isObj(a.destinationNodeURI) ? str(a.destinationNodeURI.identifier) : undefined;
    if (type === 'isChildOf') {
      if (!origin || !itemAt.has(origin))
        return problems.error(
          `${where}.originNodeURI`,
          `isChildOf from "${origin ?? '(none)'}", which is not in CFItems; correct the identifier or add the item`,
        );
      if (!destination || (destination !== docId && !itemAt.has(destination))) {
        return problems.error(
          `${where}.destinationNodeURI`,
          `isChildOf to "${destination ?? '(none)'}", which is neither the CFDocument nor in CFItems; correct the identifier or add the item`,
        );
      }
      if (destination === origin) return problems.error(where, 'an item cannot be its own child; remove this association');
      const first = parentOf.get(origin);
      if (first) {
        problems.warn(
          where,
          `a second parent for "${itemAt.get(origin)?.item.fullStatement}"; the framework keeps the first (${first.where})`,
        );
        return;
      }
      const sequence = sequenceOf(a.sequenceNumber);
      if (a.sequenceNumber !== undefined && sequence === undefined)
        problems.warn(
          `${where}.sequenceNumber`,
          `sequenceNumber ${JSON.stringify(a.sequenceNumber)} is not a number, so the item keeps its place in CFItems`,
        );
      parentOf.set(origin, { id: destination, where, sequence });
      childCount.set(destination, (childCount.get(destination) ?? 0) + 1);
    } else if (type === 'hasSkillLevel' && origin && itemAt.has(origin)) {
      targetLinks.push({ assoc: a, where });
    } else {
      otherTypes.set(type ?? '(no type)', (otherTypes.get(type ?? '(no type)') ?? 0) + 1);
    }
  });
  if (otherTypes.size) {
    const counts = [...otherTypes].map(([t, n]) => `${n} ${t}`);
    const total = [...otherTypes.values()].reduce((a, b) => a + b);
    problems.warn(
      'CFAssociations',
      `${listForHumans(counts, 'and')} association${total > 1 ? 's were' : ' was'} not imported: a competency framework has no place for them`,
    );
  }

  // ---- what each item is --------------------------------------------------
  const kindOf = new Map<string, Kind>();
  for (const [id, { item }] of itemAt) {
    const declared = str(ours(item).kind) as Kind | undefined;
    const own = declared && ['category', 'competency', 'role'].includes(declared) ? declared : undefined;
    const typed = kindOfType(item.CFItemType ?? (isObj(item.CFItemTypeURI) ? str(item.CFItemTypeURI.title) : undefined));
    // An item from elsewhere is what its place says (children make a category) unless its type makes it a role.
    const placed: Kind | undefined = criterionOfItem.has(id) ? 'competency' : childCount.has(id) ? 'category' : undefined;
    kindOf.set(id, own ?? (typed === 'role' ? 'role' : (placed ?? typed ?? 'competency')));
  }

  // ---- order: siblings by sequenceNumber, each family in the places its items hold in CFItems ----
  const ordered = orderedItems([...itemAt.keys()], parentOf);

  const origins = new Map<string, string>();
  const ids = { category: new Set<string>(), competency: new Set<string>(), role: new Set<string>() };
  const idOf = new Map<string, string>();
  const nameOf = (item: CFItem) => plain(str(item.abbreviatedStatement) ?? item.fullStatement) as string;
  // The full statement, where it says more than the name: a competency's definition, a role's summary.
  // Export marks an item whose full statement only stands in for a missing one (noDefinition, noSummary).
  const statementOf = (item: CFItem, standIn: boolean) =>
    standIn || str(item.abbreviatedStatement) === undefined || item.fullStatement === item.abbreviatedStatement
      ? undefined
      : plain(item.fullStatement);
  for (const identifier of ordered) {
    const { item } = itemAt.get(identifier)!;
    const kind = kindOf.get(identifier) as Kind;
    const own = str(ours(item).id);
    const id = own ?? uniqueSlugId(str(item.humanCodingScheme) ?? nameOf(item) ?? '', ids[kind], kind);
    ids[kind].add(id);
    idOf.set(identifier, id);
  }

  // ---- scales -------------------------------------------------------------
  const scales: ScaleOut[] = [];
  const scaleIds = new Set<string>();
  const scaleOfCriterion = new Map<Criterion, ScaleOut>();
  const codeOfLevel = new Map<string, { criterion: Criterion; code: string }>();
  const rubricScale = new Map<Obj, ScaleOut>();
  rubrics.forEach((rubric, r) => {
    const e = ours(rubric);
    if (!Array.isArray(e.levels)) return;
    const scale: ScaleOut = defined({
      id: str(e.id) ?? uniqueSlugId(str(rubric.title) ?? 'scale', scaleIds, 'scale'),
      name: str(rubric.title) ?? str(e.id) ?? 'Scale',
      description: str(rubric.description),
      levels: e.levels as LevelOut[],
      complete: typeof e.complete === 'boolean' ? e.complete : undefined,
      note: str(e.note),
      where: `CFRubrics[${r}]`,
    });
    scaleIds.add(scale.id);
    scales.push(scale);
    rubricScale.set(rubric, scale);
  });
  const sortedLevels = (c: Criterion) =>
    [...c.levels].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.score ?? 0) - (b.score ?? 0));
  const signatures = new Map<string, ScaleOut>();
  for (const c of criteria) {
    const declared = rubricScale.get(c.rubric);
    const levels = sortedLevels(c);
    if (declared) {
      scaleOfCriterion.set(c, declared);
      for (const l of levels) {
        const code =
          str(ours(l).code) ??
          declared.levels.find((x) => x.name === str(l.quality))?.code ??
          declared.levels.find((x) => x.value === l.score)?.code;
        if (code === undefined) {
          problems.error(
            `${c.where}`,
            `criterion level "${l.quality ?? l.score}" is not a level of scale "${declared.id}"; use ${listForHumans(declared.levels.map((x) => x.name))}`,
          );
          continue;
        }
        codeOfLevel.set(str(l.identifier) ?? '', { criterion: c, code });
      }
      continue;
    }
    // A rubric from elsewhere: the criterion's own levels make (or reuse) a scale.
    const scores = levels.map((l) => l.score);
    const distinctScores = scores.every((s) => typeof s === 'number') && new Set(scores).size === scores.length;
    const names = levels.map((l) => str(l.quality));
    const distinctNames =
      names.every((n) => n !== undefined && n.length <= 24) && new Set(names.map((n) => n?.toLowerCase())).size === names.length;
    const out: LevelOut[] = levels.map((l, i) => ({
      code: distinctScores ? String(l.score) : distinctNames ? (names[i] as string) : String(i + 1),
      name: str(l.quality) ?? `Level ${l.score ?? i + 1}`,
      value: typeof l.score === 'number' ? l.score : i + 1,
    }));
    const signature = JSON.stringify(out);
    let scale = signatures.get(signature);
    if (!scale) {
      const title = str(c.rubric.title) ?? 'Rubric';
      scale = defined({
        id: uniqueSlugId(title, scaleIds, 'scale'),
        name: signatures.size ? `${title} (${signatures.size + 1})` : title,
        description: str(c.rubric.description),
        levels: out,
        where: c.where,
      });
      scaleIds.add(scale.id);
      scales.push(scale);
      signatures.set(signature, scale);
    }
    scaleOfCriterion.set(c, scale);
    levels.forEach((l, i) => codeOfLevel.set(str(l.identifier) ?? '', { criterion: c, code: out[i].code }));
  }
  let scaleChosen = false;
  if (!scales.length || scales.every((s) => !s.levels.length)) {
    problems.throwIfAny();
    if (!options.scale) throw new ScaleNeededError(fileName);
    scaleChosen = true;
    scales.length = 0;
    scales.push({ ...options.scale, where: 'CFRubrics' });
  } else if (options.scale) {
    problems.warn(
      'CFRubrics',
      `the package's rubrics give its levels, so the scale chosen on import ("${options.scale.name}") was not used`,
    );
  }
  problems.throwIfAny();

  // ---- categories, competencies, roles ------------------------------------
  const categories: Obj[] = [];
  const competencies: Obj[] = [];
  const roles: Obj[] = [];
  const orphans: string[] = [];
  // An item's place in messages: its index and the identifier (or code) a CASE tool shows.
  const itemPlace = (index: number, item: CFItem) => `CFItems[${index}] "${str(item.humanCodingScheme) ?? item.identifier}"`;
  for (const identifier of ordered) {
    const { item, index } = itemAt.get(identifier)!;
    const kind = kindOf.get(identifier) as Kind;
    const e = ours(item);
    const id = idOf.get(identifier) as string;
    const parent = parentOf.get(identifier);
    const parentCategory = parent && kindOf.get(parent.id) === 'category' ? idOf.get(parent.id) : undefined;
    if (parent && parent.id !== docId && kindOf.get(parent.id) !== 'category') {
      problems.warn(
        `CFItems[${index}]`,
        `"${nameOf(item)}" is a child of a ${kindOf.get(parent.id)}, which cannot hold it; it is placed at the top level`,
      );
    }
    if (kind === 'category') {
      origins.set(`categories[${categories.length}]`, itemPlace(index, item));
      categories.push(defined({ id, name: nameOf(item), parent: parentCategory, description: plain(str(item.notes)) }));
    } else if (kind === 'competency') {
      const criterion = criterionOfItem.get(identifier);
      const scale = criterion ? scaleOfCriterion.get(criterion) : (scales.find((s) => s.id === str(e.scale)) ?? scales[0]);
      if (!criterion && !e.scale) orphans.push(nameOf(item));
      const descriptors: Record<string, string> = {};
      for (const l of criterion?.levels ?? []) {
        const text = str(l.description);
        const code = codeOfLevel.get(str(l.identifier) ?? '')?.code;
        if (text !== undefined && code !== undefined) descriptors[code] = text;
      }
      origins.set(`competencies[${competencies.length}]`, itemPlace(index, item));
      competencies.push(
        defined({
          id,
          name: nameOf(item),
          category: parentCategory,
          definition: statementOf(item, e.noDefinition === true),
          type: str(e.type),
          scale: (scale as ScaleOut).id,
          descriptors: Object.keys(descriptors).length ? descriptors : undefined,
        }),
      );
    } else {
      origins.set(`roles[${roles.length}]`, itemPlace(index, item));
      roles.push(
        defined({
          id,
          name: nameOf(item),
          code: str(item.humanCodingScheme),
          summary: statementOf(item, e.noSummary === true),
          descriptions: isObj(e.descriptions) ? e.descriptions : undefined,
        }),
      );
    }
  }
  if (orphans.length && !scaleChosen) {
    const named = listForHumans(
      orphans.slice(0, 5).map((o) => `"${o}"`),
      'and',
    );
    const one = orphans.length === 1;
    problems.warn(
      'CFRubrics',
      `${named}${orphans.length > 5 ? ` (${orphans.length} in all)` : ''} ${one ? 'has' : 'have'} no rubric criterion, so ${one ? 'it uses' : 'they use'} scale "${scales[0].id}"; add criteria to give them their own levels`,
    );
  }
  if (!roles.length) {
    roles.push({ id: 'all', name: 'All roles' });
    problems.warn(
      'CFItems',
      'the package has no items of type Role, so the framework has one role, "All roles", and no targets: a matrix without targets; add roles and targets as columns of the Matrix sheet of a workbook and import that sheet back, or as CFItems with CFItemType "Role"',
    );
  }

  // ---- targets ------------------------------------------------------------
  const targets: Obj[] = [];
  for (const { assoc, where } of targetLinks) {
    const origin = (assoc.originNodeURI as { identifier: string }).identifier;
    const destination = isObj(assoc.destinationNodeURI) ? str(assoc.destinationNodeURI.identifier) : undefined;
    if (kindOf.get(origin) !== 'role') {
      problems.warn(where, 'a hasSkillLevel association from an item that is not a role was not imported');
      continue;
    }
    const level = destination === undefined ? undefined : codeOfLevel.get(destination);
    if (!level) {
      problems.error(
        `${where}.destinationNodeURI`,
        `hasSkillLevel points to "${destination ?? '(none)'}", which is not a criterion level of any rubric; point it at the CFRubricCriterionLevel the role requires`,
      );
      continue;
    }
    origins.set(`targets[${targets.length}]`, where);
    targets.push(
      defined({ role: idOf.get(origin), competency: idOf.get(level.criterion.itemId), level: level.code, note: str(assoc.notes) }),
    );
  }
  problems.throwIfAny();

  // ---- the framework ------------------------------------------------------
  const e = ours(document);
  const title = str(document.title) as string;
  const publisher = str(document.publisher) ?? str(document.creator);
  const licence = isObj(document.licenseURI) ? (str(document.licenseURI.title) ?? str(document.licenseURI.uri)) : undefined;
  if (!isObj(e.provenance) && (!publisher || !licence)) {
    problems.warn(
      'CFDocument',
      `the document does not state ${listForHumans([publisher ? '' : 'a publisher', licence ? '' : 'a licence'].filter(Boolean), 'or')}, recorded as "not stated"`,
    );
  }
  const provenance = isObj(e.provenance)
    ? e.provenance
    : defined({
        title,
        publisher: publisher ?? 'not stated',
        licence: licence ?? 'not stated',
        source: str(document.officialSourceURL) ?? str(document.uri),
      });
  origins.set('provenance', 'CFDocument');
  scales.forEach((s, i) => origins.set(`scales[${i}]`, s.where));
  const candidate: Obj = defined({
    id: str(e.framework) ?? (slugId(title) || 'case-framework'),
    name: title,
    description: plain(str(document.description)),
    version: str(document.version),
    provenance: provenance as Framework['provenance'],
    scales: scales.map(({ where: _where, ...s }) => s),
    categories,
    roleDimensions: Array.isArray(e.roleDimensions) ? (e.roleDimensions as Framework['roleDimensions']) : [],
    roles: roles as Framework['roles'],
    competencies: competencies as Framework['competencies'],
    targets: targets as Framework['targets'],
    notes: Array.isArray(e.notes) ? (e.notes as string[]) : str(document.notes) !== undefined ? [document.notes as string] : undefined,
  });
  const locate = (path: string) => {
    for (let p = path; ;) {
      const found = origins.get(p);
      if (found) return `${found} (${path})`;
      const shorter = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      if (shorter === p || !shorter) return path || '(root)';
      p = shorter;
    }
  };
  return checkFramework(fileName, candidate, { locate, warnings: problems.warnings });
}

/**
 * Items in framework order: each item's children sorted by sequenceNumber (those
 * without one after, in CFItems order), placed in the positions that family
 * holds in CFItems, so families interleaved in the file stay interleaved.
 */
function orderedItems(ids: readonly string[], parentOf: ReadonlyMap<string, { id: string; sequence?: number }>): string[] {
  const families = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const parent = parentOf.get(id)?.id ?? '';
    const family = families.get(parent) ?? [];
    family.push(i);
    families.set(parent, family);
  });
  const out = [...ids];
  for (const positions of families.values()) {
    const sorted = [...positions].sort(
      (a, b) => (parentOf.get(ids[a])?.sequence ?? Infinity) - (parentOf.get(ids[b])?.sequence ?? Infinity) || a - b,
    );
    positions.forEach((p, k) => (out[p] = ids[sorted[k]]));
  }
  return out;
}
