/**
 * A framework as table records, one per fact, in the order an import rebuilds
 * it: framework fields, scales and levels, dimensions, categories, roles and
 * their texts, competencies, descriptors, targets. Every field of the model has
 * a place, so exporting and importing again gives the same framework.
 */
import type { Framework } from '../framework/validate';
import type { RecordCells, RecordKind } from './frameworkRecords';

export interface FrameworkRecord {
  kind: RecordKind;
  cells: RecordCells;
}

/** Levels' aliases share one cell, one alias a line. */
export const ALIAS_SEPARATOR = '\n';

function cells(values: RecordCells): RecordCells {
  const out: RecordCells = {};
  for (const [k, v] of Object.entries(values) as [keyof RecordCells, string | undefined][]) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function frameworkToRecords(fw: Framework): FrameworkRecord[] {
  const out: FrameworkRecord[] = [];
  const add = (kind: RecordKind, values: RecordCells) => out.push({ kind, cells: cells(values) });

  const p = fw.provenance;
  const fields: [string, string | undefined][] = [
    ['id', fw.id],
    ['name', fw.name],
    ['description', fw.description],
    ['version', fw.version],
    ['provenance.title', p.title],
    ['provenance.publisher', p.publisher],
    ['provenance.year', p.year === undefined ? undefined : String(p.year)],
    ['provenance.licence', p.licence],
    ['provenance.source', p.source],
    ['provenance.note', p.note],
  ];
  for (const [field, text] of fields) if (text !== undefined) add('framework', { field, text });
  for (const note of fw.notes ?? []) add('framework', { field: 'note', text: note });

  for (const s of fw.scales) {
    add('scale', {
      scale: s.id,
      name: s.name,
      description: s.description,
      complete: s.complete === undefined ? undefined : s.complete ? 'TRUE' : 'FALSE',
      note: s.note,
    });
  }
  for (const s of fw.scales) {
    for (const l of s.levels) {
      add('level', {
        scale: s.id,
        level: l.code,
        name: l.name,
        value: String(l.value),
        definition: l.definition,
        aliases: l.aliases?.join(ALIAS_SEPARATOR),
      });
    }
  }
  for (const d of fw.roleDimensions) add('dimension', { dimension: d.id, name: d.name, group: d.group });

  const categoryName = new Map(fw.categories.map((c) => [c.id, c.name]));
  for (const c of fw.categories) add('category', { 'category id': c.id, category: c.name, parent: c.parent, description: c.description });

  for (const r of fw.roles) add('role', { 'role id': r.id, role: r.name, code: r.code, description: r.summary });
  for (const r of fw.roles) {
    for (const [dimension, text] of Object.entries(r.descriptions ?? {}))
      add('role text', { 'role id': r.id, role: r.name, dimension, text });
  }

  for (const c of fw.competencies) {
    add('competency', {
      'competency id': c.id,
      competency: c.name,
      'category id': c.category,
      category: c.category === undefined ? undefined : categoryName.get(c.category),
      scale: c.scale,
      type: c.type,
      definition: c.definition,
    });
  }
  for (const c of fw.competencies) {
    for (const [level, descriptor] of Object.entries(c.descriptors ?? {}))
      add('descriptor', { 'competency id': c.id, competency: c.name, level, descriptor });
  }

  const competencyName = new Map(fw.competencies.map((c) => [c.id, c.name]));
  const roleName = new Map(fw.roles.map((r) => [r.id, r.name]));
  for (const t of fw.targets) {
    add('target', {
      'competency id': t.competency,
      competency: competencyName.get(t.competency),
      'role id': t.role,
      role: roleName.get(t.role),
      target: t.level,
      note: t.note,
    });
  }
  return out;
}
