/**
 * The help Excel shows comes from the JSDoc of functions.ts (through
 * custom-functions-metadata, as in the webpack build); the behaviour comes from
 * the declaration table. This keeps the two telling the same story.
 */
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTIONS } from './functionTable';

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string; description?: string }[];
    result: { dimensionality?: string };
  }[];
}

let metadata: Metadata;
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, 'functions.ts'));
  errors = result.errors;
  metadata = JSON.parse(result.metadataJson) as Metadata;
}, 60_000);

describe('the functions metadata generated from JSDoc', () => {
  it('parses without errors', () => {
    expect(errors).toEqual([]);
  });

  it('lists every declared function with the same parameters, in order, optional where declared', () => {
    const fromJsDoc = metadata.functions.map((f) => ({ id: f.id, params: f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}`) }));
    const declared = FUNCTIONS.map((d) => ({ id: d.name, params: d.params.map((p) => `${p.name}${p.optional ? '?' : ''}`) }));
    expect(fromJsDoc).toEqual(declared);
  });

  it('takes every argument as a range and returns a range, so Excel hands over and spills whole matrices', () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe('matrix');
      for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.dimensionality}`).toBe(`${f.id}(${p.name}): matrix`);
    }
  });

  it("states the sign convention gap = rating - target in every function's help", () => {
    for (const f of metadata.functions) expect(`${f.id}: ${f.description}`).toContain('gap = rating - target');
  });

  it('keeps help short enough for the formula autocomplete', () => {
    for (const f of metadata.functions) {
      expect(f.description.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) expect((p.description ?? '').length).toBeLessThanOrEqual(128);
    }
  });
});
