/**
 * Which format a framework file is in, from its content first and its name
 * second: JSON text is framework JSON or, when it holds CASE objects, CASE;
 * anything else is CSV. A ".json" file that is not JSON is reported as broken
 * JSON rather than read as CSV.
 */
import { looksLikeCase } from './caseTypes';

export type FrameworkFormat = 'json' | 'case' | 'csv';

/** The formats a framework can be exported to: a set of CSV tables is several files. */
export const EXPORT_FORMATS = ['json', 'csv', 'csv-tables', 'case'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<FrameworkFormat | ExportFormat, string> = {
  json: 'framework JSON',
  case: 'CASE 1.1 JSON',
  csv: 'CSV long table',
  'csv-tables': 'set of CSV tables',
};

/** Is this text meant as JSON? It starts with { or [, or the file is called *.json. */
export function isJsonText(fileName: string, text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) || /\.json$/i.test(fileName);
}

export function formatOfJson(json: unknown): Exclude<FrameworkFormat, 'csv'> {
  return looksLikeCase(json) ? 'case' : 'json';
}
