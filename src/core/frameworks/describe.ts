/** Plain-text views of a framework: the summary and the target table. */
import type { FrameworkModel } from '../framework/model';

export interface TargetRow {
  competency: string;
  role: string;
  level: string;
}

/** One row per stated target, competencies in framework order, then roles in order. */
export function targetTable(model: FrameworkModel): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const c of model.competencies) {
    for (const r of model.roles) {
      const level = model.target(r, c);
      if (level) rows.push({ competency: c.name, role: r.name, level: level.code });
    }
  }
  return rows;
}

export function describeFramework(model: FrameworkModel): string {
  const fw = model.data;
  const p = fw.provenance;
  const lines: string[] = [];
  lines.push(`${fw.name} (${fw.id})`);
  lines.push(`Source: ${p.title}, ${p.publisher}${p.year ? `, ${p.year}` : ''}`);
  lines.push(`Licence: ${p.licence}`);
  if (fw.description) lines.push('', fw.description);
  lines.push('', `Roles (${fw.roles.length}, lowest first): ${fw.roles.map((r) => r.name).join('; ')}`);
  lines.push('', `Scales (${fw.scales.length}):`);
  for (const s of model.scales) {
    lines.push(
      `  ${s.name} [${s.id}]: ${s.levels.map((l) => `${l.code}=${l.name}`).join(', ')}${s.data.complete === false ? ' (partial)' : ''}`,
    );
  }
  lines.push('', `Competencies (${fw.competencies.length}):`);
  const byCategory = new Map<string, string[]>();
  for (const c of fw.competencies) {
    const cat = model.categoryName(c.category) ?? '(no category)';
    byCategory.set(cat, [...(byCategory.get(cat) ?? []), c.name]);
  }
  for (const [cat, names] of byCategory) {
    lines.push(`  ${cat}: ${names.join('; ')}`);
  }
  lines.push('', `Targets: ${fw.targets.length}`);
  if (fw.roleDimensions.length) lines.push(`Role dimensions: ${fw.roleDimensions.length}`);
  for (const n of fw.notes ?? []) lines.push(`Note: ${n}`);
  return lines.join('\n') + '\n';
}
