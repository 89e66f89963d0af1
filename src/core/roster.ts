/**
 * A roster: the people a grid assesses. Parsed from rows of cells (a CSV file,
 * a selection, an Excel table) with header detection and trimming. Every
 * problem is collected and reported together, naming the row; nothing is
 * half-accepted and no rating is ever dropped silently.
 */
import Papa from 'papaparse';
import type { Competency, Role, ScaleLevel } from './framework/schema';
import type { FrameworkModel } from './framework/model';
import { CompetencyError, listForHumans } from './problems';
import { normaliseLevelText } from './scale';
import { personIdKey } from './personId';
import { EXCEL_CELL_TEXT_MAX, summariseList, withoutControlCharacters } from './cellText';

export interface RosterPerson {
  id: string;
  name: string;
  role: Role;
  /** As the roster writes it: a person's id or name (or, from a "manager id" column, an id). */
  manager: string;
  /** 1-based row in the source (a sheet row when `firstRow` was given), for messages. */
  row: number;
  /** Ratings given in the source, by competency id. */
  ratings: Map<string, ScaleLevel>;
  /** Performance and potential (1..steps), where the roster has those columns and the cell held a value. */
  performance?: number;
  potential?: number;
}

/** A performance or potential column of the roster: Low/Medium/High or 1-3 is a 3-step axis; any 4 or 5 makes it 1-5. */
export interface RosterAxis {
  steps: 3 | 5;
}

export interface Roster {
  people: RosterPerson[];
  /** Competencies that had a column in the source, in source order. */
  ratedCompetencies: Competency[];
  warnings: string[];
  /** How `manager` names a manager: by id (a "manager id" column), by id or name (a "manager" column), or not at all. */
  managerBy?: 'id' | 'id-or-name' | 'none';
  /** Present when the roster has a performance / potential column: the talent grid's axes then. */
  performance?: RosterAxis;
  potential?: RosterAxis;
}

export interface RosterOptions {
  /** Names the source in messages: a file name or a sheet range. */
  source?: string;
  /** At most this many problems are listed in the error. */
  maxProblems?: number;
  /**
   * The sheet row number of rows[0] (default 1), so that messages name the rows
   * people see when the roster is a selection or a table lower on the sheet.
   */
  firstRow?: number;
}

const HEADER_ALIASES: Record<'id' | 'name' | 'role' | 'manager' | 'managerId' | 'performance' | 'potential', string[]> = {
  id: ['id', 'person id', 'employee id', 'employee number', 'staff id', 'personnel number'],
  name: ['name', 'full name', 'person', 'employee', 'employee name'],
  role: ['role', 'job title', 'title', 'position', 'level', 'grade'],
  manager: ['manager', 'line manager', 'rater', 'manager name', 'reports to'],
  managerId: ['manager id', 'line manager id', 'manager employee id', 'manager number', 'reports to id', 'manager person id'],
  performance: ['performance', 'performance rating', 'performance score', 'perf'],
  potential: ['potential', 'potential rating', 'potential score'],
};

const AXIS_WORDS = ['low', 'medium', 'high'];

/**
 * A performance or potential column read as numbers 1..steps. Words Low/Medium/High
 * (any case) are 1-3; whole numbers 1-3 likewise; a column holding any 4 or 5 is a
 * 1-5 axis, and words in it are then refused. Every other value gets one warning naming
 * its row, and that person has no value on the axis.
 */
function readAxisColumn(
  label: string,
  cells: { rowNo: number; raw: unknown }[],
): { axis: RosterAxis; values: (number | undefined)[]; warnings: string[] } {
  const asNumber = (v: unknown): number | undefined => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.0+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(n) ? n : undefined;
  };
  const steps: 3 | 5 = cells.some(({ raw }) => [4, 5].includes(asNumber(raw) ?? 0)) ? 5 : 3;
  const warnings: string[] = [];
  const values = cells.map(({ rowNo, raw }) => {
    const t = cellText(raw);
    if (!t) return undefined;
    const n = asNumber(raw);
    if (n !== undefined && n >= 1 && n <= steps) return n;
    const word = AXIS_WORDS.indexOf(normaliseLevelText(t));
    if (word >= 0 && steps === 3) return word + 1;
    warnings.push(
      `row ${rowNo}, ${label}: "${t}" is not a value of the ${steps === 5 ? '1-5' : 'Low/Medium/High (1-3)'} scale this column uses; that person has no ${label.toLowerCase()} on the talent grid: use ${steps === 5 ? 'a whole number from 1 to 5' : 'Low, Medium or High (or 1-3)'}`,
    );
    return undefined;
  });
  return { axis: { steps }, values, warnings };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v).trim();
}

