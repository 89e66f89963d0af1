/**
 * Which framework a proficiency matrix sheet was written from, among those the
 * workbook keeps and the built-in ones: reading an edited matrix with it as the
 * base keeps what the sheet does not show (scales, definitions, descriptors).
 * The title in A1 names the framework; a retitled sheet is matched by the
 * competency ids in its "Competency id" column instead.
 */
import type { Framework } from '../framework/validate';
import { MATRIX_SHAPE } from '../layouts/matrixShape';
import { sheetTitle } from '../layouts/sheetTitles';
import { normaliseLevelText } from '../scale';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** The competency ids under the matrix's "Competency id" header, if the sheet has one. */
function shownCompetencyIds(rows: readonly (readonly unknown[])[]): string[] {
  const label = normaliseLevelText(MATRIX_SHAPE.labels.competencyId);
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const c = (rows[r] ?? []).findIndex((v) => normaliseLevelText(text(v)) === label);
    if (c < 0) continue;
    return rows
      .slice(r + 1)
      .map((row) => text(row?.[c]))
      .filter(Boolean);
  }
  return [];
}

/** The candidate the matrix was written from, or undefined when none fits (the matrix is then read on its own). */
export function matrixBaseFramework(rows: readonly (readonly unknown[])[], candidates: readonly Framework[]): Framework | undefined {
  const title = text(rows[0]?.[0]);
  const byTitle = candidates.find((fw) => sheetTitle('matrix', fw.name) === title);
  if (byTitle) return byTitle;
  const ids = shownCompetencyIds(rows);
  if (!ids.length) return undefined;
  let best: { fw: Framework; shared: number } | undefined;
  for (const fw of candidates) {
    const known = new Set(fw.competencies.map((c) => c.id));
    const shared = ids.filter((id) => known.has(id)).length;
    if (!best || shared > best.shared) best = { fw, shared };
  }
  // Most of the rows must be the candidate's own; a few shared ids are a coincidence.
  return best && best.shared * 2 >= ids.length ? best.fw : undefined;
}
