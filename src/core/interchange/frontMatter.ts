/**
 * YAML front matter of a Markdown file, parsed with a real YAML parser (the
 * `yaml` package), with a way to say which line of the file a value is on: the
 * front matter starts on line 2, after the opening `---`.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ImportProblems } from './importProblems';

export interface FrontMatter {
  /** The parsed YAML as plain data. */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** The file line of the value at a path (["topics", 2, "title"]), or of its nearest parent that exists. */
  lineOf(path: readonly (string | number)[]): number;
}

const FIRST_LINE = 2;

/** Splits and parses; YAML errors are reported with their file line, and thrown. */
export function readFrontMatter(text: string, problems: ImportProblems): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
  if (close < 0) {
    problems.error('line 1', 'the front matter opened by "---" is never closed; end it with a line holding only "---"');
    problems.throwIfAny();
  }
  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    // Without prettyErrors the error has only offsets; the counter turns them into lines.
    const line = counter.linePos(Math.min(e.pos[0], Math.max(0, yamlText.length - 1))).line + FIRST_LINE - 1;
    problems.error(
      `line ${line}`,
      `the YAML front matter cannot be read: ${e.message.replace(/\s+at line \d+.*$/s, '')}; check the indentation and quotes there`,
    );
  }
  problems.throwIfAny();
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + FIRST_LINE - 1;
    }
    return FIRST_LINE;
  };
  return { data: doc.toJS(), body: lines.slice(close + 1).join('\n'), lineOf };
}
