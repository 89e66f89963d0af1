/**
 * A framework as a CASE 1.1 package.
 *
 * - CFDocument: the framework (title, description, version, publisher).
 * - CFItems: categories, competencies and roles, told apart by CFItemType.
 *   A competency's name is its abbreviatedStatement and its definition its
 *   fullStatement; a role's code is its humanCodingScheme.
 * - CFAssociations: isChildOf builds the tree (competency -> category -> parent
 *   category or the document; roles hang off the document); hasSkillLevel links a
 *   role to the criterion level it requires, which is how targets travel.
 * - CFRubrics: one rubric per scale, one criterion per competency on it, one
 *   criterion level per scale level (quality = level name, score = level value,
 *   description = the competency's descriptor at that level).
 *
 * What CASE has no field for (ids, provenance, level codes and definitions,
 * role texts, notes) rides in CASE 1.1 `extensions` under "competencyMatrix",
 * so a package this product wrote imports back to the same framework.
 */
import type { Framework } from '../framework/validate';
import { nameUuid } from './nameUuid';
import {
  EXTENSION_KEY,
  type CaseLink,
  type CFAssociation,
  type CFItem,
  type CFItemTypeDefinition,
  type CFPackage,
  type CFRubric,
  type CFRubricCriterionLevel,
} from './caseTypes';

export interface CaseExportOptions {
  /** The lastChangeDateTime written on every object; now by default. */
  changedAt?: string;
}

export const ITEM_TYPES = { category: 'Category', competency: 'Competency', role: 'Role' } as const;

