/**
 * The calibration reads a grid row by row, from its first person down: a row
 * without an id (a person whose id was cleared, a blank row between two
 * people) would shift everyone below it or leave ratings uncounted without a
 * word. Such a grid is refused, naming the row and what to do.
 */
import type { GridRowWithoutId } from '../layouts/readGridRows';
import { CompetencyError } from '../problems';

export function requireIdentifiedRows(problems: readonly GridRowWithoutId[], where?: string): void {
  if (!problems.length) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more such ${problems.length === 2 ? 'row' : 'rows'})` : '';
  throw new CompetencyError(
    'invalid-roster',
    `${problems[0].message}${more}; give that person an id or delete the row, then build the pack again`,
    where,
  );
}
