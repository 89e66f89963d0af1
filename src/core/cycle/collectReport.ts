/**
 * A collect plan as the report people read: the same sections printed by the
 * command line and written to the master's "Collection" sheet, each with what
 * to do about it. Every refused file, unplaced value, person change, conflict
 * and missing team is listed; counts alone never stand in for a list.
 */
import type { CollectPlan, NotPlacedReason, PersonChange } from './merge';

export interface ReportSection {
  title: string;
  /** What to do about the rows, when something is to be done. */
  advice?: string;
  header: string[];
  rows: (string | number)[][];
  /** A line after the rows when a long list of placed ratings is cut (nothing unplaced is ever cut). */
  more?: string;
}

/** Placed ratings are in the master already; the report lists this many of them. */
const PLACED_LISTED = 5000;

const NOT_PLACED: Record<NotPlacedReason, string> = {
  'not-a-level': 'not a level of the competency’s scale',
  'not-issued': 'this person is not in the team the file was issued for; their ratings were not changed',
  'not-on-master': 'this person is not on the master (added inside the return)',
  'unknown-competency': 'this competency is not on the master grid',
};

const CHANGE: Record<PersonChange['change'], string> = {
  added: 'added in the return; not on the master: not applied',
  'other-team': 'belongs to another file of the cycle: not applied, their ratings unchanged',
  removed: 'issued in this file but missing from the return: the master keeps what it has for them',
  moved: 'shown under another manager in the return: the move is not applied (change the roster and split again to move someone)',
};

/** How the report names a field: the competency's name where the caller knows it. */
export type FieldName = (field: string) => string;

export function reportSections(plan: CollectPlan, name: FieldName = (f) => f): ReportSection[] {
  const collected = plan.files.filter((f) => f.status === 'collected');
  const refused = plan.files.filter((f) => f.status === 'refused');
  return [
    {
      title: `Returned: ${collected.length} file${collected.length === 1 ? '' : 's'}`,
      header: ['File', 'Kind', 'For', 'Ratings and comments placed'],
      rows: collected.map((f) => [f.file, f.kind ?? '', f.subjectName ?? '', f.placed]),
    },
    {
      title: `Missing: ${plan.missing.length} file${plan.missing.length === 1 ? '' : 's'} not returned yet`,
      advice: plan.missing.length
        ? 'Chase these; their cells in the master are untouched. Collect the late files into this master when they come.'
        : undefined,
      header: ['File', 'Kind', 'For', 'People'],
      rows: plan.missing.map((f) => [f.fileName, f.kind, f.subjectName, f.people.length]),
    },
    {
      title: `Refused: ${refused.length} file${refused.length === 1 ? '' : 's'}`,
      advice: refused.length ? 'Nothing was read from these files.' : undefined,
      header: ['File', 'Why'],
      rows: refused.map((f) => [f.file, f.why ?? '']),
    },
    {
      title: `Placed: ${plan.placements.length} rating${plan.placements.length === 1 ? '' : 's'} and comments (${plan.unchanged} already in the master)`,
      header: ['Person', 'Competency', 'Value', 'Given by', 'File'],
      rows: plan.placements.slice(0, PLACED_LISTED).map((p) => [p.person, name(p.field), p.value, p.rater, p.file]),
      more:
        plan.placements.length > PLACED_LISTED
          ? `… and ${plan.placements.length - PLACED_LISTED} more placed, each now in the master (who gave it, from which file and when is kept in the workbook's cycle records)`
          : undefined,
    },
    {
      title: `Not placed: ${plan.notPlaced.length} value${plan.notPlaced.length === 1 ? '' : 's'}`,
      advice: plan.notPlaced.length ? 'Ask for a corrected file, or type the value into the master yourself.' : undefined,
      header: ['File', 'Sheet', 'Cell', 'Person', 'Competency', 'Value', 'Why'],
      rows: plan.notPlaced.map((n) => [n.file, n.sheet, n.cell, n.person, name(n.field), String(n.value), NOT_PLACED[n.reason]]),
    },
    {
      title: `People changed inside returns: ${plan.people.length}`,
      header: ['File', 'Person', 'What', 'Master’s manager', 'Return’s manager'],
      rows: plan.people.map((p) => [p.file, p.person, CHANGE[p.change], p.from ?? '', p.to ?? '']),
    },
    {
      title: `Conflicts: ${plan.conflicts.length}`,
      advice: plan.conflicts.length
        ? 'The master keeps its value for these cells. To settle one, collect again with --prefer "<file>" naming the file that wins, or type the right value into the master.'
        : undefined,
      header: ['Person', 'Competency', 'Given by', 'Master has', 'Returns say'],
      rows: plan.conflicts.map((c) => [
        c.person,
        name(c.field),
        c.rater,
        c.master ?? '(empty)',
        c.returns.map((r) => `${r.value} (${r.file})`).join('; '),
      ]),
    },
    {
      title: `Settled by --prefer: ${plan.resolved.length}`,
      header: ['Person', 'Competency', 'Given by', 'Now', 'From', 'Master had', 'Returns said'],
      rows: plan.resolved.map((c) => [
        c.person,
        name(c.field),
        c.rater,
        c.winner,
        c.file,
        c.master ?? '(empty)',
        c.returns.map((r) => `${r.value} (${r.file})`).join('; '),
      ]),
    },
  ];
}

/** The report as lines for the terminal: every section, long lists cut at `maxRows` with a pointer to the sheet. */
export function reportText(plan: CollectPlan, name?: FieldName, maxRows = 20): string {
  const out: string[] = [];
  for (const s of reportSections(plan, name)) {
    out.push(s.title);
    if (s.advice) out.push(`  ${s.advice}`);
    for (const r of s.rows.slice(0, maxRows)) out.push(`  ${r.map(String).join(' | ')}`);
    if (s.rows.length > maxRows) out.push(`  … and ${s.rows.length - maxRows} more, listed on the Collection sheet`);
    else if (s.more) out.push(`  ${s.more}`);
  }
  return `${out.join('\n')}\n`;
}
