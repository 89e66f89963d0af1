/**
 * Splitting a roster into a cycle's files, as plain data: the master
 * (everyone), one file per manager holding only that manager's team, and with
 * self-assessment one file per person holding only that person. Each file gets
 * a name that says whose it is, its identity, and the master records which
 * people each file may rate. Nothing is written here.
 */
import type { FrameworkModel } from '../framework/model';
import { personIdKey } from '../personId';
import type { Roster, RosterPerson } from '../roster';
import { uniqueFileName } from './fileNames';
import { selfFileKey, teamFileKey, type CycleFileKind, type CycleIdentity, type CycleRecords, type IssuedFile } from './identity';
import { cycleTeams, type CycleTeam, type TeamInclude } from './teams';

export const MASTER_FILE_NAME = 'master.xlsx';

export interface SplitOptions {
  cycleId: string;
  label: string;
  /** ISO time, the same for every file of the split. */
  writtenAt: string;
  include?: TeamInclude;
  self?: boolean;
  /** Names the roster in messages. */
  source?: string;
}

export interface CycleFile {
  fileName: string;
  kind: CycleFileKind;
  identity: CycleIdentity;
  /** Who receives it, by id: the manager's person id (their name when not on the roster), the person's id; "" for the master. */
  holderId: string;
  /** The people the file holds, and nobody else. */
  roster: Roster;
}

export interface SplitPlan {
  master: CycleFile;
  /** Team files, then self files. */
  files: CycleFile[];
  teams: CycleTeam[];
  /** What the master records of the cycle. */
  records: CycleRecords;
}

function subRoster(roster: Roster, people: RosterPerson[]): Roster {
  return { ...roster, people, warnings: [] };
}

export function planSplit(model: FrameworkModel, roster: Roster, options: SplitOptions): SplitPlan {
  const include = options.include ?? 'direct';
  const teams = cycleTeams(roster, include, options.source);
  const taken = new Set<string>([MASTER_FILE_NAME.toLowerCase()]);
  const identity = (kind: CycleFileKind, fileKey: string, subjectName: string): CycleIdentity => ({
    cycleId: options.cycleId,
    label: options.label,
    kind,
    fileKey,
    subjectName,
    writtenAt: options.writtenAt,
    frameworkId: model.id,
  });
  const files: CycleFile[] = [];
  const issued: IssuedFile[] = [];
  for (const team of teams) {
    const fileName = uniqueFileName(
      `Team - ${team.managerName}${team.managerId && team.managerId !== team.managerName ? ` (${team.managerId})` : ''}`,
      taken,
    );
    const fileKey = teamFileKey(team.key);
    files.push({
      fileName,
      kind: 'team',
      identity: identity('team', fileKey, team.managerName),
      holderId: team.managerId ?? team.managerName,
      roster: subRoster(roster, team.members),
    });
    issued.push({ fileKey, kind: 'team', subjectName: team.managerName, fileName, people: team.members.map((p) => p.id) });
  }
  if (options.self) {
    for (const person of roster.people) {
      const fileName = uniqueFileName(`Self - ${person.name}${person.name !== person.id ? ` (${person.id})` : ''}`, taken);
      const fileKey = selfFileKey(personIdKey(person.id));
      // Only the person: no manager named, and no one else's rating of them.
      const alone: RosterPerson = { ...person, manager: '', ratings: new Map() };
      files.push({
        fileName,
        kind: 'self',
        identity: identity('self', fileKey, person.name),
        holderId: person.id,
        roster: subRoster(roster, [alone]),
      });
      issued.push({ fileKey, kind: 'self', subjectName: person.name, fileName, people: [person.id] });
    }
  }
  const masterIdentity = identity('master', '', '');
  return {
    master: { fileName: MASTER_FILE_NAME, kind: 'master', identity: masterIdentity, holderId: '', roster },
    files,
    teams,
    records: { identity: masterIdentity, issued, returned: [], provenance: [] },
  };
}
