/**
 * The vocabulary of framework tables (CSV long table, set of CSV tables): the
 * kinds of record a row can hold, the columns, and which columns each kind uses.
 * One table holds every kind, told apart by its "record" column; a set of
 * tables splits them into files named after what they hold.
 */

export const RECORD_KINDS = [
  'framework',
  'scale',
  'level',
  'dimension',
  'category',
  'role',
  'role text',
  'competency',
  'descriptor',
  'target',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Canonical column names. The first seven lead the long table: the columns people expect. */
export const COLUMNS = [
  'record',
  'competency',
  'category',
  'level',
  'descriptor',
  'role',
  'target',
  'competency id',
  'category id',
  'role id',
  'scale',
  'name',
  'value',
  'definition',
  'description',
  'type',
  'code',
  'parent',
  'dimension',
  'group',
  'aliases',
  'complete',
  'field',
  'text',
  'note',
] as const;
export type Column = (typeof COLUMNS)[number];

export type RecordCells = Partial<Record<Column, string>>;

/** A row of a framework table: what it holds, its cells, and where it is for messages ("targets.csv row 7"). */
export interface SourceRecord {
  /** `facts` is a row without a record kind: it says whatever its columns say. */
  kind: RecordKind | 'facts';
  cells: RecordCells;
  where: string;
}

/** The columns each kind of record uses, in the order exports write them. */
export const RECORD_COLUMNS: Record<RecordKind, readonly Column[]> = {
  framework: ['field', 'text'],
  scale: ['scale', 'name', 'description', 'complete', 'note'],
  level: ['scale', 'level', 'name', 'value', 'definition', 'aliases'],
  dimension: ['dimension', 'name', 'group'],
  category: ['category id', 'category', 'parent', 'description'],
  role: ['role id', 'role', 'code', 'description'],
  'role text': ['role id', 'role', 'dimension', 'text'],
  competency: ['competency id', 'competency', 'category id', 'category', 'scale', 'type', 'definition'],
  descriptor: ['competency id', 'competency', 'level', 'descriptor'],
  target: ['competency id', 'competency', 'role id', 'role', 'target', 'note'],
};

/** The columns a row without a record kind can use (the hand-written long table). */
export const FACTS_COLUMNS: readonly Column[] = [
  'competency',
  'competency id',
  'category',
  'category id',
  'definition',
  'type',
  'scale',
  'level',
  'descriptor',
  'role',
  'role id',
  'target',
  'note',
];

/** Framework-wide fields of `framework` records, each a JSON path into the framework. */
export const FRAMEWORK_FIELDS = [
  'id',
  'name',
  'description',
  'version',
  'provenance.title',
  'provenance.publisher',
  'provenance.year',
  'provenance.licence',
  'provenance.source',
  'provenance.note',
  'note',
] as const;
export type FrameworkField = (typeof FRAMEWORK_FIELDS)[number];

/** The files of a set of tables and the kinds of record each holds. */
export interface TableFile {
  file: string;
  kinds: readonly RecordKind[];
  columns: readonly Column[];
}

export const TABLE_FILES: readonly TableFile[] = [
  { file: 'framework.csv', kinds: ['framework'], columns: RECORD_COLUMNS.framework },
  { file: 'scales.csv', kinds: ['scale'], columns: RECORD_COLUMNS.scale },
  {
    file: 'levels.csv',
    kinds: ['level', 'descriptor'],
    columns: ['scale', 'competency id', 'competency', 'level', 'name', 'value', 'definition', 'aliases', 'descriptor'],
  },
  { file: 'role-dimensions.csv', kinds: ['dimension'], columns: RECORD_COLUMNS.dimension },
  { file: 'categories.csv', kinds: ['category'], columns: RECORD_COLUMNS.category },
  { file: 'roles.csv', kinds: ['role'], columns: RECORD_COLUMNS.role },
  { file: 'role-texts.csv', kinds: ['role text'], columns: RECORD_COLUMNS['role text'] },
  { file: 'competencies.csv', kinds: ['competency'], columns: RECORD_COLUMNS.competency },
  { file: 'targets.csv', kinds: ['target'], columns: RECORD_COLUMNS.target },
];

/** Lower case, separators as single spaces: "Competency_ID" and "competency-id" are "competency id". */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ');
}

/** Spellings that commercial exports and hand-written tables use for our columns. */
const COLUMN_ALIASES: Record<string, Column> = {
  'record type': 'record',
  kind: 'record',
  'competency name': 'competency',
  skill: 'competency',
  'skill name': 'competency',
  'skill id': 'competency id',
  'category name': 'category',
  'competency category': 'category',
  'level code': 'level',
  'proficiency level': 'level',
  'level descriptor': 'descriptor',
  'behavioural indicator': 'descriptor',
  'behavioral indicator': 'descriptor',
  'role name': 'role',
  'job role': 'role',
  position: 'role',
  'target level': 'target',
  'required level': 'target',
  'expected level': 'target',
  'scale id': 'scale',
  'parent id': 'parent',
  'parent category': 'parent',
  'dimension id': 'dimension',
  summary: 'description',
  notes: 'note',
};

export function columnOf(header: string): Column | undefined {
  const h = normaliseHeader(header);
  if ((COLUMNS as readonly string[]).includes(h)) return h as Column;
  return COLUMN_ALIASES[h];
}

export function recordKindOf(text: string): RecordKind | undefined {
  const k = normaliseHeader(text);
  if ((RECORD_KINDS as readonly string[]).includes(k)) return k as RecordKind;
  const plural: Record<string, RecordKind> = {
    scales: 'scale',
    levels: 'level',
    dimensions: 'dimension',
    'role dimension': 'dimension',
    categories: 'category',
    roles: 'role',
    'role texts': 'role text',
    competencies: 'competency',
    descriptors: 'descriptor',
    targets: 'target',
  };
  return plural[k];
}

/** The table file a file name stands for ("Targets.csv", "acme-targets.csv"), if any. */
export function tableFileOf(fileName: string): TableFile | undefined {
  const base = normaliseHeader(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  const byName = (name: string) => TABLE_FILES.find((t) => normaliseHeader(t.file.replace(/\.csv$/, '')) === name);
  const exact =
    byName(base) ??
    (base === 'descriptors' ? byName('levels') : undefined) ??
    (base === 'dimensions' ? byName('role dimensions') : undefined);
  if (exact) return exact;
  // "acme targets" names the targets table too; longest table name first so "role texts" beats "texts"
  const sorted = [...TABLE_FILES].sort((a, b) => b.file.length - a.file.length);
  return sorted.find((t) => base.endsWith(` ${normaliseHeader(t.file.replace(/\.csv$/, ''))}`));
}
