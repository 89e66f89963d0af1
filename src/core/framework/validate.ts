/**
 * Framework validation: the schema first (shape and types), then the rules that
 * a schema cannot say (unique ids, references that resolve, targets on levels
 * the scale has, categories without cycles). Returns every finding at once so a
 * user can fix a file in one pass.
 */
import { frameworkSchema, type FrameworkData } from './schema';
import type { Issue } from '../problems';
import { EXCEL_CELL_TEXT_MAX } from '../cellText';

export type Framework = FrameworkData;

export interface ValidationResult {
  framework?: Framework;
  errors: Issue[];
  warnings: Issue[];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

export function validateFramework(input: unknown): ValidationResult {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => ({
        path: formatPath(i.path) || '(root)',
        message: i.message,
      })),
      warnings: [],
    };
  }
  const fw = parsed.data;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  const unique = (items: { id: string }[], where: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        errors.push({ path: `${where}[${i}].id`, message: `duplicate id "${item.id}"` });
      }
      seen.add(item.id);
    });
    return seen;
  };
  const scaleIds = unique(fw.scales, 'scales');
  const categoryIds = unique(fw.categories, 'categories');
  const roleIds = unique(fw.roles, 'roles');
  const competencyIds = unique(fw.competencies, 'competencies');
  const dimensionIds = unique(fw.roleDimensions, 'roleDimensions');

  fw.scales.forEach((scale, s) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    scale.levels.forEach((level, l) => {
      const where = `scales[${s}].levels[${l}]`;
      const code = level.code.toLowerCase();
      if (codes.has(code)) errors.push({ path: `${where}.code`, message: `duplicate level code "${level.code}" in scale "${scale.id}"` });
      codes.add(code);
      const name = level.name.toLowerCase();
      if (names.has(name)) errors.push({ path: `${where}.name`, message: `duplicate level name "${level.name}" in scale "${scale.id}"` });
      names.add(name);
      if (l > 0 && level.value <= scale.levels[l - 1].value) {
        errors.push({
          path: `${where}.value`,
          message: `level values must rise from lowest to highest; "${level.code}" (${level.value}) does not exceed "${scale.levels[l - 1].code}" (${scale.levels[l - 1].value})`,
        });
      }
    });
  });

  fw.categories.forEach((cat, i) => {
    if (cat.parent !== undefined && !categoryIds.has(cat.parent)) {
      errors.push({ path: `categories[${i}].parent`, message: `unknown category "${cat.parent}"` });
    }
  });
  const parentOf = new Map(fw.categories.map((c) => [c.id, c.parent]));
  fw.categories.forEach((cat, i) => {
    const seen = new Set<string>([cat.id]);
    let next = cat.parent;
    while (next !== undefined) {
      if (seen.has(next)) {
        errors.push({ path: `categories[${i}].parent`, message: `category "${cat.id}" is its own ancestor (a cycle through "${next}")` });
        break;
      }
      seen.add(next);
      next = parentOf.get(next);
    }
  });

  fw.roles.forEach((role, r) => {
    for (const key of Object.keys(role.descriptions ?? {})) {
      if (!dimensionIds.has(key)) {
        errors.push({ path: `roles[${r}].descriptions.${key}`, message: `unknown role dimension "${key}"` });
      }
    }
  });

  const scaleById = new Map(fw.scales.map((s) => [s.id, s]));
  const scaleOfCompetency = new Map<string, string>();
  fw.competencies.forEach((c, i) => {
    scaleOfCompetency.set(c.id, c.scale);
    if (c.category !== undefined && !categoryIds.has(c.category)) {
      errors.push({ path: `competencies[${i}].category`, message: `unknown category "${c.category}"` });
    }
    const scale = scaleById.get(c.scale);
    if (!scaleIds.has(c.scale) || !scale) {
      errors.push({ path: `competencies[${i}].scale`, message: `unknown scale "${c.scale}"` });
      return;
    }
    for (const code of Object.keys(c.descriptors ?? {})) {
      if (!scale.levels.some((l) => l.code === code)) {
        errors.push({
          path: `competencies[${i}].descriptors.${code}`,
          message: `scale "${scale.id}" has no level "${code}"; its levels are ${scale.levels.map((l) => l.code).join(', ')}`,
        });
      }
    }
  });

  const targetKeys = new Set<string>();
  fw.targets.forEach((t, i) => {
    const where = `targets[${i}]`;
    if (!roleIds.has(t.role)) errors.push({ path: `${where}.role`, message: `unknown role "${t.role}"` });
    if (!competencyIds.has(t.competency)) {
      errors.push({ path: `${where}.competency`, message: `unknown competency "${t.competency}"` });
      return;
    }
    const key = `${t.role}\u0000${t.competency}`;
    if (targetKeys.has(key)) errors.push({ path: where, message: `a second target for role "${t.role}" and competency "${t.competency}"` });
    targetKeys.add(key);
    const scale = scaleById.get(scaleOfCompetency.get(t.competency) ?? '');
    if (scale && !scale.levels.some((l) => l.code === t.level)) {
      errors.push({
        path: `${where}.level`,
        message: `level "${t.level}" is not on scale "${scale.id}"; use one of ${scale.levels.map((l) => l.code).join(', ')}`,
      });
    }
  });

  const usedScales = new Set(fw.competencies.map((c) => c.scale));
  fw.scales.forEach((s, i) => {
    if (!usedScales.has(s.id)) warnings.push({ path: `scales[${i}]`, message: `scale "${s.id}" is not used by any competency` });
  });

  // The texts of scales, roles, categories and competencies each land in one cell of a sheet; Excel refuses a
  // file with a cell over its limit. (The framework's own description and provenance only travel on the hidden
  // frameworks sheet, which splits long text over several cells.)
  const overlong = (value: unknown, where: string): void => {
    if (typeof value === 'string' && value.length > EXCEL_CELL_TEXT_MAX)
      errors.push({
        path: where,
        message: `${value.length.toLocaleString('en')} characters, more than the ${EXCEL_CELL_TEXT_MAX.toLocaleString('en')} an Excel cell holds; shorten it`,
      });
    else if (Array.isArray(value)) value.forEach((v, i) => overlong(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) overlong(v, where ? `${where}.${k}` : k);
  };
  for (const key of ['scales', 'roles', 'categories', 'competencies', 'roleDimensions'] as const) overlong(fw[key], key);

  return errors.length ? { errors, warnings } : { framework: fw, errors, warnings };
}
