import { decodeText } from './text';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decoding a framework file', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode('Résilience');
    expect(decodeText('f.csv', utf8)).toBe('Résilience');
    expect(decodeText('f.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('Résilience');
    const le = [0xff, 0xfe, ...Array.from('Né', (c) => [c.charCodeAt(0), 0]).flat()];
    expect(decodeText('f.csv', new Uint8Array(le))).toBe('Né');
    const be = [0xfe, 0xff, ...Array.from('Né', (c) => [0, c.charCodeAt(0)]).flat()];
    expect(decodeText('f.csv', new Uint8Array(be))).toBe('Né');
  });

  it('refuses what it would have to guess at, saying how to save the file instead', () => {
    expect(() => decodeText('f.csv', bytes(0x52, 0xe9, 0x73))).toThrow('f.csv: the file is not UTF-8 text (it may be Windows-1252');
    expect(() => decodeText('f.csv', bytes())).toThrow('f.csv: the file is empty');
    expect(() => decodeText('f.xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toThrow(
      /Excel workbook \(\.xlsx\), not text; save the sheet as "CSV UTF-8"/,
    );
    expect(() => decodeText('f.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 1, 2))).toThrow(/old binary Excel workbook \(\.xls\)/);
    expect(() => decodeText('f.csv', new Uint8Array(Array.from('a,b\n1,2\n', (c) => [c.charCodeAt(0), 0]).flat()))).toThrow(
      /UTF-16 text without a byte-order mark/,
    );
  });
});