function defined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function frameworkToCase(fw: Framework, options: CaseExportOptions = {}): CFPackage {
  const changed = options.changedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uid = (path: string) => nameUuid(`${fw.id}/${path}`);
  const link = (identifier: string, title: string): CaseLink => ({ title, identifier, uri: `urn:uuid:${identifier}` });
  const ext = (data: Record<string, unknown>) => ({ [EXTENSION_KEY]: defined(data) });

  const docId = nameUuid(fw.id);
  const docLink = link(docId, fw.name);
  const typeDefs: CFItemTypeDefinition[] = Object.entries(ITEM_TYPES).map(([kind, title], i) => {
    const identifier = uid(`item-type/${kind}`);
    return {
      identifier,
      uri: `urn:uuid:${identifier}`,
      title,
      description: `A ${kind} of a competency framework`,
      hierarchyCode: String(i + 1),
      lastChangeDateTime: changed,
    };
  });
  const typeLink = (kind: keyof typeof ITEM_TYPES) => {
    const def = typeDefs.find((t) => t.title === ITEM_TYPES[kind]) as CFItemTypeDefinition;
    return link(def.identifier, def.title);
  };

  const items: CFItem[] = [];
  const itemLink = new Map<string, CaseLink>();
  const addItem = (key: string, item: Omit<CFItem, 'identifier' | 'uri' | 'lastChangeDateTime' | 'CFDocumentURI'>, title: string) => {
    const identifier = uid(key);
    items.push(
      defined({ identifier, uri: `urn:uuid:${identifier}`, ...item, lastChangeDateTime: changed, CFDocumentURI: docLink }) as CFItem,
    );
    itemLink.set(key, link(identifier, title));
  };

  for (const c of fw.categories) {
    addItem(
      `category/${c.id}`,
      {
        fullStatement: c.name,
        notes: c.description,
        CFItemType: ITEM_TYPES.category,
        CFItemTypeURI: typeLink('category'),
        extensions: ext({ kind: 'category', id: c.id }),
      },
      c.name,
    );
  }
  for (const c of fw.competencies) {
    addItem(
      `competency/${c.id}`,
      {
        fullStatement: c.definition ?? c.name,
        abbreviatedStatement: c.name,
        humanCodingScheme: c.id,
        CFItemType: ITEM_TYPES.competency,
        CFItemTypeURI: typeLink('competency'),
        extensions: ext({
          kind: 'competency',
          id: c.id,
          scale: c.scale,
          type: c.type,
          noDefinition: c.definition === undefined ? true : undefined,
        }),
      },
      c.name,
    );
  }
  fw.roles.forEach((r, i) => {
    addItem(
      `role/${r.id}`,
      {
        fullStatement: r.summary ?? r.name,
        abbreviatedStatement: r.name,
        humanCodingScheme: r.code,
        listEnumeration: String(i + 1),
        CFItemType: ITEM_TYPES.role,
        CFItemTypeURI: typeLink('role'),
        extensions: ext({ kind: 'role', id: r.id, noSummary: r.summary === undefined ? true : undefined, descriptions: r.descriptions }),
      },
      r.name,
    );
  });

  const associations: CFAssociation[] = [];
  const siblings = new Map<string, number>();
  const childOf = (childKey: string, parentKey: string | undefined) => {
    const origin = itemLink.get(childKey) as CaseLink;
    const destination = parentKey === undefined ? docLink : (itemLink.get(parentKey) as CaseLink);
    const sequenceNumber = (siblings.get(destination.identifier) ?? 0) + 1;
    siblings.set(destination.identifier, sequenceNumber);
    const identifier = uid(`is-child-of/${childKey}`);
    associations.push({
      identifier,
      uri: `urn:uuid:${identifier}`,
      associationType: 'isChildOf',
      originNodeURI: origin,
      destinationNodeURI: destination,
      sequenceNumber,
      lastChangeDateTime: changed,
      CFDocumentURI: docLink,
    });
  };
  for (const c of fw.categories) childOf(`category/${c.id}`, c.parent === undefined ? undefined : `category/${c.parent}`);
  for (const c of fw.competencies) childOf(`competency/${c.id}`, c.category === undefined ? undefined : `category/${c.category}`);
  for (const r of fw.roles) childOf(`role/${r.id}`, undefined);

  const levelLink = new Map<string, CaseLink>();
  const categoryName = new Map(fw.categories.map((c) => [c.id, c.name]));
  const rubrics: CFRubric[] = fw.scales.map((s) => {
    const rubricId = uid(`rubric/${s.id}`);
    const criteria = fw.competencies
      .filter((c) => c.scale === s.id)
      .map((c, i) => {
        const criterionId = uid(`criterion/${c.id}`);
        const levels: CFRubricCriterionLevel[] = s.levels.map((l, j) => {
          const identifier = uid(`criterion/${c.id}/level/${l.code}`);
          levelLink.set(`${c.id}\u0000${l.code}`, link(identifier, `${c.name}: ${l.name}`));
          return defined({
            identifier,
            uri: `urn:uuid:${identifier}`,
            description: c.descriptors?.[l.code],
            quality: l.name,
            score: l.value,
            position: j + 1,
            rubricCriterionId: criterionId,
            lastChangeDateTime: changed,
            extensions: ext({ code: l.code }),
          });
        });
        return defined({
          identifier: criterionId,
          uri: `urn:uuid:${criterionId}`,
          category: c.category === undefined ? undefined : categoryName.get(c.category),
          description: c.name,
          CFItemURI: itemLink.get(`competency/${c.id}`),
          position: i + 1,
          rubricId,
          lastChangeDateTime: changed,
          CFRubricCriterionLevels: levels,
        });
      });
    return defined({
      identifier: rubricId,
      uri: `urn:uuid:${rubricId}`,
      title: s.name,
      description: s.description,
      lastChangeDateTime: changed,
      CFRubricCriteria: criteria,
      extensions: ext({ kind: 'scale', id: s.id, complete: s.complete, note: s.note, levels: s.levels }),
    });
  });

  for (const t of fw.targets) {
    const identifier = uid(`target/${t.role}/${t.competency}`);
    associations.push(
      defined({
        identifier,
        uri: `urn:uuid:${identifier}`,
        associationType: 'hasSkillLevel',
        originNodeURI: itemLink.get(`role/${t.role}`) as CaseLink,
        destinationNodeURI: levelLink.get(`${t.competency}\u0000${t.level}`) as CaseLink,
        notes: t.note,
        lastChangeDateTime: changed,
        CFDocumentURI: docLink,
      }),
    );
  }

  const publisher = fw.provenance.publisher;
  const document = defined({
    identifier: docId,
    uri: docLink.uri,
    creator: publisher,
    title: fw.name,
    lastChangeDateTime: changed,
    officialSourceURL: fw.provenance.source !== undefined && /^https?:\/\//.test(fw.provenance.source) ? fw.provenance.source : undefined,
    publisher,
    description: fw.description,
    version: fw.version,
    notes: fw.notes?.join('\n\n'),
    caseVersion: '1.1',
    frameworkType: 'Competency framework',
    extensions: ext({
      framework: fw.id,
      provenance: fw.provenance,
      notes: fw.notes,
      roleDimensions: fw.roleDimensions.length ? fw.roleDimensions : undefined,
    }),
  });
  return {
    CFDocument: document,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: typeDefs },
    CFRubrics: rubrics,
  };
}

export function frameworkToCaseJson(fw: Framework, options: CaseExportOptions = {}): string {
  return `${JSON.stringify(frameworkToCase(fw, options), null, 2)}\n`;
}
