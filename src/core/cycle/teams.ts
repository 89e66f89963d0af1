/**
 * Who goes in which file of a cycle. Each person's manager is named in the
 * roster by id (a "manager id" column) or by id or name (a "manager" column);
 * a manager who is not on the roster still gets a team. A manager's file holds
 * their direct reports, or with `all` everyone below them in the line. Names
 * that could mean two people are refused, never guessed.
 */
import { CompetencyError } from '../problems';
import { personIdKey } from '../personId';
import type { Roster, RosterPerson } from '../roster';

export type TeamInclude = 'direct' | 'all';
export const TEAM_INCLUDE_MODES: readonly TeamInclude[] = ['direct', 'all'];

export interface CycleTeam {
  /** Unique among a cycle's teams: the manager's person id key, or "manager:<text>" for one not on the roster. */
  key: string;
  /** The manager's id as the roster writes it; undefined when the manager is not a person on the roster. */
  managerId?: string;
  managerName: string;
  /** The people the manager's file is for, in roster order. */
  members: RosterPerson[];
}

function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Each person's manager: a person on the roster, or the text of one who is not; undefined for no manager. */
export function resolveManagers(roster: Roster, source = 'roster'): Map<RosterPerson, RosterPerson | string> {
  const byId = new Map(roster.people.map((p) => [personIdKey(p.id), p]));
  const byName = new Map<string, RosterPerson[]>();
  for (const p of roster.people) byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
  const problems: string[] = [];
  const out = new Map<RosterPerson, RosterPerson | string>();
  for (const p of roster.people) {
    const text = p.manager.trim();
    if (!text) continue;
    let manager: RosterPerson | string | undefined = byId.get(personIdKey(text));
    if (!manager && roster.managerBy !== 'id') {
      const named = byName.get(nameKey(text)) ?? [];
      if (named.length > 1) {
        problems.push(
          `row ${p.row}: manager "${text}" is the name of ${named.length} people (rows ${named.map((n) => n.row).join(', ')}); name the manager by id, or add a "manager id" column`,
        );
        continue;
      }
      manager = named[0];
    }
    if (manager === p) {
      problems.push(`row ${p.row}: "${p.id}" is named as their own manager; give their manager's id or name, or leave it blank`);
      continue;
    }
    out.set(p, manager ?? text);
  }
  if (problems.length) {
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    throw new CompetencyError('invalid-roster', problems.slice(0, 10).join('; ') + more, source);
  }
  return out;
}

/** The teams of a cycle, one per manager, in the roster order of the managers (those not on it after, as first named). */
export function cycleTeams(roster: Roster, include: TeamInclude = 'direct', source = 'roster'): CycleTeam[] {
  const managers = resolveManagers(roster, source);
  const teams = new Map<string, CycleTeam>();
  const reports = new Map<string, RosterPerson[]>();
  const keyOf = (m: RosterPerson | string) => (typeof m === 'string' ? `manager:${nameKey(m)}` : personIdKey(m.id));
  for (const p of roster.people) {
    const m = managers.get(p);
    if (m === undefined) continue;
    const key = keyOf(m);
    if (!teams.has(key)) {
      teams.set(
        key,
        typeof m === 'string' ? { key, managerName: m, members: [] } : { key, managerId: m.id, managerName: m.name, members: [] },
      );
    }
    reports.set(key, [...(reports.get(key) ?? []), p]);
  }
  const order = new Map(roster.people.map((p, i) => [p, i]));
  for (const team of teams.values()) {
    if (include === 'direct') {
      team.members = reports.get(team.key) ?? [];
      continue;
    }
    // Everyone below in the line; a loop in the roster (A reports to B, B to A) ends where it started.
    const seen = new Set<RosterPerson>();
    const stack = [...(reports.get(team.key) ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (seen.has(p) || personIdKey(p.id) === team.key) continue;
      seen.add(p);
      stack.push(...(reports.get(personIdKey(p.id)) ?? []));
    }
    team.members = [...seen].sort((a, b) => order.get(a)! - order.get(b)!);
  }
  const onRoster = (t: CycleTeam) => (t.managerId === undefined ? Infinity : order.get(roster.people.find((p) => p.id === t.managerId)!)!);
  return [...teams.values()].sort((a, b) => onRoster(a) - onRoster(b));
}
