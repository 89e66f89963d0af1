/**
 * The fake's requirement-set table against Microsoft's own type definitions:
 * each member's "[Api set: ExcelApi x.y]" remark in @types/office-js, read
 * from the file, not from the table.
 */
import fs from 'fs';
import { REQUIREMENT_SETS, sheetNameProblem } from './excelLimits';

const TYPES = fs.readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
const EXCEL_NAMESPACE = TYPES.slice(TYPES.indexOf('declare namespace Excel {'));

/** The ExcelApi versions in the doc comment of Excel.<cls>.<member>, as written there. */
function documentedSets(cls: string, member: string): string[] {
  // Event arguments are interfaces, objects are classes.
  const start = EXCEL_NAMESPACE.search(new RegExp(`\\n    (class ${cls} extends |interface ${cls} \\{)`));
  if (start < 0) throw new Error(`no class Excel.${cls} in @types/office-js`);
  const end = EXCEL_NAMESPACE.indexOf('\n    }', start);
  const body = EXCEL_NAMESPACE.slice(start, end);
  const decl = new RegExp(`\\n        (readonly )?${member}(\\(|: |\\?:)`).exec(body);
  if (!decl) throw new Error(`no member ${member} in Excel.${cls}`);
  const comment = body.slice(body.lastIndexOf('/**', decl.index), decl.index);
  const remark = /\[Api set: ExcelApi ([^\]]*)\]/.exec(comment)?.[1] ?? '';
  return [...remark.matchAll(/\d+\.\d+/g)].map((m) => m[0]);
}

describe("the fake's requirement sets", () => {
  it.each(Object.entries(REQUIREMENT_SETS))('tags %s with the set Microsoft documents for it (%s)', (key, set) => {
    const [cls, member] = key.split('.');
    // load() carries no remark of its own: it comes with every object, from ExcelApi 1.1.
    const documented = member === 'load' ? ['1.1'] : documentedSets(cls, member);
    expect(documented.length).toBeGreaterThan(0);
    // "1.1 for reading, 1.2 for setting": the fake writes, so it needs the last one named.
    expect(set).toBe(documented[documented.length - 1]);
  });
});

describe("Excel's sheet name rules", () => {
  it.each([
    ['', 'empty'],
    ['A'.repeat(32), '31 characters'],
    ["'Team", 'apostrophe'],
    ["Team'", 'apostrophe'],
    ['Q1/Q2', '[ ] : * ? / \\'],
    ['history', 'reserved'],
    ['Team \uD83D', 'half of a character'],
  ])('refuses %j (%s)', (name, why) => {
    expect(sheetNameProblem(name)).toContain(why);
  });

  it('takes names Excel takes: 31 characters, inner apostrophes, emoji as whole pairs', () => {
    expect(sheetNameProblem('A'.repeat(31))).toBeUndefined();
    expect(sheetNameProblem("Ana's team")).toBeUndefined();
    expect(sheetNameProblem('Team \uD83D\uDE00')).toBeUndefined();
  });
});