function headerIndex(cells: string[], field: keyof typeof HEADER_ALIASES): number {
  const norm = cells.map((c) => normaliseLevelText(c));
  return norm.findIndex((c) => HEADER_ALIASES[field].includes(c));
}

/** The first row (within the first 20) that names id, name and role columns. */
function findHeader(rows: unknown[][]): number {
  const limit = Math.min(rows.length, 20);
  for (let r = 0; r < limit; r++) {
    const cells = (rows[r] ?? []).map(cellText);
    if (headerIndex(cells, 'id') >= 0 && headerIndex(cells, 'name') >= 0 && headerIndex(cells, 'role') >= 0) return r;
  }
  return -1;
}

export function parseRoster(rows: unknown[][], model: FrameworkModel, options: RosterOptions = {}): Roster {
  const source = options.source ?? 'roster';
  const maxProblems = options.maxProblems ?? 10;
  const firstRow = options.firstRow ?? 1;
  if (!rows.length || rows.every((r) => r.every((c) => cellText(c) === ''))) {
    throw new CompetencyError(
      'invalid-roster',
      'the roster is empty; give a header row with id, name and role, then one row per person',
      source,
    );
  }
  const h = findHeader(rows);
  if (h < 0) {
    throw new CompetencyError(
      'invalid-roster',
      'no header row with id, name and role columns was found in the first 20 rows; add one (manager and one column per competency are optional)',
      source,
    );
  }
  const header = rows[h].map(cellText);
  const col = {
    id: headerIndex(header, 'id'),
    name: headerIndex(header, 'name'),
    role: headerIndex(header, 'role'),
    manager: headerIndex(header, 'manager'),
    managerId: headerIndex(header, 'managerId'),
    performance: headerIndex(header, 'performance'),
    potential: headerIndex(header, 'potential'),
  };
  // A "manager id" column is the exact one; a "manager" column beside it is only shown text and is not read.
  const managerCol = col.managerId >= 0 ? col.managerId : col.manager;
  const warnings: string[] = [];
  const ratingColumns: { competency: Competency; index: number }[] = [];
  const seenCompetency = new Set<string>();
  const ignored: string[] = [];
  header.forEach((label, i) => {
    if (!label || Object.values(col).includes(i)) return;
    const competency = model.findCompetency(label);
    if (!competency) {
      ignored.push(`"${label}"`);
      return;
    }
    if (seenCompetency.has(competency.id)) {
      throw new CompetencyError(
        'invalid-roster',
        `two columns are the competency "${competency.name}"; keep one`,
        `${source}, header row ${h + firstRow}`,
      );
    }
    seenCompetency.add(competency.id);
    ratingColumns.push({ competency, index: i });
  });
  // One line for all of them: an export with 5,000 extra columns gets one warning, not 5,000.
  if (ignored.length === 1) warnings.push(`column ${ignored[0]} is not a competency of ${model.name}; it was ignored`);
  else if (ignored.length)
    warnings.push(`${ignored.length} columns are not competencies of ${model.name} and were ignored: ${summariseList(ignored)}`);

  const problems: string[] = [];
  const people: RosterPerson[] = [];
  const rowOfId = new Map<string, number>();
  const longer: number[] = [];
  const controlled: number[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    const rowNo = r + firstRow;
    if (cells.slice(header.length).some((c) => cellText(c) !== '')) longer.push(rowNo);
    const overlong = header.findIndex((_, i) => cellText(cells[i]).length > EXCEL_CELL_TEXT_MAX);
    if (overlong >= 0) {
      problems.push(
        `row ${rowNo}, column "${header[overlong] || overlong + 1}": ${cellText(cells[overlong]).length.toLocaleString('en')} characters, more than the ${EXCEL_CELL_TEXT_MAX.toLocaleString('en')} an Excel cell holds; shorten it`,
      );
      continue;
    }
    let stripped = false;
    const clean = (v: unknown) => {
      const out = withoutControlCharacters(cellText(v));
      stripped ||= out.stripped;
      return out.text.trim();
    };
    const id = clean(cells[col.id]);
    const name = clean(cells[col.name]);
    const roleText = clean(cells[col.role]);
    const manager = managerCol >= 0 ? clean(cells[managerCol]) : '';
    if (stripped) controlled.push(rowNo);
    if (!id) {
      problems.push(`row ${rowNo}: no id; every person needs a unique id so ratings can be kept when the grid is rebuilt`);
      continue;
    }
    const earlier = rowOfId.get(personIdKey(id));
    if (earlier !== undefined) {
      problems.push(`row ${rowNo}: id "${id}" is already used on row ${earlier}; give each person a unique id`);
      continue;
    }
    rowOfId.set(personIdKey(id), rowNo);
    const role = roleText ? model.findRole(roleText) : undefined;
    if (!role) {
      problems.push(
        roleText
          ? `row ${rowNo}: role "${roleText}" is not a role of ${model.name}; use ${listForHumans(model.roles.map((x) => x.name))}`
          : `row ${rowNo}: no role for "${id}"; use ${listForHumans(model.roles.map((x) => x.name))}`,
      );
      continue;
    }
    const ratings = new Map<string, ScaleLevel>();
    for (const { competency, index } of ratingColumns) {
      const raw = cells[index];
      const level = model.scaleOf(competency).tryParse(typeof raw === 'string' ? raw.trim() : raw);
      if (level === undefined) {
        problems.push(
          `row ${rowNo}, ${competency.name}: "${cellText(raw)}" is not a level; use ${model.scaleOf(competency).describeLevels()} or leave it blank`,
        );
      } else if (level) {
        ratings.set(competency.id, level);
      }
    }
    people.push({ id, name: name || id, role, manager, row: rowNo, ratings });
  }
  if (longer.length)
    warnings.push(
      `${longer.length === 1 ? 'row' : 'rows'} ${summariseList(longer.map(String))} ${longer.length === 1 ? 'has' : 'have'} more cells than the header row (row ${h + firstRow}); the cells past the last heading were ignored; give them a heading or remove them`,
    );
  if (controlled.length)
    warnings.push(
      `control characters (invisible codes such as NUL or ESC) were removed from the id, name, role or manager on ${controlled.length === 1 ? 'row' : 'rows'} ${summariseList(controlled.map(String))}; check those cells`,
    );
  if (problems.length) {
    const shown = problems.slice(0, maxProblems);
    const more = problems.length > maxProblems ? `; and ${problems.length - maxProblems} more problems` : '';
    throw new CompetencyError('invalid-roster', `${shown.join('; ')}${more}`, source);
  }
  if (!people.length) {
    throw new CompetencyError('invalid-roster', 'the roster has a header row but no people; add one row per person under it', source);
  }
  const axes: Pick<Roster, 'performance' | 'potential'> = {};
  for (const field of ['performance', 'potential'] as const) {
    if (col[field] < 0) continue;
    const label = field === 'performance' ? 'Performance' : 'Potential';
    const read = readAxisColumn(
      label,
      people.map((p) => ({ rowNo: p.row, raw: (rows[p.row - firstRow] ?? [])[col[field]] })),
    );
    axes[field] = read.axis;
    read.values.forEach((v, i) => {
      if (v !== undefined) people[i][field] = v;
    });
    warnings.push(...read.warnings);
  }
  return {
    people,
    ratedCompetencies: ratingColumns.map((c) => c.competency),
    warnings,
    managerBy: col.managerId >= 0 ? 'id' : col.manager >= 0 ? 'id-or-name' : 'none',
    ...axes,
  };
}

/** Parses roster CSV text (already decoded) with a real CSV parser, then as rows. */
export function parseRosterCsv(text: string, model: FrameworkModel, options: RosterOptions = {}): Roster {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'MissingQuotes');
  if (fatal) {
    throw new CompetencyError(
      'invalid-roster',
      `${fatal.message} on row ${(fatal.row ?? 0) + 1}; check the quotes on that line`,
      options.source,
    );
  }
  return parseRoster(parsed.data, model, options);
}

/** A roster of N blank rows, for a grid people fill in from scratch. */
export function blankRoster(count: number, model: FrameworkModel, role?: Role): Roster {
  const r = role ?? model.roles[0];
  const people: RosterPerson[] = Array.from({ length: count }, (_, i) => ({
    id: `P${String(i + 1).padStart(String(count).length, '0')}`,
    name: '',
    role: r,
    manager: '',
    row: i + 2,
    ratings: new Map(),
  }));
  return { people, ratedCompetencies: [], warnings: [] };
}
