import { renameSheetRefs, sheetRenames } from './sheetRefs';

const renames = sheetRenames([
  ['Scale', 'Scale (2)'],
  ['Team grid', 'CM-new 2 Team grid'],
  ['Data', 'Data'],
]);

describe('renaming sheet references in formulas', () => {
  it('rewrites an unquoted reference and quotes the new name when it needs quotes', () => {
    expect(renameSheetRefs('COUNTIF(Scale!$B$2:$B$6,D4)', renames)).toBe("COUNTIF('Scale (2)'!$B$2:$B$6,D4)");
  });

  it('rewrites quoted references, in any case', () => {
    expect(renameSheetRefs("='team grid'!A1+'Team grid'!B2", renames)).toBe("='CM-new 2 Team grid'!A1+'CM-new 2 Team grid'!B2");
  });

  it('leaves text inside string literals alone, including doubled quotes', () => {
    expect(renameSheetRefs('IF(A1="Scale!B2","say ""Scale!""",Scale!B2)', renames)).toBe(
      'IF(A1="Scale!B2","say ""Scale!""",\'Scale (2)\'!B2)',
    );
  });

  it('leaves other sheets, function names and cell references alone', () => {
    const f = 'SUM(Other!A1:A3)+SCALE(1)+ScaleX!A1+Data!B2';
    expect(renameSheetRefs(f, renames)).toBe(f);
  });

  it('keeps apostrophes inside quoted sheet names', () => {
    const r = sheetRenames([["Bob's team", 'Team']]);
    expect(renameSheetRefs("'Bob''s team'!A1", r)).toBe('Team!A1');
    expect(renameSheetRefs('Team!A1', sheetRenames([['Team', "Bob's team"]]))).toBe("'Bob''s team'!A1");
  });
});
