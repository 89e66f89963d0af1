/** Turns a --framework argument into a framework: a built-in id, or a framework file. */
import { builtIn, findBuiltIn } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { CompetencyError } from '../core/problems';
import { importFrameworkFile } from '../core/interchange/importFramework';
import type { CliIO } from './io';

export async function resolveFramework(idOrPath: string, io: CliIO): Promise<FrameworkModel> {
  const known = findBuiltIn(idOrPath);
  if (known) return known;
  if (!/[./\\]/.test(idOrPath)) return builtIn(idOrPath); // throws with the list of built-in ids
  if (!(await io.exists(idOrPath))) {
    throw new CompetencyError('invalid-file', `no built-in framework or file "${idOrPath}"`);
  }
  const bytes = await io.readFile(idOrPath);
  const { framework } = importFrameworkFile(idOrPath, new Uint8Array(bytes));
  return new FrameworkModel(framework);
}
