/**
 * What the preview shows of a framework, as plain data: its roles, its
 * competencies grouped by category (in framework order) and its scales.
 * Only reads the model; decides nothing about the workbook.
 */
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';

export interface PreviewLevel {
  code: string;
  label: string;
  definition?: string;
}

export interface FrameworkPreviewData {
  name: string;
  description?: string;
  source: string;
  licence: string;
  roles: { id: string; name: string; summary?: string }[];
  categories: { name: string; competencies: string[] }[];
  competencyCount: number;
  scales: { id: string; name: string; partial: boolean; levels: PreviewLevel[] }[];
  targetCount: number;
}

export function frameworkPreview(model: FrameworkModel): FrameworkPreviewData {
  const fw = model.data;
  const groups = new Map<string, string[]>();
  for (const c of fw.competencies) {
    const category = model.categoryName(c.category) ?? strings.preview.uncategorised;
    groups.set(category, [...(groups.get(category) ?? []), c.name]);
  }
  return {
    name: fw.name,
    description: fw.description,
    source: strings.preview.source(fw.provenance.title, fw.provenance.publisher, fw.provenance.year),
    licence: strings.preview.licence(fw.provenance.licence),
    roles: fw.roles.map((r) => ({ id: r.id, name: r.code && r.code !== r.name ? `${r.name} (${r.code})` : r.name, summary: r.summary })),
    categories: [...groups].map(([name, competencies]) => ({ name, competencies })),
    competencyCount: fw.competencies.length,
    scales: model.scales.map((s) => ({
      id: s.id,
      name: s.name,
      partial: s.data.complete === false,
      levels: s.levels.map((l) => ({ code: l.code, label: strings.preview.levelLine(l.code, l.name), definition: l.definition })),
    })),
    targetCount: fw.targets.length,
  };
}
