/**
 * Which format a framework file is in, from its content first and its name
 * second: JSON text is framework JSON or, when it holds CASE objects, CASE;
 * text opening with YAML front matter (`---`) that lists `topics` is a
 * progression framework in Monzo's format; text opening with a Markdown heading
 * (after any other front matter) is a career ladder;
 * anything else is CSV. A ".json" file that is not JSON is reported as broken
 * JSON rather than read as CSV. `--format` (FrameworkFormat) overrides all this.
 */
import { looksLikeCase } from './caseTypes';

/** The formats one file can be read as. */
export const FILE_FORMATS = ['json', 'case', 'csv', 'monzo', 'markdown'] as const;
export type FrameworkFormat = (typeof FILE_FORMATS)[number];

/** The formats a framework can be imported from: a set of CSV tables is several files. */
export const IMPORT_FORMATS = ['json', 'case', 'csv', 'csv-tables', 'monzo', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats a framework can be exported to: a set of CSV tables is several files. */
export const EXPORT_FORMATS = ['json', 'csv', 'csv-tables', 'case'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat | ExportFormat, string> = {
  json: 'framework JSON',
  case: 'CASE 1.1 JSON',
  csv: 'CSV long table',
  'csv-tables': 'set of CSV tables',
  monzo: 'progression framework (Monzo format: Markdown with YAML front matter)',
  markdown: 'Markdown career ladder',
};

/** Is this text meant as JSON? It starts with { or [, or the file is called *.json. */
export function isJsonText(fileName: string, text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) || /\.json$/i.test(fileName);
}

export function formatOfJson(json: unknown): 'json' | 'case' {
  return looksLikeCase(json) ? 'case' : 'json';
}

/** YAML front matter: the file's first line is `---` (Jekyll, Gatsby and Monzo's frameworks). */
export function hasFrontMatter(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text);
}

/** The front matter's text and the Markdown after it (all of the text when there is none). */
function splitFrontMatter(text: string): { front?: string; body: string } {
  const plain = text.replace(/^\uFEFF/, '');
  if (!hasFrontMatter(plain)) return { body: plain };
  const m = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*$/m.exec(plain);
  return m ? { front: m[1], body: plain.slice(m.index + m[0].length) } : { front: plain, body: '' };
}

/** A Markdown document: its first non-blank line (after any front matter) is an ATX heading ("# Title"), or it is called *.md. */
export function isMarkdownText(fileName: string, text: string): boolean {
  const first = splitFrontMatter(text).body.match(/^\s*(.*)/)?.[1] ?? '';
  return /^#{1,6}\s+\S/.test(first) || /\.(md|markdown)$/i.test(fileName);
}

/** The format of one file's text (JSON still to be parsed: 'json' stands for JSON or CASE). */
export function textFormat(fileName: string, text: string): 'json' | 'monzo' | 'markdown' | 'csv' {
  if (isJsonText(fileName, text)) return 'json';
  const { front } = splitFrontMatter(text);
  // Front matter without topics (a wiki page's title and tags) is not a progression framework.
  if (front !== undefined && (/^topics\s*:/m.test(front) || !isMarkdownText(fileName, text))) return 'monzo';
  if (isMarkdownText(fileName, text)) return 'markdown';
  return 'csv';
}
