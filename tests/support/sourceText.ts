/**
 * The public source texts the built-in frameworks were encoded from live outside
 * the project, in shared/source-frameworks beside the repository (or wherever
 * SOURCE_FRAMEWORKS points). Where a text is missing, the cross-checks against it
 * cannot run: they are skipped, and the run says so and how to bring them back,
 * instead of passing without a word.
 */
import fs from 'fs';
import path from 'path';
import { announceSkip } from './announceSkip';

export const SOURCE_DIR = process.env.SOURCE_FRAMEWORKS ?? path.resolve(__dirname, '../../../shared/source-frameworks');

export interface SourceText {
  /** The text with line endings made "\n", or undefined where the file is missing. */
  text: string | undefined;
  /** `describe` where the text is there, else `describe.skip` (after saying why). */
  describeAgainstSource: jest.Describe;
}

export function sourceText(file: string, framework: string): SourceText {
  const full = path.join(SOURCE_DIR, file);
  if (!fs.existsSync(full)) {
    announceSkip(
      `skipped: the ${framework} cross-checks against its source text: ${full} is missing; ` +
        'put shared/source-frameworks beside the repository or set SOURCE_FRAMEWORKS to its folder',
    );
    return { text: undefined, describeAgainstSource: describe.skip };
  }
  return { text: fs.readFileSync(full, 'utf8').replace(/\r\n?/g, '\n'), describeAgainstSource: describe };
}
