/**
 * The task pane's fence around the host: components never reach for the
 * Office or Excel globals, and only the real workbench imports src/host
 * (Script Lab keeps its Office.js access in a few helpers the same way).
 */
import fs from 'fs';
import path from 'path';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

const files = sourceFiles(__dirname);

/** The code without comments and string literals, where a mention of "Office.js" is only words. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['`"])(?:\\.|(?!\1).)*\1/g, '""');
}
const rel = (f: string) => path.relative(__dirname, f);

describe('the task pane', () => {
  it('never touches the Office, Excel or CustomFunctions globals', () => {
    const globals = /\b(typeof\s+(Office|Excel|CustomFunctions)\b|(Office|Excel|CustomFunctions)\.[a-zA-Z])/;
    expect(files.filter((f) => globals.test(code(f))).map(rel)).toEqual([]);
  });

  it('reaches src/host only through the real workbench', () => {
    const importsHost = (f: string) =>
      /(?:from\s+|import\s*\(\s*(?:\/\*.*?\*\/\s*)?)['"](?:\.\.\/)+host\//.test(fs.readFileSync(f, 'utf8'));
    expect(files.filter(importsHost).map(rel)).toEqual([
      path.join('workbench', 'meetingWorkbench.ts'),
      path.join('workbench', 'officeWorkbench.ts'),
      path.join('workbench', 'summaryOfReport.ts'),
    ]);
  });

  it('keeps every user-facing word in strings.ts: no literal sentences in components', () => {
    const components = files.filter((f) => f.endsWith('.tsx'));
    // JSX text between tags made of letters is a literal string that bypassed strings.ts.
    const literal = />\s*[A-Za-z][A-Za-z ,.'’]{3,}\s*<\//;
    expect(components.filter((f) => literal.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
  });
});
