import { decodeRosterText } from './rosterText';

describe('decodeRosterText', () => {
  it('reads UTF-8 as it is, without a note', () => {
    const out = decodeRosterText('r.csv', new TextEncoder().encode('id,name,role\nE1,Jürgen Müller,I\n'));
    expect(out.text).toContain('Jürgen Müller');
    expect(out.note).toBeUndefined();
  });

  it('reads what Excel saves as plain "CSV" (Windows-1252) and says so in one line', () => {
    // "Jürgen Müller – Zoë" in Windows-1252: ü = FC, – = 96 (en dash), ë = EB.
    const bytes = Uint8Array.from([
      ...Buffer.from('id,name,role\nE1,J'),
      0xfc,
      ...Buffer.from('rgen M'),
      0xfc,
      ...Buffer.from('ller '),
      0x96,
      ...Buffer.from(' Zo'),
      0xeb,
      ...Buffer.from(',I\n'),
    ]);
    const out = decodeRosterText('hr.csv', bytes);
    expect(out.text).toContain('Jürgen Müller – Zoë');
    expect(out.note).toMatch(/^hr\.csv is not UTF-8; it was read as Windows-1252/);
  });

  it('refuses bytes that cannot be Windows-1252, naming the byte and how to save the file', () => {
    const bytes = Uint8Array.from([...Buffer.from('id,name\nE1,A'), 0x81, 0x8d]);
    expect(() => decodeRosterText('x.csv', bytes)).toThrow(
      /x\.csv: the file is neither UTF-8 nor Windows-1252 text \(byte 0x81 at offset 12\); save it from Excel as "CSV UTF-8"/,
    );
  });

  it('still refuses a workbook passed as CSV, as decodeText does', () => {
    expect(() => decodeRosterText('x.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff]))).toThrow(/zip archive/);
  });
});
