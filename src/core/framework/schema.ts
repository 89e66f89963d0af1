/**
 * The framework file format: what people (and our built-in data) write.
 * Checked by zod at run time; the same schema is published as JSON Schema
 * (schema/framework.schema.json) for anyone authoring framework JSON.
 */
import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" or "-"');
const text = z.string().min(1);

export const scaleLevelSchema = z.object({
  code: z.string().min(1).max(24).describe('Short code written in cells, e.g. "A" or "3".'),
  name: text.describe('The level name, e.g. "Advanced".'),
  value: z.number().finite().describe('Numeric value; gaps are differences of values.'),
  definition: z.string().optional().describe('What the level means, as the source states it.'),
  aliases: z.array(text).optional().describe('Other spellings the source uses for this level.'),
});

export const scaleSchema = z.object({
  id,
  name: text,
  description: z.string().optional(),
  levels: z.array(scaleLevelSchema).min(1).describe('Lowest level first.'),
  complete: z.boolean().optional().describe('false when the source states only part of the ladder (the rest is left open).'),
  note: z.string().optional(),
});

export const categorySchema = z.object({
  id,
  name: text,
  parent: id.optional().describe('Id of the enclosing category, if any.'),
  description: z.string().optional(),
});

export const roleDimensionSchema = z.object({
  id,
  name: text,
  group: z.string().optional().describe('Heading the dimension sits under in the source.'),
});

export const roleSchema = z.object({
  id,
  name: text.describe('The role title as the source writes it.'),
  code: z.string().optional().describe('A short code such as "L3" or "P3".'),
  summary: z.string().optional(),
  descriptions: z
    .record(z.string(), z.string())
    .optional()
    .describe('Text per role dimension id (career path rows, level attributes, lists).'),
});

export const competencySchema = z.object({
  id,
  name: text,
  category: id.optional(),
  definition: z.string().optional(),
  type: z.string().optional().describe('e.g. technical, interpersonal, behavioural.'),
  scale: id.describe('Id of the scale its levels and targets use.'),
  descriptors: z.record(z.string(), z.string()).optional().describe('Descriptor text per level code, where the source gives one.'),
});

export const targetSchema = z.object({
  role: id,
  competency: id,
  level: z.string().min(1).describe('Level code on the competency scale.'),
  note: z.string().optional(),
});

export const provenanceSchema = z.object({
  title: text,
  publisher: text,
  year: z.number().int().min(1900).max(2100).optional(),
  licence: text.describe('A note on the terms the source is published under.'),
  source: z.string().optional().describe('Where the text came from.'),
  note: z.string().optional(),
});

export const frameworkSchema = z.object({
  $schema: z.string().optional(),
  id,
  name: text,
  description: z.string().optional(),
  version: z.string().optional(),
  provenance: provenanceSchema,
  scales: z.array(scaleSchema).min(1),
  categories: z.array(categorySchema).default([]),
  roleDimensions: z.array(roleDimensionSchema).default([]),
  roles: z.array(roleSchema).min(1).describe('Lowest (most junior) role first.'),
  competencies: z.array(competencySchema).min(1),
  targets: z.array(targetSchema).default([]),
  notes: z.array(z.string()).optional().describe('What the source leaves open, and other remarks.'),
});

/** A framework as written in a file (defaults not yet applied). */
export type FrameworkInput = z.input<typeof frameworkSchema>;
/** A framework after schema parsing (defaults applied), before semantic checks. */
export type FrameworkData = z.output<typeof frameworkSchema>;
export type ScaleLevel = z.output<typeof scaleLevelSchema>;
export type ScaleData = z.output<typeof scaleSchema>;
export type Category = z.output<typeof categorySchema>;
export type RoleDimension = z.output<typeof roleDimensionSchema>;
export type Role = z.output<typeof roleSchema>;
export type Competency = z.output<typeof competencySchema>;
export type Target = z.output<typeof targetSchema>;
export type Provenance = z.output<typeof provenanceSchema>;
