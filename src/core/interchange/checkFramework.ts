/**
 * The last step of every import: a framework built from a file is checked by the
 * model's own validation, and each finding is rewritten for the person who
 * wrote the file: where it is in their file (a row, a JSON path) and what to do.
 */
import type { z } from 'zod';
import { frameworkSchema } from '../framework/schema';
import { validateFramework, type Framework } from '../framework/validate';
import type { Issue } from '../problems';
import { problemsError } from './importProblems';
import { formulaLikeWarnings } from './formulaText';
import { slugId } from './slugId';

export interface CheckedFramework {
  framework: Framework;
  warnings: Issue[];
}

export interface CheckOptions {
  /** Turns a JSON path of the framework into a place in the source ("row 7"); the path itself by default. */
  locate?: (path: string) => string;
  /** Warnings found while reading the source, reported with the framework's own. */
  warnings?: Issue[];
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

const NOUN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

const AT_LEAST_ONE: Record<string, string> = {
  levels: 'a scale needs at least one level; list its levels, lowest first',
  scales: 'the framework needs at least one scale; add one with its levels, lowest first',
  roles: 'the framework needs at least one role; add its roles, most junior first',
  competencies: 'the framework needs at least one competency; add them with a name and a scale',
};

/** A zod finding in words a framework author can act on. */
function explainSchemaIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const key = String(issue.path[issue.path.length - 1] ?? 'framework');
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = NOUN[issue.expected] ?? issue.expected;
      if (value === undefined) return `"${key}" is missing; add it (${expected})`;
      if (issue.path.length === 0)
        return `a framework file holds one JSON object ({ "id": …, "name": …, "scales": […], … }), not ${describeValue(value)}`;
      const fix =
        issue.expected === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
          ? '; write the number without quotes'
          : '';
      return `expected ${expected}, found ${describeValue(value)}${fix}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return AT_LEAST_ONE[key] ?? `"${key}" needs at least ${String(issue.minimum)} entries`;
      if (issue.origin === 'string') return `"${key}" is empty; give it some text`;
      return `${String(value)} is too small; the lowest allowed is ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `"${key}" is longer than ${String(issue.maximum)} characters; shorten it`;
      return `${String(value)} is too big; the highest allowed is ${String(issue.maximum)}`;
    case 'invalid_format':
      if (typeof value === 'string' && issue.format === 'regex') {
        const suggestion = slugId(value);
        return `"${value}" is not a valid id: ${issue.message}${suggestion ? `; for example "${suggestion}"` : ''}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

/** Adds the fix to the model's semantic messages that state only the fault. */
function withFix(message: string): string {
  if (/^duplicate id /.test(message)) return `${message}; give each one a different id`;
  if (/^duplicate level (code|name) /.test(message)) return `${message}; each level of a scale needs its own code and name`;
  if (/^unknown (category|scale|role|competency|role dimension) /.test(message))
    return `${message}; declare it first or correct the reference`;
  if (/^a second target /.test(message)) return `${message}; keep one target per role and competency`;
  if (/is its own ancestor/.test(message)) return `${message}; make one of these categories top-level (no parent)`;
  if (/ has no level "/.test(message)) return `${message}; use one of those codes or remove the descriptor`;
  if (/^level values must rise/.test(message)) return `${message}; list levels lowest first with rising values`;
  return message;
}

/**
 * Validates a candidate framework. Throws one error listing every problem, placed
 * in the source; returns the framework and its warnings otherwise.
 */
export function checkFramework(source: string, candidate: unknown, options: CheckOptions = {}): CheckedFramework {
  const locate = options.locate ?? ((p: string) => p || '(root)');
  const parsed = frameworkSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: locate(formatPath(i.path)), message: explainSchemaIssue(i, candidate) }));
    throw problemsError(source, issues);
  }
  const result = validateFramework(candidate);
  if (!result.framework) {
    throw problemsError(
      source,
      result.errors.map((e) => ({ path: locate(e.path), message: withFix(e.message) })),
    );
  }
  const warnings = [
    ...(options.warnings ?? []),
    ...result.warnings.map((w) => ({ path: locate(w.path), message: w.message })),
    ...formulaLikeWarnings(result.framework, locate),
  ];
  return { framework: result.framework, warnings };
}
