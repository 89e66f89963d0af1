import fc from 'fast-check';
import { guardCsvText, isFormulaLike, unguardCsvText } from './formulaText';

describe('formula-like text', () => {
  it('is text a spreadsheet would try to calculate if it were typed in', () => {
    for (const t of ['=1+2', '@SUM(A1)', '+44 20 7946', '-10 points', '=']) expect(isFormulaLike(t)).toBe(true);
    for (const t of ['- a bullet', '-', 'Plain', "'=quoted", ' =spaced']) expect(isFormulaLike(t)).toBe(false);
  });

  it('gets an apostrophe in a CSV cell, bullets included, and only then', () => {
    expect(guardCsvText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardCsvText('- a bullet')).toBe("'- a bullet");
    expect(guardCsvText("'=already")).toBe("''=already");
    expect(guardCsvText("it's fine")).toBe("it's fine");
    expect(guardCsvText("'quoted")).toBe("'quoted");
    expect(guardCsvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCsvText('+44')).toBe("'+44");
    expect(guardCsvText('-1')).toBe("'-1");
    expect(guardCsvText('\tcmd')).toBe("'\tcmd");
    expect(guardCsvText('\rcmd')).toBe("'\rcmd");
    expect(guardCsvText('a=b')).toBe('a=b');
  });

  it('comes back exactly as it was, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", 'a', ' ', '\t', '1') }), (text) => {
        expect(unguardCsvText(guardCsvText(text))).toBe(text);
      }),
    );
  });
});
