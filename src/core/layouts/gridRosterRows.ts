/**
 * A grid read back (readGridRows) as roster rows, ready for core's
 * parseRoster: a header, then one row per person with id, name, role and
 * manager, and with `ratings` one column per competency, numbers turned back
 * into text so "3" matches the level code "3".
 */
import type { GridRows } from './readGridRows';

export function gridRosterRows(grid: Pick<GridRows, 'geometry' | 'people'>, options: { ratings?: boolean } = {}): string[][] {
  const ids = options.ratings ? grid.geometry.competencyIds : [];
  // Performance and potential travel with the people, so a rebuilt grid keeps its talent-grid axes.
  const axes = (['performance', 'potential'] as const).filter((k) => grid.geometry[`${k}Col`] !== undefined);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return [
    ['id', 'name', 'role', 'manager', ...axes, ...ids],
    ...grid.people.map((p) => [p.id, p.name, p.role, p.manager, ...axes.map((k) => text(p[k])), ...ids.map((id) => text(p.ratings[id]))]),
  ];
}
