/**
 * Framework JSON, the product's own format (schema/framework.schema.json): read
 * with a warning for every property the model does not know (usually a typo,
 * whose text would otherwise be dropped), and written exactly as the model holds it.
 */
import {
  frameworkSchema,
  scaleSchema,
  scaleLevelSchema,
  categorySchema,
  roleDimensionSchema,
  roleSchema,
  competencySchema,
  targetSchema,
  provenanceSchema,
} from '../framework/schema';
import type { Framework } from '../framework/validate';
import type { Issue } from '../problems';
import { checkFramework, type CheckedFramework } from './checkFramework';

type Shape = { shape: Record<string, unknown> };

function keysOf(schema: Shape): string[] {
  return Object.keys(schema.shape);
}

function closest(word: string, options: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestDistance = 3;
  for (const o of options) {
    const dist = distance(word.toLowerCase(), o.toLowerCase());
    if (dist < bestDistance) {
      best = o;
      bestDistance = dist;
    }
  }
  return best;
}

/** Properties the model does not know, at every level where the model lists its properties. */
export function unknownPropertyWarnings(json: unknown): Issue[] {
  const out: Issue[] = [];
  const check = (value: unknown, schema: Shape, path: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const known = keysOf(schema);
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = closest(key, known);
      out.push({
        path: path ? `${path}.${key}` : key,
        message: `"${key}" is not a framework property and was ignored${guess ? `; did you mean "${guess}"?` : `; known properties here are ${known.join(', ')}`}`,
      });
    }
  };
  const each = (value: unknown, schema: Shape, path: string, inner?: (item: unknown, p: string) => void) => {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      check(item, schema, `${path}[${i}]`);
      inner?.(item, `${path}[${i}]`);
    });
  };
  check(json, frameworkSchema, '');
  if (!json || typeof json !== 'object') return out;
  const fw = json as Record<string, unknown>;
  check(fw.provenance, provenanceSchema, 'provenance');
  each(fw.scales, scaleSchema, 'scales', (s, p) => each((s as Record<string, unknown> | null)?.levels, scaleLevelSchema, `${p}.levels`));
  each(fw.categories, categorySchema, 'categories');
  each(fw.roleDimensions, roleDimensionSchema, 'roleDimensions');
  each(fw.roles, roleSchema, 'roles');
  each(fw.competencies, competencySchema, 'competencies');
  each(fw.targets, targetSchema, 'targets');
  return out;
}

export function frameworkFromJson(source: string, json: unknown): CheckedFramework {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return checkFramework(source, json); // throws: the root must be an object
  }
  return checkFramework(source, json, { warnings: unknownPropertyWarnings(json) });
}

export function frameworkToJson(framework: Framework): string {
  return `${JSON.stringify(framework, null, 2)}\n`;
}
