import fs from 'fs';
import path from 'path';
import { builtInFrameworks } from '../frameworks/library';
import { FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema, frameworkJsonSchemaText } from './frameworkJsonSchema';

const committed = path.join(__dirname, '../../..', FRAMEWORK_SCHEMA_FILE);

describe('the published JSON Schema of framework JSON', () => {
  it('is up to date with the model (run npm run schema after changing src/core/framework/schema.ts)', () => {
    expect(fs.readFileSync(committed, 'utf8')).toBe(frameworkJsonSchemaText());
  });

  it('requires what the model requires and describes the fields authors fill in', () => {
    const schema = frameworkJsonSchema() as { required: string[]; properties: Record<string, { items?: { required?: string[] } }> };
    expect(schema.required.sort()).toEqual(['competencies', 'id', 'name', 'provenance', 'roles', 'scales']);
    expect(schema.properties.competencies.items?.required?.sort()).toEqual(['id', 'name', 'scale']);
    expect(JSON.stringify(schema)).toContain('Descriptor text per level code');
  });

  it('is the file every built-in framework points to with $schema', () => {
    const dataDir = path.join(__dirname, '../frameworks/data');
    for (const m of builtInFrameworks()) {
      expect(path.resolve(dataDir, m.data.$schema ?? '')).toBe(committed);
    }
  });
});
