/**
 * The one merge of returned ratings into a master, by person id (personIdKey)
 * and competency. It computes a plan and changes nothing: what to place where,
 * and everything it will not do, as data (refused files, values that are not
 * levels, people a file was not issued for, conflicts, teams still missing).
 * The command line prints the plan as the report and a renderer applies it.
 *
 * It never guesses: a return is checked against what the master issued, not
 * against what the return says about itself; two different values for one
 * cell are a conflict that leaves the master as it was until a file is
 * preferred; a rating in the master that a return does not mention is kept;
 * collecting the same file again changes nothing.
 */
import { personIdKey } from '../personId';
import { placeRatings, placementTarget } from '../placeRatings';
import type { CycleRecords, IssuedFile, ProvenanceRecord, Rater, ReturnedFileRecord } from './identity';
import type { CycleIdentity } from './identity';

/** The field of a person's comment cell, beside the competency ids. */
export const COMMENT_FIELD = 'comment';

export type CellValue = string | number | boolean;

export interface ReturnedPerson {
  id: string;
  /** The manager the return shows for the person ('' when it shows none). */
  manager: string;
  /** 1-based sheet row. */
  row: number;
}

export interface ReturnedCell {
  person: string;
  /** A competency id, or COMMENT_FIELD. */
  field: string;
  value: CellValue;
  /** A1 address on the return's grid sheet. */
  cell: string;
}

/** A returned workbook as read (plain data): its identity from its registry, its grid's people and filled cells. */
export interface ReturnedWorkbook {
  file: string;
  identity?: CycleIdentity;
  /** Why the file could not be read at all. */
  unreadable?: string;
  sheet: string;
  people: ReturnedPerson[];
  cells: ReturnedCell[];
}

/** The master as it stands. */
export interface MasterState {
  records: CycleRecords;
  /** The master grid's people by personIdKey: their id as written and their manager. */
  people: Map<string, { id: string; manager: string }>;
  /** Competency ids of the master grid, plus COMMENT_FIELD. */
  fields: ReadonlySet<string>;
  /** Current values by rater, person key and field. */
  values: Record<Rater, Map<string, Map<string, CellValue>>>;
  /** False when the master has no sheet for self-assessments (split without --self, or the sheet was deleted). */
  hasSelfSheet?: boolean;
}

export interface MergeOptions {
  /** ISO time of this collection, recorded in the master. */
  collectedAt: string;
  /** File names (as given) whose values win a conflict they are part of. */
  prefer?: readonly string[];
  /**
   * A value as the master stores it: the level code of the competency's scale
   * (null for "not rated" words, undefined when it is not a level); comments
   * come back trimmed.
   */
  canonical: (field: string, value: CellValue) => string | null | undefined;
}

export interface FileOutcome {
  file: string;
  status: 'collected' | 'refused';
  why?: string;
  fileKey?: string;
  kind?: 'team' | 'self';
  subjectName?: string;
  /** Ratings and comments this file placed. */
  placed: number;
}

export interface Placement {
  rater: Rater;
  /** The person's id as the master writes it. */
  person: string;
  field: string;
  value: string;
  file: string;
}

export type NotPlacedReason = 'not-a-level' | 'not-issued' | 'not-on-master' | 'unknown-competency';

export interface NotPlaced {
  file: string;
  sheet: string;
  cell: string;
  person: string;
  field: string;
  value: CellValue;
  reason: NotPlacedReason;
}

export interface PersonChange {
  file: string;
  person: string;
  change: 'added' | 'other-team' | 'removed' | 'moved';
  /** For a move: the manager the master has and the one the return shows. */
  from?: string;
  to?: string;
}

export interface Conflict {
  rater: Rater;
  person: string;
  field: string;
  /** The master's value (null when empty): it stays until the conflict is resolved. */
  master: string | null;
  returns: { file: string; value: string }[];
}

/** A disagreement settled by a preferred file: every losing value stays listed. */
export interface ResolvedConflict extends Conflict {
  winner: string;
  file: string;
}

