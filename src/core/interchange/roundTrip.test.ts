/**
 * Every built-in framework, exported to every format and imported again, is
 * the same framework. The one documented normalisation: `$schema` (an editor
 * hint, not part of the framework) travels only in framework JSON.
 */
import { builtInFrameworks } from '../frameworks/library';
import type { Framework } from '../framework/validate';
import { exportFramework } from './exportFramework';
import { importFrameworkFiles } from './importFramework';
import { EXPORT_FORMATS, type ExportFormat } from './frameworkFormat';

const encoder = new TextEncoder();

function roundTrip(fw: Framework, format: ExportFormat) {
  const files = exportFramework(fw, format, { changedAt: '2025-06-01T12:00:00Z' });
  const folder = format === 'csv-tables' ? `${fw.id}/` : '';
  return importFrameworkFiles(files.map((f) => ({ name: `${folder}${f.name}`, bytes: encoder.encode(f.text) })));
}

function withoutSchema(fw: Framework): Framework {
  const { $schema: _schema, ...rest } = fw;
  return rest;
}

const cases = builtInFrameworks().flatMap((m) => EXPORT_FORMATS.map((format) => [m.id, format, m.data] as const));

describe('round trips of the built-in frameworks', () => {
  it.each(cases)('%s exported as %s imports back to the same framework', (_id, format, fw) => {
    const { framework, format: readAs } = roundTrip(fw, format);
    expect(readAs).toBe(format);
    expect(framework).toStrictEqual(format === 'json' ? fw : withoutSchema(fw));
  });

  it.each(cases)('%s exported as %s imports without a single warning', (_id, format, fw) => {
    expect(roundTrip(fw, format).warnings).toEqual([]);
  });

  it.each(cases)('%s exported as %s twice gives the same bytes', (_id, format, fw) => {
    const once = exportFramework(fw, format, { changedAt: '2025-06-01T12:00:00Z' });
    const twice = exportFramework(roundTrip(fw, format).framework, format, { changedAt: '2025-06-01T12:00:00Z' });
    expect(twice).toEqual(once);
  });

  it('survives a chain through every format in turn', () => {
    for (const m of builtInFrameworks()) {
      let fw = withoutSchema(m.data);
      for (const format of ['csv', 'case', 'csv-tables', 'json', 'case', 'csv'] as const) fw = roundTrip(fw, format).framework;
      expect(fw).toStrictEqual(withoutSchema(m.data));
    }
  });
});
