/**
 * The framework of a call whose framework argument was left out: the one known
 * framework that has every role and competency named in the call. Names no
 * framework has are left to fail on their own cell (#N/A); when two frameworks
 * would fit, the user is asked which.
 */
import type { FrameworkModel } from '../core/framework/model';
import { CompetencyError, listForHumans } from '../core/problems';
import { knownFrameworks } from './frameworkRegistry';

export interface NamesInCall {
  roles: Iterable<string>;
  competencies: Iterable<string>;
}

function choices(): string {
  return listForHumans(knownFrameworks().map((f) => `"${f.id}"`));
}

export function inferFramework(names: NamesInCall): FrameworkModel {
  const all = knownFrameworks();
  let candidates: readonly FrameworkModel[] | undefined;
  let unknown: { name: string; kind: 'role' | 'competency' } | undefined;
  const narrow = (name: string, kind: 'role' | 'competency', has: (f: FrameworkModel) => boolean) => {
    const fits = all.filter(has);
    if (fits.length === 0) {
      unknown ??= { name, kind };
      return;
    }
    const next = candidates === undefined ? fits : candidates.filter((f) => fits.includes(f));
    if (next.length === 0) {
      throw new CompetencyError(
        'invalid-argument',
        `"${name}" belongs to ${listForHumans(fits.map((f) => f.id))}, unlike the other roles and competencies in this formula; give the framework: ${choices()}`,
      );
    }
    candidates = next;
  };
  for (const role of names.roles) narrow(role, 'role', (f) => f.findRole(role) !== undefined);
  for (const competency of names.competencies) narrow(competency, 'competency', (f) => f.findCompetency(competency) !== undefined);
  // A name no framework has is the likelier mistake than a framework left out: say so first.
  if (unknown !== undefined && (candidates === undefined || candidates.length > 1)) {
    throw new CompetencyError(
      unknown.kind === 'role' ? 'unknown-role' : 'unknown-competency',
      `"${unknown.name}" is not a ${unknown.kind} of any framework the functions know (${choices()}); check the spelling, or give the framework`,
    );
  }
  if (candidates === undefined) return all[0]; // nothing named: every result is blank whatever the framework
  if (candidates.length > 1) {
    throw new CompetencyError(
      'invalid-argument',
      `these roles and competencies are in more than one framework (${listForHumans(
        candidates.map((f) => f.id),
        'and',
      )}); give the framework`,
    );
  }
  return candidates[0];
}