export interface CollectPlan {
  files: FileOutcome[];
  placements: Placement[];
  /** Disagreements (between returns, or with the master) settled by --prefer. */
  resolved: ResolvedConflict[];
  /** Return values the master already held. */
  unchanged: number;
  notPlaced: NotPlaced[];
  people: PersonChange[];
  conflicts: Conflict[];
  /** Issued files not returned in this or any earlier collection. */
  missing: IssuedFile[];
  /** The master's cycle records after this collection. */
  records: CycleRecords;
}

const SEP = '\u001f';

function managerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function refusal(ret: ReturnedWorkbook, master: CycleRecords, issued: Map<string, IssuedFile>, hasSelfSheet: boolean): string | undefined {
  if (ret.unreadable) return ret.unreadable;
  const id = ret.identity;
  if (!id) return 'not written by Competency Matrix for an assessment cycle (its registry has no cycle record)';
  if (id.cycleId !== master.identity.cycleId) {
    return `from another cycle ("${id.label}", written ${id.writtenAt}); this master is the cycle "${master.identity.label}"`;
  }
  if (id.kind === 'master') return 'a cycle master, not a returned team or self-assessment file';
  if (!issued.has(id.fileKey))
    return 'not a file this master issued (its file key is not in the master); was it split from another copy of the master?';
  if (issued.get(id.fileKey)!.kind === 'self' && !hasSelfSheet)
    return 'a self-assessment, but the master has no "Self ratings" sheet to put it on';
  return undefined;
}

