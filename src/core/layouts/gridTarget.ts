/**
 * Which grid a new roster is for, on the command line: a roster whose people
 * are on no grid adds one; one that holds a grid's people (or is held by
 * them), or shares most of its people with one grid and most of that grid's
 * (a team where some joined and some left), rebuilds that grid; anything in
 * between is not guessed at, and the message says how to choose.
 */
import { CompetencyError, listForHumans } from '../problems';
import { personIdKey } from '../personId';
import type { Registry } from './registry';
import { findGrid, gridPeople, gridSheetName, type GridRecord } from './gridRecords';

export interface GridTargetChoice {
  /** `--grid NAME`: the grid to rebuild, by its sheet's name or its label. */
  grid?: string;
  /** Add a grid whatever the people. */
  newGrid?: boolean;
}

export type GridTarget = { rebuild: GridRecord; why: string } | { rebuild?: undefined; why: string };

function quotedNames(registry: Registry, grids: readonly GridRecord[]): string {
  return listForHumans(
    grids.map((g) => `"${gridSheetName(registry, g)}"`),
    'or',
  );
}

/** The grid to rebuild (or none: add one) for `people` (the roster's person ids; undefined without a roster). */
export function gridTarget(
  registry: Registry,
  grids: readonly GridRecord[],
  people: readonly string[] | undefined,
  choice: GridTargetChoice,
): GridTarget {
  if (choice.grid !== undefined && choice.newGrid) {
    throw new CompetencyError('invalid-argument', '--grid and --new-grid ask for opposite things; give one of them');
  }
  if (choice.newGrid) return { why: 'asked for with --new-grid' };
  if (choice.grid !== undefined) {
    const found = findGrid(registry, grids, choice.grid);
    if (found) return { rebuild: found, why: 'chosen with --grid' };
    throw new CompetencyError(
      'invalid-argument',
      grids.length
        ? `--grid: the workbook has no grid "${choice.grid}"; its grids are ${quotedNames(registry, grids)}`
        : `--grid: the workbook has no grid yet, so there is no "${choice.grid}" to rebuild; leave --grid out to add one`,
    );
  }
  if (!grids.length) return { why: 'the workbook has no grid yet' };
  if (!people) {
    if (grids.length === 1) return { rebuild: grids[0], why: 'no roster given: the grid is rebuilt from its own people' };
    throw new CompetencyError(
      'invalid-argument',
      `the workbook has ${grids.length} grids; say which to rebuild with --grid ${quotedNames(registry, grids)}`,
    );
  }
  // The one id rule: " e001 " on the roster is the grid's E001.
  const roster = new Set(people.map(personIdKey));
  const overlaps = grids
    .map((g) => {
      const on = gridPeople(registry, g);
      const shared = on.filter((p) => roster.has(personIdKey(p))).length;
      return { grid: g, shared, on: on.length };
    })
    .filter((o) => o.shared > 0);
  if (!overlaps.length) return { why: `none of the roster's ${roster.size} people is on a grid of the workbook` };
  const [only] = overlaps;
  if (overlaps.length === 1 && (only.shared === roster.size || only.shared === only.on)) {
    return { rebuild: only.grid, why: `the roster's people are the grid's (${only.shared} in both)` };
  }
  // Most of the roster is on the grid and most of the grid on the roster: the same team, some people changed.
  if (overlaps.length === 1 && only.shared * 2 > roster.size && only.shared * 2 > only.on) {
    return {
      rebuild: only.grid,
      why: `most of the roster's people are the grid's (${only.shared} of ${roster.size} on it, of its ${only.on}): the same team with people joined or left`,
    };
  }
  const shown = overlaps.map((o) => `${o.shared} of them on "${gridSheetName(registry, o.grid)}" (of ${o.on})`).join(', ');
  throw new CompetencyError(
    'invalid-argument',
    `the roster's ${roster.size} people are partly on grids of the workbook already (${shown}); say which grid to rebuild with --grid ${quotedNames(
      registry,
      overlaps.map((o) => o.grid),
    )}, or add a grid with --new-grid`,
  );
}
