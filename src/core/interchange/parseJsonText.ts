/** JSON text to a value, or an error that says where the syntax breaks (line and column, not a byte offset). */
import { CompetencyError } from '../problems';

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function parseJsonText(source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const token = /^Unexpected token '(.+?)'/.exec(message);
    const at = /position (\d+)/.exec(message);
    // Without a position, V8 stopped at the first character it could not read: the first token.
    const position = at
      ? Number(at[1])
      : token
        ? Math.max(0, text.indexOf(token[1]))
        : /end of JSON input/.test(message)
          ? text.length
          : undefined;
    const what = token
      ? `unexpected character '${token[1]}'`
      : message
          .replace(/ in JSON at position \d+.*$/s, '')
          .replace(/,? ".*" is not valid JSON$/s, '')
          .replace(/^./, (c) => c.toLowerCase());
    const where = position === undefined ? 'somewhere in the file' : lineAndColumn(text, position);
    throw new CompetencyError(
      'invalid-file',
      `${where}: not valid JSON (${what}); fix the syntax there (a missing comma or quote, or a trailing comma) and try again`,
      source,
    );
  }
}