export function mergeReturns(master: MasterState, returns: readonly ReturnedWorkbook[], options: MergeOptions): CollectPlan {
  const issued = new Map(master.records.issued.map((f) => [f.fileKey, f]));
  const prefer = new Set(options.prefer ?? []);
  const files: FileOutcome[] = [];
  const notPlaced: NotPlaced[] = [];
  const people: PersonChange[] = [];
  const candidates = new Map<string, { rater: Rater; person: string; field: string; values: { file: string; value: string }[] }>();
  const accepted: { ret: ReturnedWorkbook; outcome: FileOutcome }[] = [];
  const fields = [...master.fields];

  for (const ret of returns) {
    const why = refusal(ret, master.records, issued, master.hasSelfSheet !== false);
    if (why) {
      files.push({ file: ret.file, status: 'refused', why, placed: 0 });
      continue;
    }
    const id = ret.identity!;
    const file = issued.get(id.fileKey)!;
    const outcome: FileOutcome = {
      file: ret.file,
      status: 'collected',
      fileKey: id.fileKey,
      kind: file.kind,
      subjectName: file.subjectName,
      placed: 0,
    };
    files.push(outcome);
    accepted.push({ ret, outcome });
    const rater: Rater = file.kind === 'self' ? 'self' : 'manager';
    const allowed = new Set(file.people.map(personIdKey));
    const seen = new Set<string>();
    for (const p of ret.people) {
      const key = personIdKey(p.id);
      seen.add(key);
      if (!allowed.has(key)) {
        people.push({ file: ret.file, person: p.id, change: master.people.has(key) ? 'other-team' : 'added' });
        continue;
      }
      const known = master.people.get(key);
      if (rater === 'manager' && known && managerKey(known.manager) !== managerKey(p.manager)) {
        people.push({ file: ret.file, person: known.id, change: 'moved', from: known.manager, to: p.manager });
      }
    }
    for (const p of file.people) if (!seen.has(personIdKey(p))) people.push({ file: ret.file, person: p, change: 'removed' });

    // The shared placement: only the people this file was issued for, only the master's fields.
    const target = [placementTarget(file.people, fields)];
    for (const { rating: c, why } of placeRatings(ret.cells, () => target)) {
      const key = personIdKey(c.person);
      const base = { file: ret.file, sheet: ret.sheet, cell: c.cell, person: c.person, field: c.field, value: c.value };
      if (why) {
        const reason = why === 'field-not-in-target' ? 'unknown-competency' : master.people.has(key) ? 'not-issued' : 'not-on-master';
        notPlaced.push({ ...base, reason });
        continue;
      }
      const value = options.canonical(c.field, c.value);
      if (value === undefined) {
        notPlaced.push({ ...base, reason: 'not-a-level' });
        continue;
      }
      if (value === null) continue; // "not rated" written out: nothing to place, and never a reason to clear the master
      const person = master.people.get(key)?.id ?? c.person;
      const k = [rater, key, c.field].join(SEP);
      const entry = candidates.get(k) ?? { rater, person, field: c.field, values: [] };
      entry.values.push({ file: ret.file, value });
      candidates.set(k, entry);
    }
  }

  const placements: Placement[] = [];
  const conflicts: Conflict[] = [];
  const resolved: ResolvedConflict[] = [];
  let unchanged = 0;
  const outcomeOf = new Map(accepted.map((a) => [a.ret.file, a.outcome]));
  for (const [k, entry] of candidates) {
    const [, key] = k.split(SEP);
    const current = master.values[entry.rater].get(key)?.get(entry.field);
    const masterValue = current === undefined ? null : (options.canonical(entry.field, current) ?? String(current));
    const distinct = [...new Set(entry.values.map((v) => v.value))];
    const preferred = [...new Set(entry.values.filter((v) => prefer.has(v.file)).map((v) => v.value))];
    let winner: string | undefined;
    if (preferred.length === 1) winner = preferred[0];
    else if (distinct.length === 1 && (masterValue === null || masterValue === distinct[0])) winner = distinct[0];
    if (winner === undefined) {
      conflicts.push({ rater: entry.rater, person: entry.person, field: entry.field, master: masterValue, returns: entry.values });
      continue;
    }
    const from = entry.values.find((v) => v.value === winner && (preferred.length !== 1 || prefer.has(v.file)))!.file;
    if (distinct.length > 1 || (masterValue !== null && masterValue !== winner)) {
      resolved.push({
        rater: entry.rater,
        person: entry.person,
        field: entry.field,
        master: masterValue,
        returns: entry.values,
        winner,
        file: from,
      });
    }
    if (winner === masterValue) {
      unchanged += entry.values.length;
      continue;
    }
    placements.push({ rater: entry.rater, person: entry.person, field: entry.field, value: winner, file: from });
    outcomeOf.get(from)!.placed++;
  }

  const returnedBefore = new Set(master.records.returned.map((r) => `${r.fileKey}${SEP}${r.fileName}`));
  const returned: ReturnedFileRecord[] = [...master.records.returned];
  for (const { outcome } of accepted) {
    const key = `${outcome.fileKey}${SEP}${outcome.file}`;
    if (returnedBefore.has(key)) continue;
    returnedBefore.add(key);
    returned.push({ fileKey: outcome.fileKey!, fileName: outcome.file, collectedAt: options.collectedAt });
  }
  const back = new Set(returned.map((r) => r.fileKey));
  const missing = master.records.issued.filter((f) => !back.has(f.fileKey));
  const provenance: ProvenanceRecord[] = [...master.records.provenance, ...provenanceOf(placements, options.collectedAt)];
  return {
    files,
    placements,
    resolved,
    unchanged,
    notPlaced,
    people,
    conflicts,
    missing,
    records: { ...master.records, returned, provenance },
  };
}

/** One record per person, rater and file: who gave which ratings, from which file, when. */
function provenanceOf(placements: readonly Placement[], collectedAt: string): ProvenanceRecord[] {
  const out = new Map<string, ProvenanceRecord>();
  for (const p of placements) {
    const k = [p.person, p.rater, p.file].join(SEP);
    const text = `${p.field}=${p.value.replace(/[;\n]/g, ' ')}`;
    const r = out.get(k);
    if (r) r.ratings += `; ${text}`;
    else out.set(k, { person: p.person, rater: p.rater, fileName: p.file, collectedAt, ratings: text });
  }
  return [...out.values()];
}
