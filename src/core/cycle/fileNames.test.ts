import { safeFileStem, uniqueFileName } from './fileNames';

describe('cycle file names', () => {
  it.each([
    ['Team - Ana: R&D / Ops?', 'Team - Ana- R&D - Ops-'],
    ['  trailing dots...  ', 'trailing dots'],
    ['CON', 'CON_'],
    ['lpt1.backup', 'lpt1.backup_'],
    ['a\tb\u0000c', 'a b-c'],
    ['', 'unnamed'],
  ])('makes "%s" safe on Windows, macOS and Linux as "%s"', (text, stem) => {
    expect(safeFileStem(text)).toBe(stem);
  });

  it('keeps a long name within 255 bytes of UTF-8 on every system', () => {
    const stem = safeFileStem('Ølberg '.repeat(80));
    expect(new TextEncoder().encode(`${stem} (99).xlsx`).length).toBeLessThanOrEqual(255);
  });

  it('makes names unique the way Windows and macOS compare them (case and Unicode form ignored)', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('Team - José', taken)).toBe('Team - José.xlsx');
    expect(uniqueFileName('team - JOSÉ', taken)).toBe('team - JOSÉ (2).xlsx');
    expect(uniqueFileName('Team - Jose\u0301', taken)).toBe('Team - José (3).xlsx');
  });
});
