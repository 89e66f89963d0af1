/**
 * The ratings a calibration looks at: people by competency on one scale, as
 * level ranks in one flat typed array (row-major, -1 for not rated). A
 * 5,000 x 40 grid is one 200 KB array rather than 200,000 objects, and every
 * statistic is a pass over it.
 */
import type { Scale } from '../scale';

export interface RatedPerson {
  id: string;
  name: string;
  role: string;
  /** The rater whose ratings these are, as written in the grid ("" when none). */
  manager: string;
  /** Competencies that still block the next role, as the grid computed it; null without a next role. */
  blocking?: number | null;
  /** Meets % and readiness (0..1) as the grid computed them; null where the grid shows none. */
  meets?: number | null;
  readiness?: number | null;
  /** Performance and potential (1..steps) from the grid's plain-value columns, where the roster had them. */
  performance?: number | null;
  potential?: number | null;
}

export interface RatedCompetency {
  id: string;
  name: string;
}

export interface RatingMatrix {
  scale: Scale;
  competencies: readonly RatedCompetency[];
  people: readonly RatedPerson[];
  /** ranks[person * competencies.length + competency]: 0 for the lowest level, -1 for not rated. */
  ranks: Int8Array;
  /** Grid entries that hold something but count as no rating (N/A, or text that is not a level). */
  notCounted: number;
}

export const NOT_RATED = -1;

/** A matrix with nothing rated yet, its ranks to be filled in (see ratingsFromGridRows). */
export function emptyRatingMatrix(scale: Scale, people: readonly RatedPerson[], competencies: readonly RatedCompetency[]): RatingMatrix {
  if (scale.levels.length > 127) throw new Error(`a scale of ${scale.levels.length} levels is too long for calibration (127 at most)`);
  return { scale, people, competencies, ranks: new Int8Array(people.length * competencies.length).fill(NOT_RATED), notCounted: 0 };
}

/** A person as the room knows them: the name, or the id when the grid has no name. */
export function personLabel(p: { id: string; name: string }): string {
  return p.name || p.id;
}
