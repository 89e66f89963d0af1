/**
 * What a competency's levels mean, as the note on its rating header in a
 * cycle workbook, so a manager sees the descriptors where the level is picked.
 * Each level's text is kept short enough for a note box to stay readable; the
 * whole note stays far inside Excel's 32,767-character cell text limit
 * ("Excel specifications and limits"), which the renderer also enforces.
 */
import type { FrameworkModel } from '../framework/model';
import type { Competency } from '../framework/schema';

const LEVEL_TEXT_MAX = 400;
const DEFINITION_MAX = 300;

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function levelNote(model: FrameworkModel, competency: Competency): string {
  const scale = model.scaleOf(competency);
  const lines = [`${competency.name}: what each level means`];
  if (competency.definition) lines.push(clip(competency.definition, DEFINITION_MAX));
  for (const level of scale.levels) {
    const label = level.code === level.name ? level.code : `${level.code} (${level.name})`;
    const text = competency.descriptors?.[level.code] ?? level.definition;
    lines.push(text ? `${label}: ${clip(text, LEVEL_TEXT_MAX)}` : label);
  }
  lines.push('Leave blank for not rated. Full text on the Descriptors sheet.');
  return lines.join('\n');
}
