import { cleanSheetName, uniqueSheetName } from './sheetNames';

/** Excel's rules for a sheet name, written out here independently of the code under test. */
function excelTakes(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !/[\uD800-\uDBFF]$/.test(name) &&
    !/^[\uDC00-\uDFFF]/.test(name)
  );
}

describe('sheet names Excel accepts', () => {
  it('does not end a name cut to 31 characters with an apostrophe', () => {
    const name = cleanSheetName(`${'A'.repeat(30)}'s team`);
    expect(name).toBe('A'.repeat(30));
    expect(excelTakes(name)).toBe(true);
  });

  it('does not split an emoji when cutting to 31 characters', () => {
    const name = cleanSheetName(`${'x'.repeat(30)}\u{1F680} launch`);
    expect(name).toBe('x'.repeat(30));
    expect(excelTakes(name)).toBe(true);
  });

  it('keeps a whole emoji that fits', () => {
    expect(cleanSheetName(`${'x'.repeat(29)}\u{1F680} launch`)).toBe(`${'x'.repeat(29)}\u{1F680}`);
  });

  it('makes numbered names that Excel accepts when the base is cut next to an apostrophe or an emoji', () => {
    const taken = [`${'B'.repeat(26)}'s te`, `${'C'.repeat(26)}\u{1F680}abc`];
    for (const wanted of taken) {
      const name = uniqueSheetName(wanted, [cleanSheetName(wanted)]);
      expect(name).toMatch(/ \(2\)$/);
      expect(excelTakes(name)).toBe(true);
      expect(name.slice(0, -4).endsWith("'")).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(name.slice(0, -4))).toBe(false);
    }
  });

  it('refuses nothing of the many names a framework import can bring', () => {
    const samples = ["'quoted'", "It's", 'a/b:c*d?e[f]g\\h', '   ', 'History', `${'ü'.repeat(40)}`, `${'\u{1F600}'.repeat(20)}`];
    for (const s of samples) expect(excelTakes(cleanSheetName(s))).toBe(true);
  });
});
