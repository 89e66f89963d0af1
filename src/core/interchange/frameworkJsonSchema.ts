/**
 * The published JSON Schema of framework JSON (schema/framework.schema.json),
 * generated from the zod model so the two cannot drift: scripts/gen-schema.js
 * writes it, and a test fails when the committed file is out of date.
 */
import { z } from 'zod';
import { frameworkSchema } from '../framework/schema';

export const FRAMEWORK_SCHEMA_FILE = 'schema/framework.schema.json';

export function frameworkJsonSchema(): Record<string, unknown> {
  // "input": what an author writes (defaulted lists may be left out).
  const generated = z.toJSONSchema(frameworkSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Competency Matrix framework',
    description:
      'A competency framework: scales of proficiency levels, roles (lowest first), competencies in categories with descriptors per level, and target levels per role. Generated from src/core/framework/schema.ts by scripts/gen-schema.js; do not edit by hand.',
    ...rest,
  };
}

/** The file's text, exactly as committed. */
export function frameworkJsonSchemaText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}
