/**
 * An organisation for cycle tests: a head, managers under them, people under
 * the managers, and one person whose manager is not on the roster. Ids and
 * names are chosen so that none is part of another ("ZQ1X" is not inside
 * "ZQ10X") and none occurs in any framework's text, so finding one in a file
 * means that person's data is there.
 */
import type { FrameworkModel } from '../../src/core/framework/model';

export interface OrgPerson {
  id: string;
  name: string;
  role: string;
  manager: string;
}

function code(k: number): string {
  let s = '';
  let n = k;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

export function organisation(model: FrameworkModel, managers = 3, perTeam = 3): OrgPerson[] {
  const roles = model.roles;
  let k = 0;
  const person = (manager: string): OrgPerson => {
    k++;
    return { id: `ZQ${k}X`, name: `Zed${code(k)}q Morrow`, role: roles[k % roles.length].name, manager };
  };
  const head = person('');
  const out = [head];
  for (let m = 0; m < managers; m++) {
    const mgr = person(head.id);
    out.push(mgr);
    for (let i = 0; i < perTeam; i++) out.push(person(m % 2 ? mgr.name : mgr.id));
  }
  out.push(person('Yorvath Outsidecase'));
  return out;
}

export function organisationCsv(people: readonly OrgPerson[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['id,name,role,manager', ...people.map((p) => [p.id, p.name, p.role, p.manager].map(q).join(','))].join('\n') + '\n';
}
