/**
 * The order competencies appear in every layout: grouped by category (in the
 * framework's category order), the framework's own order within a category.
 * The matrix, the descriptor sheet, the target table and the grid all use it,
 * so a competency sits at the same index everywhere.
 */
import type { Competency } from '../framework/schema';
import type { FrameworkModel } from '../framework/model';

export interface OrderedCompetency {
  competency: Competency;
  /** "Knowledge/Skills › Behavioural Skills", or "" when the competency has no category. */
  categoryLabel: string;
}

function categoryPath(model: FrameworkModel, id: string | undefined): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = id;
  while (current && !seen.has(current)) {
    seen.add(current);
    const category = model.data.categories.find((c) => c.id === current);
    if (!category) break;
    names.unshift(category.name);
    current = category.parent;
  }
  return names.join(' › ');
}

export function orderedCompetencies(model: FrameworkModel): OrderedCompetency[] {
  const rank = new Map(model.data.categories.map((c, i) => [c.id, i]));
  return model.competencies
    .map((competency, i) => ({ competency, i, rank: competency.category ? (rank.get(competency.category) ?? -1) : -1 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ competency }) => ({ competency, categoryLabel: categoryPath(model, competency.category) }));
}

/** Consecutive runs of competencies on the same scale: [start, end) index pairs with the scale id. */
export function scaleRuns(ordered: readonly OrderedCompetency[]): { start: number; end: number; scaleId: string }[] {
  const runs: { start: number; end: number; scaleId: string }[] = [];
  ordered.forEach(({ competency }, i) => {
    const last = runs[runs.length - 1];
    if (last && last.scaleId === competency.scale) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, scaleId: competency.scale });
  });
  return runs;
}
