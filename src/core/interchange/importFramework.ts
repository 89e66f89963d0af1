/**
 * Reads a framework file of any supported format into a validated framework,
 * or throws one error that names the file, the place and the fix.
 */
import { validateFramework, type Framework } from '../framework/validate';
import { CompetencyError, type Issue } from '../problems';
import { decodeText } from './text';

export interface ImportResult {
  framework: Framework;
  warnings: Issue[];
}

export function importFrameworkFile(fileName: string, bytes: Uint8Array): ImportResult {
  const text = decodeText(fileName, bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CompetencyError('invalid-file', `not valid JSON (${(e as Error).message}); check the file was saved as framework JSON`, fileName);
  }
  return checkFramework(fileName, json);
}

export function checkFramework(fileName: string, json: unknown): ImportResult {
  const result = validateFramework(json);
  if (!result.framework) {
    const shown = result.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
    throw new CompetencyError('invalid-framework', `${shown.join('; ')}${more}`, fileName);
  }
  return { framework: result.framework, warnings: result.warnings };
}
