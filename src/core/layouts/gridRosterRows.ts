/**
 * A grid read back (readGridRows) as roster rows, ready for core's
 * parseRoster: a header, then one row per person with id, name, role and
 * manager, and with `ratings` one column per competency, numbers turned back
 * into text so "3" matches the level code "3".
 */
import type { GridRows } from './readGridRows';

export function gridRosterRows(grid: Pick<GridRows, 'geometry' | 'people'>, options: { ratings?: boolean } = {}): string[][] {
  const ids = options.ratings ? grid.geometry.competencyIds : [];
  return [
    ['id', 'name', 'role', 'manager', ...ids],
    ...grid.people.map((p) => [
      p.id,
      p.name,
      p.role,
      p.manager,
      ...ids.map((id) => (p.ratings[id] === null || p.ratings[id] === undefined ? '' : String(p.ratings[id]))),
    ]),
  ];
}
