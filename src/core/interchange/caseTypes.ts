/**
 * The parts of 1EdTech CASE 1.1 (Competencies and Academic Standards Exchange)
 * JSON that frameworks travel in: a CFPackage with its CFDocument, CFItems,
 * CFAssociations, CFDefinitions and CFRubrics (criteria and criterion levels).
 * Property names and required fields follow the CASE 1.1 information model;
 * only what we read or write is typed here.
 */

/** A reference to another CASE object (LinkURI in the specification). */
export interface CaseLink {
  title: string;
  identifier: string;
  uri: string;
}

/** CASE 1.1 lets every object carry extensions; ours live under one key. */
export const EXTENSION_KEY = 'competencyMatrix';
export type Extensions = Record<string, unknown>;

export interface CFDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  subject?: string[];
  language?: string;
  version?: string;
  adoptionStatus?: string;
  licenseURI?: CaseLink;
  notes?: string;
  caseVersion?: string;
  frameworkType?: string;
  extensions?: Extensions;
}

export interface CFItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  lastChangeDateTime: string;
  alternativeLabel?: string;
  CFItemType?: string;
  CFItemTypeURI?: CaseLink;
  humanCodingScheme?: string;
  listEnumeration?: string;
  abbreviatedStatement?: string;
  conceptKeywords?: string[];
  notes?: string;
  language?: string;
  CFDocumentURI?: CaseLink;
  extensions?: Extensions;
}

export type AssociationType =
  | 'isChildOf'
  | 'isPeerOf'
  | 'isPartOf'
  | 'exactMatchOf'
  | 'precedes'
  | 'isRelatedTo'
  | 'replacedBy'
  | 'exemplar'
  | 'hasSkillLevel'
  | (string & {});

export interface CFAssociation {
  identifier: string;
  uri: string;
  associationType: AssociationType;
  originNodeURI: CaseLink;
  destinationNodeURI: CaseLink;
  lastChangeDateTime: string;
  sequenceNumber?: number;
  notes?: string;
  CFDocumentURI?: CaseLink;
  extensions?: Extensions;
}

export interface CFItemTypeDefinition {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  lastChangeDateTime: string;
}

export interface CFRubricCriterionLevel {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  description?: string;
  quality?: string;
  score?: number;
  feedback?: string;
  position?: number;
  rubricCriterionId?: string;
  extensions?: Extensions;
}

export interface CFRubricCriterion {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  category?: string;
  description?: string;
  CFItemURI?: CaseLink;
  weight?: number;
  position?: number;
  rubricId?: string;
  CFRubricCriterionLevels?: CFRubricCriterionLevel[];
  extensions?: Extensions;
}

export interface CFRubric {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  title?: string;
  description?: string;
  CFRubricCriteria?: CFRubricCriterion[];
  extensions?: Extensions;
}

export interface CFPackage {
  CFDocument: CFDocument;
  CFItems?: CFItem[];
  CFAssociations?: CFAssociation[];
  CFDefinitions?: { CFItemTypes?: CFItemTypeDefinition[]; [key: string]: unknown };
  CFRubrics?: CFRubric[];
  extensions?: Extensions;
}

/** Is this parsed JSON a CASE package (bare, or wrapped as {"CFPackage": {...}})? */
export function looksLikeCase(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return 'CFPackage' in o || 'CFDocument' in o || 'CFItems' in o || 'CFAssociations' in o;
}
