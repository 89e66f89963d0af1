/**
 * A cycle's identity, as every workbook of the cycle carries it in the
 * product's hidden registry (layouts/registry.ts): which cycle, which file
 * (the master, a manager's team or one person's self-assessment), for whom,
 * and when it was written. The master also lists what it issued (which people
 * each file may rate), what came back and when, and who gave each rating, so
 * a return is recognised and checked against the master, never against what
 * the return says about itself.
 */

export type CycleFileKind = 'master' | 'team' | 'self';
/** Who gave a rating: the manager (the rating that counts) or the person. */
export type Rater = 'manager' | 'self';

export interface CycleIdentity {
  cycleId: string;
  label: string;
  kind: CycleFileKind;
  /** The issued file's key ("team:<manager key>" or "self:<person id key>"); "" for the master. */
  fileKey: string;
  /** The manager (team) or the person (self) the file is for; "" for the master. */
  subjectName: string;
  /** ISO date-time the file was written. */
  writtenAt: string;
  frameworkId: string;
}

/** One file the master issued, and the people it may rate (their ids as the roster writes them). */
export interface IssuedFile {
  fileKey: string;
  kind: 'team' | 'self';
  subjectName: string;
  fileName: string;
  people: string[];
}

/** A return the master has taken in. */
export interface ReturnedFileRecord {
  fileKey: string;
  fileName: string;
  collectedAt: string;
}

/** Who gave a person's ratings: one record per person, rater and file, with the ratings placed ("c1=A; c2=B"). */
export interface ProvenanceRecord {
  person: string;
  rater: Rater;
  fileName: string;
  collectedAt: string;
  ratings: string;
}

/** What the master knows of its cycle. */
export interface CycleRecords {
  identity: CycleIdentity;
  issued: IssuedFile[];
  returned: ReturnedFileRecord[];
  provenance: ProvenanceRecord[];
}

export function teamFileKey(teamKey: string): string {
  return `team:${teamKey}`;
}

export function selfFileKey(personKey: string): string {
  return `self:${personKey}`;
}
